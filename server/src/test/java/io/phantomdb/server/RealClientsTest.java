package io.phantomdb.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server with the real SQL engine, driven by the clients users have: psql, pgjdbc, psycopg2, SQLAlchemy's
 * ORM and node-postgres, all with SCRAM-SHA-256 password authentication.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RealClientsTest
{
    private static PhantomServer server;

    @BeforeAll
    static void start()
    {
        server = PhantomServer.start(new ServerConfig().port(0).httpPort(-1)
            .auth(ServerConfig.AuthMethod.PASSWORD).bootstrapUser("phantom", "pw"));
    }

    @AfterAll
    static void stop()
    {
        server.close();
    }

    private static Connection connect(final String options) throws SQLException
    {
        return DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + server.port() + "/phantomdb?sslmode=disable&user=phantom&password=pw" +
            options);
    }

    @Test
    void shouldRunScriptAndDescribeTablesWhenClientIsPsql(@TempDir final Path directory) throws Exception
    {
        final String psql = ExternalClient.require("psql", "postgresql-client");
        final Path script = ExternalClient.resource("psql-script.sql", directory);
        final String output = ExternalClient.run(List.of(psql, "-X", "-v", "ON_ERROR_STOP=1",
            "host=127.0.0.1 port=" + server.port() + " user=phantom dbname=phantomdb sslmode=disable",
            "-f", script.toString()), Map.of("PGPASSWORD", "pw"), 0);
        assertTrue(output.contains("alice") && output.contains("11.50") && output.contains("20.00"), output);
        assertTrue(output.contains("List of relations") && output.contains("psql_accounts"), output);
        assertTrue(output.contains("Table \"public.psql_accounts\""), output);
        assertTrue(output.contains("character varying(40)") && output.contains("not null"), output);
        assertTrue(output.contains("psql_accounts_name"), output);
    }

    @Test
    void shouldLoadAndExportWhenPsqlRunsCopy(@TempDir final Path directory) throws Exception
    {
        final String psql = ExternalClient.require("psql", "postgresql-client");
        final Path csv = ExternalClient.resource("copy-items.csv", directory);
        final String connect = "host=127.0.0.1 port=" + server.port() + " user=phantom dbname=phantomdb sslmode=disable";
        final String output = ExternalClient.run(List.of(psql, "-X", "-v", "ON_ERROR_STOP=1", connect,
            "-c", "CREATE TABLE copy_items (id INTEGER PRIMARY KEY, name TEXT, price NUMERIC(8,2))",
            "-c", "\\copy copy_items FROM '" + csv + "' WITH (FORMAT csv)",
            "-c", "COPY copy_items TO STDOUT",
            "-c", "COPY (SELECT id, name FROM copy_items WHERE id > 1 ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER)"),
            Map.of("PGPASSWORD", "pw"), 0);
        assertTrue(output.contains("COPY 3"), output);
        assertTrue(output.contains("1\tapple\t1.50\n2\tpear, green\t2.25\n3\t\\N\t0.00"), output);
        assertTrue(output.contains("id,name\n2,\"pear, green\"\n3,\n"), output);
        final String failed = ExternalClient.run(List.of(psql, "-X", "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose", connect,
            "-c", "\\copy copy_items FROM '" + csv + "' WITH (FORMAT csv)"), Map.of("PGPASSWORD", "pw"), 1);
        assertTrue(failed.contains("23505"), failed);
    }

    @Test
    void shouldReportErrorWhenPsqlRunsBadStatement() throws Exception
    {
        final String psql = ExternalClient.require("psql", "postgresql-client");
        final String output = ExternalClient.run(List.of(psql, "-X", "-v", "ON_ERROR_STOP=1",
            "host=127.0.0.1 port=" + server.port() + " user=phantom dbname=phantomdb sslmode=disable",
            "-c", "SELECT * FROM missing_table"), Map.of("PGPASSWORD", "pw"), 1);
        assertTrue(output.contains("ERROR:") && output.contains("missing_table"), output);
    }

    @Test
    void shouldRefusePsqlWhenPasswordIsWrong() throws Exception
    {
        final String psql = ExternalClient.require("psql", "postgresql-client");
        final String output = ExternalClient.run(List.of(psql, "-X",
            "host=127.0.0.1 port=" + server.port() + " user=phantom dbname=phantomdb sslmode=disable",
            "-c", "SELECT 1"), Map.of("PGPASSWORD", "nope"), 2);
        assertTrue(output.contains("password authentication failed for user \"phantom\""), output);
    }

    @Test
    void shouldPrepareBatchAndCommitWhenClientIsPgjdbc() throws SQLException
    {
        try (Connection connection = connect("&prepareThreshold=1"))
        {
            try (Statement statement = connection.createStatement())
            {
                statement.execute("CREATE TABLE jdbc_orders (id BIGINT PRIMARY KEY, customer VARCHAR(20), " +
                    "amount NUMERIC(10,2), paid BOOLEAN, note TEXT, data BYTEA)");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO jdbc_orders VALUES (?, ?, ?, ?, ?, ?)"))
            {
                for (int i = 1; i <= 50; i++)
                {
                    insert.setLong(1, i);
                    insert.setString(2, "c" + (i % 5));
                    insert.setBigDecimal(3, new BigDecimal(i + ".25"));
                    insert.setBoolean(4, i % 2 == 0);
                    insert.setString(5, i % 3 == 0 ? null : "note " + i);
                    insert.setBytes(6, new byte[]{(byte)i, 0, (byte)-1});
                    insert.addBatch();
                }
                final int[] counts = insert.executeBatch();
                assertEquals(50, counts.length);
                assertEquals(1, counts[0]);
            }
            connection.commit();
            try (PreparedStatement update = connection.prepareStatement("UPDATE jdbc_orders SET paid = ? WHERE id = ?"))
            {
                update.setBoolean(1, true);
                update.setLong(2, 1);
                assertEquals(1, update.executeUpdate());
            }
            connection.rollback();
            connection.setAutoCommit(true);
            try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, customer, amount, paid, note, data FROM jdbc_orders WHERE id = ?"))
            {
                for (int run = 0; run < 4; run++)
                {
                    query.setLong(1, 3);
                    try (ResultSet rows = query.executeQuery())
                    {
                        assertTrue(rows.next());
                        assertEquals(3L, rows.getLong(1));
                        assertEquals("c3", rows.getString(2));
                        assertEquals(new BigDecimal("3.25"), rows.getBigDecimal(3));
                        assertFalse(rows.getBoolean(4));
                        assertEquals(null, rows.getString(5));
                        assertArrayEquals(new byte[]{3, 0, -1}, rows.getBytes(6));
                        assertFalse(rows.next());
                    }
                }
                query.setLong(1, 1);
                try (ResultSet rows = query.executeQuery())
                {
                    assertTrue(rows.next());
                    assertFalse(rows.getBoolean(4), "the UPDATE was rolled back");
                }
            }
        }
    }

    @Test
    void shouldListTablesAndColumnsWhenPgjdbcReadsMetadata() throws SQLException
    {
        try (Connection connection = connect(""))
        {
            try (Statement statement = connection.createStatement())
            {
                statement.execute("CREATE TABLE jdbc_meta (id INTEGER PRIMARY KEY, label VARCHAR(12) NOT NULL)");
            }
            final DatabaseMetaData metaData = connection.getMetaData();
            assertTrue(metaData.getDatabaseProductVersion().startsWith("15"), metaData.getDatabaseProductVersion());
            try (ResultSet tables = metaData.getTables(null, "public", "jdbc_meta", new String[]{"TABLE"}))
            {
                assertTrue(tables.next());
                assertEquals("jdbc_meta", tables.getString("TABLE_NAME"));
            }
            try (ResultSet columns = metaData.getColumns(null, "public", "jdbc_meta", null))
            {
                assertTrue(columns.next());
                assertEquals("id", columns.getString("COLUMN_NAME"));
                assertEquals(java.sql.Types.INTEGER, columns.getInt("DATA_TYPE"));
                assertTrue(columns.next());
                assertEquals("label", columns.getString("COLUMN_NAME"));
                assertEquals(12, columns.getInt("COLUMN_SIZE"));
                assertEquals(DatabaseMetaData.columnNoNulls, columns.getInt("NULLABLE"));
            }
        }
    }

    @Test
    void shouldRunParametersAndTransactionsWhenClientIsPsycopg2(@TempDir final Path directory) throws Exception
    {
        final String python = ExternalClient.require("python3", "python3-psycopg2");
        ExternalClient.run(List.of(python, "-c", "import psycopg2"), Map.of(), 0);
        final Path script = ExternalClient.resource("psycopg2_client.py", directory);
        final String output = ExternalClient.run(
            List.of(python, script.toString(), Integer.toString(server.port())), Map.of(), 0);
        assertTrue(output.trim().endsWith("OK"), output);
    }

    @Test
    void shouldCreateAndQueryWhenClientIsSqlAlchemyOrm(@TempDir final Path directory) throws Exception
    {
        final String python = ExternalClient.require("python3", "python3-sqlalchemy");
        ExternalClient.run(List.of(python, "-c", "import sqlalchemy, psycopg2"), Map.of(), 0);
        final Path script = ExternalClient.resource("sqlalchemy_client.py", directory);
        final String output = ExternalClient.run(
            List.of(python, script.toString(), Integer.toString(server.port())), Map.of(), 0);
        assertTrue(output.trim().endsWith("OK"), output);
    }

    @Test
    void shouldServePoolWhenClientIsNodePostgres(@TempDir final Path directory) throws Exception
    {
        final String node = ExternalClient.require("node", "nodejs");
        final Path modules = ExternalClient.nodeModules();
        final Path script = ExternalClient.resource("node_pg_client.js", directory);
        final String output = ExternalClient.run(List.of(node, script.toString(), Integer.toString(server.port())),
            Map.of("NODE_PATH", modules.toString()), 0);
        assertTrue(output.trim().endsWith("OK"), output);
    }
}
