package io.phantomdb.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.phantomdb.core.txn.EngineMetrics;
import io.phantomdb.server.ServerConfig;
import io.phantomdb.server.auth.ScramVerifier;
import io.phantomdb.server.auth.UserStore;
import io.phantomdb.server.metrics.ServerMetrics;
import io.phantomdb.server.tools.BackupEndpoint;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP endpoint on the JDK's embedded server: {@code /health}, {@code /metrics} (Prometheus text format),
 * and the web console ({@code /}) with its JSON API: {@code POST /api/query} and {@code POST /api/explain}
 * (the SQL text as the body), {@code GET /api/tables}, {@code GET /api/stats} (one sample a second for the live
 * charts), and {@code POST /api/backup?to=DIR} (online backup, {@link BackupEndpoint}). With {@code auth=password} the console and its API ask for HTTP Basic credentials of a database
 * user; {@code /health} and {@code /metrics} stay open.
 * <p>
 * <b>Note:</b> thread-safe; requests run on a small pool of their own, the sampler on one scheduler thread.
 */
public final class HttpApi implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final Map<String, String> STATIC = Map.of(
        "/", "index.html", "/index.html", "index.html", "/console.js", "console.js", "/console.css", "console.css");

    private final HttpServer server;
    private final ExecutorService pool;
    private final ScheduledExecutorService scheduler;
    private final SqlDatabase database;
    private final ServerMetrics metrics;
    private final UserStore users;
    private final boolean authenticate;
    private final StatsSampler sampler;
    private final ConsoleQueries queries;
    private final BackupEndpoint backups;

    /**
     * Binds the HTTP port on the configured host.
     *
     * @param config   the configuration.
     * @param database the database the console queries.
     * @param metrics  the server's metrics.
     * @param users    the user store, used when {@code auth=password}.
     * @throws UncheckedIOException if the port cannot be bound.
     */
    public HttpApi(final ServerConfig config, final SqlDatabase database, final ServerMetrics metrics, final UserStore users)
    {
        this.database = database;
        this.metrics = metrics;
        this.users = users;
        this.authenticate = config.auth() == ServerConfig.AuthMethod.PASSWORD;
        this.sampler = new StatsSampler(metrics);
        this.queries = new ConsoleQueries(database);
        this.backups = new BackupEndpoint(database);
        try
        {
            server = HttpServer.create(new InetSocketAddress(config.host(), config.httpPort()), 0);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot listen for HTTP on " + config.host() + ":" + config.httpPort(), ex);
        }
        pool = Executors.newFixedThreadPool(4, daemon("phantomdb-http"));
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("phantomdb-stats"));
        scheduler.scheduleAtFixedRate(sampler::sample, 1, 1, TimeUnit.SECONDS);
        server.setExecutor(pool);
        server.createContext("/health", exchange -> send(exchange, 200, "application/json", "{\"status\":\"ok\"}"));
        server.createContext("/metrics", exchange -> send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
            PrometheusText.render(metrics, engineMetrics(), metadata())));
        server.createContext("/api/", this::api);
        server.createContext("/", this::staticFile);
        server.start();
        LOG.info("HTTP (metrics, console) listening on http://{}:{}/", config.host(), port());
    }

    private static ThreadFactory daemon(final String name)
    {
        return runnable ->
        {
            final Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private EngineMetrics engineMetrics()
    {
        try
        {
            return database.engine().metrics();
        }
        catch (final RuntimeException ex)
        {
            return null;
        }
    }

    private SqlMetadata metadata()
    {
        try
        {
            return database.metadata();
        }
        catch (final RuntimeException ex)
        {
            return null;
        }
    }

    private void api(final HttpExchange exchange) throws IOException
    {
        if (!authorized(exchange))
        {
            return;
        }
        final String path = exchange.getRequestURI().getPath();
        final boolean post = "POST".equals(exchange.getRequestMethod());
        switch (path)
        {
            case "/api/stats" -> send(exchange, 200, "application/json", sampler.json());
            case "/api/tables" -> send(exchange, 200, "application/json", queries.tables());
            case "/api/backup" -> backups.handle(exchange);
            case "/api/query", "/api/explain" ->
            {
                if (!post)
                {
                    send(exchange, 405, "text/plain", "use POST with the SQL text as the body\n");
                    return;
                }
                final String sql;
                try (InputStream in = exchange.getRequestBody())
                {
                    sql = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
                }
                final long start = System.nanoTime();
                final String json = path.endsWith("query") ? queries.run(sql) : queries.explain(sql);
                metrics.statement(System.nanoTime() - start, json.startsWith("{\"error\""));
                send(exchange, 200, "application/json", json);
            }
            default -> send(exchange, 404, "text/plain", "no such API: " + path + "\n");
        }
    }

    private void staticFile(final HttpExchange exchange) throws IOException
    {
        final String resource = STATIC.get(exchange.getRequestURI().getPath());
        if (resource == null)
        {
            send(exchange, 404, "text/plain", "not found\n");
            return;
        }
        if (!authorized(exchange))
        {
            return;
        }
        try (InputStream in = HttpApi.class.getResourceAsStream("/console/" + resource))
        {
            if (in == null)
            {
                send(exchange, 500, "text/plain", "console resource missing: " + resource + "\n");
                return;
            }
            final String type = resource.endsWith(".html") ? "text/html; charset=utf-8" :
                resource.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            send(exchange, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private boolean authorized(final HttpExchange exchange) throws IOException
    {
        if (!authenticate)
        {
            return true;
        }
        final String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.startsWith("Basic "))
        {
            try
            {
                final String credentials = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
                final int colon = credentials.indexOf(':');
                final UserStore.User user = colon < 0 ? null : users.find(credentials.substring(0, colon));
                if (user != null)
                {
                    final ScramVerifier stored = user.verifier();
                    final ScramVerifier offered = ScramVerifier.derive(
                        credentials.substring(colon + 1), stored.salt(), stored.iterations());
                    if (MessageDigest.isEqual(offered.storedKey(), stored.storedKey()))
                    {
                        return true;
                    }
                }
            }
            catch (final IllegalArgumentException ex)
            {
                LOG.debug("malformed Basic credentials from {}", exchange.getRemoteAddress());
            }
        }
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"PhantomDB\", charset=\"UTF-8\"");
        send(exchange, 401, "text/plain", "authentication required\n");
        return false;
    }

    private static void send(final HttpExchange exchange, final int status, final String type, final String body)
        throws IOException
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(bytes);
        }
    }

    /**
     * @return the bound port.
     */
    public int port()
    {
        return server.getAddress().getPort();
    }

    /**
     * Stops serving. Idempotent.
     */
    @Override
    public void close()
    {
        server.stop(0);
        scheduler.shutdownNow();
        pool.shutdownNow();
    }
}
