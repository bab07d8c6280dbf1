package io.phantomdb.server;

import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS with a certificate made by openssl (psql with sslmode=require gets in, sslmode=disable is refused when TLS
 * is required), and the graceful shutdown of a server with a client in an open transaction.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsAndShutdownTest
{
    @Test
    void shouldRequireTlsWhenConfigured(@TempDir final Path directory) throws Exception
    {
        final String openssl = ExternalClient.require("openssl", "openssl");
        final String psql = ExternalClient.require("psql", "postgresql-client");
        final Path key = directory.resolve("key.pem");
        final Path certificate = directory.resolve("cert.pem");
        ExternalClient.run(List.of(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
            "-out", certificate.toString(), "-days", "1", "-subj", "/CN=localhost"), Map.of(), 0);
        try (PhantomServer server = PhantomServer.start(new ServerConfig().port(0).httpPort(-1)
            .auth(ServerConfig.AuthMethod.PASSWORD).bootstrapUser("phantom", "pw").tls(certificate, key, true)))
        {
            final String connect = "host=127.0.0.1 port=" + server.port() + " user=phantom dbname=phantomdb ";
            final String output = ExternalClient.run(List.of(psql, "-X", "-A", "-t", connect + "sslmode=require",
                "-c", "SELECT 41 + 1", "-c", "\\conninfo"), Map.of("PGPASSWORD", "pw"), 0);
            assertTrue(output.contains("42") && output.contains("SSL connection (protocol: TLS"), output);
            final String refused = ExternalClient.run(List.of(psql, "-X", connect + "sslmode=disable", "-c", "SELECT 1"),
                Map.of("PGPASSWORD", "pw"), 2);
            assertTrue(refused.contains("connection requires TLS"), refused);
        }
    }

    @Test
    void shouldRollBackOpenTransactionWhenServerShutsDown() throws Exception
    {
        try (SqlDatabase database = SqlDatabases.inMemory())
        {
            final PhantomServer server = PhantomServer.start(new ServerConfig().port(0).httpPort(-1), database);
            final String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/phantomdb?user=phantom&sslmode=disable";
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement())
            {
                statement.execute("CREATE TABLE shutdown_items (id INTEGER PRIMARY KEY)");
                connection.setAutoCommit(false);
                statement.execute("INSERT INTO shutdown_items VALUES (1)");
                server.close();
                final PSQLException error = assertThrows(PSQLException.class, () -> statement.execute("SELECT 1"));
                assertTrue(error.getSQLState().startsWith("57P01") || error.getSQLState().startsWith("08"),
                    error.getSQLState() + " " + error.getMessage());
            }
            final PhantomServer again = PhantomServer.start(new ServerConfig().port(0).httpPort(-1), database);
            try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + again.port() + "/phantomdb?user=phantom&sslmode=disable");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM shutdown_items"))
            {
                assertTrue(rows.next());
                assertEquals(0, rows.getLong(1));
                assertFalse(rows.next());
            }
            finally
            {
                again.close();
            }
        }
    }
}
