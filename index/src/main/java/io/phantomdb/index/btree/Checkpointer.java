package io.phantomdb.index.btree;

import org.agrona.concurrent.UnsafeBuffer;

import static io.phantomdb.index.btree.BTreePageDescriptor.*;

/**
 * Makes a committed version durable in a file: stamps the CRC of every page written since the previous
 * checkpoint, writes the free list into free-list pages, forces the segments, then writes and forces the
 * meta page not holding the current durable meta.
 * <p>
 * Ordering: the data pages and the free list reach the disk before the meta that references them, so a
 * crash at any point leaves the previous meta and everything it references intact (pages it references
 * are never reused before a newer meta is durable, see {@link PageReclaimer}).
 * <p>
 * <b>Note:</b> writer thread only.
 */
final class Checkpointer
{
    private final PageStore store;
    private final PageReclaimer reclaimer;
    private final NodeFlyweight node;
    private final PageChecksum checksum = new PageChecksum();
    private LongStack listPages = new LongStack();
    private LongStack previousListPages = new LongStack();
    private long durableVersion;
    private int durableSlot;

    Checkpointer(final PageStore store, final PageReclaimer reclaimer, final long durableVersion, final int durableSlot)
    {
        this.store = store;
        this.reclaimer = reclaimer;
        this.node = new NodeFlyweight(store.file(), store.pageSize());
        this.durableVersion = durableVersion;
        this.durableSlot = durableSlot;
        reclaimer.durable(durableVersion);
    }

    /**
     * Remember the free-list pages of the durable meta: they become free after the next checkpoint.
     */
    LongStack previousListPages()
    {
        return previousListPages;
    }

    /**
     * Make {@code state} durable.
     */
    void checkpoint(final CommittedState state)
    {
        if (state.version == durableVersion)
        {
            return;
        }
        stamp(state.root);
        final long freeCount = writeFreeList(state.version);
        store.force();
        final int slot = 1 - durableSlot;
        writeMeta(store, checksum, slot, state.version, state.root, store.pageCount(),
            listPages.isEmpty() ? 0 : listPages.get(0), freeCount);
        store.forceMeta();
        for (int i = 0; i < previousListPages.size(); i++)
        {
            reclaimer.enqueue(previousListPages.get(i), state.version);
        }
        final LongStack swap = previousListPages;
        previousListPages = listPages;
        listPages = swap;
        listPages.clear();
        durableSlot = slot;
        durableVersion = state.version;
        reclaimer.durable(state.version);
    }

    private void stampPage(final long pageId, final int length)
    {
        final UnsafeBuffer segment = store.segment(pageId);
        final int base = store.offset(pageId);
        segment.putInt(base + CRC_OFFSET, checksum.compute(store.byteBuffer(pageId), base, length));
    }

