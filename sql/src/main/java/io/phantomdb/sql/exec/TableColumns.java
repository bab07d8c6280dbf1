package io.phantomdb.sql.exec;

import io.phantomdb.core.table.Row;

/**
 * Copies the columns a plan reads out of a core {@link Row} into a reused row array whose index is the
 * column's ordinal; columns the plan never reads stay null.
 * <p>
 * <b>Note:</b> immutable.
 */
public final class TableColumns
{
    private final int[] ordinals;

    /**
     * @param ordinals the column ordinals to copy.
     */
    public TableColumns(final int[] ordinals)
    {
        this.ordinals = ordinals.clone();
    }

    /**
     * @param row    the core row view.
     * @param target the row array, at least as wide as the table.
     */
    public void copy(final Row row, final Object[] target)
    {
        for (final int ordinal : ordinals)
        {
            target[ordinal] = row.getObject(ordinal);
        }
    }
}
