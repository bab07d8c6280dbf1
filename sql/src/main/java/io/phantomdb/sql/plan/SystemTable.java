package io.phantomdb.sql.plan;

import io.phantomdb.sql.ResultColumn;

import java.util.List;
import java.util.function.Supplier;

/**
 * A read-only table computed on demand (pg_catalog, information_schema).
 * <p>
 * <b>Note:</b> immutable; the supplier is called on the scanning thread.
 *
 * @param schema  its schema name.
 * @param name    its name.
 * @param columns its columns.
 * @param rows    computes the rows, once per scan.
 */
public record SystemTable(String schema, String name, List<ResultColumn> columns, Supplier<Iterable<Object[]>> rows)
{
}
