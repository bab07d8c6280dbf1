package io.phantomdb.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * psql's and pgjdbc's catalog queries, answered by the server from the SQL engine's metadata: one table with a
 * primary key, a default and a secondary index.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CatalogQueriesTest
{
    private PhantomServer server;

    @BeforeEach
    void start() throws Exception
    {
        server = PhantomServer.start(new ServerConfig().port(0).httpPort(-1));
        try (Connection connection = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + server.port() + "/shop?user=phantom&sslmode=disable");
            Statement statement = connection.createStatement())
        {
            statement.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, " +
                "balance NUMERIC(12,2) DEFAULT 0)");
            statement.execute("CREATE INDEX accounts_name ON accounts (name)");
        }
    }

    @AfterEach
    void stop()
    {
        server.close();
    }

    @Test
    void shouldDescribeTablesWhenPsqlRunsBackslashD() throws Exception
    {
        final String psql = ExternalClient.require("psql", "postgresql-client");
        final String output = ExternalClient.run(List.of(psql, "-X", "-v", "ON_ERROR_STOP=1",
            "host=127.0.0.1 port=" + server.port() + " user=phantom dbname=shop sslmode=disable",
            "-c", "\\dt", "-c", "\\d", "-c", "\\d accounts", "-c", "\\di", "-c", "\\l", "-c", "\\d+ accounts"),
            Map.of(), 0);
        assertTrue(output.contains(" public | accounts | table | phantom"), output);
        assertTrue(output.contains("Table \"public.accounts\""), output);
        assertTrue(output.contains(" id      | integer               |           | not null | "), output);
        assertTrue(output.contains(" name    | character varying(40) |           | not null | "), output);
        assertTrue(output.contains(" balance | numeric(12,2)         |           |          | 0"), output);
        assertTrue(output.contains("PRIMARY KEY, btree (id)"), output);
        assertTrue(output.contains("\"accounts_name\" btree (name)"), output);
        assertTrue(output.contains(" public | accounts_name | index | phantom | accounts"), output);
        assertTrue(output.contains(" shop "), output);
    }

    @Test
    void shouldReportMissingRelationWhenPsqlDescribesUnknownName() throws Exception
    {
        final String psql = ExternalClient.require("psql", "postgresql-client");
        final String output = ExternalClient.run(List.of(psql, "-X",
            "host=127.0.0.1 port=" + server.port() + " user=phantom dbname=shop sslmode=disable",
            "-c", "\\d nothing"), Map.of(), 1);
        assertTrue(output.contains("Did not find any relation named \"nothing\""), output);
    }

    @Test
    void shouldListTablesAndColumnsWhenPgjdbcReadsMetadata() throws Exception
    {
        try (Connection connection = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + server.port() + "/shop?user=phantom&sslmode=disable"))
        {
            final DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet tables = metaData.getTables(null, "public", "acc%", new String[]{"TABLE"}))
            {
                assertTrue(tables.next());
                assertEquals("accounts", tables.getString("TABLE_NAME"));
                assertEquals("TABLE", tables.getString("TABLE_TYPE"));
                assertFalse(tables.next());
            }
            try (ResultSet columns = metaData.getColumns(null, "public", "accounts", null))
            {
                assertTrue(columns.next());
                assertEquals("id", columns.getString("COLUMN_NAME"));
                assertEquals(Types.INTEGER, columns.getInt("DATA_TYPE"));
                assertEquals(DatabaseMetaData.columnNoNulls, columns.getInt("NULLABLE"));
                assertTrue(columns.next());
                assertEquals("name", columns.getString("COLUMN_NAME"));
                assertEquals(Types.VARCHAR, columns.getInt("DATA_TYPE"));
                assertEquals(40, columns.getInt("COLUMN_SIZE"));
                assertTrue(columns.next());
                assertEquals("balance", columns.getString("COLUMN_NAME"));
                assertEquals(Types.NUMERIC, columns.getInt("DATA_TYPE"));
                assertEquals(12, columns.getInt("COLUMN_SIZE"));
                assertEquals(2, columns.getInt("DECIMAL_DIGITS"));
                assertEquals("0", columns.getString("COLUMN_DEF"));
                assertFalse(columns.next());
            }
        }
    }
}
