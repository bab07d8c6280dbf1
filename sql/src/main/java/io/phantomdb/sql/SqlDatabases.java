package io.phantomdb.sql;

import java.nio.file.Path;

/**
 * Opens {@link SqlDatabase}s.
 */
public final class SqlDatabases
{
    private SqlDatabases()
    {
    }

    /**
     * Opens (creating if needed) a file-backed database in a directory.
     *
     * @param directory the data directory.
     * @return the database; close it when done.
     */
    public static SqlDatabase open(final Path directory)
    {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "the SQL engine is being built: " + directory);
    }

    /**
     * Creates a database that lives in memory only.
     *
     * @return the database; close it when done.
     */
    public static SqlDatabase inMemory()
    {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "the SQL engine is being built");
    }
}
