package io.phantomdb.server.tools;

import io.phantomdb.core.PhantomDB;
import io.phantomdb.core.table.RowCursor;
import io.phantomdb.core.table.Tx;
import io.phantomdb.server.PhantomServer;
import io.phantomdb.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(120)
class BackupEndpointTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldBackUpServedDatabaseWhenPostedToApiBackup() throws Exception
    {
        final Path backup = dir.resolve("backup");
        try (PhantomServer server = PhantomServer.start(new ServerConfig().port(0).httpPort(0)
            .dataDirectory(dir.resolve("db"))))
        {
            assertEquals(200, post(server, "/api/query",
                "CREATE TABLE planets (id INTEGER PRIMARY KEY, name TEXT NOT NULL, moons INTEGER)").statusCode());
            assertEquals(200, post(server, "/api/query",
                "INSERT INTO planets VALUES (1, 'Mercury', 0), (2, 'Venus', 0), (3, 'Earth', 1), (4, 'Mars', 2)")
                .statusCode());
            final String target = URLEncoder.encode(backup.toString(), StandardCharsets.UTF_8);
            final HttpResponse<String> done = post(server, "/api/backup?to=" + target, "");
            assertEquals(200, done.statusCode(), done.body());
            assertTrue(done.body().startsWith("{\"directory\":\"" + backup + "\",\"version\":"), done.body());
            final HttpResponse<String> again = post(server, "/api/backup?to=" + target, "");
            assertEquals(400, again.statusCode());
            assertEquals("{\"error\":\"" + backup + " is not empty\"}", again.body());
            final HttpResponse<String> relative = post(server, "/api/backup?to=backup", "");
            assertEquals(400, relative.statusCode());
            assertEquals("{\"error\":\"expected an absolute directory in ?to= actual backup\"}", relative.body());
            final HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + "/api/backup")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(405, get.statusCode());
        }
        assertTrue(Files.exists(backup.resolve(BackupDescriptor.MANIFEST_FILE)));
        Restore.run(backup, dir.resolve("restored"), false, line -> { });
        try (PhantomDB db = PhantomDB.open(dir.resolve("restored")); Tx tx = db.begin())
        {
            final RowCursor cursor = tx.scan("planets", null, null, true);
            int rows = 0;
            while (cursor.next())
            {
                rows++;
            }
            assertEquals(4, rows);
        }
        assertTrue(DataDirectoryCheck.run(dir.resolve("restored"), dir.resolve("scratch"), System.out::println)
            .isClean());
    }

    private static HttpResponse<String> post(final PhantomServer server, final String path, final String body)
        throws Exception
    {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
