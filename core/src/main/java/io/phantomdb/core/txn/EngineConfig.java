package io.phantomdb.core.txn;

import io.phantomdb.index.btree.BTreeConfig;
import io.phantomdb.index.lsm.LsmConfig;
import io.phantomdb.wal.SyncPolicy;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Settings of an {@link Engine}, set fluently and validated once by {@link Engine#open}/{@link Engine#inMemory}
 * (or by {@link #validate()}).
 * <p>
 * Defaults: {@link SyncPolicy#BATCH} with a 500 µs group-commit window and at most 64 records per group; a commit
 * queue of 1024 requests; a full queue makes {@code commit()} back off for at most 10 s; a checkpoint every 60 s
 * or every 64 MiB of WAL, whichever comes first; 8 KiB B+tree pages in 64 MiB segments; the writer idles with a
 * {@link BackoffIdleStrategy} (spin, yield, then park up to 1 ms, woken early by committers); 8 MiB LSM memtables;
 * files on disk.
 * <p>
 * <b>Note:</b> not thread safe while being set; treat as immutable once handed to the engine.
 */
public final class EngineConfig
{
    /** Default group-commit window for {@link SyncPolicy#BATCH}, in microseconds. */
    public static final long DEFAULT_GROUP_COMMIT_WINDOW_MICROS = 500;
    /** Default largest group for {@link SyncPolicy#BATCH}: the WAL is forced once this many records wait. */
    public static final int DEFAULT_GROUP_COMMIT_MAX_RECORDS = 64;
    /** Default capacity of the commit queue. */
    public static final int DEFAULT_COMMIT_QUEUE_CAPACITY = 1024;
    /** Default bound on how long {@code commit()} backs off on a full queue, in milliseconds. */
    public static final long DEFAULT_COMMIT_QUEUE_TIMEOUT_MILLIS = 10_000;
    /** Default time between periodic checkpoints, in milliseconds. */
    public static final long DEFAULT_CHECKPOINT_INTERVAL_MILLIS = 60_000;
    /** Default size of one LSM memtable arena (smaller than the LSM tree's own default: it is allocated at open). */
    public static final int DEFAULT_LSM_MEMTABLE_BYTES = 8 << 20;
    /** Default WAL bytes written between checkpoints. */
    public static final long DEFAULT_CHECKPOINT_WAL_BYTES = 64L << 20;

    private SyncPolicy syncPolicy = SyncPolicy.BATCH;
    private long groupCommitWindowMicros = DEFAULT_GROUP_COMMIT_WINDOW_MICROS;
    private int groupCommitMaxRecords = DEFAULT_GROUP_COMMIT_MAX_RECORDS;
    private int commitQueueCapacity = DEFAULT_COMMIT_QUEUE_CAPACITY;
    private long commitQueueTimeoutMillis = DEFAULT_COMMIT_QUEUE_TIMEOUT_MILLIS;
    private long checkpointIntervalMillis = DEFAULT_CHECKPOINT_INTERVAL_MILLIS;
    private long checkpointWalBytes = DEFAULT_CHECKPOINT_WAL_BYTES;
    private int btreePageSize = BTreeConfig.DEFAULT_PAGE_SIZE;
    private int btreeSegmentSize = BTreeConfig.DEFAULT_SEGMENT_SIZE;
    private Supplier<IdleStrategy> writerIdleStrategy = EngineConfig::defaultIdleStrategy;
    private LsmConfig lsmConfig = new LsmConfig().memTableBytes(DEFAULT_LSM_MEMTABLE_BYTES);
    private boolean inMemory;

    private static IdleStrategy defaultIdleStrategy()
    {
        return new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
    }

    /**
     * Check every setting.
     *
     * @return this configuration.
     * @throws IllegalArgumentException naming the first bad setting and its value.
     */
    public EngineConfig validate()
    {
        if (null == syncPolicy)
        {
            throw new IllegalArgumentException("syncPolicy must be set");
        }
        if (groupCommitWindowMicros < 1 || groupCommitWindowMicros > 1_000_000)
        {
            throw new IllegalArgumentException(
                "groupCommitWindowMicros must be in [1, 1000000]: " + groupCommitWindowMicros);
        }
        if (groupCommitMaxRecords < 1)
        {
            throw new IllegalArgumentException("groupCommitMaxRecords must be 1 or more: " + groupCommitMaxRecords);
        }
        if (commitQueueCapacity < 2 || commitQueueCapacity > (1 << 20) || Integer.bitCount(commitQueueCapacity) != 1)
        {
            throw new IllegalArgumentException(
                "commitQueueCapacity must be a power of two in [2, 1048576]: " + commitQueueCapacity);
        }
        if (commitQueueTimeoutMillis < 0)
        {
            throw new IllegalArgumentException("commitQueueTimeoutMillis must be 0 or more: " + commitQueueTimeoutMillis);
        }
        if (checkpointIntervalMillis < 0)
        {
            throw new IllegalArgumentException(
                "checkpointIntervalMillis must be 0 (off) or more: " + checkpointIntervalMillis);
        }
        if (checkpointWalBytes < 0)
        {
            throw new IllegalArgumentException("checkpointWalBytes must be 0 (off) or more: " + checkpointWalBytes);
        }
        BTreeConfig.of(btreePageSize, btreeSegmentSize);
        if (null == lsmConfig)
        {
            throw new IllegalArgumentException("lsmConfig must be set");
        }
        lsmConfig.validate();
        if (null == writerIdleStrategy)
        {
            throw new IllegalArgumentException("writerIdleStrategy must be set");
        }
        return this;
    }

    /**
     * @param syncPolicy when a commit is forced to the device before it is acknowledged; {@link SyncPolicy#BATCH}
     *                   by default. With {@link SyncPolicy#ALWAYS} the writer still forces once per group of
     *                   commits it drained together.
     * @return this configuration.
     */
    public EngineConfig syncPolicy(final SyncPolicy syncPolicy)
    {
        this.syncPolicy = syncPolicy;
        return this;
    }

    /**
     * @return the sync policy.
     */
    public SyncPolicy syncPolicy()
    {
        return syncPolicy;
    }

    /**
     * @param micros for {@link SyncPolicy#BATCH}: the WAL is forced at the latest this long after the oldest
     *               unforced commit was appended; commits arriving meanwhile join the group.
     * @return this configuration.
     */
    public EngineConfig groupCommitWindowMicros(final long micros)
    {
        this.groupCommitWindowMicros = micros;
        return this;
    }

    /**
     * @return the group-commit window in microseconds.
     */
    public long groupCommitWindowMicros()
    {
        return groupCommitWindowMicros;
    }

    /**
     * @param records for {@link SyncPolicy#BATCH}: force as soon as this many commits wait for durability.
     * @return this configuration.
     */
    public EngineConfig groupCommitMaxRecords(final int records)
    {
        this.groupCommitMaxRecords = records;
        return this;
    }

    /**
     * @return the largest group of commits per force for {@link SyncPolicy#BATCH}.
     */
    public int groupCommitMaxRecords()
    {
        return groupCommitMaxRecords;
    }

    /**
     * @param capacity requests the commit queue holds, a power of two.
     * @return this configuration.
     */
    public EngineConfig commitQueueCapacity(final int capacity)
    {
        this.commitQueueCapacity = capacity;
        return this;
    }

    /**
     * @return requests the commit queue holds.
     */
    public int commitQueueCapacity()
    {
        return commitQueueCapacity;
    }

    /**
     * @param millis how long {@code commit()} backs off and retries while the commit queue is full before it
     *               gives up with a {@link io.phantomdb.PhantomException} (the transaction is then rolled back).
     * @return this configuration.
     */
    public EngineConfig commitQueueTimeoutMillis(final long millis)
    {
        this.commitQueueTimeoutMillis = millis;
        return this;
    }

    /**
     * @return the back-pressure bound of {@code commit()} in milliseconds.
     */
    public long commitQueueTimeoutMillis()
    {
        return commitQueueTimeoutMillis;
    }

    /**
     * @param millis time between periodic checkpoints on the writer thread; 0 turns the timer off.
     * @return this configuration.
     */
    public EngineConfig checkpointIntervalMillis(final long millis)
    {
        this.checkpointIntervalMillis = millis;
        return this;
    }

    /**
     * @return time between periodic checkpoints in milliseconds, 0 if off.
     */
    public long checkpointIntervalMillis()
    {
        return checkpointIntervalMillis;
    }

    /**
     * @param bytes WAL record bytes appended since the last checkpoint that trigger the next one; 0 turns it off.
     * @return this configuration.
     */
    public EngineConfig checkpointWalBytes(final long bytes)
    {
        this.checkpointWalBytes = bytes;
        return this;
    }

    /**
     * @return WAL bytes between checkpoints, 0 if off.
     */
    public long checkpointWalBytes()
    {
        return checkpointWalBytes;
    }

    /**
     * @param pageSize page size of the B+tree, a power of two in [4096, 65536]; must match an existing file.
     * @return this configuration.
     */
    public EngineConfig btreePageSize(final int pageSize)
    {
        this.btreePageSize = pageSize;
        return this;
    }

    /**
     * @return the B+tree page size in bytes.
     */
    public int btreePageSize()
    {
        return btreePageSize;
    }

    /**
     * @param segmentSize bytes by which the B+tree's storage grows, a power of two; must match an existing file.
     * @return this configuration.
     */
    public EngineConfig btreeSegmentSize(final int segmentSize)
    {
        this.btreeSegmentSize = segmentSize;
        return this;
    }

    /**
     * @return the B+tree segment size in bytes.
     */
    public int btreeSegmentSize()
    {
        return btreeSegmentSize;
    }

    /**
     * @param supplier makes the idle strategy of the writer thread, called once per engine. It should back off to
     *                 parking: the writer is unparked when a commit arrives.
     * @return this configuration.
     */
    public EngineConfig writerIdleStrategy(final Supplier<IdleStrategy> supplier)
    {
        this.writerIdleStrategy = supplier;
        return this;
    }

    /**
     * @return the supplier of the writer's idle strategy.
     */
    public Supplier<IdleStrategy> writerIdleStrategy()
    {
        return writerIdleStrategy;
    }

    /**
     * @param lsmConfig settings of the LSM tree in {@code lsm/} that holds {@link StorageKind#LSM} keyspaces;
     *                  by default the LSM tree's defaults with {@link #DEFAULT_LSM_MEMTABLE_BYTES} memtables.
     * @return this configuration.
     */
    public EngineConfig lsmConfig(final LsmConfig lsmConfig)
    {
        this.lsmConfig = lsmConfig;
        return this;
    }

    /**
     * @return the LSM tree's settings.
     */
    public LsmConfig lsmConfig()
    {
        return lsmConfig;
    }

    /**
     * @param inMemory true to keep everything in anonymous memory: no files, no WAL, nothing survives close, and
     *                 only {@link StorageKind#BTREE} keyspaces (the LSM tree needs files). {@link Engine#inMemory}
     *                 sets it.
     * @return this configuration.
     */
    public EngineConfig inMemory(final boolean inMemory)
    {
        this.inMemory = inMemory;
        return this;
    }

    /**
     * @return true if the engine keeps nothing on disk.
     */
    public boolean inMemory()
    {
        return inMemory;
    }

    @Override
    public String toString()
    {
        return "EngineConfig{syncPolicy=" + syncPolicy + ", groupCommitWindowMicros=" + groupCommitWindowMicros +
            ", groupCommitMaxRecords=" + groupCommitMaxRecords + ", commitQueueCapacity=" + commitQueueCapacity +
            ", commitQueueTimeoutMillis=" + commitQueueTimeoutMillis +
            ", checkpointIntervalMillis=" + checkpointIntervalMillis + ", checkpointWalBytes=" + checkpointWalBytes +
            ", btreePageSize=" + btreePageSize + ", btreeSegmentSize=" + btreeSegmentSize +
            ", inMemory=" + inMemory + '}';
    }
}
