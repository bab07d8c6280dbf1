package io.phantomdb.index.btree;

import io.phantomdb.CorruptionException;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

import static io.phantomdb.index.btree.BTreeMetaDescriptor.*;
import static io.phantomdb.index.btree.BTreePageDescriptor.*;

/**
 * Opening a file: choose the meta page, then check the CRC and structure of every page reachable from its
 * root (branches, leaves, overflow runs) and of its free list, loading the free page ids.
 * <p>
 * <b>Note:</b> used once by the opening thread, before the tree is shared.
 */
final class FileVerifier
{
    private final PageStore store;
    private final Path file;
    private final int pageSize;
    private final PageChecksum checksum = new PageChecksum();
    private final NodeFlyweight node;
    private long pageCount;
    private long[] used;

    long version;
    long root;
    int slot;
    long freeListHead;
    long freeCount;

    FileVerifier(final PageStore store)
    {
        this.store = store;
        this.file = store.file();
        this.pageSize = store.pageSize();
        this.node = new NodeFlyweight(file, pageSize);
    }

    /**
     * Read both meta pages and choose the valid one with the higher version.
     *
     * @throws CorruptionException if a written meta page fails its checks or none is valid.
     * @throws IllegalArgumentException if the file was made with another page or segment size.
     */
    void readMeta()
    {
        if (store.mappedPages() < FIRST_DATA_PAGE + 1)
        {
            throw new CorruptionException(file, 0, "expected at least " + (FIRST_DATA_PAGE + 1) +
                " pages actual " + store.mappedPages());
        }
        slot = -1;
        for (int s = 0; s < 2; s++)
        {
            final UnsafeBuffer buffer = store.segment(0);
            final int base = s * pageSize;
            if (isZero(buffer, base))
            {
                continue;
            }
            final int expected = buffer.getInt(base + BTreeMetaDescriptor.CRC_OFFSET);
            final int actual = checksum.compute(store.byteBuffer(0), base, META_LENGTH);
            if (expected != actual)
            {
                throw new CorruptionException(file, base, "meta page " + s + ": expected (stored) CRC32C 0x" +
                    Integer.toHexString(expected) + " actual (computed) 0x" + Integer.toHexString(actual));
            }
            final int magic = buffer.getInt(base + MAGIC_OFFSET);
            final int format = buffer.getInt(base + BTreeMetaDescriptor.FORMAT_VERSION_OFFSET);
            if (MAGIC != magic || FORMAT_VERSION != format)
            {
                throw new CorruptionException(file, base + MAGIC_OFFSET, "meta page " + s + ": expected magic 0x" +
                    Integer.toHexString(MAGIC) + " format " + FORMAT_VERSION + " actual 0x" +
                    Integer.toHexString(magic) + " format " + format);
            }
            final int filePageSize = buffer.getInt(base + PAGE_SIZE_OFFSET);
            final int fileSegmentSize = buffer.getInt(base + SEGMENT_SIZE_OFFSET);
            if (filePageSize != pageSize || fileSegmentSize != store.segmentSize())
            {
                throw new IllegalArgumentException(file + " has pageSize=" + filePageSize + " segmentSize=" +
                    fileSegmentSize + " but the config has pageSize=" + pageSize + " segmentSize=" + store.segmentSize());
            }
            final long metaVersion = buffer.getLong(base + BTreeMetaDescriptor.VERSION_OFFSET);
            if (slot < 0 || metaVersion > version)
            {
                slot = s;
                version = metaVersion;
                root = buffer.getLong(base + ROOT_OFFSET);
                pageCount = buffer.getLong(base + PAGE_COUNT_OFFSET);
                freeListHead = buffer.getLong(base + FREE_LIST_OFFSET);
                freeCount = buffer.getLong(base + FREE_COUNT_OFFSET);
            }
        }
        if (slot < 0)
        {
            throw new CorruptionException(file, 0, "expected a written meta page actual both meta pages empty");
        }
        final long metaOffset = (long)slot * pageSize;
        if (pageCount < FIRST_DATA_PAGE + 1 || pageCount > store.mappedPages())
        {
            throw new CorruptionException(file, metaOffset + PAGE_COUNT_OFFSET, "expected page count in [" +
                (FIRST_DATA_PAGE + 1) + ", " + store.mappedPages() + "] actual " + pageCount);
        }
        if (root < FIRST_DATA_PAGE || root >= pageCount)
        {
            throw new CorruptionException(file, metaOffset + ROOT_OFFSET, "expected root in [" +
                FIRST_DATA_PAGE + ", " + pageCount + ") actual " + root);
        }
        store.pageCount(pageCount);
    }

