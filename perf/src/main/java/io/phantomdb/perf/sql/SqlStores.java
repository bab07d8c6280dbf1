package io.phantomdb.perf.sql;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The stores of the JDBC benchmark, in table order: PhantomDB on files and in memory, then the peers.
 * <ul>
 *   <li>{@code phantomdb-file}: {@code jdbc:phantomdb:file:<dir>/db}, the engine's default durability
 *       (WAL group commit, fsynced);</li>
 *   <li>{@code phantomdb-mem}: {@code jdbc:phantomdb:mem:<name>};</li>
 *   <li>{@code h2}: {@code jdbc:h2:file:<dir>/h2}, MVStore with its defaults (commits reach the file
 *       within about a second, not fsynced per commit);</li>
 *   <li>{@code sqlite}: {@code jdbc:sqlite:<dir>/sqlite.db}, WAL journal, {@code synchronous=FULL}
 *       (the WAL is fsynced at every commit); keys are {@code INTEGER PRIMARY KEY} (the rowid).</li>
 * </ul>
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
public final class SqlStores
{
    /** PhantomDB on files. */
    public static final String PHANTOMDB_FILE = "phantomdb-file";
    /** PhantomDB in memory. */
    public static final String PHANTOMDB_MEM = "phantomdb-mem";
    /** H2 embedded, MVStore. */
    public static final String H2 = "h2";
    /** SQLite through xerial sqlite-jdbc. */
    public static final String SQLITE = "sqlite";

    /** Every store, in table order. */
    public static final List<String> ALL = List.of(PHANTOMDB_FILE, PHANTOMDB_MEM, H2, SQLITE);

    private SqlStores()
    {
    }

    /**
     * @param store a store name.
     * @return whether it is PhantomDB (ratios are PhantomDB / each peer).
     */
    public static boolean isPhantomDb(final String store)
    {
        return store.startsWith("phantomdb");
    }

    /**
     * @param names comma-separated store names.
     * @return the stores in table order.
     * @throws IllegalArgumentException naming an unknown store.
     */
    public static List<String> parse(final String names)
    {
        final List<String> wanted = new ArrayList<>();
        for (final String name : names.split(","))
        {
            if (!ALL.contains(name.trim()))
            {
                throw new IllegalArgumentException("unknown store '" + name.trim() + "' (known: " + String.join(",", ALL) + ")");
            }
            wanted.add(name.trim());
        }
        final List<String> stores = new ArrayList<>();
        for (final String store : ALL)
        {
            if (wanted.contains(store))
            {
                stores.add(store);
            }
        }
        return List.copyOf(stores);
    }

    /**
     * Opens a connection to a new, empty database of a store.
     *
     * @param store a store name.
     * @param dir   an empty directory for the store's files.
     * @return the connection, in autocommit mode.
     * @throws SQLException if the store cannot open.
     */
    public static Connection open(final String store, final Path dir) throws SQLException
    {
        switch (store)
        {
            case PHANTOMDB_FILE:
                return DriverManager.getConnection("jdbc:phantomdb:file:" + dir.resolve("db"));
            case PHANTOMDB_MEM:
                return DriverManager.getConnection("jdbc:phantomdb:mem:bench-" + dir.getFileName());
            case H2:
                return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("h2"), new Properties());
            case SQLITE:
                final SQLiteConfig config = new SQLiteConfig();
                config.setJournalMode(SQLiteConfig.JournalMode.WAL);
                config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
                return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sqlite.db"), config.toProperties());
            default:
                throw new IllegalArgumentException("unknown store '" + store + "' (known: " + String.join(",", ALL) + ")");
        }
    }

    /**
     * @param store a store name.
     * @return the primary key column type: SQLite's rowid alias {@code INTEGER}, else {@code BIGINT}.
     */
    public static String keyType(final String store)
    {
        return SQLITE.equals(store) ? "INTEGER" : "BIGINT";
    }
}
