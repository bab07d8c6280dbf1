package io.phantomdb.server.pgwire;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleStateHandler;
import io.phantomdb.server.ServerConfig;
import io.phantomdb.server.auth.UserStore;
import io.phantomdb.server.metrics.ServerMetrics;
import io.phantomdb.sql.SqlDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL wire-protocol (v3) listener: Netty accepts and frames connections on its event loops; each
 * authenticated connection runs its statements on a thread of its own, so a slow statement never stalls
 * another client. Closing stops accepting, tells every connection to finish (its running statement is
 * cancelled, its transaction rolled back, the client gets 57P01), and waits for them.
 * <p>
 * <b>Note:</b> thread-safe; {@link #start} and {@link #close()} from any thread.
 */
public final class PgServer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(PgServer.class);

    private final ServerConfig config;
    private final SqlDatabase database;
    private final UserStore users;
    private final ServerMetrics metrics;
    private final CancelRegistry cancels = new CancelRegistry();
    private final SslContext sslContext;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<PgConnection> live = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads;
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(2);
    private final Channel serverChannel;

    /**
     * Binds the listener.
     *
     * @param config   the validated configuration.
     * @param database the database every session opens on.
     * @param users    the user store (needed for auth=password and user management), or null.
     * @param metrics  where connections and statements are counted.
     * @throws IllegalStateException if the port cannot be bound or the TLS files cannot be read.
     */
    public PgServer(final ServerConfig config, final SqlDatabase database, final UserStore users, final ServerMetrics metrics)
    {
        this.config = config;
        this.database = database;
        this.users = users;
        this.metrics = metrics;
        this.sslContext = config.tlsCertificate() == null ? null : sslContext(config);
        final AtomicInteger threadNumber = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable ->
        {
            final Thread thread = new Thread(runnable, "phantomdb-pg-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    if (config.idleTimeoutMillis() > 0)
                    {
                        channel.pipeline().addLast(
                            new IdleStateHandler(0, 0, config.idleTimeoutMillis(), TimeUnit.MILLISECONDS));
                    }
                    channel.pipeline().addLast(new PgDecoder(config.maxMessageBytes()));
                    channel.pipeline().addLast(new PgChannelHandler(PgServer.this));
                }
            });
        try
        {
            serverChannel = bootstrap.bind(config.host(), config.port()).sync().channel();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            shutdownGroups();
            throw new IllegalStateException("interrupted while binding " + config.host() + ":" + config.port(), ex);
        }
        catch (final RuntimeException ex)
        {
            shutdownGroups();
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": " + ex, ex);
        }
        LOG.info("PostgreSQL protocol listening on {}:{} (auth={}, tls={})", config.host(), port(), config.auth(),
            sslContext == null ? "off" : config.tlsRequired() ? "required" : "optional");
    }

    private static SslContext sslContext(final ServerConfig config)
    {
        try
        {
            return SslContextBuilder.forServer(config.tlsCertificate().toFile(), config.tlsKey().toFile()).build();
        }
        catch (final SSLException | IllegalArgumentException ex)
        {
            throw new IllegalStateException("cannot load TLS certificate " + config.tlsCertificate() + " and key " +
                config.tlsKey() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @return the bound port (useful after binding port 0).
     */
    public int port()
    {
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    ServerConfig config()
    {
        return config;
    }

    SqlDatabase database()
    {
        return database;
    }

    UserStore users()
    {
        return users;
    }

    ServerMetrics metrics()
    {
        return metrics;
    }

    CancelRegistry cancels()
    {
        return cancels;
    }

    SslContext sslContext()
    {
        return sslContext;
    }

    /**
     * Counts a starting connection against the limit.
     *
     * @return false if the limit is reached (nothing is counted then).
     */
    boolean connectionStarted()
    {
        while (true)
        {
            final int current = connections.get();
            if (current >= config.maxConnections())
            {
                metrics.connectionRefused();
                return false;
            }
            if (connections.compareAndSet(current, current + 1))
            {
                metrics.connectionOpened();
                return true;
            }
        }
    }

    void start(final PgConnection connection)
    {
        live.add(connection);
        threads.execute(connection);
    }

    void connectionEnded(final PgConnection connection)
    {
        if (live.remove(connection))
        {
            connections.decrementAndGet();
            metrics.connectionClosed();
        }
    }

    /**
     * Stops accepting, ends every connection (cancelling running statements, rolling back transactions) and
     * waits up to ten seconds for them. Idempotent.
     */
    @Override
    public void close()
    {
        serverChannel.close().syncUninterruptibly();
        for (final PgConnection connection : live)
        {
            connection.cancel();
            connection.offer(Frame.SHUTDOWN);
        }
        threads.shutdown();
        try
        {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS))
            {
                LOG.warn("{} connections still running after 10 s; closing them", live.size());
                threads.shutdownNow();
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            threads.shutdownNow();
        }
        shutdownGroups();
    }

    private void shutdownGroups()
    {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
