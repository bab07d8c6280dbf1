package io.phantomdb.wal;

import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Configuration of a WAL: where it lives, how it syncs, how its queue files roll. Set fields with the fluent
 * setters, then pass it to {@link WalWriter#open(WalConfig)} or {@link WalReader#WalReader(WalConfig)}, which
 * call {@link #validate()} once; change nothing afterwards.
 * <p>
 * <b>Note:</b> not thread safe; configure on one thread before opening.
 */
public final class WalConfig
{
    /** Default {@link #batchMaxRecords()}. */
    public static final int DEFAULT_BATCH_MAX_RECORDS = 64;
    /** Default {@link #batchWindowMicros()}. */
    public static final long DEFAULT_BATCH_WINDOW_MICROS = 1000;
    /** Default {@link #blockSize()}: 64 MiB. */
    public static final long DEFAULT_BLOCK_SIZE = 64L << 20;
    /** Smallest {@link #blockSize()} accepted: 256 KiB. */
    public static final long MIN_BLOCK_SIZE = 256L << 10;
    /** Largest {@link #blockSize()} accepted: 1 GiB. */
    public static final long MAX_BLOCK_SIZE = 1L << 30;

    private Path directory;
    private SyncPolicy syncPolicy = SyncPolicy.BATCH;
    private int batchMaxRecords = DEFAULT_BATCH_MAX_RECORDS;
    private long batchWindowMicros = DEFAULT_BATCH_WINDOW_MICROS;
    private RollCycle rollCycle = RollCycles.FAST_HOURLY;
    private long blockSize = DEFAULT_BLOCK_SIZE;
    private WalEventListener listener = WalEventListener.SYSTEM_LOGGER;
    private TimeProvider timeProvider = SystemTimeProvider.INSTANCE;

    /**
     * Checks every field once; the WAL calls it when it opens.
     *
     * @return this configuration.
     * @throws IllegalArgumentException naming the first bad field and its value.
     */
    public WalConfig validate()
    {
        if (null == directory)
        {
            throw new IllegalArgumentException("directory is required");
        }
        Objects.requireNonNull(syncPolicy, "syncPolicy");
        Objects.requireNonNull(rollCycle, "rollCycle");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(timeProvider, "timeProvider");
        if (batchMaxRecords < 1)
        {
            throw new IllegalArgumentException("batchMaxRecords=" + batchMaxRecords + " must be >= 1");
        }
        if (batchWindowMicros < 0 || batchWindowMicros > 1_000_000)
        {
            throw new IllegalArgumentException("batchWindowMicros=" + batchWindowMicros + " must be in [0, 1000000]");
        }
        if (blockSize < MIN_BLOCK_SIZE || blockSize > MAX_BLOCK_SIZE || Long.bitCount(blockSize) != 1)
        {
            throw new IllegalArgumentException("blockSize=" + blockSize + " must be a power of two in [" +
                MIN_BLOCK_SIZE + ", " + MAX_BLOCK_SIZE + "]");
        }
        return this;
    }

    /**
     * @param directory the WAL directory; created if missing. It holds {@code wal.meta} and the segment
     *                  directories, and nothing else should be stored there.
     * @return this configuration.
     */
    public WalConfig directory(final Path directory)
    {
        this.directory = directory;
        return this;
    }

    /**
     * @return the WAL directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * @param syncPolicy when appended records are forced to the device; {@link SyncPolicy#BATCH} by default.
     * @return this configuration.
     */
    public WalConfig syncPolicy(final SyncPolicy syncPolicy)
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
     * @param batchMaxRecords for {@link SyncPolicy#BATCH}: force as soon as this many records are pending.
     * @return this configuration.
     */
    public WalConfig batchMaxRecords(final int batchMaxRecords)
    {
        this.batchMaxRecords = batchMaxRecords;
        return this;
    }

    /**
     * @return records pending before a {@link SyncPolicy#BATCH} force.
     */
    public int batchMaxRecords()
    {
        return batchMaxRecords;
    }

    /**
     * @param batchWindowMicros for {@link SyncPolicy#BATCH}: force once the oldest pending record is this old.
     * @return this configuration.
     */
    public WalConfig batchWindowMicros(final long batchWindowMicros)
    {
        this.batchWindowMicros = batchWindowMicros;
        return this;
    }

    /**
     * @return the group-commit window in microseconds.
     */
    public long batchWindowMicros()
    {
        return batchWindowMicros;
    }

    /**
     * @param rollCycle how often Chronicle Queue starts a new file; the unit of {@link WalWriter#retireBefore}
     *                  within a segment. {@code FAST_HOURLY} by default. Must not change between opens.
     * @return this configuration.
     */
    public WalConfig rollCycle(final RollCycle rollCycle)
    {
        this.rollCycle = rollCycle;
        return this;
    }

    /**
     * @return the roll cycle.
     */
    public RollCycle rollCycle()
    {
        return rollCycle;
    }

    /**
     * @param blockSize Chronicle Queue's mapping unit in bytes; a record may be at most a quarter of it.
     * @return this configuration.
     */
    public WalConfig blockSize(final long blockSize)
    {
        this.blockSize = blockSize;
        return this;
    }

    /**
     * @return the block size in bytes.
     */
    public long blockSize()
    {
        return blockSize;
    }

    /**
     * @return the largest record {@link WalWriter#append} accepts: a quarter of {@link #blockSize()}.
     */
    public int maxRecordLength()
    {
        return (int)Math.min(WalRecordEncoder.MAX_CAPACITY, blockSize / 4);
    }

    /**
     * @param listener receives torn-tail cuts and retirements; {@link WalEventListener#SYSTEM_LOGGER} by default.
     * @return this configuration.
     */
    public WalConfig listener(final WalEventListener listener)
    {
        this.listener = listener;
        return this;
    }

    /**
     * @return the event listener.
     */
    public WalEventListener listener()
    {
        return listener;
    }

    /**
     * Clock of the queue's roll cycle; tests set one to roll files on demand.
     *
     * @param timeProvider the clock.
     * @return this configuration.
     */
    WalConfig timeProvider(final TimeProvider timeProvider)
    {
        this.timeProvider = timeProvider;
        return this;
    }

    TimeProvider timeProvider()
    {
        return timeProvider;
    }
}
