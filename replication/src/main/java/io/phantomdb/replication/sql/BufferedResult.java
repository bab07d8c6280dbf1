package io.phantomdb.replication.sql;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlResult;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement's result read to its end and kept in memory, with its {@link ResultDigest}: what a replicated session
 * returns for a statement of a transaction (the digest goes into the log, the rows to the client).
 * <p>
 * <b>Note:</b> not thread safe: read by the session's thread.
 */
final class BufferedResult implements SqlResult
{
    private final boolean returnsRows;
    private final List<ResultColumn> columns;
    private final List<Object[]> rows;
    private final long updateCount;
    private final String commandTag;
    private final long digest;
    private int index = -1;

    private BufferedResult(
        final boolean returnsRows, final List<ResultColumn> columns, final List<Object[]> rows, final long updateCount,
        final String commandTag, final long digest)
    {
        this.returnsRows = returnsRows;
        this.columns = columns;
        this.rows = rows;
        this.updateCount = updateCount;
        this.commandTag = commandTag;
        this.digest = digest;
    }

    /**
     * Read a result to its end (and close it).
     *
     * @param result the result.
     * @return the buffered copy.
     */
    static BufferedResult of(final SqlResult result)
    {
        try (result)
        {
            if (!result.returnsRows())
            {
                return new BufferedResult(false, List.of(), List.of(), result.updateCount(), result.commandTag(),
                    ResultDigest.command(result.commandTag(), result.updateCount()));
            }
            final List<ResultColumn> columns = result.columns();
            final int width = columns.size();
            final List<Object[]> rows = new ArrayList<>();
            long sum = 0;
            while (result.next())
            {
                final Object[] row = new Object[width];
                for (int i = 0; i < width; i++)
                {
                    row[i] = result.get(i);
                }
                sum += ResultDigest.row(row);
                rows.add(row);
            }
            return new BufferedResult(true, columns, rows, result.updateCount(), result.commandTag(),
                ResultDigest.rows(width, rows.size(), sum));
        }
    }

    /**
     * @param tag the command tag of a transaction-control statement.
     * @return a result without rows.
     */
    static BufferedResult command(final String tag)
    {
        return new BufferedResult(false, List.of(), List.of(), 0, tag, ResultDigest.command(tag, 0));
    }

    /**
     * @param column the column name.
     * @param value  the text value.
     * @return a one-row, one-column TEXT result (for SHOW).
     */
    static BufferedResult value(final String column, final String value)
    {
        final List<Object[]> rows = List.<Object[]>of(new Object[]{value});
        return new BufferedResult(true, List.of(ResultColumn.computed(column, ColumnType.TEXT)), rows, 1, "SHOW",
            ResultDigest.rows(1, 1, ResultDigest.row(rows.get(0))));
    }

    /**
     * @return the digest of this result.
     */
    long digest()
    {
        return digest;
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
        if (index + 1 < rows.size())
        {
            index++;
            return true;
        }
        index = rows.size();
        return false;
    }

    @Override
    public Object get(final int column)
    {
        return rows.get(index)[column];
    }

    @Override
    public long updateCount()
    {
        return updateCount;
    }

    @Override
    public String commandTag()
    {
        return commandTag;
    }

    @Override
    public void close()
    {
        index = rows.size();
    }
}
