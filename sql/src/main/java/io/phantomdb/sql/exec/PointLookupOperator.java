package io.phantomdb.sql.exec;

import io.phantomdb.core.table.Row;

import java.util.List;

/**
 * Reads at most one row by its full primary key ({@code Tx.get}): the hot path of a prepared point
 * SELECT. Reuses its key and row arrays; allocates nothing per execution beyond the values themselves.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class PointLookupOperator extends Operator
{
    private final String table;
    private final TableColumns columns;
    private final KeyBounds key;
    private final boolean lock;
    private final Object[] row;
    private boolean pending;

    /**
     * @param table   the table name.
     * @param width   the table's column count.
     * @param columns the columns to read.
     * @param key     the full primary key (lower bound only).
     * @param lock    whether to lock the key first (SELECT ... FOR UPDATE).
     */
    public PointLookupOperator(
        final String table, final int width, final TableColumns columns, final KeyBounds key, final boolean lock)
    {
        super(1);
        this.table = table;
        this.columns = columns;
        this.key = key;
        this.lock = lock;
        this.row = new Object[width];
    }

    @Override
    protected void doOpen()
    {
        pending = true;
    }

    @Override
    protected boolean doNext()
    {
        if (!pending)
        {
            return false;
        }
        pending = false;
        if (!key.compute(null, ctx))
        {
            return false;
        }
        if (lock)
        {
            ctx.tx().lockForUpdate(table, key.from());
        }
        final Row found = ctx.tx().get(table, key.from());
        if (null == found)
        {
            return false;
        }
        columns.copy(found, row);
        return true;
    }

    @Override
    public Object[] row()
    {
        return row;
    }

    @Override
    public int width()
    {
        return row.length;
    }

    @Override
    public List<Operator> children()
    {
        return List.of();
    }

    @Override
    public String describe()
    {
        return "Point Lookup on " + table + key.describe();
    }
}
