package io.phantomdb.index.lsm;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Configuration of an {@link LsmTree}: memtable and block sizes, bloom filter density, the compaction
 * thresholds, the back-pressure bound and the idle strategy of the background agent. Setters are fluent;
 * {@link #validate()} is called once by {@link LsmTree#open} and names the offending value.
 * <p>
 * <b>Note:</b> not thread safe; configure on one thread, then hand it to {@link LsmTree#open}, which keeps
 * the instance: do not change it after that.
 */
public final class LsmConfig
{
    /**
     * Smallest accepted memtable arena, in bytes.
     */
    public static final int MIN_MEMTABLE_BYTES = 4096;

    /**
     * Largest accepted memtable arena, in bytes.
     */
    public static final int MAX_MEMTABLE_BYTES = 1 << 30;

    /**
     * Smallest accepted target data block size, in bytes.
     */
    public static final int MIN_BLOCK_BYTES = 64;

    /**
     * Largest accepted target data block size, in bytes.
     */
    public static final int MAX_BLOCK_BYTES = 1 << 20;

    private int memTableBytes = 64 << 20;
    private int blockBytes = 4096;
    private int bloomBitsPerKey = 10;
    private long targetFileBytes = 64L << 20;
    private int level0CompactionTrigger = 4;
    private long level1MaxBytes = 64L << 20;
    private int levelFanOut = 10;
    private int maxLevels = 6;
    private int maxPendingMemTables = 2;
    private long backPressureTimeoutMs = 30_000;
    private Supplier<IdleStrategy> idleStrategySupplier = LsmConfig::defaultIdleStrategy;

    /**
     * @return a backoff strategy that spins briefly, yields, then parks for at most one millisecond.
     */
    public static IdleStrategy defaultIdleStrategy()
    {
        return new BackoffIdleStrategy(10, 10, 1_000, 1_000_000);
    }

    /**
     * @param bytes size of one memtable's off-heap arena; a full memtable is handed to the agent.
     * @return this.
     */
    public LsmConfig memTableBytes(final int bytes)
    {
        this.memTableBytes = bytes;
        return this;
    }

    /**
     * @return size of one memtable's off-heap arena in bytes.
     */
    public int memTableBytes()
    {
        return memTableBytes;
    }

    /**
     * @param bytes target size of an SSTable data block; a block holds all versions of its keys, so a
     *              block may exceed it.
     * @return this.
     */
    public LsmConfig blockBytes(final int bytes)
    {
        this.blockBytes = bytes;
        return this;
    }

    /**
     * @return target size of an SSTable data block in bytes.
     */
    public int blockBytes()
    {
        return blockBytes;
    }

    /**
     * @param bits bloom filter bits per distinct key, 1 to 32.
     * @return this.
     */
    public LsmConfig bloomBitsPerKey(final int bits)
    {
        this.bloomBitsPerKey = bits;
        return this;
    }

    /**
     * @return bloom filter bits per distinct key.
     */
    public int bloomBitsPerKey()
    {
        return bloomBitsPerKey;
    }

    /**
     * @param bytes size at which a flush or compaction starts a new SSTable (at the next key boundary);
     *              4 KiB to 1 GiB, keeping every file well below the 2 GiB a mapping can hold.
     * @return this.
     */
    public LsmConfig targetFileBytes(final long bytes)
    {
        this.targetFileBytes = bytes;
        return this;
    }

    /**
     * @return size at which a flush or compaction starts a new SSTable.
     */
    public long targetFileBytes()
    {
        return targetFileBytes;
    }

    /**
     * @param files number of level-0 files that triggers merging level 0 into level 1, 2 or more.
     * @return this.
     */
    public LsmConfig level0CompactionTrigger(final int files)
    {
        this.level0CompactionTrigger = files;
        return this;
    }

    /**
     * @return number of level-0 files that triggers a compaction into level 1.
     */
    public int level0CompactionTrigger()
    {
        return level0CompactionTrigger;
    }

    /**
     * @param bytes size above which level 1 is merged into level 2; level n allows
     *              {@code level1MaxBytes * levelFanOut^(n-1)}.
     * @return this.
     */
    public LsmConfig level1MaxBytes(final long bytes)
    {
        this.level1MaxBytes = bytes;
        return this;
    }

    /**
     * @return size in bytes above which level 1 is merged into level 2.
     */
    public long level1MaxBytes()
    {
        return level1MaxBytes;
    }

    /**
     * @param fanOut growth factor of the size threshold from one level to the next, 2 or more.
     * @return this.
     */
    public LsmConfig levelFanOut(final int fanOut)
    {
        this.levelFanOut = fanOut;
        return this;
    }

    /**
     * @return growth factor of the size threshold from one level to the next.
     */
    public int levelFanOut()
    {
        return levelFanOut;
    }

    /**
     * @param levels number of levels including level 0, 2 to 16; the last level never overflows.
     * @return this.
     */
    public LsmConfig maxLevels(final int levels)
    {
        this.maxLevels = levels;
        return this;
    }

    /**
     * @return number of levels including level 0.
     */
    public int maxLevels()
    {
        return maxLevels;
    }

    /**
     * @param count immutable memtables waiting for the agent beyond which the writer waits, 1 or more.
     * @return this.
     */
    public LsmConfig maxPendingMemTables(final int count)
    {
        this.maxPendingMemTables = count;
        return this;
    }

    /**
     * @return immutable memtables waiting for the agent beyond which the writer waits.
     */
    public int maxPendingMemTables()
    {
        return maxPendingMemTables;
    }

    /**
     * @param millis longest the writer waits for the agent under back-pressure before failing, 1 or more.
     * @return this.
     */
    public LsmConfig backPressureTimeoutMs(final long millis)
    {
        this.backPressureTimeoutMs = millis;
        return this;
    }

    /**
     * @return longest the writer waits for the agent under back-pressure, in milliseconds.
     */
    public long backPressureTimeoutMs()
    {
        return backPressureTimeoutMs;
    }

    /**
     * @param supplier makes the idle strategy of the agent and of the writer's waits (one instance each).
     * @return this.
     */
    public LsmConfig idleStrategySupplier(final Supplier<IdleStrategy> supplier)
    {
        this.idleStrategySupplier = supplier;
        return this;
    }

    /**
     * @return the supplier of idle strategies for the agent and the writer's waits.
     */
    public Supplier<IdleStrategy> idleStrategySupplier()
    {
        return idleStrategySupplier;
    }

    /**
     * Check every value.
     *
     * @return this.
     * @throws IllegalArgumentException naming the first value out of range.
     */
    public LsmConfig validate()
    {
        check("memTableBytes", memTableBytes, MIN_MEMTABLE_BYTES, MAX_MEMTABLE_BYTES);
        check("blockBytes", blockBytes, MIN_BLOCK_BYTES, MAX_BLOCK_BYTES);
        check("bloomBitsPerKey", bloomBitsPerKey, 1, 32);
        check("targetFileBytes", targetFileBytes, 4096, 1L << 30);
        check("level0CompactionTrigger", level0CompactionTrigger, 2, 1_000);
        check("level1MaxBytes", level1MaxBytes, 1, Long.MAX_VALUE / 1_000_000);
        check("levelFanOut", levelFanOut, 2, 1_000);
        check("maxLevels", maxLevels, 2, 16);
        check("maxPendingMemTables", maxPendingMemTables, 1, 1_000);
        check("backPressureTimeoutMs", backPressureTimeoutMs, 1, Long.MAX_VALUE / 1_000_000);
        Objects.requireNonNull(idleStrategySupplier, "idleStrategySupplier");
        return this;
    }

    private static void check(final String name, final long value, final long min, final long max)
    {
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(name + "=" + value + " outside [" + min + ", " + max + "]");
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return "LsmConfig{memTableBytes=" + memTableBytes + ", blockBytes=" + blockBytes +
            ", bloomBitsPerKey=" + bloomBitsPerKey + ", targetFileBytes=" + targetFileBytes +", level0CompactionTrigger=" + level0CompactionTrigger +
            ", level1MaxBytes=" + level1MaxBytes + ", levelFanOut=" + levelFanOut + ", maxLevels=" + maxLevels +
            ", maxPendingMemTables=" + maxPendingMemTables + ", backPressureTimeoutMs=" + backPressureTimeoutMs + "}";
    }
}
