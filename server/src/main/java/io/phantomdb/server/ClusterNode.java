package io.phantomdb.server;

import io.phantomdb.replication.ClusterClient;
import io.phantomdb.replication.ClusterMember;
import io.phantomdb.replication.ReplicationConfig;
import io.phantomdb.replication.sql.ReadConsistency;
import io.phantomdb.replication.sql.ReplicatedSqlDatabase;
import io.phantomdb.server.http.ClusterMetricsText;
import org.agrona.CloseHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * One cluster member with its server ({@code phantomdb serve --cluster FILE --member N}): the Aeron Cluster member
 * (its data, log and snapshots under the member's directory of the cluster file), a cluster client on the member's
 * media driver, the replicated SQL database over both, and the PostgreSQL/HTTP server over that database with the
 * member's metrics added to {@code /metrics}. Clients may connect to any member: reads are served by the member,
 * writes commit through the Raft log.
 * <p>
 * <b>Note:</b> thread safe; {@link #close()} stops the server, then the database, the client and the member.
 */
public final class ClusterNode implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    private static final long WAIT_NS = TimeUnit.SECONDS.toNanos(30);

    private final ClusterMember member;
    private final ClusterClient client;
    private final ReplicatedSqlDatabase database;
    private final PhantomServer server;
    private boolean closed;

    private ClusterNode(
        final ClusterMember member, final ClusterClient client, final ReplicatedSqlDatabase database,
        final PhantomServer server)
    {
        this.member = member;
        this.client = client;
        this.database = database;
        this.server = server;
    }

    /**
     * Start the member, then serve it.
     *
     * @param config      the server settings (its data directory, when unset, becomes the member's directory: the
     *                    user store lives there).
     * @param cluster     the cluster's configuration.
     * @param memberId    this member's id.
     * @param consistency the sessions' default read consistency.
     * @return the running node.
     */
    public static ClusterNode start(
        final ServerConfig config, final ReplicationConfig cluster, final int memberId,
        final ReadConsistency consistency)
    {
        if (null == config.dataDirectory())
        {
            config.dataDirectory(cluster.memberDir(memberId));
        }
        ClusterMember member = null;
        ClusterClient client = null;
        ReplicatedSqlDatabase database = null;
        try
        {
            member = ClusterMember.start(cluster, memberId);
            client = ClusterClient.connectThroughDriver(cluster, member.aeronDirectoryName(), WAIT_NS);
            database = new ReplicatedSqlDatabase(member, client, WAIT_NS, consistency);
            final PhantomServer server = PhantomServer.start(config, database);
            final ClusterMember started = member;
            server.metrics().exportAlso(() -> ClusterMetricsText.render(started));
            LOG.info("cluster member {} of {} serving on port {}", memberId, cluster.members(), server.port());
            return new ClusterNode(member, client, database, server);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(database, client, member);
            throw ex;
        }
    }

    /**
     * @return the server.
     */
    public PhantomServer server()
    {
        return server;
    }

    /**
     * @return the cluster member.
     */
    public ClusterMember member()
    {
        return member;
    }

    /**
     * Stop serving, then close the database, the client and the member (its directory stays). Idempotent.
     */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        server.close();
        CloseHelper.closeAll(database, client, member);
    }
}
