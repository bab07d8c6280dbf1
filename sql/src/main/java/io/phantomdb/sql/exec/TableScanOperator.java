package io.phantomdb.sql.exec;

import io.phantomdb.core.table.RowCursor;

/**
 * Reads a table in primary key order, optionally between inclusive key-prefix bounds.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class TableScanOperator extends CursorScanOperator
{
    /**
     * @param table         the table name.
     * @param width         the table's column count.
     * @param columns       the columns to read.
     * @param bounds        key-prefix bounds, or {@link KeyBounds#NONE}.
     * @param forward       ascending key order when true.
     * @param estimatedRows the planner's estimate.
     */
    public TableScanOperator(
        final String table, final int width, final TableColumns columns, final KeyBounds bounds,
        final boolean forward, final double estimatedRows)
    {
        super(table, width, columns, bounds, forward, estimatedRows);
    }

    @Override
    RowCursor openCursor()
    {
        return ctx.tx().scan(table, bounds.from(), bounds.to(), forward);
    }

    @Override
    public String describe()
    {
        return (bounds.isNone() ? "Seq Scan on " : "Primary Key Range Scan on ") + table + bounds.describe() +
            (forward ? "" : " backward");
    }
}
