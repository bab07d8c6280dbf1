package io.phantomdb.server;

import io.phantomdb.sql.shell.SqlShell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/phantomdb sql postgresql://...}: the shell reaches a running server through pgjdbc, with
 * SCRAM authentication, and reports the server's errors like embedded ones.
 */
@Timeout(60)
class ShellOverServerTest
{
    private PhantomServer server;

    @AfterEach
    void tearDown()
    {
        if (null != server)
        {
            server.close();
        }
    }

    @Test
    void shouldRunStatementsOnTheServerWhenGivenAServerUrl() throws Exception
    {
        server = PhantomServer.start(new ServerConfig().port(0).httpPort(-1)
            .auth(ServerConfig.AuthMethod.PASSWORD).bootstrapUser("alice", "s3cret"));
        final String url = "postgresql://alice:s3cret@127.0.0.1:" + server.port() + "/phantomdb";
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = SqlShell.run(new String[]{url, "-c",
            "CREATE TABLE t (id INT PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'one'), (2, 'two');" +
                " SELECT name FROM t ORDER BY id;"},
            new ByteArrayInputStream(new byte[0]), print(out), print(err), false);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        final String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("one") && printed.contains("two") && printed.contains("(2 rows)"), printed);
    }

    @Test
    void shouldReportTheServersRefusalWhenThePasswordIsWrong() throws Exception
    {
        server = PhantomServer.start(new ServerConfig().port(0).httpPort(-1)
            .auth(ServerConfig.AuthMethod.PASSWORD).bootstrapUser("alice", "s3cret"));
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = SqlShell.run(new String[]{"postgresql://alice:wrong@127.0.0.1:" + server.port(), "-c", "SELECT 1"},
            new ByteArrayInputStream(new byte[0]), print(new ByteArrayOutputStream()), print(err), false);
        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("28P01"), err.toString(StandardCharsets.UTF_8));
    }

    private static PrintStream print(final ByteArrayOutputStream bytes)
    {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
