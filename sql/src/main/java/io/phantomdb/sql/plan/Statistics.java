package io.phantomdb.sql.plan;

import io.phantomdb.core.catalog.TableDefinition;

/**
 * The simple statistics the optimizer reads: an estimate of each table's row count.
 * <p>
 * <b>Note:</b> implementations are thread safe.
 */
@FunctionalInterface
public interface Statistics
{
    /**
     * @param table a table.
     * @return its estimated number of rows (at least 1).
     */
    double rowCount(TableDefinition table);
}
