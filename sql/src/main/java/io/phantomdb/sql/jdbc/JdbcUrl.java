package io.phantomdb.sql.jdbc;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed PhantomDB JDBC URL with its connection properties:
 * <pre>
 *   jdbc:phantomdb:file:&lt;directory&gt;[;key=value]...   a data directory, relative to the working directory
 *   jdbc:phantomdb:mem:&lt;name&gt;[;key=value]...         a named in-memory database shared in the JVM
 *   jdbc:phantomdb:mem:                              a private in-memory database
 * </pre>
 * Properties come after {@code ;} in the URL or in the {@link Properties} passed to the driver; names
 * match case-insensitively. Known: {@code DB_CLOSE_DELAY} ({@code 0}: close the database with its last
 * connection, the default; {@code -1}: keep it open until the JVM exits), {@code user} and
 * {@code password} (accepted for tools, not checked: an embedded database has no accounts).
 * <p>
 * <b>Note:</b> immutable, safe from any thread.
 *
 * @param kind         {@code file} or {@code mem}.
 * @param location     the absolute, normalised directory for {@code file}; the name for {@code mem}, empty
 *                     for a private database.
 * @param keepOpen     {@code DB_CLOSE_DELAY=-1}.
 */
public record JdbcUrl(String kind, String location, boolean keepOpen)
{
    /** What every PhantomDB JDBC URL starts with. */
    public static final String PREFIX = "jdbc:phantomdb:";
    /** The kind of a data-directory URL. */
    public static final String FILE = "file";
    /** The kind of an in-memory URL. */
    public static final String MEM = "mem";
    /** The property that keeps a database open after its last connection closes. */
    public static final String DB_CLOSE_DELAY = "DB_CLOSE_DELAY";
    /** The property names the driver knows. */
    public static final List<String> PROPERTIES = List.of(DB_CLOSE_DELAY, "user", "password");

    /**
     * @param url  the URL, starting with {@link #PREFIX}.
     * @param info extra properties, or null.
     * @return the parsed URL.
     * @throws SQLException (SQLSTATE 08001) for a malformed URL or an unknown or malformed property.
     */
    public static JdbcUrl parse(final String url, final Properties info) throws SQLException
    {
        if (url == null || !url.startsWith(PREFIX))
        {
            throw new SQLException("not a PhantomDB URL (" + PREFIX + "file:<dir> or " + PREFIX + "mem:<name>): " + url,
                SqlErrors.CONNECTION_FAILED);
        }
        final String[] parts = url.substring(PREFIX.length()).split(";", -1);
        final Map<String, String> properties = new LinkedHashMap<>();
        if (info != null)
        {
            for (final String name : info.stringPropertyNames())
            {
                put(properties, name, info.getProperty(name), url);
            }
        }
        for (int i = 1; i < parts.length; i++)
        {
            if (parts[i].isEmpty())
            {
                continue;
            }
            final int eq = parts[i].indexOf('=');
            if (eq <= 0)
            {
                throw new SQLException("malformed property '" + parts[i] + "' in " + url + ": expected key=value",
                    SqlErrors.CONNECTION_FAILED);
            }
            put(properties, parts[i].substring(0, eq).trim(), parts[i].substring(eq + 1).trim(), url);
        }
        final boolean keepOpen = keepOpen(properties.get(DB_CLOSE_DELAY.toLowerCase(Locale.ROOT)), url);
        final String target = parts[0];
        if (target.startsWith(FILE + ":"))
        {
            final String dir = target.substring(FILE.length() + 1);
            if (dir.isBlank())
            {
                throw new SQLException("the URL names no directory: " + url, SqlErrors.CONNECTION_FAILED);
            }
            final Path path = Paths.get(dir).toAbsolutePath().normalize();
            return new JdbcUrl(FILE, path.toString(), keepOpen);
        }
        if (target.startsWith(MEM + ":"))
        {
            return new JdbcUrl(MEM, target.substring(MEM.length() + 1), keepOpen);
        }
        throw new SQLException("unknown database kind in " + url + ": expected " + PREFIX + "file:<dir> or " +
            PREFIX + "mem:<name>", SqlErrors.CONNECTION_FAILED);
    }

    /**
     * @return whether the database is private to one connection ({@code jdbc:phantomdb:mem:}).
     */
    public boolean isPrivate()
    {
        return MEM.equals(kind) && location.isEmpty();
    }

    /**
     * @return the name {@link java.sql.Connection#getCatalog()} reports: the directory's last element or
     * the in-memory name ({@code mem} for a private one).
     */
    public String catalog()
    {
        if (MEM.equals(kind))
        {
            return location.isEmpty() ? MEM : location;
        }
        final Path name = Paths.get(location).getFileName();
        return name == null ? location : name.toString();
    }

    private static void put(final Map<String, String> properties, final String name, final String value, final String url)
        throws SQLException
    {
        for (final String known : PROPERTIES)
        {
            if (known.equalsIgnoreCase(name))
            {
                properties.put(known.toLowerCase(Locale.ROOT), value);
                return;
            }
        }
        throw new SQLException("unknown connection property '" + name + "' for " + url + " (known: " +
            String.join(", ", PROPERTIES) + ")", SqlErrors.CONNECTION_FAILED);
    }

    private static boolean keepOpen(final String delay, final String url) throws SQLException
    {
        if (delay == null || "0".equals(delay))
        {
            return false;
        }
        if ("-1".equals(delay))
        {
            return true;
        }
        throw new SQLException(DB_CLOSE_DELAY + " must be 0 (close with the last connection) or -1 (keep open): '" +
            delay + "' in " + url, SqlErrors.CONNECTION_FAILED);
    }
}