    /**
     * Stamp pages written after the durable version. A page not rewritten since has a subtree not
     * rewritten either (copy-on-write copies every ancestor of a changed page), so it is not entered.
     */
    private void stamp(final long pageId)
    {
        node.wrap(store.segment(pageId), store.offset(pageId), pageId);
        if (node.version() <= durableVersion)
        {
            return;
        }
        final int count = node.count();
        if (node.isLeaf())
        {
            for (int i = 0; i < count; i++)
            {
                final int cell = node.cell(i);
                final int keyLength = node.keyLength(cell);
                final int valueField = node.valueField(cell);
                if (NodeFlyweight.isOverflow(valueField))
                {
                    final long run = node.buffer().getLong(node.valueOffset(cell, keyLength, valueField));
                    final long runVersion = store.segment(run).getLong(store.offset(run) + VERSION_OFFSET);
                    if (runVersion > durableVersion)
                    {
                        stampPage(run, HEADER_LENGTH + NodeFlyweight.valueLength(valueField));
                    }
                }
            }
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                stamp(node.child(i));
                node.wrap(store.segment(pageId), store.offset(pageId), pageId);
            }
        }
        stampPage(pageId, store.pageSize());
    }

    /**
     * Write every free page id (reusable, queued, and the previous list's own pages) into free-list pages
     * taken from the reusable pages (never referenced by the durable meta) or the high-water mark. Pages
     * taken by an earlier attempt that failed before its meta was written go back to the reusable pages.
     *
     * @return how many ids the list holds.
     */
    private long writeFreeList(final long version)
    {
        final LongStack reusable = reclaimer.reusable();
        final int capacity = freeListCapacity(store.pageSize());
        while (!listPages.isEmpty())
        {
            reusable.push(listPages.pop());
        }
        while ((long)listPages.size() * capacity < (long)reusable.size() + reclaimer.queuedCount() + previousListPages.size())
        {
            listPages.push(reusable.isEmpty() ? store.extend(1, reusable) : reusable.pop());
        }
        final long total = (long)reusable.size() + reclaimer.queuedCount() + previousListPages.size();
        long written = 0;
        for (int p = 0; p < listPages.size(); p++)
        {
            final long pageId = listPages.get(p);
            final UnsafeBuffer segment = store.segment(pageId);
            final int base = store.offset(pageId);
            node.wrap(segment, base, pageId).init(TYPE_FREE_LIST, version);
            final int entries = (int)Math.min(capacity, total - written);
            segment.putShort(base + COUNT_OFFSET, (short)entries);
            segment.putLong(base + FREE_LIST_NEXT_OFFSET, p + 1 < listPages.size() ? listPages.get(p + 1) : 0);
            for (int i = 0; i < entries; i++)
            {
                segment.putLong(base + FREE_LIST_ENTRIES_OFFSET + i * 8, freeId(written++, reusable));
            }
            stampPage(pageId, store.pageSize());
        }
        return total;
    }

    private long freeId(final long index, final LongStack reusable)
    {
        if (index < reusable.size())
        {
            return reusable.get((int)index);
        }
        final long queued = index - reusable.size();
        if (queued < reclaimer.queuedCount())
        {
            return reclaimer.queuedPage((int)queued);
        }
        return previousListPages.get((int)(queued - reclaimer.queuedCount()));
    }

    static void writeMeta(
        final PageStore store,
        final PageChecksum checksum,
        final int slot,
        final long version,
        final long root,
        final long pageCount,
        final long freeListHead,
        final long freeCount)
    {
        final UnsafeBuffer buffer = store.segment(0);
        final int base = slot * store.pageSize();
        buffer.setMemory(base, BTreeMetaDescriptor.META_LENGTH, (byte)0);
        buffer.putInt(base + BTreeMetaDescriptor.MAGIC_OFFSET, BTreeMetaDescriptor.MAGIC);
        buffer.putInt(base + BTreeMetaDescriptor.FORMAT_VERSION_OFFSET, FORMAT_VERSION);
        buffer.putInt(base + BTreeMetaDescriptor.PAGE_SIZE_OFFSET, store.pageSize());
        buffer.putInt(base + BTreeMetaDescriptor.SEGMENT_SIZE_OFFSET, store.segmentSize());
        buffer.putLong(base + BTreeMetaDescriptor.VERSION_OFFSET, version);
        buffer.putLong(base + BTreeMetaDescriptor.ROOT_OFFSET, root);
        buffer.putLong(base + BTreeMetaDescriptor.PAGE_COUNT_OFFSET, pageCount);
        buffer.putLong(base + BTreeMetaDescriptor.FREE_LIST_OFFSET, freeListHead);
        buffer.putLong(base + BTreeMetaDescriptor.FREE_COUNT_OFFSET, freeCount);
        buffer.putInt(base + BTreeMetaDescriptor.CRC_OFFSET,
            checksum.compute(store.byteBuffer(0), base, BTreeMetaDescriptor.META_LENGTH));
    }

    /**
     * Stamp the checksum of a page the caller just wrote outside a checkpoint (the first leaf of a new file).
     */
    void stampNewPage(final long pageId)
    {
        stampPage(pageId, store.pageSize());
    }
}
