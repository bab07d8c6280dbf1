package io.phantomdb.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP endpoint with the real engine: health, Prometheus metrics after real traffic, the console's JSON
 * API, and the console itself in headless Chromium (the screenshot lands in server/target/console.png).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HttpConsoleTest
{
    private static PhantomServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception
    {
        server = PhantomServer.start(new ServerConfig().port(0).httpPort(0));
        try (Connection connection = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + server.port() + "/phantomdb?user=phantom&sslmode=disable");
            Statement statement = connection.createStatement())
        {
            statement.execute("CREATE TABLE planets (id INTEGER PRIMARY KEY, name TEXT NOT NULL, moons INTEGER)");
            statement.execute("INSERT INTO planets VALUES (1, 'Mercury', 0), (2, 'Venus', 0), (3, 'Earth', 1), " +
                "(4, 'Mars', 2)");
        }
    }

    @AfterAll
    static void stop()
    {
        server.close();
    }

    private static HttpResponse<String> get(final String path) throws IOException, InterruptedException
    {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(final String path, final String body) throws IOException, InterruptedException
    {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAnswerHealthWhenServerRuns() throws Exception
    {
        final HttpResponse<String> response = get("/health");
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"ok\"}", response.body());
    }

    @Test
    void shouldExposePrometheusMetricsWhenStatementsRan() throws Exception
    {
        final String body = get("/metrics").body();
        assertTrue(body.contains("# TYPE phantomdb_statements_total counter"), body);
        assertTrue(body.contains("phantomdb_commits_total "), body);
        assertTrue(body.contains("phantomdb_wal_bytes_total "), body);
        assertTrue(body.contains("phantomdb_checkpoint_seconds_total "), body);
        assertTrue(body.contains("phantomdb_statement_latency_seconds_bucket{le=\"+Inf\"} "), body);
        assertTrue(body.contains("phantomdb_tables 1"), body);
        final long statements = Long.parseLong(body.replaceAll("(?s).*\nphantomdb_statements_total (\\d+)\n.*", "$1"));
        assertTrue(statements >= 2, body);
    }

    @Test
    void shouldReturnRowsAsJsonWhenConsoleRunsQuery() throws Exception
    {
        final String body = post("/api/query", "SELECT name, moons FROM planets WHERE moons > 0 ORDER BY id").body();
        assertTrue(body.contains("[\"Earth\",1]") && body.contains("[\"Mars\",2]"), body);
        final String error = post("/api/query", "SELECT * FROM nowhere").body();
        assertTrue(error.contains("\"sqlState\":\"42P01\""), error);
        final String tables = get("/api/tables").body();
        assertTrue(tables.contains("\"name\":\"planets\"") && tables.contains("\"primaryKey\":true"), tables);
    }

    @Test
    void shouldShowRowsWhenQueryRunsInHeadlessChromium(@TempDir final Path directory) throws Exception
    {
        final String node = ExternalClient.require("node", "nodejs");
        ExternalClient.require("chromium", "chromium");
        final Path modules = ExternalClient.nodeModules();
        final Path script = ExternalClient.resource("console_check.js", directory);
        final Path screenshot = ExternalClient.repoRoot().resolve("server/target/console.png");
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        final String output = ExternalClient.run(List.of(node, script.toString(),
            "http://127.0.0.1:" + server.httpPort() + "/", screenshot.toString(),
            "SELECT id, name, moons FROM planets ORDER BY id", "Mercury"), Map.of("NODE_PATH", modules.toString()), 0);
        assertTrue(output.contains("Venus") && output.trim().endsWith("OK"), output);
        assertTrue(output.contains("plan: ") && output.contains("planets"), output);
        assertTrue(Files.size(screenshot) > 10_000, "screenshot " + screenshot);
    }
}