    private static boolean isZero(final UnsafeBuffer buffer, final int base)
    {
        for (int i = 0; i < META_LENGTH; i += 8)
        {
            if (0 != buffer.getLong(base + i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Check the free list and hand its ids and its own pages to the caller; call after {@link #verifyTree()}
     * so a free id that is also a tree page is caught.
     */
    void loadFreeList(final LongStack freeIds, final LongStack listPages)
    {
        final int capacity = freeListCapacity(pageSize);
        long pageId = freeListHead;
        long remaining = freeCount;
        while (0 != pageId)
        {
            checkId(pageId, "free-list page");
            claim(pageId, "free-list page");
            verifyChecksum(pageId, pageSize);
            final UnsafeBuffer segment = store.segment(pageId);
            final int base = store.offset(pageId);
            checkType(pageId, segment.getByte(base + TYPE_OFFSET), TYPE_FREE_LIST);
            final int entries = segment.getShort(base + COUNT_OFFSET) & 0xFFFF;
            if (entries > capacity || entries > remaining)
            {
                throw new CorruptionException(file, store.fileOffset(pageId) + COUNT_OFFSET, "free-list page " +
                    pageId + ": expected at most " + Math.min(capacity, remaining) + " entries actual " + entries);
            }
            for (int i = 0; i < entries; i++)
            {
                final long free = segment.getLong(base + FREE_LIST_ENTRIES_OFFSET + i * 8);
                checkId(free, "free page id");
                claim(free, "free page");
                freeIds.push(free);
            }
            remaining -= entries;
            listPages.push(pageId);
            pageId = segment.getLong(base + FREE_LIST_NEXT_OFFSET);
        }
        if (0 != remaining)
        {
            throw new CorruptionException(file, (long)slot * pageSize + FREE_COUNT_OFFSET,
                "expected " + freeCount + " free page ids actual " + (freeCount - remaining));
        }
    }

    /**
     * Check every page reachable from the root.
     */
    void verifyTree()
    {
        verify(root, 0);
    }

    private void verify(final long pageId, final int depth)
    {
        checkId(pageId, "tree page");
        claim(pageId, "tree page");
        if (depth > BTreeReader.MAX_DEPTH)
        {
            throw new CorruptionException(file, store.fileOffset(pageId), "expected a tree at most " +
                BTreeReader.MAX_DEPTH + " levels deep actual deeper at page " + pageId);
        }
        verifyChecksum(pageId, pageSize);
        node.wrap(store.segment(pageId), store.offset(pageId), pageId);
        node.checkHeader();
        final long storedId = node.buffer().getLong(node.base() + PAGE_ID_OFFSET);
        if (storedId != pageId)
        {
            throw node.corrupt(PAGE_ID_OFFSET, "expected page id " + pageId + " actual " + storedId);
        }
        final int count = node.count();
        if (node.isLeaf())
        {
            for (int i = 0; i < count; i++)
            {
                node.wrap(store.segment(pageId), store.offset(pageId), pageId);
                node.checkPrefix(i, LEAF_CELL_HEADER_LENGTH);
                final int cell = node.cell(i);
                final int keyLength = node.keyLength(cell);
                final int valueField = node.valueField(cell);
                final int valueOffset = node.valueOffset(cell, keyLength, valueField);
                if (NodeFlyweight.isOverflow(valueField))
                {
                    final long run = node.buffer().getLong(valueOffset);
                    final int length = NodeFlyweight.valueLength(valueField);
                    OverflowRun.wrapValue(new UnsafeBuffer(0, 0), store.segments(), store.segmentShift(),
                        store.segmentMask(), store.pageShift(), pageCount, file, run, length);
                    verifyChecksum(run, HEADER_LENGTH + length);
                    for (int p = 0, pages = OverflowRun.pages(length, pageSize); p < pages; p++)
                    {
                        claim(run + p, "overflow page");
                    }
                }
            }
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                node.wrap(store.segment(pageId), store.offset(pageId), pageId);
                node.checkPrefix(i, BRANCH_CELL_HEADER_LENGTH);
                verify(node.child(i), depth + 1);
            }
        }
    }

    /**
     * Record that a page is in use (tree, overflow, free list or free): a page claimed twice means the
     * file would hand out a live page for reuse.
     */
    private void claim(final long pageId, final String what)
    {
        if (null == used)
        {
            used = new long[(int)((pageCount + 63) >>> 6)];
        }
        final int word = (int)(pageId >>> 6);
        final long bit = 1L << (pageId & 63);
        if (0 != (used[word] & bit))
        {
            throw new CorruptionException(file, store.fileOffset(pageId), "expected page " + pageId +
                " used once actual also used as " + what);
        }
        used[word] |= bit;
    }

    private void checkId(final long pageId, final String what)
    {
        if (pageId < FIRST_DATA_PAGE || pageId >= pageCount)
        {
            throw new CorruptionException(file, (long)slot * pageSize, "expected " + what + " id in [" +
                FIRST_DATA_PAGE + ", " + pageCount + ") actual " + pageId);
        }
    }

    private void checkType(final long pageId, final int actual, final int expected)
    {
        if (actual != expected)
        {
            throw new CorruptionException(file, store.fileOffset(pageId) + TYPE_OFFSET, "page " + pageId +
                ": expected type " + typeName(expected) + " actual " + typeName(actual));
        }
    }

    private void verifyChecksum(final long pageId, final int length)
    {
        final int base = store.offset(pageId);
        final int expected = store.segment(pageId).getInt(base + BTreePageDescriptor.CRC_OFFSET);
        final int actual = checksum.compute(store.byteBuffer(pageId), base, length);
        if (expected != actual)
        {
            throw new CorruptionException(file, store.fileOffset(pageId), "page " + pageId + ": expected (stored) CRC32C 0x" +
                Integer.toHexString(expected) + " actual (computed) 0x" + Integer.toHexString(actual));
        }
    }
}
