package io.phantomdb.server.pgwire;

import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlResult;

import java.util.List;

/**
 * A result the server computed itself: rows held in a list, or just a command tag.
 * <p>
 * <b>Note:</b> not thread-safe.
 */
final class ListResult implements SqlResult
{
    private final List<ResultColumn> columns;
    private final List<Object[]> rows;
    private final String tag;
    private int index = -1;

    private ListResult(final List<ResultColumn> columns, final List<Object[]> rows, final String tag)
    {
        this.columns = columns;
        this.rows = rows;
        this.tag = tag;
    }

    static ListResult rows(final List<ResultColumn> columns, final List<Object[]> rows)
    {
        return new ListResult(columns, rows, null);
    }

    static ListResult command(final String tag)
    {
        return new ListResult(List.of(), List.of(), tag);
    }

    @Override
    public boolean returnsRows()
    {
        return !columns.isEmpty();
    }

    @Override
    public List<ResultColumn> columns()
    {
        return columns;
    }

    @Override
    public boolean next()
    {
        if (index + 1 >= rows.size())
        {
            return false;
        }
        index++;
        return true;
    }

    @Override
    public Object get(final int column)
    {
        return rows.get(index)[column];
    }

    @Override
    public long updateCount()
    {
        return tag == null ? index + 1 : 0;
    }

    @Override
    public String commandTag()
    {
        return tag != null ? tag : "SELECT " + (index + 1);
    }

    @Override
    public void close()
    {
    }
}
