package io.phantomdb.sql.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated keys, query timeouts and cancellation against the real engine.
 */
class JdbcStatementControlTest
{
    private static final String SLOW = "SELECT count(*) FROM n a, n b, n c, n d";

    @Test
    void shouldReturnInsertedRowWhenGeneratedKeysRequested() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:"); Statement stat = conn.createStatement())
        {
            stat.execute("CREATE TABLE g(id BIGINT PRIMARY KEY, name VARCHAR(10))");
            try (PreparedStatement prep = conn.prepareStatement("INSERT INTO g VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS))
            {
                prep.setLong(1, 41);
                prep.setString(2, "x");
                assertEquals(1, prep.executeUpdate());
                try (ResultSet keys = prep.getGeneratedKeys())
                {
                    assertTrue(keys.next());
                    assertEquals(41, keys.getLong("id"));
                    assertFalse(keys.next());
                }
            }
            assertEquals(1, stat.executeUpdate("INSERT INTO g VALUES (42, 'y');", new String[] { "name" }));
            try (ResultSet keys = stat.getGeneratedKeys())
            {
                assertTrue(keys.next());
                assertEquals("y", keys.getString(1));
                assertEquals(1, keys.getMetaData().getColumnCount());
            }
            final SQLException ex = assertThrows(SQLException.class,
                () -> stat.executeUpdate("INSERT INTO g VALUES (1, 'z')", new int[] { 1 }));
            assertEquals("0A000", ex.getSQLState());
        }
    }

    @Test
    void shouldReturnSerialKeyWhenInsertOmitsIt() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:"); Statement stat = conn.createStatement())
        {
            stat.execute("CREATE TABLE s(id SERIAL PRIMARY KEY, name TEXT)");
            try (PreparedStatement prep = conn.prepareStatement("INSERT INTO s (name) VALUES (?)", new String[] { "id" }))
            {
                prep.setString(1, "a");
                assertEquals(1, prep.executeUpdate());
                prep.setString(1, "b");
                assertEquals(1, prep.executeUpdate());
                try (ResultSet keys = prep.getGeneratedKeys())
                {
                    assertTrue(keys.next());
                    assertEquals(2, keys.getInt(1));
                }
            }
            try (ResultSet rs = conn.getMetaData().getColumns(null, null, "s", "id"))
            {
                assertTrue(rs.next());
                assertEquals("YES", rs.getString("IS_AUTOINCREMENT"));
            }
            try (ResultSet rs = stat.executeQuery("SELECT id, name FROM s"))
            {
                assertTrue(rs.getMetaData().isAutoIncrement(1));
                assertFalse(rs.getMetaData().isAutoIncrement(2));
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldThrowTimeoutWhenQueryRunsPastItsLimit() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:"); Statement stat = conn.createStatement())
        {
            fill(stat);
            stat.setQueryTimeout(1);

            final SQLException ex = assertThrows(SQLException.class, () -> JdbcCrudTest.rows(stat, SLOW));

            assertInstanceOf(SQLTimeoutException.class, ex);
            assertEquals("57014", ex.getSQLState());
            stat.setQueryTimeout(0);
            assertEquals(1, JdbcCrudTest.rows(stat, "SELECT count(*) FROM n").size());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldStopQueryWhenCancelledFromAnotherThread() throws Exception
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:"); Statement stat = conn.createStatement())
        {
            fill(stat);
            final Thread canceller = new Thread(() ->
            {
                try
                {
                    Thread.sleep(300);
                    stat.cancel();
                }
                catch (final InterruptedException | SQLException ex)
                {
                    throw new IllegalStateException(ex);
                }
            });
            canceller.start();

            final SQLException ex = assertThrows(SQLException.class, () -> JdbcCrudTest.rows(stat, SLOW));

            canceller.join();
            assertEquals("57014", ex.getSQLState());
            assertFalse(ex instanceof SQLTimeoutException);
        }
    }

    private static void fill(final Statement stat) throws SQLException
    {
        stat.execute("CREATE TABLE n(id INT PRIMARY KEY)");
        final StringBuilder insert = new StringBuilder("INSERT INTO n VALUES (0)");
        for (int i = 1; i < 300; i++)
        {
            insert.append(", (").append(i).append(')');
        }
        stat.executeUpdate(insert.toString());
    }
}
