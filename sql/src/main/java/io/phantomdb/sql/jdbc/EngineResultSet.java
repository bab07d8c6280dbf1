package io.phantomdb.sql.jdbc;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A result set streaming the rows of one {@link SqlResult}. The session allows one open result at a
 * time, so when the connection runs another statement while this set is still open it first calls
 * {@link #detach()}: the set copies its remaining rows into memory and releases the engine's cursor, and
 * the caller keeps reading as if nothing happened (JDBC code commonly runs updates inside a read loop).
 * <p>
 * <b>Note:</b> one thread at a time, the connection's.
 */
final class EngineResultSet extends AbstractResultSet
{
    private final PhantomStatement owner;
    private SqlResult result;
    private List<Object[]> detached;
    private int detachedNext;
    private Object[] detachedRow;

    /**
     * @param owner   the statement that ran the query.
     * @param result  the engine's open result, which returns rows.
     * @param maxRows the most rows to return, 0 for all.
     */
    EngineResultSet(final PhantomStatement owner, final SqlResult result, final long maxRows)
    {
        super(result.columns(), owner, maxRows);
        this.owner = owner;
        this.result = result;
    }

    @Override
    protected boolean fetchNext() throws SQLException
    {
        if (result != null)
        {
            try
            {
                return result.next();
            }
            catch (final SqlException ex)
            {
                closeResult();
                throw owner.translate(ex);
            }
        }
        if (detached != null && detachedNext < detached.size())
        {
            detachedRow = detached.get(detachedNext++);
            return true;
        }
        detachedRow = null;
        return false;
    }

    @Override
    protected Object currentValue(final int column) throws SQLException
    {
        if (result != null)
        {
            try
            {
                return result.get(column);
            }
            catch (final SqlException ex)
            {
                throw owner.translate(ex);
            }
        }
        return detachedRow[column];
    }

    /**
     * Copies the current row (if on one) and the remaining rows into memory and closes the engine's result.
     * Called by the connection before the session runs anything else.
     *
     * @throws SQLException if reading the remaining rows fails.
     */
    void detach() throws SQLException
    {
        if (result == null)
        {
            return;
        }
        final int width = columns().size();
        final List<Object[]> rows = new ArrayList<>();
        try
        {
            if (getRow() > 0)
            {
                detachedRow = copyRow(width);
            }
            while (result.next())
            {
                rows.add(copyRow(width));
            }
        }
        catch (final SqlException ex)
        {
            closeResult();
            throw owner.translate(ex);
        }
        closeResult();
        detached = rows;
    }

    private Object[] copyRow(final int width)
    {
        final Object[] row = new Object[width];
        for (int c = 0; c < width; c++)
        {
            final Object value = result.get(c);
            row[c] = value instanceof byte[] ? ((byte[])value).clone() : value;
        }
        return row;
    }

    @Override
    protected void release() throws SQLException
    {
        detached = null;
        detachedRow = null;
        closeResult();
    }

    private void closeResult() throws SQLException
    {
        final SqlResult open = result;
        if (open != null)
        {
            result = null;
            owner.connection().forgetActive(this);
            try
            {
                open.close();
            }
            catch (final SqlException ex)
            {
                throw owner.translate(ex);
            }
        }
    }
}
