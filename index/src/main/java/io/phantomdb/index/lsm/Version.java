package io.phantomdb.index.lsm;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One immutable state of the tree's sources: the active memtable, the immutable memtables waiting for a
 * flush (newest first), and the SSTables of each level (level 0 newest first; each deeper level one sorted
 * run). Sources are ordered newest first, so for any key a source earlier in that order holds higher
 * sequences than a later one.
 * <p>
 * Reference counted: the tree holds one reference on its current version; a reader pinning it takes
 * another with {@link #tryAcquire()}, which allocates nothing. A version holds one reference on each of its
 * memtables and tables, dropped when the version's last reference goes.
 * <p>
 * <b>Note:</b> immutable and safe to share; a new version is installed by compare-and-set of the tree's
 * current version by the writer (memtable rotation) or the agent (flush, compaction).
 */
final class Version
{
    static final SsTable[] NO_TABLES = new SsTable[0];

    private final MemTable active;
    private final MemTable[] immutables;
    private final SsTable[][] levels;
    private final AtomicInteger references = new AtomicInteger(1);

    Version(final MemTable active, final MemTable[] immutables, final SsTable[][] levels)
    {
        this.active = active;
        this.immutables = immutables;
        this.levels = levels;
        active.acquire();
        for (final MemTable memTable : immutables)
        {
            memTable.acquire();
        }
        for (final SsTable[] level : levels)
        {
            for (final SsTable table : level)
            {
                table.acquire();
            }
        }
    }

    static SsTable[][] emptyLevels(final int count)
    {
        final SsTable[][] levels = new SsTable[count][];
        Arrays.fill(levels, NO_TABLES);
        return levels;
    }

    MemTable active()
    {
        return active;
    }

    /**
     * @return immutable memtables, newest first. Do not modify.
     */
    MemTable[] immutables()
    {
        return immutables;
    }

    /**
     * @return SSTables per level, level 0 newest first. Do not modify.
     */
    SsTable[][] levels()
    {
        return levels;
    }

    int tableCount()
    {
        int count = 0;
        for (final SsTable[] level : levels)
        {
            count += level.length;
        }
        return count;
    }

    long levelBytes(final int level)
    {
        long bytes = 0;
        for (final SsTable table : levels[level])
        {
            bytes += table.fileLength();
        }
        return bytes;
    }

    /**
     * @return a copy with a new active memtable, the current one becoming the newest immutable one.
     */
    Version withActive(final MemTable newActive)
    {
        final MemTable[] newImmutables = new MemTable[immutables.length + 1];
        newImmutables[0] = active;
        System.arraycopy(immutables, 0, newImmutables, 1, immutables.length);
        return new Version(newActive, newImmutables, levels);
    }

    /**
     * @return a copy without the flushed memtable (kept if it is the active one, which happens only on close)
     * and with its tables, if any, as the newest of level 0.
     */
    Version withFlushedMemTable(final MemTable flushed, final SsTable[] tables)
    {
        int remaining = 0;
        for (final MemTable memTable : immutables)
        {
            remaining += memTable != flushed ? 1 : 0;
        }
        final MemTable[] newImmutables = new MemTable[remaining];
        int j = 0;
        for (final MemTable memTable : immutables)
        {
            if (memTable != flushed)
            {
                newImmutables[j++] = memTable;
            }
        }
        final SsTable[][] newLevels = levels.clone();
        if (tables.length > 0)
        {
            final SsTable[] level0 = new SsTable[levels[0].length + tables.length];
            System.arraycopy(tables, 0, level0, 0, tables.length);
            System.arraycopy(levels[0], 0, level0, tables.length, levels[0].length);
            newLevels[0] = level0;
        }
        return new Version(active, newImmutables, newLevels);
    }

    /**
     * @return a copy where level {@code level} is emptied and level {@code level + 1} replaced by the
     * compaction output (no tables when the compaction dropped every entry).
     */
    Version withCompaction(final int level, final SsTable[] outputs)
    {
        final SsTable[][] newLevels = levels.clone();
        newLevels[level] = NO_TABLES;
        newLevels[level + 1] = outputs;
        return new Version(active, immutables, newLevels);
    }

    /**
     * Take a reference unless the version is already retired.
     *
     * @return false if the last reference has gone; the caller then reads the current version again.
     */
    boolean tryAcquire()
    {
        while (true)
        {
            final int count = references.get();
            if (count <= 0)
            {
                return false;
            }
            if (references.compareAndSet(count, count + 1))
            {
                return true;
            }
        }
    }

    /**
     * Drop a reference; the last one releases every memtable and table of this version.
     */
    void release()
    {
        final int remaining = references.decrementAndGet();
        if (remaining < 0)
        {
            throw new IllegalStateException("version released more often than acquired: " + remaining);
        }
        if (0 == remaining)
        {
            active.release();
            for (final MemTable memTable : immutables)
            {
                memTable.release();
            }
            for (final SsTable[] level : levels)
            {
                for (final SsTable table : level)
                {
                    table.release();
                }
            }
        }
    }
}
