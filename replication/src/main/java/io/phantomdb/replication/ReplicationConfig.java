package io.phantomdb.replication;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Settings of one replicated cluster and of one member of it: member count and ports, directories, Raft timeouts and
 * idle strategy. Every member and client of a cluster must use the same member count, host and base port.
 * <p>
 * Ports: member {@code m} uses {@code basePort + m * PORTS_PER_MEMBER + offset} with offsets ingress 0, consensus 1,
 * log 2, archive control 3; catch-up and replication endpoints are ephemeral. Directories:
 * {@code dataDir/member-m/{aeron,archive,cluster}}.
 * <p>
 * A configuration file ({@link #load}) is a Java properties file:
 * <pre>
 * members=3
 * host=localhost
 * basePort=20100
 * dataDir=data/cluster
 * leaderHeartbeatTimeoutMs=1500
 * leaderHeartbeatIntervalMs=100
 * electionTimeoutMs=500
 * startupCanvassTimeoutMs=5000
 * sessionTimeoutMs=10000
 * idleMaxParkMicros=1000
 * snapshotIntervalMs=0
 * </pre>
 * <p>
 * <b>Note:</b> mutable until passed to a member or client; not thread safe.
 */
public final class ReplicationConfig
{
    /** Ports reserved per member above the base port. */
    public static final int PORTS_PER_MEMBER = 10;
    /** Offset of the ingress port. */
    public static final int INGRESS_PORT_OFFSET = 0;
    /** Offset of the consensus port. */
    public static final int CONSENSUS_PORT_OFFSET = 1;
    /** Offset of the log port. */
    public static final int LOG_PORT_OFFSET = 2;
    /** Offset of the archive control port. */
    public static final int ARCHIVE_PORT_OFFSET = 3;

    private int members = 3;
    private String host = "localhost";
    private int basePort = 20100;
    private Path dataDir = Path.of("data", "cluster");
    private long leaderHeartbeatTimeoutNs = TimeUnit.MILLISECONDS.toNanos(1500);
    private long leaderHeartbeatIntervalNs = TimeUnit.MILLISECONDS.toNanos(100);
    private long electionTimeoutNs = TimeUnit.MILLISECONDS.toNanos(500);
    private long startupCanvassTimeoutNs = TimeUnit.SECONDS.toNanos(5);
    private long sessionTimeoutNs = TimeUnit.SECONDS.toNanos(10);
    private long idleMaxParkNs = TimeUnit.MILLISECONDS.toNanos(1);
    private long snapshotIntervalNs;

    /**
     * Read a configuration file; missing keys keep their defaults.
     *
     * @param file the properties file.
     * @return the configuration.
     * @throws IOException              if the file cannot be read.
     * @throws IllegalArgumentException if a value is not a number or out of range.
     */
    public static ReplicationConfig load(final Path file) throws IOException
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file))
        {
            properties.load(reader);
        }
        final ReplicationConfig config = new ReplicationConfig();
        config.members(intValue(properties, "members", config.members));
        config.host(properties.getProperty("host", config.host));
        config.basePort(intValue(properties, "basePort", config.basePort));
        final String dir = properties.getProperty("dataDir");
        if (null != dir)
        {
            final Path path = Path.of(dir);
            config.dataDir(path.isAbsolute() ? path : file.toAbsolutePath().getParent().resolve(path));
        }
        config.leaderHeartbeatTimeoutNs(millis(properties, "leaderHeartbeatTimeoutMs", config.leaderHeartbeatTimeoutNs));
        config.leaderHeartbeatIntervalNs(millis(properties, "leaderHeartbeatIntervalMs", config.leaderHeartbeatIntervalNs));
        config.electionTimeoutNs(millis(properties, "electionTimeoutMs", config.electionTimeoutNs));
        config.startupCanvassTimeoutNs(millis(properties, "startupCanvassTimeoutMs", config.startupCanvassTimeoutNs));
        config.sessionTimeoutNs(millis(properties, "sessionTimeoutMs", config.sessionTimeoutNs));
        final String park = properties.getProperty("idleMaxParkMicros");
        if (null != park)
        {
            config.idleMaxParkNs(TimeUnit.MICROSECONDS.toNanos(Long.parseLong(park.trim())));
        }
        config.snapshotIntervalNs(millis(properties, "snapshotIntervalMs", config.snapshotIntervalNs));
        return config.validate();
    }

    /**
     * Check the settings.
     *
     * @return this.
     * @throws IllegalArgumentException if a value is out of range, naming it and its value.
     */
    public ReplicationConfig validate()
    {
        if (members < 1 || members > 9)
        {
            throw new IllegalArgumentException("members must be in [1, 9]: " + members);
        }
        if (basePort < 1024 || basePort + members * PORTS_PER_MEMBER > 65535)
        {
            throw new IllegalArgumentException("basePort must leave room for " + members + " members in [1024, 65535]: " +
                basePort);
        }
        if (leaderHeartbeatIntervalNs <= 0 || leaderHeartbeatTimeoutNs <= 2 * leaderHeartbeatIntervalNs)
        {
            throw new IllegalArgumentException("leaderHeartbeatTimeout (" + leaderHeartbeatTimeoutNs +
                " ns) must exceed twice the heartbeat interval (" + leaderHeartbeatIntervalNs + " ns)");
        }
        if (snapshotIntervalNs < 0)
        {
            throw new IllegalArgumentException("snapshotIntervalNs must be 0 (off) or more: " + snapshotIntervalNs);
        }
        if (idleMaxParkNs < 1_000)
        {
            throw new IllegalArgumentException("idleMaxParkNs must be at least 1000: " + idleMaxParkNs);
        }
        return this;
    }

    /**
     * @param memberId a member id.
     * @return that member's directory under the data directory.
     */
    public Path memberDir(final int memberId)
    {
        return dataDir.resolve("member-" + memberId);
    }

    /**
     * @param memberId a member id.
     * @param offset   one of the {@code *_PORT_OFFSET} constants.
     * @return the port.
     */
    public int port(final int memberId, final int offset)
    {
        return basePort + memberId * PORTS_PER_MEMBER + offset;
    }

    /**
     * @return the cluster members string Aeron Cluster parses:
     * {@code id,ingress,consensus,log,catchup,archive|...}.
     */
    public String clusterMembers()
    {
        final StringBuilder builder = new StringBuilder();
        for (int m = 0; m < members; m++)
        {
            if (m > 0)
            {
                builder.append('|');
            }
            builder.append(m)
                .append(',').append(endpoint(m, INGRESS_PORT_OFFSET))
                .append(',').append(endpoint(m, CONSENSUS_PORT_OFFSET))
                .append(',').append(endpoint(m, LOG_PORT_OFFSET))
                .append(',').append(host).append(":0")
                .append(',').append(endpoint(m, ARCHIVE_PORT_OFFSET));
        }
        return builder.toString();
    }

    /**
     * @return the client's ingress endpoints {@code 0=host:port,1=host:port,...}.
     */
    public String ingressEndpoints()
    {
        final StringBuilder builder = new StringBuilder();
        for (int m = 0; m < members; m++)
        {
            if (m > 0)
            {
                builder.append(',');
            }
            builder.append(m).append('=').append(endpoint(m, INGRESS_PORT_OFFSET));
        }
        return builder.toString();
    }

    /**
     * @param memberId a member id.
     * @param offset   a port offset.
     * @return {@code host:port}.
     */
    public String endpoint(final int memberId, final int offset)
    {
        return host + ':' + port(memberId, offset);
    }

    /**
     * @param members number of members (1 to 9; 3 or 5 for fault tolerance).
     * @return this.
     */
    public ReplicationConfig members(final int members)
    {
        this.members = members;
        return this;
    }

    /**
     * @return number of members.
     */
    public int members()
    {
        return members;
    }

    /**
     * @param host the host every member binds and clients connect to (loopback in tests).
     * @return this.
     */
    public ReplicationConfig host(final String host)
    {
        this.host = host;
        return this;
    }

    /**
     * @return the host.
     */
    public String host()
    {
        return host;
    }

    /**
     * @param basePort first port of the cluster's range.
     * @return this.
     */
    public ReplicationConfig basePort(final int basePort)
    {
        this.basePort = basePort;
        return this;
    }

    /**
     * @return first port of the cluster's range.
     */
    public int basePort()
    {
        return basePort;
    }

    /**
     * @param dataDir parent of every member's directory.
     * @return this.
     */
    public ReplicationConfig dataDir(final Path dataDir)
    {
        this.dataDir = dataDir;
        return this;
    }

    /**
     * @return parent of every member's directory.
     */
    public Path dataDir()
    {
        return dataDir;
    }

    /**
     * @param nanos how long followers wait without a leader heartbeat before an election.
     * @return this.
     */
    public ReplicationConfig leaderHeartbeatTimeoutNs(final long nanos)
    {
        this.leaderHeartbeatTimeoutNs = nanos;
        return this;
    }

    /**
     * @return the leader heartbeat timeout in nanoseconds.
     */
    public long leaderHeartbeatTimeoutNs()
    {
        return leaderHeartbeatTimeoutNs;
    }

    /**
     * @param nanos interval of leader heartbeats.
     * @return this.
     */
    public ReplicationConfig leaderHeartbeatIntervalNs(final long nanos)
    {
        this.leaderHeartbeatIntervalNs = nanos;
        return this;
    }

    /**
     * @return the leader heartbeat interval in nanoseconds.
     */
    public long leaderHeartbeatIntervalNs()
    {
        return leaderHeartbeatIntervalNs;
    }

    /**
     * @param nanos election step timeout.
     * @return this.
     */
    public ReplicationConfig electionTimeoutNs(final long nanos)
    {
        this.electionTimeoutNs = nanos;
        return this;
    }

    /**
     * @return the election timeout in nanoseconds.
     */
    public long electionTimeoutNs()
    {
        return electionTimeoutNs;
    }

    /**
     * @param nanos how long a starting member canvasses the others before electing without them.
     * @return this.
     */
    public ReplicationConfig startupCanvassTimeoutNs(final long nanos)
    {
        this.startupCanvassTimeoutNs = nanos;
        return this;
    }

    /**
     * @return the startup canvass timeout in nanoseconds.
     */
    public long startupCanvassTimeoutNs()
    {
        return startupCanvassTimeoutNs;
    }

    /**
     * @param nanos how long a silent client session lives.
     * @return this.
     */
    public ReplicationConfig sessionTimeoutNs(final long nanos)
    {
        this.sessionTimeoutNs = nanos;
        return this;
    }

    /**
     * @return the client session timeout in nanoseconds.
     */
    public long sessionTimeoutNs()
    {
        return sessionTimeoutNs;
    }

    /**
     * @param nanos longest park of every idle Aeron thread (driver, archive, consensus, service, client).
     * @return this.
     */
    public ReplicationConfig idleMaxParkNs(final long nanos)
    {
        this.idleMaxParkNs = nanos;
        return this;
    }

    /**
     * @return longest idle park in nanoseconds.
     */
    public long idleMaxParkNs()
    {
        return idleMaxParkNs;
    }

    /**
     * @param nanos how often the leader takes a cluster snapshot on every member (bounding the log a restart
     *              replays); 0 turns periodic snapshots off.
     * @return this.
     */
    public ReplicationConfig snapshotIntervalNs(final long nanos)
    {
        this.snapshotIntervalNs = nanos;
        return this;
    }

    /**
     * @return the periodic snapshot interval in nanoseconds, 0 if off.
     */
    public long snapshotIntervalNs()
    {
        return snapshotIntervalNs;
    }

    @Override
    public String toString()
    {
        return "ReplicationConfig{members=" + members + ", host=" + host + ", basePort=" + basePort + ", dataDir=" +
            dataDir + ", leaderHeartbeatTimeoutMs=" + TimeUnit.NANOSECONDS.toMillis(leaderHeartbeatTimeoutNs) + '}';
    }

    private static int intValue(final Properties properties, final String key, final int fallback)
    {
        final String value = properties.getProperty(key);
        return null == value ? fallback : Integer.parseInt(value.trim());
    }

    private static long millis(final Properties properties, final String key, final long fallbackNanos)
    {
        final String value = properties.getProperty(key);
        return null == value ? fallbackNanos : TimeUnit.MILLISECONDS.toNanos(Long.parseLong(value.trim()));
    }
}
