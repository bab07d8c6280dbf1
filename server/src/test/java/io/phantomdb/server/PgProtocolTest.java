package io.phantomdb.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.util.PSQLException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The protocol layer with the SQL engine (in memory): authentication, formats, errors, transaction status,
 * cancel, statement timeout, limits and timeouts, through pgjdbc and a raw socket.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PgProtocolTest
{
    /** Runs for minutes unless stopped: 100^4 rows through a cross join. */
    private static final String LONG_QUERY = "SELECT count(*) FROM nums a, nums b, nums c, nums d";

    private PhantomServer server;

    private PhantomServer start(final ServerConfig config) throws SQLException
    {
        server = PhantomServer.start(config.port(0).httpPort(-1));
        final Properties properties = new Properties();
        properties.setProperty("user", config.bootstrapUser());
        if (config.bootstrapPassword() != null)
        {
            properties.setProperty("password", config.bootstrapPassword());
        }
        try (Connection connection = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + server.port() + "/test?sslmode=disable", properties);
            Statement statement = connection.createStatement())
        {
            statement.execute("CREATE TABLE nums (n INTEGER PRIMARY KEY, label TEXT)");
            final StringBuilder insert = new StringBuilder("INSERT INTO nums VALUES ");
            for (int i = 0; i < 100; i++)
            {
                insert.append(i == 0 ? "" : ", ").append('(').append(i).append(", 'row ").append(i).append("')");
            }
            statement.execute(insert.toString());
            statement.execute("CREATE TABLE typed (b BOOLEAN, s SMALLINT, i INTEGER, l BIGINT, f REAL, " +
                "d DOUBLE PRECISION, n NUMERIC(12,4), t TEXT, y BYTEA, dt DATE, ts TIMESTAMP, j JSON, z INTEGER)");
            statement.execute("INSERT INTO typed VALUES (true, 7, 42, 1099511627776, 1.5, -2.25, -12345.6789, " +
                "'héllo', '\\x0102ff', '2024-02-29', '2024-02-29 13:14:15.5', '{\"a\": 1}', NULL)");
        }
        return server;
    }

    @AfterEach
    void stop()
    {
        if (server != null)
        {
            server.close();
        }
    }

    private Connection connect(final String user, final String password, final String options) throws SQLException
    {
        final Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null)
        {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + server.port() + "/test?sslmode=disable" + options, properties);
    }

    @Test
    void shouldAuthenticateWithScramWhenPasswordIsRight() throws SQLException
    {
        start(new ServerConfig().auth(ServerConfig.AuthMethod.PASSWORD).bootstrapUser("alice", "s3cret"));
        try (Connection connection = connect("alice", "s3cret", "");
            Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT 7 AS seven"))
        {
            assertTrue(rows.next());
            assertEquals(7, rows.getInt(1));
        }
    }

    @Test
    void shouldRefuseWhenPasswordIsWrong() throws SQLException
    {
        start(new ServerConfig().auth(ServerConfig.AuthMethod.PASSWORD).bootstrapUser("alice", "s3cret"));
        final PSQLException error = assertThrows(PSQLException.class, () -> connect("alice", "wrong", "").close());
        assertEquals("28P01", error.getSQLState());
        assertTrue(error.getMessage().contains("password authentication failed for user \"alice\""), error.getMessage());
    }

    @Test
    void shouldRefuseWhenUserIsUnknown() throws SQLException
    {
        start(new ServerConfig().auth(ServerConfig.AuthMethod.PASSWORD).bootstrapUser("alice", "s3cret"));
        final PSQLException error = assertThrows(PSQLException.class, () -> connect("mallory", "s3cret", "").close());
        assertEquals("28P01", error.getSQLState());
        assertTrue(error.getMessage().contains("password authentication failed for user \"mallory\""), error.getMessage());
    }

    @Test
    void shouldManageUsersWhenSuperuserRunsCreateAlterDrop() throws SQLException
    {
        start(new ServerConfig().auth(ServerConfig.AuthMethod.PASSWORD).bootstrapUser("alice", "s3cret"));
        try (Connection admin = connect("alice", "s3cret", ""); Statement statement = admin.createStatement())
        {
            statement.execute("CREATE USER bob WITH PASSWORD 'one'");
            connect("bob", "one", "").close();
            statement.execute("ALTER USER bob WITH PASSWORD 'two'");
            assertEquals("28P01", assertThrows(PSQLException.class, () -> connect("bob", "one", "")).getSQLState());
            try (Connection bob = connect("bob", "two", ""); Statement bobs = bob.createStatement())
            {
                assertEquals("42501", assertThrows(PSQLException.class, () -> bobs.execute("CREATE USER eve")).getSQLState());
            }
            statement.execute("DROP USER bob");
            assertEquals("28P01", assertThrows(PSQLException.class, () -> connect("bob", "two", "")).getSQLState());
            assertEquals("42710", assertThrows(PSQLException.class,
                () -> statement.execute("CREATE USER alice PASSWORD 'x'")).getSQLState());
        }
    }

    @Test
    void shouldReadEveryTypeWhenResultsAreBinaryOrText() throws SQLException
    {
        start(new ServerConfig());
        for (final String options : new String[]{"&prepareThreshold=0", "&prepareThreshold=1&binaryTransfer=true"})
        {
            try (Connection connection = connect("u", null, options))
            {
                for (int run = 0; run < 3; run++)
                {
                    try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM typed");
                        ResultSet rows = statement.executeQuery())
                    {
                        assertTrue(rows.next());
                        assertTrue(rows.getBoolean("b"));
                        assertEquals(7, rows.getShort("s"));
                        assertEquals(42, rows.getInt("i"));
                        assertEquals(1L << 40, rows.getLong("l"));
                        assertEquals(1.5f, rows.getFloat("f"));
                        assertEquals(-2.25, rows.getDouble("d"));
                        assertEquals(new BigDecimal("-12345.6789"), rows.getBigDecimal("n"));
                        assertEquals("héllo", rows.getString("t"));
                        assertArrayEquals(new byte[]{1, 2, (byte)0xFF}, rows.getBytes("y"));
                        assertEquals(LocalDate.of(2024, 2, 29), rows.getObject("dt", LocalDate.class));
                        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 500_000_000),
                            rows.getObject("ts", LocalDateTime.class));
                        assertEquals("{\"a\":1}", rows.getString("j").replace(" ", ""));
                        assertNull(rows.getObject("z"));
                        assertFalse(rows.next());
                    }
                }
            }
        }
    }

    @Test
    void shouldPassParametersWhenStatementIsPrepared() throws SQLException
    {
        start(new ServerConfig());
        try (Connection connection = connect("u", null, "&prepareThreshold=1");
            PreparedStatement statement = connection.prepareStatement(
                "SELECT label, CAST(? AS TEXT) AS missing FROM nums WHERE label = ?"))
        {
            for (int i = 0; i < 5; i++)
            {
                statement.setNull(1, java.sql.Types.VARCHAR);
                statement.setString(2, "row " + i);
                try (ResultSet rows = statement.executeQuery())
                {
                    assertTrue(rows.next());
                    assertEquals("row " + i, rows.getString(1));
                    assertNull(rows.getString(2));
                    assertFalse(rows.next());
                }
            }
        }
    }

    @Test
    void shouldReportSqlStateAndPositionWhenStatementFails() throws Exception
    {
        start(new ServerConfig());
        try (Connection connection = connect("u", null, ""); Statement statement = connection.createStatement())
        {
            final PSQLException error = assertThrows(PSQLException.class, () -> statement.execute("SELECT n FROM nowhere"));
            assertEquals("42P01", error.getSQLState());
            assertTrue(error.getServerErrorMessage().getMessage().contains("nowhere"), error.getMessage());
            assertEquals(15, error.getServerErrorMessage().getPosition());
            try (RawPgClient raw = new RawPgClient(server.port()))
            {
                raw.startup("u");
                raw.query("SELECT 1; SELECT n FROM nowhere");
                final RawPgClient.Message message = raw.readUntil('Z');
                assertEquals('E', message.type());
                assertTrue(message.text().contains("P25\0"), "position offset by the first statement: " + message.text());
            }
            assertEquals("ERROR", error.getServerErrorMessage().getSeverity());
            try (ResultSet rows = statement.executeQuery("SELECT 2"))
            {
                assertTrue(rows.next());
            }
        }
    }

    @Test
    void shouldWarnWhenCommitRunsOutsideTransaction() throws SQLException
    {
        start(new ServerConfig());
        try (Connection connection = connect("u", null, ""); Statement statement = connection.createStatement())
        {
            statement.execute("COMMIT");
            assertNotNull(statement.getWarnings());
            assertEquals("25P01", statement.getWarnings().getSQLState());
            assertEquals("there is no transaction in progress", statement.getWarnings().getMessage());
        }
    }

    @Test
    void shouldRejectStatementsWhenTransactionFailedUntilRollback() throws SQLException
    {
        start(new ServerConfig());
        try (Connection connection = connect("u", null, ""); Statement statement = connection.createStatement())
        {
            connection.setAutoCommit(false);
            statement.executeQuery("SELECT 1").close();
            assertThrows(PSQLException.class, () -> statement.execute("SELECT * FROM nowhere"));
            final PSQLException blocked = assertThrows(PSQLException.class, () -> statement.executeQuery("SELECT 1"));
            assertEquals("25P02", blocked.getSQLState());
            connection.rollback();
            try (ResultSet rows = statement.executeQuery("SELECT 3"))
            {
                assertTrue(rows.next());
                assertEquals(3, rows.getInt(1));
            }
        }
    }

    @Test
    void shouldCancelRunningStatementWhenClientSendsCancelRequest() throws Exception
    {
        start(new ServerConfig());
        try (Connection connection = connect("u", null, ""); Statement statement = connection.createStatement())
        {
            final CompletableFuture<SQLException> failure = CompletableFuture.supplyAsync(() ->
                assertThrows(SQLException.class, () -> statement.execute(LONG_QUERY)));
            Thread.sleep(300);
            statement.cancel();
            assertEquals("57014", failure.get(10, TimeUnit.SECONDS).getSQLState());
            try (ResultSet rows = statement.executeQuery("SELECT 4"))
            {
                assertTrue(rows.next());
            }
        }
    }

    @Test
    void shouldStopStatementWhenStatementTimeoutPasses() throws SQLException
    {
        start(new ServerConfig());
        try (Connection connection = connect("u", null, ""); Statement statement = connection.createStatement())
        {
            statement.execute("SET statement_timeout = 200");
            final long start = System.nanoTime();
            final PSQLException error = assertThrows(PSQLException.class, () -> statement.execute(LONG_QUERY));
            assertEquals("57014", error.getSQLState());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20));
            statement.execute("SET statement_timeout = 0");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM nums"))
            {
                assertTrue(rows.next());
                assertEquals(100, rows.getLong(1));
            }
        }
    }

    @Test
    void shouldRefuseConnectionWhenLimitIsReached() throws SQLException
    {
        start(new ServerConfig().maxConnections(2));
        try (Connection first = connect("u", null, ""); Connection second = connect("u", null, ""))
        {
            final PSQLException error = assertThrows(PSQLException.class, () -> connect("u", null, "").close());
            assertEquals("53300", error.getSQLState());
            assertNotNull(first.createStatement().executeQuery("SELECT 1"));
            assertNotNull(second.createStatement().executeQuery("SELECT 1"));
        }
        try (Connection third = connect("u", null, ""))
        {
            assertTrue(third.isValid(5));
        }
    }

    @Test
    void shouldCloseConnectionWhenIdleTooLong() throws Exception
    {
        start(new ServerConfig().idleTimeoutMillis(300));
        try (RawPgClient client = new RawPgClient(server.port()))
        {
            client.startup("u");
            final RawPgClient.Message message = client.read();
            assertEquals('E', message.type());
            assertTrue(message.text().contains("57P05"), message.text());
            assertNull(client.read());
        }
    }

    @Test
    void shouldSuspendPortalWhenFetchSizeIsSet() throws SQLException
    {
        start(new ServerConfig());
        try (Connection connection = connect("u", null, ""))
        {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement())
            {
                statement.setFetchSize(7);
                try (ResultSet rows = statement.executeQuery("SELECT n, label FROM nums ORDER BY n"))
                {
                    int count = 0;
                    while (rows.next())
                    {
                        assertEquals(count, rows.getInt(1));
                        assertEquals("row " + count, rows.getString(2));
                        count++;
                    }
                    assertEquals(100, count);
                }
            }
            connection.commit();
        }
    }

    @Test
    void shouldCloseOnlyThatConnectionWhenMessageIsMalformed() throws Exception
    {
        start(new ServerConfig().maxMessageBytes(4096));
        try (Connection healthy = connect("u", null, "");
            RawPgClient bad = new RawPgClient(server.port());
            RawPgClient huge = new RawPgClient(server.port()))
        {
            bad.startup("u");
            bad.send('B', new byte[]{0, 0, 0x7F, 0x7F});
            RawPgClient.Message message = bad.read();
            assertEquals('E', message.type());
            assertTrue(message.text().contains("08P01"), message.text());
            assertNull(bad.read());

            huge.startup("u");
            huge.sendRaw(new byte[]{'Q', 0x7F, 0, 0, 0});
            message = huge.read();
            assertEquals('E', message.type());
            assertTrue(message.text().contains("invalid message length"), message.text());
            assertNull(huge.read());

            try (ResultSet rows = healthy.createStatement().executeQuery("SELECT 5"))
            {
                assertTrue(rows.next());
                assertEquals(5, rows.getInt(1));
            }
        }
    }

    @Test
    void shouldAnswerSetAndShowWhenDriverAsks() throws SQLException
    {
        start(new ServerConfig());
        try (Connection connection = connect("u", null, ""); Statement statement = connection.createStatement())
        {
            statement.execute("SET application_name = 'tests'");
            try (ResultSet rows = statement.executeQuery("SHOW application_name"))
            {
                assertTrue(rows.next());
                assertEquals("tests", rows.getString(1));
            }
            try (ResultSet rows = statement.executeQuery("select version()"))
            {
                assertTrue(rows.next());
                assertTrue(rows.getString(1).startsWith("PostgreSQL 15.0 (PhantomDB"));
            }
            connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            try (ResultSet rows = statement.executeQuery("SHOW TRANSACTION ISOLATION LEVEL"))
            {
                assertTrue(rows.next());
                assertEquals("serializable", rows.getString(1));
            }
        }
    }
}
