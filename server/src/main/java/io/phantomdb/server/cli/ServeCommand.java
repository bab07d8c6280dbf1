package io.phantomdb.server.cli;

import io.phantomdb.server.PhantomServer;
import io.phantomdb.server.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code phantomdb serve}: starts the server on a data directory and runs until SIGTERM or Ctrl-C, then shuts
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
        final PhantomServer server = PhantomServer.start(settings);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            server.close();
            stopped.countDown();
        }, "phantomdb-shutdown"));
        System.out.println("PhantomDB serving " + (settings.dataDirectory() == null ? "an in-memory database" :
            settings.dataDirectory().toAbsolutePath()) + " on " + settings.host() + ":" + server.port() +
            (server.httpPort() < 0 ? "" : ", console http://" + settings.host() + ":" + server.httpPort() + "/"));
        stopped.await();
        return 0;
    }
}
