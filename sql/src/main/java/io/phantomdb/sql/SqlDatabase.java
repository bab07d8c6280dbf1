package io.phantomdb.sql;

import io.phantomdb.core.PhantomDB;

import java.util.List;
import java.util.function.Supplier;

/**
 * A PhantomDB database with its SQL face: the entry point of the SQL layer. Open one with
 * {@link SqlDatabases}.
 * <p>
 * Thread-safe: any number of threads may open sessions concurrently. Each {@link SqlSession} is used
 * by one thread at a time.
 */
public interface SqlDatabase extends AutoCloseable
{
    /**
     * @return a new session in autocommit mode with the default isolation level.
     */
    SqlSession openSession();

    /**
     * @return the storage engine underneath, for key/value access and tools.
     */
    PhantomDB engine();

    /**
     * @return what SQL clients may see of the schema (tables, views, columns, keys, indexes), without
     * the SQL layer's hidden internals. Reflects the latest committed catalog.
     */
    SqlMetadata metadata();

    /**
     * Registers a read-only table computed on demand, visible to queries as {@code schema.name}
     * (used for {@code pg_catalog} and {@code information_schema}). The supplier is called once per
     * scan, on the scanning thread; each row holds Java values in {@code columns} order.
     *
     * @param schema  the schema name, for example {@code pg_catalog}.
     * @param name    the table name.
     * @param columns the columns the rows carry.
     * @param rows    computes the current rows.
     */
    void registerSystemTable(String schema, String name, List<ResultColumn> columns, Supplier<Iterable<Object[]>> rows);

    /**
     * Closes every session and the engine. Idempotent.
     */
    @Override
    void close();
}
