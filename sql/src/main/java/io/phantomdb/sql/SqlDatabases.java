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
        return start(() -> PhantomDB.open(directory), false);
    }

    /**
     * Creates a database that lives in memory only.
     *
     * @return the database; close it when done.
     */
    public static SqlDatabase inMemory()
    {
        return start(PhantomDB::inMemory, false);
    }

    /**
     * Wraps an open core database in a <em>deterministic</em> SQL database: every statement's effect is a function of
     * the data its transaction sees and of the session's {@linkplain SqlSession#pinContext pinned context} (serial
     * values and hidden row ids are the highest visible value plus one, not counters kept in memory). Replicas that
     * execute the same statements in the same order reach the same state; this is what statement replication needs.
     *
     * @param engine the core database; owned (closed) by the returned database.
     * @return the database; close it when done.
     * @throws SqlException XX000 if the SQL layer's metadata cannot be read.
     */
    public static SqlDatabase deterministic(final PhantomDB engine)
    {
        return start(() -> engine, true);
    }

    private static SqlDatabase start(final Supplier<PhantomDB> opener, final boolean deterministic)
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
            return new EngineDatabase(engine, deterministic);
        }
        catch (final RuntimeException ex)
        {
            engine.close();
            throw ex instanceof SqlException ? (SqlException)ex :
                new SqlException(SqlState.INTERNAL_ERROR, "could not open the database: " + ex, 0, ex);
        }
    }
}
