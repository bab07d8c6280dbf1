package io.phantomdb.index.lsm;

import org.agrona.DirectBuffer;

/**
 * An {@link EntryScanner} over every entry of one SSTable, block by block, verifying each block's checksum.
 * <p>
 * <b>Note:</b> not thread safe; used by the thread running a compaction.
 */
final class SsTableScanner implements EntryScanner
{
    private final SsTable table;
    private final BlockFlyweight block = new BlockFlyweight();
    private int blockIndex = -1;
    private int index;
    private int entry;

    SsTableScanner(final SsTable table)
    {
        this.table = table;
    }

    public boolean advance()
    {
        if (blockIndex >= table.blockCount())
        {
            return false;
        }
        if (blockIndex < 0 || ++index >= block.count())
        {
            if (++blockIndex >= table.blockCount())
            {
                return false;
            }
            table.wrapBlock(blockIndex, block);
            index = 0;
        }
        entry = block.entry(index);
        return true;
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
}
