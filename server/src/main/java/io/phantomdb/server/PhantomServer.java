package io.phantomdb.server;

import io.phantomdb.server.auth.UserStore;
import io.phantomdb.server.catalog.CatalogTables;
import io.phantomdb.server.http.HttpApi;
import io.phantomdb.server.metrics.ServerMetrics;
import io.phantomdb.server.pgwire.PgServer;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A running PhantomDB server: the database, the PostgreSQL wire-protocol listener and the HTTP endpoint
 * (metrics, health, web console). Usable in-process: start on port 0, read {@link #port()}, close.
 * <p>
 * Closing is the graceful shutdown: stop accepting, end the connections (running statements cancelled, open
 * transactions rolled back), stop HTTP, then close the database (which checkpoints) if the server opened it.
 * <p>
 * <b>Note:</b> thread-safe; close from any thread (for example a shutdown hook).
 */
public final class PhantomServer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(PhantomServer.class);

    private final SqlDatabase database;
    private final boolean ownsDatabase;
    private final ServerMetrics metrics = new ServerMetrics();
    private final UserStore users;
    private final PgServer pg;
    private final HttpApi http;
    private boolean closed;

    private PhantomServer(final ServerConfig config, final SqlDatabase database, final boolean ownsDatabase)
    {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.users = new UserStore(config.dataDirectory());
        if (config.auth() == ServerConfig.AuthMethod.PASSWORD && users.find(config.bootstrapUser()) == null)
        {
            if (config.bootstrapPassword() == null)
            {
                throw new IllegalArgumentException("auth=password needs a user: set auth.password (or " +
                    "PHANTOMDB_PASSWORD) to create the superuser '" + config.bootstrapUser() + "'");
            }
            users.create(config.bootstrapUser(), config.bootstrapPassword(), true);
        }
        CatalogTables.register(database, users);
        PgServer startedPg = null;
        HttpApi startedHttp = null;
        try
        {
            startedPg = new PgServer(config, database, users, metrics);
            startedHttp = config.httpPort() < 0 ? null : new HttpApi(config, database, metrics, users);
        }
        catch (final RuntimeException ex)
        {
            if (startedPg != null)
            {
                startedPg.close();
            }
            throw ex;
        }
        this.pg = startedPg;
        this.http = startedHttp;
    }

    /**
     * Opens the configured database (a directory, or in memory) and starts serving it.
     *
     * @param config the configuration; validated here.
     * @return the running server.
     * @throws IllegalArgumentException if the configuration is invalid.
     * @throws IllegalStateException    if a port cannot be bound.
     */
    public static PhantomServer start(final ServerConfig config)
    {
        config.validate();
        if (config.dataDirectory() != null)
        {
            try
            {
                Files.createDirectories(config.dataDirectory());
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot create " + config.dataDirectory(), ex);
            }
        }
        final SqlDatabase database = config.dataDirectory() == null ?
            SqlDatabases.inMemory() : SqlDatabases.open(config.dataDirectory());
        try
        {
            return new PhantomServer(config, database, true);
        }
        catch (final RuntimeException ex)
        {
            database.close();
            throw ex;
        }
    }

    /**
     * Serves a database the caller opened (and closes).
     *
     * @param config   the configuration; validated here.
     * @param database the database.
     * @return the running server.
     */
    public static PhantomServer start(final ServerConfig config, final SqlDatabase database)
    {
        config.validate();
        return new PhantomServer(config, database, false);
    }

    /**
     * @return the wire-protocol port.
     */
    public int port()
    {
        return pg.port();
    }

    /**
     * @return the HTTP port, or -1 when HTTP is off.
     */
    public int httpPort()
    {
        return http == null ? -1 : http.port();
    }

    /**
     * @return the server's metrics.
     */
    public ServerMetrics metrics()
    {
        return metrics;
    }

    /**
     * @return the user store.
     */
    public UserStore users()
    {
        return users;
    }

    /**
     * Shuts down gracefully. Idempotent.
     */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        LOG.info("shutting down: closing connections");
        pg.close();
        if (http != null)
        {
            http.close();
        }
        if (ownsDatabase)
        {
            LOG.info("closing the database (checkpoint)");
            database.close();
        }
        LOG.info("stopped");
    }
}
