package io.phantomdb.sql.shell;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connects the shell to a server given as a libpq-style URL,
 * {@code postgresql://[user[:password]@]host[:port][/database]}, through pgjdbc (the PostgreSQL wire
 * protocol that {@code bin/phantomdb serve} speaks).
 * <p>
 * <b>Note:</b> stateless.
 */
final class ServerConnection
{
    private static final int DEFAULT_PORT = 5432;

    private ServerConnection()
    {
    }

    /**
     * @param url              the server URL.
     * @param passwordFallback the password when the URL has none (PGPASSWORD), or null.
     * @return an open connection.
     * @throws SQLException when the URL is malformed (SQLSTATE 08001) or the server refuses the connection.
     */
    static Connection open(final String url, final String passwordFallback) throws SQLException
    {
        final URI uri;
        try
        {
            uri = new URI(url);
        }
        catch (final URISyntaxException ex)
        {
            throw new SQLException("invalid server URL '" + redact(url) + "': " + ex.getReason(), "08001");
        }
        if (null == uri.getHost())
        {
            throw new SQLException("invalid server URL '" + redact(url) + "': no host", "08001");
        }
        final Properties properties = new Properties();
        final String userInfo = uri.getRawUserInfo();
        String password = passwordFallback;
        if (null != userInfo)
        {
            final int colon = userInfo.indexOf(':');
            properties.setProperty("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0)
            {
                password = decode(userInfo.substring(colon + 1));
            }
        }
        if (null != password)
        {
            properties.setProperty("password", password);
        }
        final String path = uri.getPath();
        final String database = null == path || path.length() <= 1 ? "phantomdb" : path.substring(1);
        final int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database, properties);
    }

    /**
     * @param url a server URL.
     * @return the URL without its password, for messages.
     */
    static String redact(final String url)
    {
        return url.replaceFirst("(//[^:/@]*):[^@/]*@", "$1:***@");
    }

    private static String decode(final String text)
    {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
