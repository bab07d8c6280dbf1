package io.phantomdb.index.lsm;

import io.phantomdb.index.ByteComparator;
import org.agrona.DirectBuffer;

/**
 * An {@link EntryCursor} over one SSTable at a pinned sequence. All versions of a key live in one block
 * (the writer never splits them), so a key's versions are a contiguous run of entries in a block.
 * <p>
 * <b>Note:</b> owned by one reader thread; rebound to another table by {@link #reset}.
 */
final class SsTableCursor implements EntryCursor
{
    private final BlockFlyweight block = new BlockFlyweight();
    private SsTable table;
    private long pinned;
    private int blockIndex = -1;
    private int runStart;
    private int runEnd;
    private int entry;

    void reset(final SsTable table, final long pinnedSequence)
    {
        this.table = table;
        this.pinned = pinnedSequence;
        this.blockIndex = -1;
    }

    public boolean first()
    {
        load(0);
        return settleForward(0);
    }

    public boolean last()
    {
        load(table.blockCount() - 1);
        return settleBackward(block.count() - 1);
    }

    public boolean seekCeiling(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        load(Math.max(0, table.findBlock(key, keyOffset, keyLength)));
        return settleForward(block.search(key, keyOffset, keyLength, false));
    }

    public boolean seekFloor(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        final int found = table.findBlock(key, keyOffset, keyLength);
        if (found < 0)
        {
            blockIndex = -1;
            return false;
        }
        load(found);
        return settleBackward(block.search(key, keyOffset, keyLength, true) - 1);
    }

    public boolean seekExact(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        final int found = table.findBlock(key, keyOffset, keyLength);
        if (found >= 0)
        {
            load(found);
            for (int i = block.search(key, keyOffset, keyLength, false), n = block.count(); i < n; i++)
            {
                final int candidate = block.entry(i);
                if (0 != ByteComparator.compare(table.buffer(), BlockFlyweight.keyOffset(candidate),
                    block.keyLength(candidate), key, keyOffset, keyLength))
                {
                    break;
                }
                if (block.sequence(candidate) <= pinned)
                {
                    entry = candidate;
                    runStart = i;
                    runEnd = i + 1;
                    return true;
                }
            }
        }
        blockIndex = -1;
        return false;
    }

    public boolean next()
    {
        if (blockIndex < 0)
        {
            return false;
        }
        return settleForward(runEnd);
    }

    public boolean prev()
    {
        if (blockIndex < 0)
        {
            return false;
        }
        return settleBackward(runStart - 1);
    }

    public boolean isPositioned()
    {
        return blockIndex >= 0;
    }

    public DirectBuffer buffer()
    {
        return table.buffer();
    }

    public int keyOffset()
    {
        return BlockFlyweight.keyOffset(entry);
    }

    public int keyLength()
    {
        return block.keyLength(entry);
    }

    public long sequence()
    {
        return block.sequence(entry);
    }

    public int valueOffset()
    {
        return block.valueOffset(entry);
    }

    public int valueLength()
    {
        return block.valueLength(entry);
    }

    private void load(final int newBlockIndex)
    {
        if (newBlockIndex != blockIndex)
        {
            table.wrapBlock(newBlockIndex, block);
            blockIndex = newBlockIndex;
        }
    }

    /**
     * Position on the first key at or after the entry with this index (the first version of its key) that
     * has a visible version.
     */
    private boolean settleForward(final int startIndex)
    {
        int i = startIndex;
        while (true)
        {
            if (i >= block.count())
            {
                if (blockIndex + 1 >= table.blockCount())
                {
                    blockIndex = -1;
                    return false;
                }
                load(blockIndex + 1);
                i = 0;
            }
            final int start = i;
            int visible = -1;
            int end = i;
            while (end < block.count() && (end == start || block.sameKey(start, end)))
            {
                if (visible < 0 && block.sequence(block.entry(end)) <= pinned)
                {
                    visible = end;
                }
                end++;
            }
            if (visible >= 0)
            {
                position(visible, start, end);
                return true;
            }
            i = end;
        }
    }

    /**
     * Position on the last key at or before the entry with this index (the last version of its key) that has
     * a visible version.
     */
    private boolean settleBackward(final int startIndex)
    {
        int i = startIndex;
        while (true)
        {
            if (i < 0)
            {
                if (blockIndex <= 0)
                {
                    blockIndex = -1;
                    return false;
                }
                load(blockIndex - 1);
                i = block.count() - 1;
            }
            final int end = i + 1;
            int start = i;
            while (start > 0 && block.sameKey(start - 1, i))
            {
                start--;
            }
            for (int j = start; j < end; j++)
            {
                if (block.sequence(block.entry(j)) <= pinned)
                {
                    position(j, start, end);
                    return true;
                }
            }
            i = start - 1;
        }
    }

    private void position(final int visibleIndex, final int start, final int end)
    {
        entry = block.entry(visibleIndex);
        runStart = start;
        runEnd = end;
    }
}
