package io.phantomdb.replication.sql;

import io.phantomdb.core.PhantomDB;
import io.phantomdb.replication.ClusterClient;
import io.phantomdb.replication.ClusterMember;
import io.phantomdb.replication.ReplicationTimeoutException;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlMetadata;
import io.phantomdb.sql.SqlSession;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The SQL database of a cluster member, as its server's clients see it: sessions ({@link ReplicatedSqlSession}) read
 * the member's copy ({@link SqlReplica}) and commit through the cluster with a {@link ClusterClient}. Catalog
 * metadata, system tables and {@link #engine()} are the member's copy's.
 * <p>
 * It owns neither the member nor the client: close them after this.
 * <p>
 * <b>Note:</b> thread safe: sessions on any threads share it.
 */
public final class ReplicatedSqlDatabase implements SqlDatabase
{
    private final ClusterMember member;
    private final ClusterClient client;
    private final long waitTimeoutNs;
    private final ReadConsistency readConsistency;
    private final AtomicLong acknowledged = new AtomicLong();
    private final Set<ReplicatedSqlSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param member        this process's cluster member.
     * @param client        a client of the same cluster (typically {@link ClusterClient#connectThroughDriver} on the
     *                      member's driver).
     * @param waitTimeoutNs   longest wait for the member to start or to apply a position a session needs to read.
     * @param readConsistency the sessions' default {@link ReadConsistency}.
     */
    public ReplicatedSqlDatabase(
        final ClusterMember member, final ClusterClient client, final long waitTimeoutNs,
        final ReadConsistency readConsistency)
    {
        this.member = member;
        this.client = client;
        this.waitTimeoutNs = waitTimeoutNs;
        this.readConsistency = readConsistency;
    }

    @Override
    public SqlSession openSession()
    {
        checkOpen();
        final SqlDatabase copy = copy();
        final ReplicatedSqlSession session = new ReplicatedSqlSession(this, copy.openSession(), copy.openSession());
        sessions.add(session);
        return session;
    }

    @Override
    public PhantomDB engine()
    {
        return copy().engine();
    }

    @Override
    public SqlMetadata metadata()
    {
        return copy().metadata();
    }

    @Override
    public void registerSystemTable(
        final String schema, final String name, final List<ResultColumn> columns,
        final Supplier<Iterable<Object[]>> rows)
    {
        copy().registerSystemTable(schema, name, columns, rows);
    }

    /**
     * @return the highest log position committed by any session of this database.
     */
    public long acknowledgedPosition()
    {
        return acknowledged.get();
    }

    /**
     * @return the sessions' default read consistency.
     */
    public ReadConsistency readConsistency()
    {
        return readConsistency;
    }

    /**
     * @return the member this database reads.
     */
    public ClusterMember member()
    {
        return member;
    }

    /**
     * Closes every session (their open transactions roll back). Idempotent.
     */
    @Override
    public void close()
    {
        closed = true;
        for (final ReplicatedSqlSession session : sessions)
        {
            session.close();
        }
    }

    ClusterClient client()
    {
        return client;
    }

    void acknowledged(final long position)
    {
        acknowledged.accumulateAndGet(position, Math::max);
    }

    void sessionClosed(final ReplicatedSqlSession session)
    {
        sessions.remove(session);
    }

    /**
     * Wait until the member applied the log up to a position.
     *
     * @throws SqlException SQLSTATE 58000 if it did not in time.
     */
    void awaitApplied(final long position)
    {
        if (member.appliedPosition() >= position)
        {
            return;
        }
        try
        {
            member.awaitApplied(position, waitTimeoutNs);
        }
        catch (final ReplicationTimeoutException ex)
        {
            throw new SqlException("58000", "this member is behind the cluster: " + ex.getMessage(), 0, ex);
        }
    }

    private SqlDatabase copy()
    {
        try
        {
            return member.sql().awaitStarted(waitTimeoutNs);
        }
        catch (final ReplicationTimeoutException ex)
        {
            throw new SqlException("57P03", "the cluster member is still starting: " + ex.getMessage(), 0, ex);
        }
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw new SqlException("08003", "the database is closed");
        }
    }
}
