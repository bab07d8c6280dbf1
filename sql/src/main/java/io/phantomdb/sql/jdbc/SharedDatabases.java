package io.phantomdb.sql.jdbc;

import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlDatabases;
import io.phantomdb.sql.SqlException;

import java.nio.file.Paths;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The databases the driver has open in this JVM: one {@link SqlDatabase} per data directory or in-memory
 * name, shared by all its connections and counted, closed when the last connection closes unless it was
 * opened with {@code DB_CLOSE_DELAY=-1}. A private in-memory database belongs to its one connection.
 * <p>
 * <b>Note:</b> thread-safe: opening and releasing synchronise on the registry.
 */
final class SharedDatabases
{
    private static final Map<String, Entry> OPEN = new HashMap<>();

    private SharedDatabases()
    {
    }

    /**
     * A connection's claim on a database.
     * <p>
     * <b>Note:</b> {@link #release()} is idempotent and thread-safe.
     */
    static final class Lease
    {
        private final String key;
        private final SqlDatabase database;
        private boolean released;

        private Lease(final String key, final SqlDatabase database)
        {
            this.key = key;
            this.database = database;
        }

        /**
         * @return the database.
         */
        SqlDatabase database()
        {
            return database;
        }

        /**
         * Gives the claim back; the last one closes the database unless it is kept open.
         */
        void release()
        {
            synchronized (OPEN)
            {
                if (released)
                {
                    return;
                }
                released = true;
                if (key == null)
                {
                    database.close();
                    return;
                }
                final Entry entry = OPEN.get(key);
                if (entry != null && entry.database == database && --entry.references == 0 && !entry.keepOpen)
                {
                    OPEN.remove(key);
                    database.close();
                }
            }
        }
    }

    private static final class Entry
    {
        private final SqlDatabase database;
        private boolean keepOpen;
        private int references;

        private Entry(final SqlDatabase database)
        {
            this.database = database;
        }
    }

    /**
     * Opens the URL's database or joins it if open.
     *
     * @param url the parsed URL.
     * @return a lease; release it when the connection closes.
     * @throws SQLException if the database cannot be opened.
     */
    static Lease acquire(final JdbcUrl url) throws SQLException
    {
        try
        {
            if (url.isPrivate())
            {
                return new Lease(null, SqlDatabases.inMemory());
            }
            final String key = url.kind() + ':' + url.location();
            synchronized (OPEN)
            {
                Entry entry = OPEN.get(key);
                if (entry == null)
                {
                    entry = new Entry(JdbcUrl.FILE.equals(url.kind()) ?
                        SqlDatabases.open(Paths.get(url.location())) : SqlDatabases.inMemory());
                    OPEN.put(key, entry);
                }
                entry.references++;
                entry.keepOpen |= url.keepOpen();
                return new Lease(key, entry.database);
            }
        }
        catch (final SqlException ex)
        {
            throw SqlErrors.translate(ex);
        }
        catch (final RuntimeException ex)
        {
            throw new SQLException("cannot open " + url.kind() + " database '" + url.location() + "': " + ex.getMessage(),
                SqlErrors.CONNECTION_FAILED, ex);
        }
    }
}
