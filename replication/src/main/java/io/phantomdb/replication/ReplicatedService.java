package io.phantomdb.replication;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import io.phantomdb.replication.sql.SqlReplica;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.phantomdb.replication.MessageDescriptor.*;

/**
 * The engine's commit pipeline as an Aeron Cluster {@link ClusteredService}: every member applies the committed log
 * in order to its {@link ReplicatedStore} (key/value transactions) and its {@link SqlReplica} (SQL transactions, whose
 * idempotency records live in the store) and the leader answers the client (a follower's
 * {@link ClientSession#offer} is a no-op). A message reaches this service only after the cluster committed it
 * (a majority appended it), so an answer is never sent for an entry a failover could lose; the leader answers as it
 * applies each message. Messages of one log poll are applied into one engine transaction that
 * {@link #doBackgroundWork} (called after every poll; Aeron forbids sending from it) commits before the applied
 * position is published (group commit, at most 256 messages per batch): local reads on a member see a transaction
 * once {@link #appliedPosition()} covers it, linearizable reads through the log see it at once.
 * <p>
 * Snapshots: {@link #onTakeSnapshot} dumps the store ({@link SnapshotCodec}); {@link #onStart} loads the latest one,
 * after which the container replays the log after it.
 * <p>
 * <b>Note:</b> the callbacks run on the service container's thread (the store's single writer). The published fields
 * read by {@link MemberMetrics} and {@link #appliedPosition()} are volatile; any thread may read them.
 */
public final class ReplicatedService implements ClusteredService
{
    private static final int OFFER_ATTEMPTS = 200;
    private static final int MAX_BATCH_MESSAGES = 256;

    private final ReplicatedStore store;
    private final SqlReplica sql;
    private final SnapshotCodec snapshots = new SnapshotCodec();
    private final ExpandableDirectByteBuffer response = new ExpandableDirectByteBuffer(1024);
    private long batchPosition;
    private Cluster cluster;
    private IdleStrategy idle;

    private volatile long appliedPosition;
    private volatile Cluster.Role role = Cluster.Role.FOLLOWER;
    private volatile long leadershipTermId = -1;
    private volatile long snapshotsTaken;
    private volatile long lastSnapshotNanos;
    private volatile long maxSnapshotNanos;
    private volatile long snapshotLoadNanos = -1;
    private volatile long snapshotLoadedEntries;
    private volatile long transactionsApplied;
    private volatile long undeliveredResponses;

    /**
     * @param store the member's key/value store; this service becomes its single writer.
     * @param sql   the member's SQL data; this service becomes its single writer.
     */
    public ReplicatedService(final ReplicatedStore store, final SqlReplica sql)
    {
        this.store = store;
        this.sql = sql;
    }

    @Override
    public void onStart(final Cluster cluster, final Image snapshotImage)
    {
        this.cluster = cluster;
        this.idle = cluster.idleStrategy();
        if (null != snapshotImage)
        {
            final long start = System.nanoTime();
            snapshotLoadedEntries = snapshots.load(snapshotImage, store, sql, idle);
            snapshotLoadNanos = System.nanoTime() - start;
        }
        appliedPosition = cluster.logPosition();
        sql.markStarted();
    }

    @Override
    public void onSessionOpen(final ClientSession session, final long timestamp)
    {
    }

