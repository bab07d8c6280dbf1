package io.phantomdb.index.lsm;

import io.phantomdb.index.ByteCursor;
import io.phantomdb.index.ByteMapReader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A reader of an {@link LsmTree}. {@link #begin()} publishes the sequence it pins (so compaction keeps the
 * versions it can see), then pins the tree's current {@link Version} (so no memtable is freed and no file
 * unmapped under it). Lookups go newest source first and stop at the first visible version; the cursor
 * merges all sources. Cursors over sources are pooled, so a pin, a get and a cursor step allocate nothing
 * once the pools have grown to the largest version seen.
 * <p>
 * <b>Note:</b> not thread safe: one thread per reader.
 */
public final class LsmReader implements ByteMapReader
{
    static final long NOT_PINNED = Long.MAX_VALUE;

    private final LsmTree tree;
    private final MergingCursor cursor = new MergingCursor();
    private final UnsafeBuffer valueView = new UnsafeBuffer(0, 0);
    private volatile long pinnedSequence = NOT_PINNED;
    private Version version;
    private int memTableCount;
    private int sourceCount;
    private EntryCursor[] scanSources = new EntryCursor[0];
    private EntryCursor[] lookupSources = new EntryCursor[0];
    private SsTable[] tables = new SsTable[0];
    private MemTableCursor[] memScanCursors = new MemTableCursor[0];
    private MemTableCursor[] memLookupCursors = new MemTableCursor[0];
    private SsTableCursor[] tableScanCursors = new SsTableCursor[0];
    private SsTableCursor[] tableLookupCursors = new SsTableCursor[0];
    private boolean closed;

    LsmReader(final LsmTree tree)
    {
        this.tree = tree;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public long begin()
    {
        checkCanPin();
        long sequence;
        do
        {
            sequence = tree.committedSequence();
            // volatile store then volatile load: a compaction that read the committed sequence before this
            // store and scanned pins after it computes a horizon no higher than this sequence
            pinnedSequence = sequence;
        }
        while (sequence != tree.committedSequence());
        version = tree.pinCurrentVersion();
        bind(sequence);
        return sequence;
    }

    /**
     * Pin an older committed sequence, one not yet compacted away. Reads then see exactly the entries
     * committed at or below it. Allocates nothing.
     *
     * @param sequence a committed sequence, from {@link LsmTree#oldestReadableSequence()} to
     *                 {@link LsmTree#committedSequence()}.
     * @return the pinned sequence.
     * @throws IllegalArgumentException if the sequence is outside that range.
     * @throws IllegalStateException    if already pinned or closed.
     * @throws io.phantomdb.ClosedException if the tree is closed.
     */
    public long beginAt(final long sequence)
    {
        checkCanPin();
        final long committed = tree.committedSequence();
        if (sequence > committed)
        {
            throw new IllegalArgumentException("sequence=" + sequence + " is above committed=" + committed);
        }
        // volatile store then volatile load of the horizon: pairs with LsmTree.gcHorizon
        pinnedSequence = sequence;
        final long oldest = tree.oldestReadableSequence();
        if (sequence < oldest)
        {
            pinnedSequence = NOT_PINNED;
            throw new IllegalArgumentException("sequence=" + sequence + " is below oldestReadable=" + oldest);
        }
        version = tree.pinCurrentVersion();
        bind(sequence);
        return sequence;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void end()
    {
        if (null == version)
        {
            return;
        }
        cursor.reset(scanSources, 0);
        final Version pinned = version;
        version = null;
        pinnedSequence = NOT_PINNED;
        pinned.release();
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public DirectBuffer get(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        checkPinned();
        long hash = 0;
        boolean hashed = false;
        for (int i = 0; i < sourceCount; i++)
        {
            if (i >= memTableCount)
            {
                if (!hashed)
                {
                    hash = BloomFilter.hash(key, keyOffset, keyLength);
                    hashed = true;
                }
                if (!tables[i - memTableCount].mightContain(key, keyOffset, keyLength, hash))
                {
                    continue;
                }
            }
            final EntryCursor source = lookupSources[i];
            if (source.seekExact(key, keyOffset, keyLength))
            {
                if (SkipList.TOMBSTONE == source.valueLength())
                {
                    return null;
                }
                valueView.wrap(source.buffer(), source.valueOffset(), source.valueLength());
                return valueView;
            }
        }
        return null;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public ByteCursor cursor()
    {
        checkPinned();
        return cursor;
    }

    /**
     * @return the pinned sequence, or {@code Long.MAX_VALUE} when not pinned. Any thread.
     */
    long pinnedSequence()
    {
        return pinnedSequence;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void close()
    {
        if (!closed)
        {
            end();
            closed = true;
            tree.removeReader(this);
        }
    }

    private void checkCanPin()
    {
        if (closed)
        {
            throw new IllegalStateException("reader is closed");
        }
        if (null != version)
        {
            throw new IllegalStateException("already pinned at sequence " + pinnedSequence);
        }
        tree.checkOpen();
    }

    private void checkPinned()
    {
        if (null == version)
        {
            throw new IllegalStateException("no version pinned: call begin() first");
        }
    }

    private void bind(final long sequence)
    {
        final MemTable[] immutables = version.immutables();
        memTableCount = 1 + immutables.length;
        final int tableCount = version.tableCount();
        sourceCount = memTableCount + tableCount;
        ensureCapacity(tableCount);
        int i = 0;
        bindMemTable(i++, version.active(), sequence);
        for (final MemTable memTable : immutables)
        {
            bindMemTable(i++, memTable, sequence);
        }
        int t = 0;
        for (final SsTable[] level : version.levels())
        {
            for (final SsTable table : level)
            {
                tables[t] = table;
                tableScanCursors[t].reset(table, sequence);
                tableLookupCursors[t].reset(table, sequence);
                scanSources[i] = tableScanCursors[t];
                lookupSources[i] = tableLookupCursors[t];
                t++;
                i++;
            }
        }
        cursor.reset(scanSources, sourceCount);
    }

    private void bindMemTable(final int index, final MemTable memTable, final long sequence)
    {
        memScanCursors[index].reset(memTable, sequence);
        memLookupCursors[index].reset(memTable, sequence);
        scanSources[index] = memScanCursors[index];
        lookupSources[index] = memLookupCursors[index];
    }

    private void ensureCapacity(final int tableCount)
    {
        if (scanSources.length < sourceCount)
        {
            scanSources = new EntryCursor[sourceCount];
            lookupSources = new EntryCursor[sourceCount];
        }
        if (memScanCursors.length < memTableCount)
        {
            memScanCursors = new MemTableCursor[memTableCount];
            memLookupCursors = new MemTableCursor[memTableCount];
            for (int i = 0; i < memTableCount; i++)
            {
                memScanCursors[i] = new MemTableCursor();
                memLookupCursors[i] = new MemTableCursor();
            }
        }
        if (tables.length < tableCount)
        {
            tables = new SsTable[tableCount];
            tableScanCursors = new SsTableCursor[tableCount];
            tableLookupCursors = new SsTableCursor[tableCount];
            for (int i = 0; i < tableCount; i++)
            {
                tableScanCursors[i] = new SsTableCursor();
                tableLookupCursors[i] = new SsTableCursor();
            }
        }
    }
}
