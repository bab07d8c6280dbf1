package io.phantomdb.wal;

import io.phantomdb.FileSync;

import io.phantomdb.ClosedException;
import io.phantomdb.CorruptionException;
import io.phantomdb.PhantomException;
import net.openhft.chronicle.bytes.PointerBytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Appends records to the log, one Chronicle Queue excerpt per record, assigns their LSNs and makes them durable
 * under the configured {@link SyncPolicy}.
 * <p>
 * Opening recovers: the open segment of the previous session is scanned, its torn tail (if any) is cut by sealing
 * the segment at its last valid record in {@code wal.meta}, and this session appends to a new segment whose first
 * LSN follows that record, so LSNs never have a gap. A corrupt record before the tail fails the open.
 * <p>
 * Durability: {@link #durableLsn()} is the highest LSN forced to the device (for {@link SyncPolicy#NONE}: the
 * highest appended). A commit may be acknowledged once {@code durableLsn() >= lsn}; other threads wait for that
 * with {@link #awaitDurable}. If a force fails, the writer closes itself and the exception propagates: nothing
 * appended after the last successful force is ever reported durable.
 * <p>
 * <b>Note:</b> single writer: {@link #append}, {@link #doWork}, {@link #sync}, {@link #retireBefore} and
 * {@link #close} must all be called by one thread, the first one that calls any of them (checked by an
 * {@code assert}). {@link #durableLsn()} and {@link #awaitDurable} are safe from any thread.
 */
public final class WalWriter implements AutoCloseable
{
    private final WalConfig config;
    private final SyncPolicy policy;
    private final int maxRecordLength;
    private final int batchMaxRecords;
    private final long batchWindowNs;
    private final WalMeta meta;
    private final Path segmentDirectory;
    private final SingleChronicleQueue queue;
    private final CycleFileSync fileSync;
    private final DurableLsn durable;
    private final PointerBytesStore pointer = new PointerBytesStore();
    private ExcerptAppender appender;
    private Thread owner;
    private long nextLsn;
    private int pending;
    private long pendingSinceNs;
    private boolean closed;

    private WalWriter(final WalConfig config, final WalMeta meta, final long nextLsn)
    {
        this.config = config;
        this.policy = config.syncPolicy();
        this.maxRecordLength = config.maxRecordLength();
        this.batchMaxRecords = config.batchMaxRecords();
        this.batchWindowNs = TimeUnit.MICROSECONDS.toNanos(config.batchWindowMicros());
        this.meta = meta;
        this.nextLsn = nextLsn;
        this.segmentDirectory = meta.segmentDirectory(meta.size() - 1);
        this.queue = SegmentReader.openQueue(segmentDirectory, config);
        this.fileSync = new CycleFileSync(segmentDirectory);
        this.durable = new DurableLsn("WAL " + segmentDirectory, nextLsn - 1);
    }

    /**
     * Opens the log in {@link WalConfig#directory()}, creating it if needed, recovers it, and starts a new segment.
     *
     * @param config the configuration; validated here.
     * @return a writer whose next record gets the LSN after the last valid record of the log.
     * @throws IllegalArgumentException if the configuration is invalid.
     * @throws CorruptionException      if {@code wal.meta} or a record before the tail of the last segment is bad.
     * @throws PhantomException         on an I/O failure, naming the file.
     */
    public static WalWriter open(final WalConfig config)
    {
        config.validate();
        final Path directory = config.directory();
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot create WAL directory " + directory, ex);
        }
        final WalMeta meta = WalMeta.load(directory);
        if (0 == meta.size())
        {
            final Path orphan = QueueFiles.anySegment(directory);
            if (null != orphan)
            {
                throw new CorruptionException(directory.resolve(WalMeta.FILE_NAME), 0,
                    "missing while segment " + orphan + " exists");
            }
        }
        final int last = meta.size() - 1;
        if (last >= 0 && meta.isOpen(last))
        {
            final long lastValid = WalReader.readSegment(meta, last, config, meta.firstLsn(last), false, null);
            meta.seal(last, lastValid);
        }
        deleteRetiredSegments(directory, meta);
        final long nextLsn = meta.lastSealedLsn() + 1;
        meta.append(last < 0 ? 1 : meta.segment(last) + 1, nextLsn, WalMeta.OPEN);
        meta.store();
        final WalWriter writer = new WalWriter(config, meta, nextLsn);
        FileSync.forceFilesAndDirectory(writer.segmentDirectory);
        FileSync.forceDirectory(directory);
        return writer;
    }

    /**
     * Appends a finished record, assigning it the next LSN, and applies the sync policy.
     *
     * @param record a record completed with {@link WalRecordEncoder#finish()}; sealed by this call.
     * @return the record's LSN.
     * @throws IllegalStateException    if the record is not finished.
     * @throws IllegalArgumentException if it is longer than {@link WalConfig#maxRecordLength()}.
     * @throws ClosedException          if the writer is closed.
     * @throws PhantomException         if a force fails; the writer is then closed.
     */
    public long append(final WalRecordEncoder record)
    {
        ensureOpen();
        final int length = record.length();
        if (length > maxRecordLength)
        {
            throw new IllegalArgumentException("record length=" + length + " exceeds maxRecordLength=" + maxRecordLength);
        }
        final long lsn = nextLsn;
        record.seal(lsn);
        if (null == appender)
        {
            appender = queue.createAppender();
        }
        pointer.set(record.address(), length);
        try
        {
            appender.writeBytes(pointer);
        }
        catch (final RuntimeException ex)
        {
            release();
            throw new PhantomException("cannot append lsn " + lsn + " to " + segmentDirectory, ex);
        }
        nextLsn = lsn + 1;
        if (SyncPolicy.NONE != policy && appender.cycle() != fileSync.cycle())
        {
            onRoll(lsn);
        }
        switch (policy)
        {
            case ALWAYS:
                forceAndPublish(lsn);
                break;
            case BATCH:
                if (0 == pending++)
                {
                    pendingSinceNs = System.nanoTime();
                }
                if (pending >= batchMaxRecords || System.nanoTime() - pendingSinceNs >= batchWindowNs)
                {
                    forceAndPublish(lsn);
                }
                break;
            default:
                durable.publish(lsn);
                break;
        }
        return lsn;
    }

    private void onRoll(final long lsn)
    {
        final boolean previousPending = pending > 0;
        try
        {
            fileSync.switchTo(appender.cycle(), appender.currentFile().toPath(), previousPending);
        }
        catch (final PhantomException ex)
        {
            release();
            throw ex;
        }
        if (previousPending)
        {
            pending = 0;
            durable.publish(lsn - 1);
        }
    }

    /**
     * Duty-cycle hook for {@link SyncPolicy#BATCH}: forces the pending records once the oldest is
     * {@link WalConfig#batchWindowMicros()} old. Call it whenever the writer thread is idle; it does nothing for
     * the other policies or when nothing is pending.
     *
     * @return 1 if it forced, 0 otherwise (the Agrona {@code Agent} work count).
     * @throws ClosedException  if the writer is closed.
     * @throws PhantomException if the force fails; the writer is then closed.
     */
    public int doWork()
    {
        ensureOpen();
        if (pending > 0 && System.nanoTime() - pendingSinceNs >= batchWindowNs)
        {
            forceAndPublish(nextLsn - 1);
            return 1;
        }
        return 0;
    }

    /**
     * Forces every record appended so far now, whatever the window; nothing to do for {@link SyncPolicy#NONE} or
     * when all records are durable.
     *
     * @throws ClosedException  if the writer is closed.
     * @throws PhantomException if the force fails; the writer is then closed.
     */
    public void sync()
    {
        ensureOpen();
        if (SyncPolicy.NONE != policy && durable.get() < nextLsn - 1)
        {
            forceAndPublish(nextLsn - 1);
        }
    }

    private void forceAndPublish(final long lsn)
    {
        try
        {
            fileSync.force();
        }
        catch (final PhantomException ex)
        {
            release();
            throw ex;
        }
        pending = 0;
        durable.publish(lsn);
    }

    /**
     * @return the highest durable LSN (0 if none); read with acquire semantics, safe from any thread.
     */
    public long durableLsn()
    {
        return durable.get();
    }

    /**
     * Waits until {@code durableLsn() >= lsn}. Returns at once, without allocating or locking, if it already is.
     * Any thread; never the writer thread itself for a record it has not forced (it would wait for itself).
     *
     * @param lsn     the LSN that must be durable.
     * @param timeout how long to wait at most.
     * @param unit    unit of {@code timeout}.
     * @return true if durable, false if the timeout elapsed first.
     * @throws ClosedException      if the writer closed before {@code lsn} became durable.
     * @throws InterruptedException if interrupted while waiting.
     */
    public boolean awaitDurable(final long lsn, final long timeout, final TimeUnit unit) throws InterruptedException
    {
        if (durable.get() >= lsn)
        {
            return true;
        }
        return durable.await(lsn, unit.toNanos(timeout));
    }

    /**
     * @return the LSN the next {@link #append} will assign. Writer thread.
     */
    public long nextLsn()
    {
        return nextLsn;
    }

    /**
     * @return how many times a queue file was forced (fdatasync) by this writer. Writer thread, or any thread
     *         after the writer thread's work happens-before it (e.g. after a join).
     */
    public long syncCount()
    {
        return fileSync.syncCount();
    }

    /**
     * Deletes what a replay from {@code checkpointLsn} can never need: every sealed segment whose last LSN is
     * below it, and within the remaining segments every queue file followed by a file whose first LSN is at or
     * below it (so all its records are older). The file being appended to is never deleted: no file follows it.
     *
     * @param checkpointLsn the LSN the last checkpoint covers up to, exclusive: replay will start there.
     * @throws IllegalArgumentException if {@code checkpointLsn} is below 1 or above {@link #nextLsn()}.
     * @throws ClosedException          if the writer is closed.
     * @throws PhantomException         if a file cannot be deleted.
     */
    public void retireBefore(final long checkpointLsn)
    {
        ensureOpen();
        if (checkpointLsn < 1 || checkpointLsn > nextLsn)
        {
            throw new IllegalArgumentException("checkpointLsn=" + checkpointLsn + " must be in [1, nextLsn=" + nextLsn + "]");
        }
        final int active = meta.size() - 1;
        int retired = 0;
        while (retired < active && meta.lastLsn(retired) < checkpointLsn)
        {
            retired++;
        }
        if (retired > 0)
        {
            final Path[] directories = new Path[retired];
            for (int i = 0; i < retired; i++)
            {
                directories[i] = meta.segmentDirectory(i);
            }
            meta.removeFirst(retired);
            meta.store();
            for (final Path directory : directories)
            {
                QueueFiles.deleteTree(directory);
                config.listener().onRetired(directory, checkpointLsn);
            }
        }
        for (int i = 0; i < meta.size() && meta.firstLsn(i) <= checkpointLsn; i++)
        {
            QueueFiles.retireCycles(meta.segmentDirectory(i), config, checkpointLsn);
        }
        queue.refreshDirectoryListing();
    }

    /**
     * Forces what is pending (except for {@link SyncPolicy#NONE}), closes the queue, and wakes every waiter.
     * Idempotent. Writer thread.
     *
     * @throws PhantomException if the final force fails; the queue is closed anyway.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        assert isOwner() : "WAL writer owned by " + owner + " closed by " + Thread.currentThread();
        try
        {
            sync();
        }
        finally
        {
            release();
        }
    }

    private void release()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            if (null != appender)
            {
                appender.close();
            }
            queue.close();
            fileSync.close();
        }
        finally
        {
            durable.close();
        }
    }

    private void ensureOpen()
    {
        if (closed)
        {
            throw new ClosedException("WAL writer " + segmentDirectory);
        }
        assert isOwner() : "WAL writer owned by " + owner + " called from " + Thread.currentThread();
    }

    private boolean isOwner()
    {
        if (null == owner)
        {
            owner = Thread.currentThread();
        }
        return owner == Thread.currentThread();
    }

    private static void deleteRetiredSegments(final Path directory, final WalMeta meta)
    {
        final int firstKept = meta.size() > 0 ? meta.segment(0) : Integer.MAX_VALUE;
        for (int segment = firstKept - 1; segment > 0; segment--)
        {
            final Path leftover = WalMeta.segmentDirectory(directory, segment);
            if (!Files.exists(leftover))
            {
                break;
            }
            QueueFiles.deleteTree(leftover);
        }
    }
}
