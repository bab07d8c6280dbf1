package io.phantomdb.server;

import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlDatabases;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code phantomdb serve} in a child JVM stopped with SIGTERM while a client holds an open transaction: the
 * process exits after its graceful shutdown, the committed row survives reopening the data directory and the
 * uncommitted one does not.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SigtermTest
{
    private static String read(final Path file)
    {
        try
        {
            return Files.readString(file);
        }
        catch (final java.io.IOException ex)
        {
            return ex.toString();
        }
    }

    @Test
    void shouldKeepCommittedAndDropOpenTransactionWhenSigtermArrives(@TempDir final Path directory) throws Exception
    {
        final Path data = directory.resolve("data");
        final int port;
        try (ServerSocket probe = new ServerSocket(0))
        {
            port = probe.getLocalPort();
        }
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("phantomdb.jvm.flags", "").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.phantomdb.server.cli.ServeCommand",
            "--data", data.toString(), "--port", Integer.toString(port), "--http-port", "-1"));
        command.removeIf(String::isEmpty);
        final Path logFile = directory.resolve("serve.log");
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile())
            .start();
        try
        {
            awaitStartThenSigterm(process, logFile, port);
        }
        finally
        {
            process.destroyForcibly();
        }
        final String log = Files.readString(logFile);
        assertEquals(143, process.exitValue(), log);
        assertTrue(log.contains("closing the database (checkpoint)") && log.contains("stopped"), log);
        try (SqlDatabase database = SqlDatabases.open(data);
            SqlSession session = database.openSession();
            SqlResult rows = session.execute("SELECT id FROM kept ORDER BY id"))
        {
            assertTrue(rows.next());
            assertEquals(1, ((Number)rows.get(0)).intValue());
            assertFalse(rows.next(), "the open transaction's row must be gone");
        }
    }

    private static void awaitStartThenSigterm(final Process process, final Path logFile, final int port) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(logFile).contains("PhantomDB serving") && System.nanoTime() < deadline)
        {
            assertTrue(process.isAlive(), () -> "the server exited:\n" + read(logFile));
            Thread.sleep(100);
        }
        try (Connection connection = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + port + "/phantomdb?user=phantom&sslmode=disable");
            Statement statement = connection.createStatement())
        {
            statement.execute("CREATE TABLE kept (id INTEGER PRIMARY KEY)");
            statement.execute("INSERT INTO kept VALUES (1)");
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO kept VALUES (2)");
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), () -> "no exit after SIGTERM:\n" + read(logFile));
        }
    }
}
