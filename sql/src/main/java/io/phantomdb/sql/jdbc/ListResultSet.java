package io.phantomdb.sql.jdbc;

import io.phantomdb.sql.ResultColumn;

import java.sql.Statement;
import java.util.List;

/**
 * A result set over rows held in memory: the answers of {@link java.sql.DatabaseMetaData}, generated keys,
 * and the results of a multi-statement string that had to be read before the next statement ran.
 * <p>
 * <b>Note:</b> one thread at a time.
 */
final class ListResultSet extends AbstractResultSet
{
    private final List<Object[]> rows;
    private int next;
    private Object[] current;

    /**
     * @param columns   the columns.
     * @param rows      the rows, each with one value per column in the SQL layer's classes.
     * @param statement the statement that produced them, or null.
     */
    ListResultSet(final List<ResultColumn> columns, final List<Object[]> rows, final Statement statement)
    {
        super(columns, statement, 0);
        this.rows = rows;
    }

    /**
     * @return how many rows the set holds.
     */
    int size()
    {
        return rows.size();
    }

    @Override
    protected boolean fetchNext()
    {
        if (next < rows.size())
        {
            current = rows.get(next++);
            return true;
        }
        current = null;
        return false;
    }

    @Override
    protected Object currentValue(final int column)
    {
        return current[column];
    }

    @Override
    protected void release()
    {
        current = null;
    }
}
