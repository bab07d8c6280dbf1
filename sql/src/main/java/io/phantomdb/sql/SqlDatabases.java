package io.phantomdb.sql;

import io.phantomdb.CorruptionException;
import io.phantomdb.core.PhantomDB;
import io.phantomdb.sql.engine.EngineDatabase;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Opens {@link SqlDatabase}s.
 * <p>
 * <b>Note:</b> stateless and thread safe.
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
     * @throws SqlException XX001 if the data fails a check, XX000 if it cannot be opened.
     */
    public static SqlDatabase open(final Path directory)
    {
        return start(() -> PhantomDB.open(directory));
    }

    /**
     * Creates a database that lives in memory only.
     *
     * @return the database; close it when done.
     */
    public static SqlDatabase inMemory()
    {
        return start(PhantomDB::inMemory);
    }

    private static SqlDatabase start(final Supplier<PhantomDB> opener)
    {
        final PhantomDB engine;
        try
        {
            engine = opener.get();
        }
        catch (final SqlException ex)
        {
            throw ex;
        }
        catch (final CorruptionException ex)
        {
            throw new SqlException(SqlState.DATA_CORRUPTED, ex.getMessage(), 0, ex);
        }
        catch (final RuntimeException ex)
        {
            throw new SqlException(SqlState.INTERNAL_ERROR, "could not open the database: " + ex, 0, ex);
        }
        try
        {
            return new EngineDatabase(engine);
        }
        catch (final RuntimeException ex)
        {
            engine.close();
            throw ex instanceof SqlException ? (SqlException)ex :
                new SqlException(SqlState.INTERNAL_ERROR, "could not open the database: " + ex, 0, ex);
        }
    }
}
