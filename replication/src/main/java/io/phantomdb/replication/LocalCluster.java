package io.phantomdb.replication;

import io.phantomdb.PhantomException;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Several members of one cluster in this process, on loopback, for tests and benchmarks: picks a free port range,
 * starts, stops and restarts members and waits for a leader.
 * <p>
 * <b>Note:</b> not thread safe: one thread starts and stops members; the members themselves are thread safe.
 */
public final class LocalCluster implements AutoCloseable
{
    private static final int LOWEST_BASE_PORT = 10_000;
    private static final int HIGHEST_BASE_PORT = 30_000;

    private final ReplicationConfig config;
    private final ClusterMember[] members;

    private LocalCluster(final ReplicationConfig config)
    {
        this.config = config;
        this.members = new ClusterMember[config.members()];
    }

    /**
     * Start every member of a cluster under a directory on a free loopback port range.
     *
     * @param memberCount members (3 or 5).
     * @param dir         parent of the members' directories.
     * @return the running cluster (a leader may not be elected yet: {@link #awaitLeader}).
     */
    public static LocalCluster start(final int memberCount, final Path dir)
    {
        final ReplicationConfig config = new ReplicationConfig()
            .members(memberCount)
            .host("localhost")
            .basePort(freeBasePort(memberCount))
            .dataDir(dir);
        return start(config);
    }

    /**
     * Start every member of a configured cluster.
     *
     * @param config the cluster.
     * @return the running cluster.
     */
    public static LocalCluster start(final ReplicationConfig config)
    {
        final LocalCluster cluster = new LocalCluster(config.validate());
        try
        {
            for (int m = 0; m < config.members(); m++)
            {
                cluster.startMember(m);
            }
        }
        catch (final RuntimeException ex)
        {
            cluster.close();
            throw ex;
        }
        return cluster;
    }

    /**
     * @param memberCount members the range must hold.
     * @return a base port whose members' fixed ports are all free on loopback now.
     */
    public static int freeBasePort(final int memberCount)
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            final int slots = (HIGHEST_BASE_PORT - LOWEST_BASE_PORT) / ReplicationConfig.PORTS_PER_MEMBER;
            final int base = LOWEST_BASE_PORT +
                ReplicationConfig.PORTS_PER_MEMBER * ThreadLocalRandom.current().nextInt(slots);
            if (free(base, memberCount * ReplicationConfig.PORTS_PER_MEMBER))
            {
                return base;
            }
        }
        throw new PhantomException("no free loopback port range of " + memberCount * ReplicationConfig.PORTS_PER_MEMBER +
            " UDP ports in [" + LOWEST_BASE_PORT + ", " + HIGHEST_BASE_PORT + ") after 100 attempts");
    }

    private static boolean free(final int base, final int count)
    {
        for (int port = base; port < base + count; port++)
        {
            try (DatagramSocket socket = new DatagramSocket(null))
            {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
            catch (final IOException ex)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the cluster's configuration (for clients).
     */
    public ReplicationConfig config()
    {
        return config;
    }

    /**
     * @param memberId a member id.
     * @return the running member, or null if it is stopped.
     */
    public ClusterMember member(final int memberId)
    {
        return members[memberId];
    }

    /**
     * Start (or restart on its existing directory) a stopped member.
     *
     * @param memberId the member.
     * @return the member.
     * @throws IllegalStateException if it is running.
     */
    public ClusterMember startMember(final int memberId)
    {
        if (null != members[memberId])
        {
            throw new IllegalStateException("member " + memberId + " is running");
        }
        members[memberId] = ClusterMember.start(config, memberId);
        return members[memberId];
    }

    /**
     * Stop a member (its directory stays).
     *
     * @param memberId the member.
     */
    public void stopMember(final int memberId)
    {
        final ClusterMember member = members[memberId];
        members[memberId] = null;
        if (null != member)
        {
            member.close();
        }
    }

    /**
     * Wait until one running member leads.
     *
     * @param timeoutNs longest wait.
     * @return the leader.
     * @throws ReplicationTimeoutException if none leads in time.
     */
    public ClusterMember awaitLeader(final long timeoutNs)
    {
        final long deadline = System.nanoTime() + timeoutNs;
        while (true)
        {
            for (final ClusterMember member : members)
            {
                if (null != member && member.isLeader())
                {
                    return member;
                }
            }
            if (System.nanoTime() - deadline > 0)
            {
                throw new ReplicationTimeoutException("no leader among " + config.members() + " members within " +
                    TimeUnit.NANOSECONDS.toMillis(timeoutNs) + " ms");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /**
     * Wait until every running member applied the log up to a position.
     *
     * @param position  the log position.
     * @param timeoutNs longest wait per member.
     */
    public void awaitApplied(final long position, final long timeoutNs)
    {
        for (final ClusterMember member : members)
        {
            if (null != member)
            {
                member.awaitApplied(position, timeoutNs);
            }
        }
    }

    /**
     * Stop every member. Idempotent.
     */
    @Override
    public void close()
    {
        RuntimeException failure = null;
        for (int m = 0; m < members.length; m++)
        {
            try
            {
                stopMember(m);
            }
            catch (final RuntimeException ex)
            {
                if (null == failure)
                {
                    failure = ex;
                }
                else
                {
                    failure.addSuppressed(ex);
                }
            }
        }
        if (null != failure)
        {
            throw failure;
        }
    }
}
