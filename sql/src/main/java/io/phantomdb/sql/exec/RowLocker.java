package io.phantomdb.sql.exec;

/**
 * Locks the primary key of a row read by a scan, for SELECT ... FOR UPDATE ({@code Tx.lockForUpdate}).
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class RowLocker
{
    private final String table;
    private final int[] keyOrdinals;
    private final Object[] key;

    /**
     * @param table       the table.
     * @param keyOrdinals the primary key's column ordinals.
     */
    public RowLocker(final String table, final int[] keyOrdinals)
    {
        this.table = table;
        this.keyOrdinals = keyOrdinals.clone();
        this.key = new Object[keyOrdinals.length];
    }

    /**
     * @param ctx the execution context.
     * @param row a table row (column values at their ordinals).
     */
    public void lock(final ExecContext ctx, final Object[] row)
    {
        for (int i = 0; i < keyOrdinals.length; i++)
        {
            key[i] = row[keyOrdinals[i]];
        }
        ctx.tx().lockForUpdate(table, key);
    }
}
