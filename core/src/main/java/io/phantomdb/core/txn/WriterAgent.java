package io.phantomdb.core.txn;

import io.phantomdb.ClosedException;
import io.phantomdb.PhantomException;
import io.phantomdb.index.SortedByteMap;
import io.phantomdb.wal.SyncPolicy;
import io.phantomdb.wal.WalRecordDescriptor;
import io.phantomdb.wal.WalRecordEncoder;
import io.phantomdb.wal.WalWriter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.jctools.queues.MessagePassingQueue;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The single writer: the only thread that changes the stores, appends to the WAL and publishes versions.
 * <p>
 * Each duty cycle drains commit requests into the open <i>group</i>. For each request: validate it
 * ({@link ConflictDetector}; a conflict completes that caller at once), give it the next commit version, encode
 * one WAL record (transaction id = commit version; one change per put or delete) and append it, apply its
 * changes to the stores' pending version, and remember its keys for later validations. Then, once the WAL is
 * durable up to the group's last record (ALWAYS: one force per group; BATCH: one force as soon as no
 * further commit is queued to join the group, else when {@link EngineConfig#groupCommitMaxRecords()} are
 * pending or the window elapsed, polled by
 * {@link WalWriter#doWork()}; NONE: at once), the group is published: the {@link VersionClock} goes odd, every
 * store commits its pending version, the clock publishes the group's last version; then each caller is
 * completed and unparked, and commits no active snapshot needs are pruned. Readers therefore never see a commit
 * that is not durable. Between groups, due checkpoints run ({@link Checkpointer}).
 * <p>
 * Failure: any exception from the WAL or a store fails the engine closed: the request in hand, the group and
 * every queued or later request fail with a {@link PhantomException}; the stores' unpublished changes are never
 * published (closing the B+tree discards them). Nothing is acknowledged that is not durable.
 * <p>
 * <b>Note:</b> {@link #doWork()} runs on the writer thread only; {@link #requestShutdown()},
 * {@link #requestCheckpoint()}, {@link #isStopped()} and the metrics from any thread.
 */
final class WriterAgent implements Agent
{
    private static final System.Logger LOGGER = System.getLogger("io.phantomdb.core.txn");
    private static final StorageKind[] KINDS = StorageKind.values();

    private final CommitQueue queue;
    private final ConflictDetector detector = new ConflictDetector();
    private final SnapshotRegistry registry;
    private final VersionClock clock;
    private final SortedByteMap[] stores;
    private final WalWriter wal;
    private final SyncPolicy policy;
    private final Checkpointer checkpointer;
    private final WalRecordEncoder encoder = new WalRecordEncoder();
    private final MessagePassingQueue.Consumer<CommitRequest> processor = this::process;
    private final MessagePassingQueue.Consumer<CommitRequest> rejecter = this::failRequest;
    private final CommitRequest[] group;
    private final long[] groupVersions;
    private final int groupLimit;
    private final String name;
    private final AtomicLong checkpointsRequested = new AtomicLong();
    private int groupCount;
    private long groupLastLsn;
    private long lastVersion;
    private CommitRequest inHand;
    private boolean initialCheckpoint;
    private volatile long checkpointsDone;
    private volatile long checkpoints;
    private volatile long committed;
    private volatile long conflicts;
    private volatile long walSyncs;
    private volatile long walBytes;
    private volatile long checkpointNanos;
    private long walBytesWritten;
    private volatile boolean shutdownRequested;
    private volatile boolean stopped;
    private volatile RuntimeException failure;

    WriterAgent(
        final String name, final EngineConfig config, final CommitQueue queue, final SnapshotRegistry registry,
        final VersionClock clock, final SortedByteMap[] stores, final WalWriter wal, final boolean initialCheckpoint)
    {
        this.name = name;
        this.queue = queue;
        this.registry = registry;
        this.clock = clock;
        this.stores = stores;
        this.wal = wal;
        this.policy = null == wal ? SyncPolicy.NONE : config.syncPolicy();
        this.checkpointer = new Checkpointer(
            stores[StorageKind.BTREE.ordinal()], stores[StorageKind.LSM.ordinal()], wal, config);
        this.groupLimit = SyncPolicy.BATCH == policy ? config.groupCommitMaxRecords() : config.commitQueueCapacity();
        this.group = new CommitRequest[groupLimit];
        this.groupVersions = new long[groupLimit];
        this.lastVersion = clock.version();
        this.initialCheckpoint = initialCheckpoint;
    }

    @Override
    public String roleName()
    {
        return "phantomdb-writer";
    }

    @Override
    public int doWork()
    {
        if (stopped)
        {
            return 0;
        }
        if (null != failure)
        {
            failQueued();
            if (shutdownRequested)
            {
                stop();
            }
            return 0;
        }
        try
        {
            int work = 0;
            if (groupCount < groupLimit)
            {
                work += queue.drain(processor, groupLimit - groupCount);
            }
            if (groupCount > 0)
            {
                work += publishIfDurable(shutdownRequested);
            }
            else if (null != wal)
            {
                work += wal.doWork();
            }
            if (0 == groupCount)
            {
                work += checkpointIfDue();
                if (shutdownRequested)
                {
                    shutdown();
                }
            }
            return work;
        }
        catch (final RuntimeException | Error ex)
        {
            fail(ex);
            return 1;
        }
    }

    private void process(final CommitRequest request)
    {
        inHand = request;
        final TransactionConflictException conflict = detector.validate(request);
        if (null != conflict)
        {
            inHand = null;
            conflicts = conflicts + 1;
            request.fail(conflict);
            return;
        }
        final WriteSet writes = request.writeSet();
        final long version = lastVersion + 1;
        if (writes.changeCount() > 0)
        {
            if (null != wal)
            {
                encode(version, writes);
                final long lsn;
                try
                {
                    lsn = wal.append(encoder);
                    walBytesWritten += encoder.length();
                }
                catch (final IllegalArgumentException tooLarge)
                {
                    inHand = null;
                    request.fail(new PhantomException("transaction " + request.transactionId() +
                        " does not fit one WAL record: " + tooLarge.getMessage(), tooLarge));
                    return;
                }
                groupLastLsn = lsn;
                checkpointer.onCommit(encoder.length());
            }
            apply(writes);
        }
        lastVersion = version;
        detector.record(version, writes);
        group[groupCount] = request;
        groupVersions[groupCount] = version;
        groupCount++;
        inHand = null;
    }

    private void encode(final long version, final WriteSet writes)
    {
        encoder.begin(version);
        final DirectBuffer buffer = writes.buffer();
        for (int i = 0, n = writes.size(); i < n; i++)
        {
            final int entry = writes.entryAt(i);
            final byte op = writes.op(entry);
            if (WriteSet.OP_NONE == op)
            {
                continue;
            }
            final int keyOffset = writes.keyOffset(entry);
            final StorageKind kind = KINDS[buffer.getByte(keyOffset)];
            final int id = EngineKeyDescriptor.keyspaceOfStoreKey(buffer, keyOffset + 1);
            encoder.addChange(EngineKeyDescriptor.walTableId(kind, id),
                WriteSet.OP_PUT == op ? WalRecordDescriptor.OP_PUT : WalRecordDescriptor.OP_DELETE,
                buffer, keyOffset + EngineKeyDescriptor.ENGINE_PREFIX_LENGTH,
                writes.keyLength(entry) - EngineKeyDescriptor.ENGINE_PREFIX_LENGTH,
                buffer, writes.valueOffset(entry), writes.valueLength(entry));
        }
        encoder.finish();
    }

    private void apply(final WriteSet writes)
    {
        final DirectBuffer buffer = writes.buffer();
        for (int i = 0, n = writes.size(); i < n; i++)
        {
            final int entry = writes.entryAt(i);
            final byte op = writes.op(entry);
            if (WriteSet.OP_NONE == op)
            {
                continue;
            }
            final int keyOffset = writes.keyOffset(entry);
            final SortedByteMap store = stores[buffer.getByte(keyOffset)];
            if (WriteSet.OP_PUT == op)
            {
                store.put(buffer, keyOffset + 1, writes.keyLength(entry) - 1,
                    buffer, writes.valueOffset(entry), writes.valueLength(entry));
            }
            else
            {
                store.delete(buffer, keyOffset + 1, writes.keyLength(entry) - 1);
            }
        }
    }

    private int publishIfDurable(final boolean force)
    {
        if (null != wal && groupLastLsn > wal.durableLsn())
        {
            // BATCH: a group waits for its window only while more commits are queued to join it; a lone
            // committer (nothing queued behind it) is forced at once instead of sitting out the window.
            if (SyncPolicy.ALWAYS == policy || force || queue.isEmpty())
            {
                wal.sync();
            }
            else
            {
                wal.doWork();
            }
            if (groupLastLsn > wal.durableLsn())
            {
                return 0;
            }
        }
        publish();
        return 1;
    }

    private void publish()
    {
        clock.beginPublish();
        for (final SortedByteMap store : stores)
        {
            if (null != store)
            {
                store.commit();
            }
        }
        clock.endPublish(lastVersion); // volatile stores: the stores' commits happen-before a reader of the version
        if (null != wal)
        {
            walSyncs = wal.syncCount();
            walBytes = walBytesWritten;
        }
        committed = committed + groupCount;
        for (int i = 0; i < groupCount; i++)
        {
            group[i].complete(groupVersions[i]);
            group[i] = null;
        }
        groupCount = 0;
        groupLastLsn = 0;
        detector.pruneUpTo(registry.oldest(lastVersion)); // after the publish: see SnapshotRegistry
    }

    private int checkpointIfDue()
    {
        final long requested = checkpointsRequested.get();
        if (initialCheckpoint || requested > checkpointsDone || checkpointer.isDue(System.nanoTime()))
        {
            initialCheckpoint = false;
            checkpointer.checkpoint(lastVersion);
            checkpoints = checkpointer.count();
            checkpointNanos = checkpointer.nanosTotal();
            checkpointsDone = requested;
            return 1;
        }
        return 0;
    }

    private void shutdown()
    {
        do
        {
            queue.drain(processor, groupLimit);
            if (groupCount > 0)
            {
                publishIfDurable(true);
            }
        }
        while (!queue.isEmpty() || groupCount > 0);
        checkpointer.checkpoint(lastVersion);
        checkpoints = checkpointer.count();
        if (null != wal)
        {
            wal.close();
        }
        stop();
    }

    private void stop()
    {
        if (null != wal)
        {
            walSyncs = wal.syncCount();
        }
        stopped = true; // volatile: every request taken was completed before this store
    }

    private void fail(final Throwable ex)
    {
        final RuntimeException cause = ex instanceof RuntimeException ? (RuntimeException)ex :
            new PhantomException("writer thread failed: " + ex, ex);
        failure = cause;
        LOGGER.log(Level.ERROR, name + " failed; every commit in flight and after fails: " + ex, ex);
        if (null != inHand)
        {
            inHand.fail(cause);
            inHand = null;
        }
        for (int i = 0; i < groupCount; i++)
        {
            group[i].fail(cause);
            group[i] = null;
        }
        groupCount = 0;
        failQueued();
        if (null != wal)
        {
            try
            {
                wal.close();
            }
            catch (final PhantomException closeFailure)
            {
                cause.addSuppressed(closeFailure);
            }
        }
        if (shutdownRequested)
        {
            stop();
        }
    }

    private void failQueued()
    {
        queue.drain(rejecter, Integer.MAX_VALUE);
    }

    private void failRequest(final CommitRequest request)
    {
        request.fail(failure);
    }

    /**
     * Any thread: ask the writer to commit what is queued, checkpoint, close the WAL and stop.
     */
    void requestShutdown()
    {
        shutdownRequested = true;
    }

    /**
     * Any thread: ask for a checkpoint.
     *
     * @return the ticket to wait for with {@link #checkpointDone(long)}.
     */
    long requestCheckpoint()
    {
        return checkpointsRequested.incrementAndGet();
    }

    /**
     * @return true once the checkpoint with this ticket (or a later one) completed.
     */
    boolean checkpointDone(final long ticket)
    {
        return checkpointsDone >= ticket;
    }

    /**
     * @return true once the writer took its last request: nothing more will be committed.
     */
    boolean isStopped()
    {
        return stopped;
    }

    /**
     * @return the failure that stopped the engine, or null.
     */
    RuntimeException failure()
    {
        return failure;
    }

    /**
     * @throws ClosedException if the engine failed.
     */
    void checkNotFailed()
    {
        final RuntimeException ex = failure;
        if (null != ex)
        {
            throw new ClosedException(name + " (failed: " + ex.getMessage() + ")");
        }
    }

    long committed()
    {
        return committed;
    }

    long conflicts()
    {
        return conflicts;
    }

    long walSyncs()
    {
        return walSyncs;
    }

    long checkpoints()
    {
        return checkpoints;
    }

    long walBytes()
    {
        return walBytes;
    }

    long checkpointNanos()
    {
        return checkpointNanos;
    }
}
