package io.phantomdb.sql.engine;

import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.exec.Operator;

import java.util.List;

/**
 * A streaming query result over the root operator of a plan: each {@link #next()} pulls one row through the
 * operator tree; the values are the operator's reused row array. Reaching the end or closing finishes the
 * statement (and, in autocommit, its transaction). One instance per planned query, reused by every
 * execution.
 * <p>
 * <b>Note:</b> confined to the session's thread.
 */
final class QueryResult implements SqlResult
{
    private final Operator root;
    private final List<ResultColumn> columns;
    private EngineSession session;
    private Object[] row;
    private long rows;
    private boolean open;

    QueryResult(final Operator root, final List<ResultColumn> columns)
    {
        this.root = root;
        this.columns = columns;
    }

    QueryResult start(final EngineSession owner)
    {
        this.session = owner;
        this.rows = 0;
        this.row = null;
        this.open = true;
        return this;
    }

    @Override
    public boolean returnsRows()
    {
        return true;
    }

    @Override
    public List<ResultColumn> columns()
    {
        return columns;
    }

    @Override
    public boolean next()
    {
        if (!open)
        {
            return false;
        }
        try
        {
            if (root.next())
            {
                row = root.row();
                rows++;
                return true;
            }
        }
        catch (final Throwable t)
        {
            final SqlException error = SqlErrors.translate(t);
            finish(false);
            throw error;
        }
        finish(true);
        return false;
    }

    @Override
    public Object get(final int column)
    {
        if (null == row)
        {
            throw new SqlException(ListResult.INVALID_CURSOR_STATE, "no current row: call next() first");
        }
        return row[column];
    }

    @Override
    public long updateCount()
    {
        return rows;
    }

    @Override
    public String commandTag()
    {
        return "SELECT " + rows;
    }

    @Override
    public void close()
    {
        if (open)
        {
            finish(true);
        }
    }

    private void finish(final boolean success)
    {
        open = false;
        row = null;
        try
        {
            root.close();
        }
        finally
        {
            session.statementFinished(this, success);
        }
    }

    boolean isOpen()
    {
        return open;
    }
}
