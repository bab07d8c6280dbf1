package io.phantomdb.replication;

import io.aeron.Aeron;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.exceptions.DriverTimeoutException;
import io.aeron.logbuffer.FrameDescriptor;
import io.aeron.logbuffer.Header;
import io.phantomdb.ClosedException;
import io.phantomdb.PhantomException;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static io.phantomdb.replication.MessageDescriptor.*;

/**
 * A client of a replicated PhantomDB cluster: one Aeron Cluster session, owned by a client thread that sends
 * requests through the ingress to the leader, polls the egress for answers, follows the leader across elections
 * (Aeron Cluster's new-leader event redirects the ingress) and reconnects when its session is lost.
 * <p>
 * Exactly once: every request carries this client's random id and a sequence; after a new leader, a reconnect or
 * {@code resendAfterNs} without an answer, unanswered requests are sent again in order and the cluster's session
 * record answers a transaction it already applied instead of applying it twice. At most
 * {@link ReplicatedStore#WINDOW} requests are in flight.
 * <p>
 * <b>Note:</b> thread safe: any thread may call {@link #begin()}, {@link #read}, {@link #put}, {@link #delete} and
 * {@link #close()}; each {@link ClientTransaction} belongs to one thread.
 */
public final class ClusterClient implements AutoCloseable
{
    private static final System.Logger LOGGER = System.getLogger("io.phantomdb.replication");
    private static final long KEEP_ALIVE_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long CONNECT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(3);
    private static final int INGRESS_TERM_LENGTH = 1024 * 1024;
    /**
     * The longest request one ingress message (one Raft log entry) can carry: Aeron's maximum message for the ingress
     * term length (term length / 8) less room for the cluster's session header.
     */
    public static final int MAX_REQUEST_LENGTH = FrameDescriptor.computeMaxMessageLength(INGRESS_TERM_LENGTH) - 256;
    private static final long RECONNECT_PAUSE_MS = 50;

    private final ReplicationConfig config;
    private final long clientId = new SecureRandom().nextLong() & Long.MAX_VALUE;
    private final long requestTimeoutNs;
    private final long resendAfterNs;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final ConcurrentLinkedQueue<Request> submitted = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private final AtomicLong lastCommitPosition = new AtomicLong();
    private volatile boolean running = true;
    private volatile long newLeaderEvents;
    private volatile long reconnects;
    private volatile long resends;
    private volatile int leaderMemberId = -1;

    /**
     * Start a client: an embedded media driver under {@code clientDir}, and the client thread, which connects to
     * the cluster's leader (and keeps reconnecting while none answers).
     *
     * @param config           the cluster (members, host, base port, idle strategy).
     * @param clientDir        this client's directory (the embedded driver's files); deleted on close.
     * @param requestTimeoutNs how long a caller waits for an answer before {@link ReplicationTimeoutException}.
     * @return the client.
     */
    public static ClusterClient connect(final ReplicationConfig config, final Path clientDir, final long requestTimeoutNs)
    {
        final String aeronDir = clientDir.resolve("aeron").toAbsolutePath().toString();
        final MediaDriver driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(IdleStrategies.create(config.idleMaxParkNs()))
            .termBufferSparseFile(true)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        try
        {
            return new ClusterClient(config, driver, aeronDir, requestTimeoutNs);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(driver);
            throw ex;
        }
    }

    /**
     * Start a client on a media driver that is already running, for example a co-located member's
     * ({@link ClusterMember#aeronDirectoryName()}): no driver of its own, but it stops working when that driver stops.
     *
     * @param config             the cluster.
     * @param aeronDirectoryName the running driver's directory.
     * @param requestTimeoutNs   how long a caller waits for an answer before {@link ReplicationTimeoutException}.
     * @return the client.
     */
    public static ClusterClient connectThroughDriver(
        final ReplicationConfig config, final String aeronDirectoryName, final long requestTimeoutNs)
    {
        return new ClusterClient(config, null, aeronDirectoryName, requestTimeoutNs);
    }

