package io.phantomdb.sql.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HikariCP pooling the driver's connections while threads run conflicting transactions.
 */
class HikariPoolTest
{
    private static final int ACCOUNTS = 8;
    private static final int THREADS = 4;
    private static final int TRANSFERS = 100;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldKeepTotalBalanceWhenPooledConnectionsTransferConcurrently() throws Exception
    {
        final HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:phantomdb:mem:hikari");
        config.setMaximumPoolSize(THREADS);
        config.setPoolName("phantomdb-test");
        try (HikariDataSource pool = new HikariDataSource(config))
        {
            try (Connection conn = pool.getConnection(); Statement stat = conn.createStatement())
            {
                stat.execute("CREATE TABLE account(id INT PRIMARY KEY, balance BIGINT NOT NULL)");
                for (int i = 0; i < ACCOUNTS; i++)
                {
                    stat.executeUpdate("INSERT INTO account VALUES (" + i + ", 100)");
                }
            }
            final AtomicInteger retries = new AtomicInteger();
            final ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try
            {
                final List<Future<Integer>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++)
                {
                    final long seed = t;
                    done.add(threads.submit(() -> transfers(pool, seed, retries)));
                }
                for (final Future<Integer> future : done)
                {
                    assertEquals(TRANSFERS, future.get());
                }
            }
            finally
            {
                threads.shutdownNow();
            }
            try (Connection conn = pool.getConnection();
                ResultSet rs = conn.createStatement().executeQuery("SELECT sum(balance), count(*) FROM account"))
            {
                assertTrue(rs.next());
                assertEquals(ACCOUNTS * 100L, rs.getLong(1));
                assertEquals(ACCOUNTS, rs.getInt(2));
            }
            assertTrue(pool.getHikariPoolMXBean().getTotalConnections() <= THREADS);
        }
    }

    private static int transfers(final HikariDataSource pool, final long seed, final AtomicInteger retries) throws SQLException
    {
        final SplittableRandom random = new SplittableRandom(seed);
        int committed = 0;
        while (committed < TRANSFERS)
        {
            final int from = random.nextInt(ACCOUNTS);
            final int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            try (Connection conn = pool.getConnection())
            {
                conn.setAutoCommit(false);
                conn.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                try (PreparedStatement move = conn.prepareStatement("UPDATE account SET balance = balance + ? WHERE id = ?"))
                {
                    move.setLong(1, -1);
                    move.setInt(2, from);
                    assertEquals(1, move.executeUpdate());
                    move.setLong(1, 1);
                    move.setInt(2, to);
                    assertEquals(1, move.executeUpdate());
                    conn.commit();
                    committed++;
                }
                catch (final SQLTransactionRollbackException ex)
                {
                    assertEquals("40001", ex.getSQLState());
                    retries.incrementAndGet();
                    conn.rollback();
                }
            }
        }
        return committed;
    }
}
