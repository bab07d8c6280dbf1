package io.phantomdb.server.cli;

import io.phantomdb.replication.ReplicationConfig;
import io.phantomdb.replication.sql.ReadConsistency;
import io.phantomdb.server.ClusterNode;
import io.phantomdb.server.PhantomServer;
import io.phantomdb.server.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code phantomdb serve}: starts the server on a data directory (or, with {@code --cluster FILE --member N}, as a
 * member of a replicated cluster: {@link ClusterNode}) and runs until SIGTERM or Ctrl-C, then shuts
 * down gracefully (stop accepting, end connections rolling back open transactions, checkpoint, close).
 * Options override the {@code --config} file, which overrides the defaults; the bootstrap password may also come
 * from the environment variable {@code PHANTOMDB_PASSWORD}.
 * <p>
 * <b>Note:</b> run once per process from {@link #main(String[])}.
 */
@Command(name = "phantomdb serve", mixinStandardHelpOptions = true,
    description = "Serve a PhantomDB database over the PostgreSQL wire protocol, with HTTP metrics and a web console.")
public final class ServeCommand implements Callable<Integer>
{
    @Option(names = "--data", description = "Data directory (created if missing); omit for an in-memory database.")
    private Path data;

    @Option(names = "--config", description = "A key=value settings file (see docs/server.md).")
    private Path config;

    @Option(names = "--host", description = "Address to listen on (default 127.0.0.1).")
    private String host;

    @Option(names = "--port", description = "PostgreSQL protocol port (default 5432).")
    private Integer port;

    @Option(names = "--http-port", description = "HTTP port for /metrics, /health and the console (default 8080; -1 off).")
    private Integer httpPort;

    @Option(names = "--auth", description = "trust (loopback only) or password (SCRAM-SHA-256).")
    private String auth;

    @Option(names = "--user", description = "Bootstrap superuser name (default phantom).")
    private String user;

    @Option(names = "--cluster", description = "Serve as a member of this replicated cluster (a cluster.conf file; " +
        "see bin/phantomdb cluster conf). Needs --member.")
    private Path cluster;

    @Option(names = "--member", description = "This member's id in the --cluster file (0 to members-1).")
    private Integer member;

    @Option(names = "--reads", description = "Cluster sessions' default read consistency: member (default; " +
        "read-your-writes on this member) or linearizable (a read barrier through the log).")
    private String reads;

    /**
     * Parses the arguments, serves until SIGTERM, and exits with the command's status.
     *
     * @param args the command-line arguments.
     */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new ServeCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final ServerConfig settings = config == null ? new ServerConfig() : ServerConfig.load(config);
        if (data != null)
        {
            settings.dataDirectory(data);
        }
        if (host != null)
        {
            settings.host(host);
        }
        if (port != null)
        {
            settings.port(port);
        }
        if (httpPort != null)
        {
            settings.httpPort(httpPort);
        }
        if (auth != null)
        {
            settings.set("auth", auth);
        }
        final String password = System.getenv("PHANTOMDB_PASSWORD");
        if (user != null || (password != null && settings.bootstrapPassword() == null))
        {
            settings.bootstrapUser(user != null ? user : settings.bootstrapUser(),
                password != null ? password : settings.bootstrapPassword());
        }
        if ((null == cluster) != (null == member))
        {
            throw new CommandLine.ParameterException(new CommandLine(this), "--cluster and --member go together");
        }
        final AutoCloseable running;
        final PhantomServer server;
        final String what;
        if (null != cluster)
        {
            final ClusterNode node = ClusterNode.start(settings, ReplicationConfig.load(cluster), member,
                null == reads ? ReadConsistency.MEMBER : ReadConsistency.parse(reads));
            running = node;
            server = node.server();
            what = "cluster member " + member + " of " + cluster.toAbsolutePath();
        }
        else
        {
            server = PhantomServer.start(settings);
            running = server;
            what = settings.dataDirectory() == null ? "an in-memory database" :
                settings.dataDirectory().toAbsolutePath().toString();
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            try
            {
                running.close();
            }
            catch (final Exception ex)
            {
                System.err.println("phantomdb serve: shutdown failed: " + ex);
            }
            stopped.countDown();
        }, "phantomdb-shutdown"));
        System.out.println("PhantomDB serving " + what + " on " + settings.host() + ":" + server.port() +
            (server.httpPort() < 0 ? "" : ", console http://" + settings.host() + ":" + server.httpPort() + "/"));
        stopped.await();
        return 0;
    }
}