    private ClusterClient(
        final ReplicationConfig config, final MediaDriver driver, final String aeronDir, final long requestTimeoutNs)
    {
        this.config = config.validate();
        this.requestTimeoutNs = requestTimeoutNs;
        this.resendAfterNs = Math.max(TimeUnit.MILLISECONDS.toNanos(500), config.leaderHeartbeatTimeoutNs());
        this.driver = driver;
        this.aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir).errorHandler(this::onAeronError));
        this.thread = new Thread(new Agent(), "phantomdb-cluster-client");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @return a new transaction on this client (one thread at a time).
     */
    public ClientTransaction begin()
    {
        return new ClientTransaction(this);
    }

    /**
     * Read keys through the log: the answer reflects every transaction committed before the read reached the leader
     * (linearizable). Any thread.
     *
     * @param keyspace the keyspace.
     * @param keys     the keys.
     * @return each key's value and version, in order.
     * @throws IllegalArgumentException    if the cluster refused the read (a key empty or too long).
     * @throws ReplicationTimeoutException if no answer came within the request timeout.
     */
    public VersionedValue[] read(final int keyspace, final byte[]... keys)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(REQUEST_HEADER_LENGTH + 64 * keys.length);
        int length = header(buffer, TYPE_READ, keys.length, 0);
        for (final byte[] key : keys)
        {
            buffer.putInt(length, keyspace);
            buffer.putInt(length + 4, key.length);
            buffer.putBytes(length + KEY_ENTRY_HEADER_LENGTH, key);
            length += KEY_ENTRY_HEADER_LENGTH + key.length;
        }
        final ClusterResponse response = call(buffer, length);
        if (STATUS_READ_OK != response.status)
        {
            throw new IllegalArgumentException("the cluster refused the read (" + statusName(response.status) +
                "): a key is empty or longer than the engine allows, or the request was malformed");
        }
        final VersionedValue[] values = new VersionedValue[keys.length];
        int cursor = RESPONSE_HEADER_LENGTH;
        final UnsafeBuffer message = response.message;
        for (int i = 0; i < keys.length; i++)
        {
            final long version = message.getLong(cursor);
            final int valueLength = message.getInt(cursor + 8);
            cursor += VALUE_ENTRY_HEADER_LENGTH;
            if (valueLength < 0)
            {
                values[i] = VersionedValue.ABSENT;
            }
            else
            {
                final byte[] value = new byte[valueLength];
                message.getBytes(cursor, value);
                values[i] = new VersionedValue(version, value);
                cursor += valueLength;
            }
        }
        return values;
    }

    /**
     * A read barrier: an empty read through the log. Once a member applied the returned position, it has every
     * transaction the cluster committed before this call began (a linearizable read point). Any thread.
     *
     * @return the log position of the barrier.
     * @throws ReplicationTimeoutException if no answer came within the request timeout.
     */
    public long barrier()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(REQUEST_HEADER_LENGTH);
        final ClusterResponse response = call(buffer, header(buffer, TYPE_READ, 0, 0));
        if (STATUS_READ_OK != response.status)
        {
            throw new IllegalStateException("the cluster refused a read barrier: " + statusName(response.status));
        }
        return response.position;
    }

    /**
     * Write one key in its own transaction (never conflicts).
     *
     * @param keyspace the keyspace.
     * @param key      the key.
     * @param value    the value.
     * @return the commit.
     */
    public CommitResult put(final int keyspace, final byte[] key, final byte[] value)
    {
        final ClientTransaction tx = begin();
        tx.put(keyspace, key, value);
        return tx.commit();
    }

    /**
     * Delete one key in its own transaction (never conflicts).
     *
     * @param keyspace the keyspace.
     * @param key      the key.
     * @return the commit.
     */
    public CommitResult delete(final int keyspace, final byte[] key)
    {
        final ClientTransaction tx = begin();
        tx.delete(keyspace, key);
        return tx.commit();
    }

    /**
     * @return the highest log position of a transaction this client saw committed: pass it to
     * {@link ClusterMember#readAtLeast} for read-your-writes on any member.
     */
    public long lastCommitPosition()
    {
        return lastCommitPosition.get();
    }

    /**
     * @return this client's id in the cluster's session records.
     */
    public long clientId()
    {
        return clientId;
    }

    /**
     * @return metric: new-leader events this client followed.
     */
    public long newLeaderEvents()
    {
        return newLeaderEvents;
    }

    /**
     * @return metric: new cluster sessions opened after the first (a lost session or no leader for a while).
     */
    public long reconnects()
    {
        return reconnects;
    }

    /**
     * @return metric: requests sent again (after a new leader, a reconnect or a missing answer).
     */
    public long resends()
    {
        return resends;
    }

    /**
     * @return the member id of the leader this client last connected to, -1 before the first connection.
     */
    public int leaderMemberId()
    {
        return leaderMemberId;
    }

    /**
     * Stop the client thread, close the session and the embedded driver. Unanswered callers fail with
     * {@link ClosedException}. Idempotent.
     */
    @Override
    public void close()
    {
        if (!running)
        {
            return;
        }
        running = false;
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        CloseHelper.closeAll(aeron, driver);
    }

    /**
     * Aeron's default handler exits the process when the media driver goes away; a client embedded in a server must
     * only stop (its callers then get {@link ClosedException}).
     */
    private void onAeronError(final Throwable error)
    {
        LOGGER.log(Level.WARNING, "cluster client " + clientId + ": " + error.getMessage());
        if (error instanceof DriverTimeoutException)
        {
            running = false;
        }
    }

    static int header(final ExpandableArrayBuffer buffer, final int type, final int reads, final int writes)
    {
        buffer.putInt(TYPE_OFFSET, type);
        buffer.putInt(VERSION_OFFSET, VERSION);
        buffer.putLong(CLIENT_ID_OFFSET, 0);
        buffer.putLong(SEQUENCE_OFFSET, 0);
        buffer.putInt(READ_COUNT_OFFSET, reads);
        buffer.putInt(WRITE_COUNT_OFFSET, writes);
        return REQUEST_HEADER_LENGTH;
    }

    /**
     * Send one request encoded as {@link MessageDescriptor} describes (the client id and sequence of its header are
     * filled in here) and wait for the cluster's answer; a resend after a leader change is answered from the
     * replicated session record, so the request is applied at most once.
     *
     * @param buffer the request, from offset 0.
     * @param length its length.
     * @return the answer.
     * @throws ClosedException             if the client is closed.
     * @throws ReplicationTimeoutException if no answer came in time (the outcome is unknown).
     * @throws IllegalArgumentException    if the request is longer than {@link #MAX_REQUEST_LENGTH} (nothing is sent).
     */
    public ClusterResponse call(final ExpandableArrayBuffer buffer, final int length)
    {
        if (length > MAX_REQUEST_LENGTH)
        {
            throw new IllegalArgumentException("a request of " + length + " bytes does not fit one log entry (at most " +
                MAX_REQUEST_LENGTH + " bytes)");
        }
        if (!running)
        {
            throw new ClosedException("cluster client " + clientId);
        }
        final byte[] message = new byte[length];
        buffer.getBytes(0, message);
        final Request request = new Request(message, System.nanoTime() + requestTimeoutNs);
        submitted.add(request);
        LockSupport.unpark(thread);
        try
        {
            final ClusterResponse response = request.future.get(requestTimeoutNs + TimeUnit.SECONDS.toNanos(1),
                TimeUnit.NANOSECONDS);
            if (STATUS_COMMITTED == response.status)
            {
                lastCommitPosition.accumulateAndGet(response.position, Math::max);
            }
            return response;
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof RuntimeException runtime)
            {
                throw runtime;
            }
            throw new PhantomException("cluster request failed: " + ex.getCause(), ex.getCause());
        }
        catch (final TimeoutException ex)
        {
            throw new ReplicationTimeoutException("no answer from the cluster within " +
                TimeUnit.NANOSECONDS.toMillis(requestTimeoutNs) + " ms (client " + clientId + "); the outcome is unknown");
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new PhantomException("interrupted while waiting for the cluster; the outcome is unknown", ex);
        }
    }

    /**
     * One request on its way: its bytes (sequence filled in by the client thread) and the caller's future.
     */
    private static final class Request
    {
        final byte[] message;
        final long deadlineNs;
        final CompletableFuture<ClusterResponse> future = new CompletableFuture<>();
        long sequence;
        boolean sent;
        long sentNs;

        Request(final byte[] message, final long deadlineNs)
        {
            this.message = message;
            this.deadlineNs = deadlineNs;
        }
    }

    /**
     * The client thread: owns the {@link AeronCluster} session and every in-flight request.
     */
    private final class Agent implements Runnable, EgressListener
    {
        private final IdleStrategy idle = IdleStrategies.create(config.idleMaxParkNs());
        private final ArrayDeque<Request> inFlight = new ArrayDeque<>();
        private final Long2ObjectHashMap<Request> bySequence = new Long2ObjectHashMap<>();
        private final UnsafeBuffer sendBuffer = new UnsafeBuffer(0, 0);
        private AeronCluster cluster;
        private long nextSequence = 1;
        private long lastSendNs;
        private boolean connectedOnce;
        private long failedConnects;

        @Override
        public void run()
        {
            try
            {
                while (running)
                {
                    int work = 0;
                    if (null == cluster || cluster.isClosed())
                    {
                        connect();
                        continue;
                    }
                    work += admit();
                    work += send();
                    work += cluster.pollEgress();
                    work += expire();
                    idle.idle(work);
                }
            }
            catch (final RuntimeException ex)
            {
                LOGGER.log(Level.ERROR, "cluster client " + clientId + " failed", ex);
                failAll(ex);
            }
            finally
            {
                CloseHelper.quietClose(cluster);
                failAll(new ClosedException("cluster client " + clientId));
            }
        }

        private void connect()
        {
            CloseHelper.quietClose(cluster);
            cluster = null;
            expire();
            try
            {
                cluster = AeronCluster.connect(new AeronCluster.Context()
                    .aeron(aeron)
                    .ownsAeronClient(false)
                    .ingressChannel("aeron:udp?term-length=" + INGRESS_TERM_LENGTH)
                    .ingressEndpoints(config.ingressEndpoints())
                    .egressChannel("aeron:udp?endpoint=" + config.host() + ":0|term-length=1m")
                    .egressListener(this)
                    .idleStrategy(IdleStrategies.create(config.idleMaxParkNs()))
                    .messageTimeoutNs(CONNECT_TIMEOUT_NS));
                leaderMemberId = cluster.leaderMemberId();
                if (connectedOnce)
                {
                    reconnects++;
                }
                connectedOnce = true;
                failedConnects = 0;
                markAllUnsent();
            }
            catch (final RuntimeException ex)
            {
                failedConnects++;
                LOGGER.log(failedConnects % 20 == 0 ? Level.WARNING : Level.DEBUG,
                    "cluster client {0}: no leader yet after {1} attempts ({2})", clientId, failedConnects, ex.toString());
                sleep();
            }
        }

        private int admit()
        {
            int admitted = 0;
            Request request;
            while (inFlight.size() < ReplicatedStore.WINDOW && null != (request = submitted.poll()))
            {
                request.sequence = nextSequence++;
                final UnsafeBuffer view = new UnsafeBuffer(request.message);
                view.putLong(CLIENT_ID_OFFSET, clientId);
                view.putLong(SEQUENCE_OFFSET, request.sequence);
                inFlight.addLast(request);
                bySequence.put(request.sequence, request);
                admitted++;
            }
            return admitted;
        }

        private int send()
        {
            int sent = 0;
            final long now = System.nanoTime();
            for (final Request request : inFlight)
            {
                if (request.sent && now - request.sentNs > resendAfterNs)
                {
                    request.sent = false;
                }
                if (!request.sent)
                {
                    sendBuffer.wrap(request.message);
                    final long result = cluster.offer(sendBuffer, 0, request.message.length);
                    if (result < 0)
                    {
                        break;
                    }
                    if (0 != request.sentNs)
                    {
                        resends++;
                    }
                    request.sent = true;
                    request.sentNs = now;
                    lastSendNs = now;
                    sent++;
                }
            }
            if (now - lastSendNs > KEEP_ALIVE_NS && cluster.sendKeepAlive())
            {
                lastSendNs = now;
            }
            return sent;
        }

        private int expire()
        {
            int expired = 0;
            final long now = System.nanoTime();
            for (final Iterator<Request> it = inFlight.iterator(); it.hasNext(); )
            {
                final Request request = it.next();
                if (request.future.isDone())
                {
                    it.remove();
                }
                else if (now - request.deadlineNs > 0)
                {
                    it.remove();
                    bySequence.remove(request.sequence);
                    request.future.completeExceptionally(new ReplicationTimeoutException("no answer from the " +
                        "cluster for request " + request.sequence + " of client " + clientId + " within " +
                        TimeUnit.NANOSECONDS.toMillis(requestTimeoutNs) + " ms; the outcome is unknown"));
                    expired++;
                }
            }
            return expired;
        }

        private void markAllUnsent()
        {
            for (final Request request : inFlight)
            {
                request.sent = false;
            }
        }

        private void failAll(final RuntimeException failure)
        {
            for (final Request request : inFlight)
            {
                request.future.completeExceptionally(failure);
            }
            inFlight.clear();
            bySequence.clear();
            Request request;
            while (null != (request = submitted.poll()))
            {
                request.future.completeExceptionally(failure);
            }
        }

        @Override
        public void onMessage(
            final long clusterSessionId, final long timestamp, final DirectBuffer buffer, final int offset,
            final int length, final Header header)
        {
            if (length < RESPONSE_HEADER_LENGTH || TYPE_RESPONSE != buffer.getInt(offset + TYPE_OFFSET) ||
                clientId != buffer.getLong(offset + CLIENT_ID_OFFSET))
            {
                return;
            }
            final Request request = bySequence.remove(buffer.getLong(offset + SEQUENCE_OFFSET));
            if (null != request)
            {
                final byte[] copy = new byte[length];
                buffer.getBytes(offset, copy);
                request.future.complete(new ClusterResponse(buffer.getInt(offset + STATUS_OFFSET),
                    buffer.getLong(offset + POSITION_OFFSET), new UnsafeBuffer(copy)));
            }
        }

        @Override
        public void onNewLeader(
            final long clusterSessionId, final long leadershipTermId, final int leaderMemberId,
            final String ingressEndpoints)
        {
            newLeaderEvents++;
            ClusterClient.this.leaderMemberId = leaderMemberId;
            markAllUnsent();
        }

        private void sleep()
        {
            try
            {
                Thread.sleep(RECONNECT_PAUSE_MS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
