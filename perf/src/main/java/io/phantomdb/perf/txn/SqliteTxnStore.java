package io.phantomdb.perf.txn;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite through xerial sqlite-jdbc, one file ({@code sqlite.db}) in WAL mode, table
 * {@code kv(k INTEGER PRIMARY KEY, v BLOB)} (the key is the rowid), one connection per committer
 * thread, each commit one auto-committed {@code INSERT OR REPLACE} through a prepared statement.
 * <p>
 * Durability: {@link SyncMode#ALWAYS} is {@code synchronous=FULL} (in WAL mode the WAL is fsynced at
 * every commit); {@link SyncMode#NONE} is {@code synchronous=OFF} (no fsync at all). SQLite allows one
 * writer at a time: concurrent committers wait on the write lock through SQLite's busy handler
 * ({@code busy_timeout} {@value #BUSY_TIMEOUT_MS} ms), which sleeps and retries; there is no group commit.
 * <p>
 * <b>Note:</b> each committer's connection is used by one thread; the store's own connection (which
 * created the table and keeps the WAL open) only by the set-up and tear-down thread.
 */
final class SqliteTxnStore implements TxnStore
{
    /** How long a committer waits for SQLite's write lock before failing. */
    static final int BUSY_TIMEOUT_MS = 60_000;

    private final String url;
    private final SQLiteConfig config;
    private final Connection schema;
    private final List<Connection> connections = new ArrayList<>();
    private boolean closed;

    SqliteTxnStore(final Path dir, final SyncMode sync) throws SQLException
    {
        url = "jdbc:sqlite:" + dir.resolve("sqlite.db");
        config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(sync == SyncMode.ALWAYS ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.OFF);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        schema = DriverManager.getConnection(url, config.toProperties());
        try (Statement statement = schema.createStatement())
        {
            statement.executeUpdate("CREATE TABLE kv (k INTEGER PRIMARY KEY, v BLOB NOT NULL)");
        }
    }

    @Override
    public synchronized Committer newCommitter() throws SQLException
    {
        final byte[] value = TxnValues.value(connections.size());
        final Connection connection = DriverManager.getConnection(url, config.toProperties());
        connections.add(connection);
        final PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)");
        return key ->
        {
            insert.setLong(1, key);
            insert.setBytes(2, value);
            insert.executeUpdate();
            return 0;
        };
    }

    @Override
    public synchronized void close() throws SQLException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        for (final Connection connection : connections)
        {
            connection.close();
        }
        schema.close();
    }
}
