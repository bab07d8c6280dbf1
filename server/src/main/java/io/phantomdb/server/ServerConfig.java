package io.phantomdb.server;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The server's settings, with safe defaults: loopback only, no TLS, {@code trust} authentication only on
 * loopback. Read from a {@code key=value} file ({@link #load(Path)}) or set with the fluent setters; checked
 * once by {@link #validate()} when the server starts.
 * <p>
 * Keys of the file: {@code host}, {@code port}, {@code http.port} (-1 disables HTTP), {@code data} (a
 * directory; empty for in-memory), {@code auth} ({@code trust} or {@code password}), {@code auth.user},
 * {@code auth.password} (the bootstrap superuser, created when missing), {@code max.connections},
 * {@code max.message.bytes}, {@code idle.timeout.ms}, {@code statement.timeout.ms}, {@code tls.cert},
 * {@code tls.key} (PEM, PKCS#8 key), {@code tls.required}.
 * <p>
 * <b>Note:</b> not thread-safe; configure on one thread, then hand it to {@link PhantomServer}.
 */
public final class ServerConfig
{
    /** Authentication methods. */
    public enum AuthMethod
    {
        /** Any user name is accepted without a password: local development only. */
        TRUST,
        /** SCRAM-SHA-256 against the user store. */
        PASSWORD
    }

    private String host = "127.0.0.1";
    private int port = 5432;
    private int httpPort = 8080;
    private Path dataDirectory;
    private AuthMethod auth = AuthMethod.TRUST;
    private String bootstrapUser = "phantom";
    private String bootstrapPassword;
    private int maxConnections = 100;
    private int maxMessageBytes = 64 * 1024 * 1024;
    private long idleTimeoutMillis;
    private long statementTimeoutMillis;
    private Path tlsCertificate;
    private Path tlsKey;
    private boolean tlsRequired;

    /**
     * Reads a {@code key=value} file (java.util.Properties syntax) over the defaults.
     *
     * @param file the file.
     * @return the configuration.
     * @throws IOException              if the file cannot be read.
     * @throws IllegalArgumentException if a key is unknown or a value malformed.
     */
    public static ServerConfig load(final Path file) throws IOException
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        final ServerConfig config = new ServerConfig();
        for (final String key : properties.stringPropertyNames())
        {
            config.set(key, properties.getProperty(key).trim());
        }
        return config;
    }

    /**
     * Sets one setting by its file key.
     *
     * @param key   the key, as listed in the class documentation.
     * @param value its text.
     * @return this.
     * @throws IllegalArgumentException if the key is unknown or the value malformed.
     */
    public ServerConfig set(final String key, final String value)
    {
        switch (key)
        {
            case "host" -> host = value;
            case "port" -> port = Integer.parseInt(value);
            case "http.port" -> httpPort = Integer.parseInt(value);
            case "data" -> dataDirectory = value.isEmpty() ? null : Path.of(value);
            case "auth" -> auth = AuthMethod.valueOf(value.toUpperCase(Locale.ROOT));
            case "auth.user" -> bootstrapUser = value;
            case "auth.password" -> bootstrapPassword = value;
            case "max.connections" -> maxConnections = Integer.parseInt(value);
            case "max.message.bytes" -> maxMessageBytes = Integer.parseInt(value);
            case "idle.timeout.ms" -> idleTimeoutMillis = Long.parseLong(value);
            case "statement.timeout.ms" -> statementTimeoutMillis = Long.parseLong(value);
            case "tls.cert" -> tlsCertificate = Path.of(value);
            case "tls.key" -> tlsKey = Path.of(value);
            case "tls.required" -> tlsRequired = Boolean.parseBoolean(value);
            default -> throw new IllegalArgumentException("unknown server setting '" + key + "'");
        }
        return this;
    }

    /**
     * Checks the settings together: ports in range, limits positive, TLS files present as a pair, and a
     * non-loopback address only with password authentication.
     *
     * @return this.
     * @throws IllegalArgumentException naming the first setting that is wrong.
     */
    public ServerConfig validate()
    {
        if (port < 0 || port > 65535)
        {
            throw new IllegalArgumentException("port " + port + " must be between 0 and 65535");
        }
        if (httpPort < -1 || httpPort > 65535)
        {
            throw new IllegalArgumentException("http.port " + httpPort + " must be -1 (off) or between 0 and 65535");
        }
        if (maxConnections < 1)
        {
            throw new IllegalArgumentException("max.connections " + maxConnections + " must be at least 1");
        }
        if (maxMessageBytes < 1024)
        {
            throw new IllegalArgumentException("max.message.bytes " + maxMessageBytes + " must be at least 1024");
        }
        if (idleTimeoutMillis < 0 || statementTimeoutMillis < 0)
        {
            throw new IllegalArgumentException("timeouts must not be negative: idle.timeout.ms=" + idleTimeoutMillis +
                " statement.timeout.ms=" + statementTimeoutMillis);
        }
        if ((tlsCertificate == null) != (tlsKey == null))
        {
            throw new IllegalArgumentException("tls.cert and tls.key must be set together");
        }
        if (tlsRequired && tlsCertificate == null)
        {
            throw new IllegalArgumentException("tls.required needs tls.cert and tls.key");
        }
        if (auth == AuthMethod.TRUST && !isLoopback(host))
        {
            throw new IllegalArgumentException("refusing to listen on " + host +
                " without authentication: set auth=password (trust is allowed on loopback addresses only)");
        }
        return this;
    }

    private static boolean isLoopback(final String host)
    {
        try
        {
            return InetAddress.getByName(host).isLoopbackAddress();
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException("unknown host '" + host + "'", ex);
        }
    }

    /**
     * @param host the address to listen on.
     * @return this.
     */
    public ServerConfig host(final String host)
    {
        this.host = host;
        return this;
    }

    /**
     * @param port the wire-protocol port, 0 for any free port.
     * @return this.
     */
    public ServerConfig port(final int port)
    {
        this.port = port;
        return this;
    }

    /**
     * @param httpPort the HTTP port, 0 for any free port, -1 for no HTTP server.
     * @return this.
     */
    public ServerConfig httpPort(final int httpPort)
    {
        this.httpPort = httpPort;
        return this;
    }

    /**
     * @param dataDirectory the data directory, or null for an in-memory database.
     * @return this.
     */
    public ServerConfig dataDirectory(final Path dataDirectory)
    {
        this.dataDirectory = dataDirectory;
        return this;
    }

    /**
     * @param auth the authentication method.
     * @return this.
     */
    public ServerConfig auth(final AuthMethod auth)
    {
        this.auth = auth;
        return this;
    }

    /**
     * @param user     the bootstrap superuser's name.
     * @param password its password, or null to create none.
     * @return this.
     */
    public ServerConfig bootstrapUser(final String user, final String password)
    {
        this.bootstrapUser = user;
        this.bootstrapPassword = password;
        return this;
    }

    /**
     * @param maxConnections how many client connections may be open at once.
     * @return this.
     */
    public ServerConfig maxConnections(final int maxConnections)
    {
        this.maxConnections = maxConnections;
        return this;
    }

    /**
     * @param maxMessageBytes the largest frontend message accepted, in bytes.
     * @return this.
     */
    public ServerConfig maxMessageBytes(final int maxMessageBytes)
    {
        this.maxMessageBytes = maxMessageBytes;
        return this;
    }

    /**
     * @param idleTimeoutMillis close connections idle (no message, no running statement) this long; 0 never.
     * @return this.
     */
    public ServerConfig idleTimeoutMillis(final long idleTimeoutMillis)
    {
        this.idleTimeoutMillis = idleTimeoutMillis;
        return this;
    }

    /**
     * @param statementTimeoutMillis the default statement timeout of every session; 0 none.
     * @return this.
     */
    public ServerConfig statementTimeoutMillis(final long statementTimeoutMillis)
    {
        this.statementTimeoutMillis = statementTimeoutMillis;
        return this;
    }

    /**
     * @param certificate the PEM certificate chain.
     * @param key         the PEM PKCS#8 private key.
     * @param required    whether clients without TLS are refused.
     * @return this.
     */
    public ServerConfig tls(final Path certificate, final Path key, final boolean required)
    {
        this.tlsCertificate = certificate;
        this.tlsKey = key;
        this.tlsRequired = required;
        return this;
    }

    /**
     * @return the address to listen on.
     */
    public String host()
    {
        return host;
    }

    /**
     * @return the wire-protocol port.
     */
    public int port()
    {
        return port;
    }

    /**
     * @return the HTTP port; -1 when off.
     */
    public int httpPort()
    {
        return httpPort;
    }

    /**
     * @return the data directory, or null in memory.
     */
    public Path dataDirectory()
    {
        return dataDirectory;
    }

    /**
     * @return the authentication method.
     */
    public AuthMethod auth()
    {
        return auth;
    }

    /**
     * @return the bootstrap superuser's name.
     */
    public String bootstrapUser()
    {
        return bootstrapUser;
    }

    /**
     * @return the bootstrap superuser's password, or null.
     */
    public String bootstrapPassword()
    {
        return bootstrapPassword;
    }

    /**
     * @return the connection limit.
     */
    public int maxConnections()
    {
        return maxConnections;
    }

    /**
     * @return the message size limit in bytes.
     */
    public int maxMessageBytes()
    {
        return maxMessageBytes;
    }

    /**
     * @return the idle timeout in milliseconds; 0 none.
     */
    public long idleTimeoutMillis()
    {
        return idleTimeoutMillis;
    }

    /**
     * @return the default statement timeout in milliseconds; 0 none.
     */
    public long statementTimeoutMillis()
    {
        return statementTimeoutMillis;
    }

    /**
     * @return the PEM certificate, or null without TLS.
     */
    public Path tlsCertificate()
    {
        return tlsCertificate;
    }

    /**
     * @return the PEM private key, or null without TLS.
     */
    public Path tlsKey()
    {
        return tlsKey;
    }

    /**
     * @return whether connections without TLS are refused.
     */
    public boolean tlsRequired()
    {
        return tlsRequired;
    }
}
