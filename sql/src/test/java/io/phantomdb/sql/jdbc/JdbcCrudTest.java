package io.phantomdb.sql.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plain JDBC the way H2's users write it, against the embedded driver and the real SQL engine.
 */
class JdbcCrudTest
{
    @Test
    void shouldInsertSelectUpdateAndDeleteWhenUsingPlainJdbc() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:crud");
            Statement stat = conn.createStatement())
        {
            stat.execute("CREATE TABLE test(id INT PRIMARY KEY, name VARCHAR(255))");
            try (PreparedStatement prep = conn.prepareStatement("INSERT INTO test VALUES(?, ?)"))
            {
                prep.setInt(1, 1);
                prep.setString(2, "Hello");
                assertEquals(1, prep.executeUpdate());
                prep.setInt(1, 2);
                prep.setString(2, "World");
                assertEquals(1, prep.executeUpdate());
            }
            assertEquals(1, stat.executeUpdate("UPDATE test SET name = 'Hi' WHERE id = 1"));
            assertEquals(List.of("1:Hi", "2:World"), rows(stat, "SELECT id, name FROM test ORDER BY id"));
            assertEquals(1, stat.executeUpdate("DELETE FROM test WHERE id = 2"));
            try (ResultSet rs = stat.executeQuery("SELECT ID, NAME FROM TEST WHERE ID = 1"))
            {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt("Id"));
                assertEquals("Hi", rs.getString("name"));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void shouldRoundTripEveryTypeWhenBoundAndRead() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:");
            Statement stat = conn.createStatement())
        {
            stat.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, b BOOLEAN, s SMALLINT, l BIGINT, r REAL, d DOUBLE PRECISION, " +
                "n NUMERIC(10,2), v VARCHAR(20), x TEXT, bin BYTEA, dt DATE, tm TIME, ts TIMESTAMP)");
            try (PreparedStatement prep = conn.prepareStatement("INSERT INTO t VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"))
            {
                prep.setInt(1, 1);
                prep.setBoolean(2, true);
                prep.setShort(3, (short)-7);
                prep.setLong(4, 1L << 40);
                prep.setFloat(5, 1.5f);
                prep.setDouble(6, 2.25);
                prep.setBigDecimal(7, new BigDecimal("12.34"));
                prep.setString(8, "varchar");
                prep.setObject(9, "text");
                prep.setBytes(10, new byte[] { 1, 2, (byte)0xff });
                prep.setObject(11, LocalDate.of(2024, 2, 29));
                prep.setTime(12, java.sql.Time.valueOf("10:15:30"));
                prep.setObject(13, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6_000));
                assertEquals(1, prep.executeUpdate());
                prep.setInt(1, 2);
                for (int i = 2; i <= 13; i++)
                {
                    prep.setNull(i, Types.NULL);
                }
                assertEquals(1, prep.executeUpdate());
            }
            try (ResultSet rs = stat.executeQuery("SELECT * FROM t ORDER BY id"))
            {
                assertTrue(rs.next());
                assertTrue(rs.getBoolean("b"));
                assertEquals(-7, rs.getShort("s"));
                assertEquals(-7, rs.getObject("s"));
                assertEquals(1L << 40, rs.getLong("l"));
                assertEquals(1.5f, rs.getFloat("r"));
                assertEquals(2.25, rs.getDouble("d"));
                assertEquals(new BigDecimal("12.34"), rs.getBigDecimal("n"));
                assertEquals("varchar", rs.getString("v"));
                assertEquals("text", rs.getObject("x"));
                assertArrayEquals(new byte[] { 1, 2, (byte)0xff }, rs.getBytes("bin"));
                assertEquals("\\x0102ff", rs.getString("bin"));
                assertEquals(java.sql.Date.valueOf("2024-02-29"), rs.getDate("dt"));
                assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("dt", LocalDate.class));
                assertEquals(LocalTime.of(10, 15, 30), rs.getObject("tm", LocalTime.class));
                assertEquals("10:15:30", rs.getString("tm"));
                assertEquals(java.sql.Timestamp.valueOf("2024-01-02 03:04:05.000006"), rs.getTimestamp("ts"));
                assertEquals("2024-01-02 03:04:05.000006", rs.getString("ts"));
                assertEquals("t", rs.getString("b"));
                assertEquals("12.34", rs.getString("n"));
                assertFalse(rs.wasNull());

                final ResultSetMetaData meta = rs.getMetaData();
                assertEquals(13, meta.getColumnCount());
                assertEquals(Types.INTEGER, meta.getColumnType(1));
                assertEquals(Types.NUMERIC, meta.getColumnType(7));
                assertEquals(10, meta.getPrecision(7));
                assertEquals(2, meta.getScale(7));
                assertEquals(Types.VARCHAR, meta.getColumnType(8));
                assertEquals("varchar", meta.getColumnTypeName(8));
                assertEquals(20, meta.getPrecision(8));
                assertEquals(Types.TIMESTAMP, meta.getColumnType(13));
                assertEquals("java.sql.Timestamp", meta.getColumnClassName(13));
                assertEquals("t", meta.getTableName(2));
                assertEquals(ResultSetMetaData.columnNoNulls, meta.isNullable(1));
                assertEquals(ResultSetMetaData.columnNullable, meta.isNullable(2));

                assertTrue(rs.next());
                assertFalse(rs.getBoolean("b"));
                assertTrue(rs.wasNull());
                assertEquals(0, rs.getInt("s"));
                assertTrue(rs.wasNull());
                assertNull(rs.getString("v"));
                assertNull(rs.getObject("ts", LocalDateTime.class));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void shouldSeeCommittedRowsOnlyWhenAutocommitIsOff() throws SQLException
    {
        try (Connection a = DriverManager.getConnection("jdbc:phantomdb:mem:tx");
            Connection b = DriverManager.getConnection("jdbc:phantomdb:mem:tx");
            Statement sa = a.createStatement();
            Statement sb = b.createStatement())
        {
            sa.execute("CREATE TABLE acct(id INT PRIMARY KEY, balance BIGINT NOT NULL)");
            a.setAutoCommit(false);
            sa.executeUpdate("INSERT INTO acct VALUES (1, 100)");
            assertEquals(List.of(), rows(sb, "SELECT id, balance FROM acct"));
            a.rollback();
            assertEquals(List.of(), rows(sa, "SELECT id, balance FROM acct"));
            sa.executeUpdate("INSERT INTO acct VALUES (2, 200)");
            a.commit();
            assertEquals(List.of("2:200"), rows(sb, "SELECT id, balance FROM acct"));
            a.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, a.getTransactionIsolation());
            a.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, a.getTransactionIsolation());
        }
    }

    @Test
    void shouldShareNamedMemoryDatabaseUntilLastConnectionCloses() throws SQLException
    {
        final String url = "jdbc:phantomdb:mem:shared";
        try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url))
        {
            a.createStatement().execute("CREATE TABLE s(id INT PRIMARY KEY)");
            b.createStatement().execute("INSERT INTO s VALUES (1)");
            assertEquals(List.of("1"), rows(a.createStatement(), "SELECT id FROM s"));
        }
        try (Connection c = DriverManager.getConnection(url))
        {
            assertEquals("42P01", assertThrows(SQLException.class,
                () -> c.createStatement().executeQuery("SELECT id FROM s")).getSQLState());
        }
    }

    @Test
    void shouldKeepMemoryDatabaseWhenCloseDelayIsMinusOne() throws SQLException
    {
        try (Connection a = DriverManager.getConnection("jdbc:phantomdb:mem:kept;DB_CLOSE_DELAY=-1"))
        {
            a.createStatement().execute("CREATE TABLE k(id INT PRIMARY KEY)");
        }
        try (Connection b = DriverManager.getConnection("jdbc:phantomdb:mem:kept"))
        {
            assertEquals(List.of(), rows(b.createStatement(), "SELECT id FROM k"));
        }
    }

    @Test
    void shouldKeepRowsWhenFileDatabaseIsReopened(@TempDir final Path dir) throws SQLException
    {
        final String url = "jdbc:phantomdb:file:" + dir.resolve("db");
        try (Connection conn = DriverManager.getConnection(url))
        {
            conn.createStatement().execute("CREATE TABLE f(id INT PRIMARY KEY, v VARCHAR(10))");
            conn.createStatement().executeUpdate("INSERT INTO f VALUES (1, 'one')");
        }
        try (Connection conn = DriverManager.getConnection(url))
        {
            assertEquals(List.of("1:one"), rows(conn.createStatement(), "SELECT id, v FROM f"));
            assertEquals("db", conn.getCatalog());
            assertEquals("public", conn.getSchema());
        }
    }

    @Test
    void shouldRunEveryStatementAndReturnResultsInOrderWhenStringHasSeveral() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:");
            Statement stat = conn.createStatement())
        {
            assertFalse(stat.execute("CREATE TABLE m(id INT PRIMARY KEY); INSERT INTO m VALUES (1); " +
                "INSERT INTO m VALUES (2), (3); SELECT count(*) FROM m"));
            assertEquals(0, stat.getUpdateCount());
            assertFalse(stat.getMoreResults());
            assertEquals(1, stat.getUpdateCount());
            assertFalse(stat.getMoreResults());
            assertEquals(2, stat.getUpdateCount());
            assertTrue(stat.getMoreResults());
            try (ResultSet rs = stat.getResultSet())
            {
                assertTrue(rs.next());
                assertEquals(3, rs.getInt(1));
            }
            assertFalse(stat.getMoreResults());
            assertEquals(-1, stat.getUpdateCount());
        }
    }

    @Test
    void shouldReturnCountsWhenBatchesRun() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:");
            Statement stat = conn.createStatement())
        {
            stat.execute("CREATE TABLE b(id INT PRIMARY KEY, v INT)");
            stat.addBatch("INSERT INTO b VALUES (1, 1)");
            stat.addBatch("INSERT INTO b VALUES (2, 1), (3, 1)");
            stat.addBatch("UPDATE b SET v = 2 WHERE v = 1");
            assertArrayEquals(new int[] { 1, 2, 3 }, stat.executeBatch());

            conn.setAutoCommit(false);
            try (PreparedStatement prep = conn.prepareStatement("INSERT INTO b VALUES (?, ?)"))
            {
                for (int i = 10; i < 1010; i++)
                {
                    prep.setInt(1, i);
                    prep.setInt(2, i);
                    prep.addBatch();
                }
                final int[] counts = prep.executeBatch();
                assertEquals(1000, counts.length);
                assertEquals(1, counts[999]);
                prep.setInt(1, 2000);
                prep.setInt(2, 0);
                prep.addBatch();
                prep.setInt(1, 1);
                prep.addBatch();
                final BatchUpdateException ex = assertThrows(BatchUpdateException.class, prep::executeBatch);
                assertEquals("23505", ex.getSQLState());
                assertArrayEquals(new long[] { 1 }, ex.getLargeUpdateCounts());
            }
            conn.commit();
            assertEquals(List.of("1004"), rows(stat, "SELECT count(*) FROM b"));
        }
    }

    @Test
    void shouldKeepReadingResultSetWhenConnectionRunsAnotherStatement() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:");
            Statement read = conn.createStatement();
            Statement write = conn.createStatement())
        {
            read.execute("CREATE TABLE r(id INT PRIMARY KEY, seen INT)");
            read.executeUpdate("INSERT INTO r VALUES (1, 0), (2, 0), (3, 0)");
            final List<Integer> ids = new ArrayList<>();
            try (ResultSet rs = read.executeQuery("SELECT id FROM r ORDER BY id"))
            {
                while (rs.next())
                {
                    ids.add(rs.getInt(1));
                    assertEquals(1, write.executeUpdate("UPDATE r SET seen = 1 WHERE id = " + rs.getInt(1)));
                    assertEquals(ids.get(ids.size() - 1), rs.getInt("id"));
                }
            }
            assertEquals(List.of(1, 2, 3), ids);
            assertEquals(List.of("3"), rows(read, "SELECT sum(seen) FROM r"));
        }
    }

    @Test
    void shouldStopAtMaxRowsWhenSet() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:");
            Statement stat = conn.createStatement())
        {
            stat.execute("CREATE TABLE mr(id INT PRIMARY KEY)");
            stat.executeUpdate("INSERT INTO mr VALUES (1), (2), (3)");
            stat.setMaxRows(2);
            assertEquals(2, rows(stat, "SELECT id FROM mr").size());
        }
    }

    @Test
    void shouldDescribePreparedStatementWhenAskedForMetadata() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:");
            Statement stat = conn.createStatement())
        {
            stat.execute("CREATE TABLE pm(id BIGINT PRIMARY KEY, name VARCHAR(10))");
            try (PreparedStatement prep = conn.prepareStatement("SELECT name AS label FROM pm WHERE id = ?"))
            {
                assertEquals("label", prep.getMetaData().getColumnLabel(1));
                assertEquals(Types.VARCHAR, prep.getMetaData().getColumnType(1));
                assertEquals(1, prep.getParameterMetaData().getParameterCount());
                assertEquals(Types.BIGINT, prep.getParameterMetaData().getParameterType(1));
                final SQLException ex = assertThrows(SQLException.class, prep::executeQuery);
                assertEquals("07001", ex.getSQLState());
                assertEquals("no value specified for parameter 1", ex.getMessage());
            }
        }
    }

    @Test
    void shouldCloseStatementsAndResultSetsWhenConnectionCloses() throws SQLException
    {
        final Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:");
        final Statement stat = conn.createStatement();
        stat.execute("CREATE TABLE c(id INT PRIMARY KEY)");
        stat.executeUpdate("INSERT INTO c VALUES (1), (2)");
        final ResultSet rs = stat.executeQuery("SELECT id FROM c");
        conn.close();

        assertTrue(stat.isClosed());
        assertTrue(rs.isClosed());
        assertFalse(conn.isValid(0));
        final SQLException ex = assertThrows(SQLException.class, conn::createStatement);
        assertEquals("08003", ex.getSQLState());
        assertEquals("the connection is closed", ex.getMessage());
    }

    static List<String> rows(final Statement stat, final String sql) throws SQLException
    {
        final List<String> rows = new ArrayList<>();
        try (ResultSet rs = stat.executeQuery(sql))
        {
            final int width = rs.getMetaData().getColumnCount();
            while (rs.next())
            {
                final StringBuilder row = new StringBuilder();
                for (int c = 1; c <= width; c++)
                {
                    row.append(c > 1 ? ":" : "").append(rs.getString(c));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
