package io.phantomdb.sql.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * PhantomDB's embedded JDBC 4.2 driver. Registered with {@link DriverManager} when the class loads and
 * through {@code META-INF/services/java.sql.Driver}. URLs and properties are described in {@link JdbcUrl}.
 * <p>
 * <b>Note:</b> thread-safe: any thread may connect.
 */
public final class PhantomDriver implements Driver
{
    /** The driver's major version. */
    public static final int MAJOR_VERSION = 0;
    /** The driver's minor version. */
    public static final int MINOR_VERSION = 1;
    /** The driver's version text. */
    public static final String VERSION = MAJOR_VERSION + "." + MINOR_VERSION + ".0";

    private static final PhantomDriver INSTANCE = new PhantomDriver();

    static
    {
        try
        {
            DriverManager.registerDriver(INSTANCE);
        }
        catch (final SQLException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    /**
     * Public for {@link java.util.ServiceLoader}; the class registers one instance of its own.
     */
    public PhantomDriver()
    {
    }

    /**
     * @return the instance registered with {@link DriverManager}.
     */
    public static PhantomDriver instance()
    {
        return INSTANCE;
    }

    /**
     * Opens a connection: a new session on the URL's shared database, opening the database first if no
     * connection has it open.
     *
     * @param url  a {@code jdbc:phantomdb:} URL.
     * @param info properties, or null.
     * @return the connection, or null if the URL is not PhantomDB's (as {@link Driver} requires).
     * @throws SQLException (08001) for a malformed URL or unknown property, or if the database cannot open.
     */
    @Override
    public Connection connect(final String url, final Properties info) throws SQLException
    {
        if (!acceptsURL(url))
        {
            return null;
        }
        final JdbcUrl parsed = JdbcUrl.parse(url, info);
        return new PhantomConnection(url, parsed, SharedDatabases.acquire(parsed));
    }

    @Override
    public boolean acceptsURL(final String url)
    {
        return url != null && url.startsWith(JdbcUrl.PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(final String url, final Properties info)
    {
        final DriverPropertyInfo delay = new DriverPropertyInfo(JdbcUrl.DB_CLOSE_DELAY, "0");
        delay.description = "0: close the database with its last connection; -1: keep it open until the JVM exits";
        delay.choices = new String[] { "0", "-1" };
        final DriverPropertyInfo user = new DriverPropertyInfo("user", info == null ? null : info.getProperty("user"));
        user.description = "accepted for tools; an embedded database does not check it";
        final DriverPropertyInfo password = new DriverPropertyInfo("password", null);
        password.description = "accepted for tools; an embedded database does not check it";
        return new DriverPropertyInfo[] { delay, user, password };
    }

    @Override
    public int getMajorVersion()
    {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion()
    {
        return MINOR_VERSION;
    }

    /**
     * @return false: PhantomDB does not implement all of SQL-92 Entry Level, which JDBC compliance requires.
     */
    @Override
    public boolean jdbcCompliant()
    {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException
    {
        throw SqlErrors.unsupported("java.util.logging: the driver does not log");
    }
}