    @Override
    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason)
    {
    }

    @Override
    public void onSessionMessage(
        final ClientSession session, final long timestamp, final DirectBuffer buffer, final int offset,
        final int length, final Header header)
    {
        final long position = header.position();
        final int type = length >= REQUEST_HEADER_LENGTH ? buffer.getInt(offset + TYPE_OFFSET) : 0;
        final int responseLength;
        if (TYPE_TXN == type)
        {
            responseLength = store.applyTransaction(buffer, offset, length, position, response);
            transactionsApplied++;
        }
        else if (TYPE_SQL == type)
        {
            responseLength = applySql(buffer, offset, length, position);
            transactionsApplied++;
        }
        else if (TYPE_READ == type)
        {
            responseLength = store.applyRead(buffer, offset, length, position, response);
        }
        else
        {
            responseLength = 0;
        }
        batchPosition = position;
        if (null != session && responseLength > 0)
        {
            reply(session, responseLength);
        }
        if (store.batchMessages() >= MAX_BATCH_MESSAGES)
        {
            flush();
        }
    }

    private int applySql(final DirectBuffer buffer, final int offset, final int length, final long position)
    {
        if (length < REQUEST_HEADER_LENGTH)
        {
            return 0;
        }
        final long clientId = buffer.getLong(offset + CLIENT_ID_OFFSET);
        final long sequence = buffer.getLong(offset + SEQUENCE_OFFSET);
        final int retryAnswer = store.answerIfRetry(clientId, sequence, position, response);
        if (retryAnswer > 0)
        {
            return retryAnswer;
        }
        final int answer = sql.apply(buffer, offset, length, position, response);
        store.recordAnswer(clientId, sequence, response.getInt(STATUS_OFFSET), position);
        return answer;
    }

    @Override
    public int doBackgroundWork(final long nowNs)
    {
        final int flushed = flush();
        final long position = cluster.logPosition();
        if (position > appliedPosition)
        {
            appliedPosition = position;
        }
        return flushed;
    }

    @Override
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
    }

    @Override
    public void onTakeSnapshot(final ExclusivePublication snapshotPublication)
    {
        flush();
        final long start = System.nanoTime();
        snapshots.write(store, sql, snapshotPublication, idle);
        final long took = System.nanoTime() - start;
        lastSnapshotNanos = took;
        maxSnapshotNanos = Math.max(maxSnapshotNanos, took);
        snapshotsTaken++;
    }

    @Override
    public void onRoleChange(final Cluster.Role newRole)
    {
        role = newRole;
    }

    @Override
    public void onTerminate(final Cluster cluster)
    {
        flush();
    }

    @Override
    public void onNewLeadershipTermEvent(
        final long leadershipTermId, final long logPosition, final long timestamp, final long termBaseLogPosition,
        final int leaderMemberId, final int logSessionId, final TimeUnit timeUnit, final int appVersion)
    {
        this.leadershipTermId = leadershipTermId;
    }

    /**
     * @return the log position up to which this member applied the log (any thread); every transaction at or
     * before it is visible to reads on this member.
     */
    public long appliedPosition()
    {
        return appliedPosition;
    }

    /**
     * @return the role this service last heard of (any thread).
     */
    public Cluster.Role role()
    {
        return role;
    }

    /**
     * @return the leadership term this service last heard of, -1 before the first (any thread).
     */
    public long leadershipTermId()
    {
        return leadershipTermId;
    }

    /**
     * @return snapshots this service wrote since it started.
     */
    public long snapshotsTaken()
    {
        return snapshotsTaken;
    }

    /**
     * @return duration of the last snapshot write in nanoseconds, 0 before the first.
     */
    public long lastSnapshotNanos()
    {
        return lastSnapshotNanos;
    }

    /**
     * @return longest snapshot write in nanoseconds since start.
     */
    public long maxSnapshotNanos()
    {
        return maxSnapshotNanos;
    }

    /**
     * @return how long loading the snapshot took at start, in nanoseconds; -1 if the member started without one.
     */
    public long snapshotLoadNanos()
    {
        return snapshotLoadNanos;
    }

    /**
     * @return entries loaded from the snapshot at start.
     */
    public long snapshotLoadedEntries()
    {
        return snapshotLoadedEntries;
    }

    /**
     * @return TXN messages applied since start (duplicates and conflicts included, snapshot not included).
     */
    public long transactionsApplied()
    {
        return transactionsApplied;
    }

    /**
     * @return answers the leader gave up sending (client gone or back-pressured); the client retries and the
     * session record answers again.
     */
    public long undeliveredResponses()
    {
        return undeliveredResponses;
    }

    /**
     * Commit the open batch, then publish the applied position: reads on this member see a transaction once the
     * position covers it.
     */
    private int flush()
    {
        final int messages = store.flush();
        if (messages > 0)
        {
            appliedPosition = batchPosition;
        }
        return messages;
    }

    private void reply(final ClientSession session, final int length)
    {
        for (int attempt = 0; attempt < OFFER_ATTEMPTS; attempt++)
        {
            final long result = session.offer(response, 0, length);
            if (result > 0)
            {
                return;
            }
            if (Publication.NOT_CONNECTED == result || Publication.CLOSED == result ||
                Publication.MAX_POSITION_EXCEEDED == result)
            {
                break;
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
        }
        undeliveredResponses++;
    }
}
