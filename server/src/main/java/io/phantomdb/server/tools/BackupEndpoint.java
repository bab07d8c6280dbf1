package io.phantomdb.server.tools;

import com.sun.net.httpserver.HttpExchange;
import io.phantomdb.sql.SqlDatabase;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Online backup of a served database over HTTP: {@code POST /api/backup?to=/absolute/dir} runs {@link Backup}
 * on the server's open database (the data directory is locked by the server, so {@code phantomdb backup} cannot
 * open it) and answers {@code 200} with the manifest's version and sizes and the progress lines as JSON,
 * {@code 400} for a missing or relative {@code to} or a non-empty target, {@code 405} for another method,
 * {@code 500} if writing fails. The HTTP API authenticates the caller first (as for {@code /api/query}); the
 * directory is written by the server process, on the server's host.
 * <p>
 * <b>Note:</b> thread safe; each request runs on the HTTP pool thread that received it.
 */
public final class BackupEndpoint
{
    private final SqlDatabase database;

    /**
     * @param database the served database.
     */
    public BackupEndpoint(final SqlDatabase database)
    {
        this.database = database;
    }

    /**
     * Handle one request to {@code /api/backup} and send the response.
     *
     * @param exchange the authenticated request.
     * @throws IOException if the response cannot be sent.
     */
    public void handle(final HttpExchange exchange) throws IOException
    {
        if (!"POST".equals(exchange.getRequestMethod()))
        {
            send(exchange, 405, "{\"error\":\"use POST /api/backup?to=/absolute/backup/dir\"}");
            return;
        }
        final String to = parameter(exchange.getRequestURI().getRawQuery(), "to");
        if (null == to || !Path.of(to).isAbsolute())
        {
            send(exchange, 400, "{\"error\":\"expected an absolute directory in ?to= actual " + quote(to) + "\"}");
            return;
        }
        final List<String> lines = new ArrayList<>();
        try
        {
            final Properties manifest = Backup.run(database.engine(), Path.of(to), lines::add);
            final StringBuilder json = new StringBuilder("{\"directory\":\"").append(quote(to))
                .append("\",\"version\":").append(manifest.getProperty("version"))
                .append(",\"bytes\":").append(manifest.getProperty("data.bytes"))
                .append(",\"log\":[");
            for (int i = 0; i < lines.size(); i++)
            {
                json.append(i > 0 ? "," : "").append('"').append(quote(lines.get(i))).append('"');
            }
            send(exchange, 200, json.append("]}").toString());
        }
        catch (final IllegalArgumentException ex)
        {
            send(exchange, 400, "{\"error\":\"" + quote(ex.getMessage()) + "\"}");
        }
        catch (final IOException | RuntimeException ex)
        {
            send(exchange, 500, "{\"error\":\"backup failed: " + quote(String.valueOf(ex)) + "\"}");
        }
    }

    private static String parameter(final String query, final String name)
    {
        if (null == query)
        {
            return null;
        }
        for (final String pair : query.split("&"))
        {
            final int eq = pair.indexOf('=');
            if (eq > 0 && name.equals(pair.substring(0, eq)))
            {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String quote(final String text)
    {
        if (null == text)
        {
            return "null";
        }
        final StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if ('"' == c || '\\' == c)
            {
                out.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                out.append(String.format("\\u%04x", (int)c));
            }
            else
            {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void send(final HttpExchange exchange, final int status, final String json) throws IOException
    {
        final byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(body);
        }
    }
}
