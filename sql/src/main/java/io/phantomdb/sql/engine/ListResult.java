package io.phantomdb.sql.engine;

import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;

import java.util.List;

/**
 * A finished result: rows already computed (RETURNING, EXPLAIN, SHOW) or none (an update count and tag).
 * <p>
 * <b>Note:</b> confined to the session's thread.
 */
final class ListResult implements SqlResult
{
    static final String INVALID_CURSOR_STATE = "24000";

    private final List<ResultColumn> columns;
    private final List<Object[]> rows;
    private final boolean returnsRows;
    private final long count;
    private final String tag;
    private int position = -1;

    ListResult(final List<ResultColumn> columns, final List<Object[]> rows, final long count, final String tag)
    {
        this.columns = columns;
        this.rows = rows;
        this.returnsRows = null != rows;
        this.count = count;
        this.tag = tag;
    }

    static ListResult tag(final String tag)
    {
        return new ListResult(List.of(), null, 0, tag);
    }

    static ListResult count(final String tag, final long count)
    {
        return new ListResult(List.of(), null, count, tag);
    }

    @Override
    public boolean returnsRows()
    {
        return returnsRows;
    }

    @Override
    public List<ResultColumn> columns()
    {
        return columns;
    }

    @Override
    public boolean next()
    {
        if (!returnsRows || position + 1 >= rows.size())
        {
            position = returnsRows ? rows.size() : -1;
            return false;
        }
        position++;
        return true;
    }

    @Override
    public Object get(final int column)
    {
        if (!returnsRows || position < 0 || position >= rows.size())
        {
            throw new SqlException(INVALID_CURSOR_STATE, "no current row: call next() first");
        }
        return rows.get(position)[column];
    }

    @Override
    public long updateCount()
    {
        return count;
    }

    @Override
    public String commandTag()
    {
        return tag;
    }

    @Override
    public void close()
    {
        position = returnsRows ? rows.size() : -1;
    }
}
