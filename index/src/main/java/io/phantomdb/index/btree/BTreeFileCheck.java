package io.phantomdb.index.btree;

import io.phantomdb.index.ByteComparator;
import io.phantomdb.index.check.CheckReport;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import java.util.zip.CRC32C;

import static io.phantomdb.index.btree.BTreeMetaDescriptor.*;
import static io.phantomdb.index.btree.BTreePageDescriptor.*;

/**
 * Read-only verifier of a B+tree file for the offline {@code check} tool. It opens the file for reading only
 * (no mapping, no lock, no write) and checks the durable checkpoint: both meta pages (CRC, magic, format), then
 * every page reachable from the chosen root (CRC32C, page id, type, counts, slot and cell bounds, slot key
 * prefixes, key order within a page, every key inside the bounds its parent's separators give, all leaves at one
 * depth), overflow runs (CRC over the run, type, length), the free list, and that every data page is claimed
 * exactly once by the tree, an overflow run or the free list (counted only when the walk found no other problem,
 * since an unreadable page hides the pages below it). Unlike opening the tree it keeps going after a
 * problem and reports each one with the file and byte offset.
 * <p>
 * <b>Note:</b> not thread safe; run on one thread while no process writes the file.
 */
public final class BTreeFileCheck
{
    /** A progress line is printed every this many pages. */
    public static final long PROGRESS_PAGES = 50_000;

    private final Path file;
    private final FileChannel channel;
    private final CheckReport report;
    private final CRC32C crc = new CRC32C();
    private int pageSize;
    private long pageCount;
    private BitSet claimed;
    private long leaves;
    private long branches;
    private long overflowPages;
    private long entries;
    private long visited;
    private int leafDepth = -1;
    private byte[] lastKey;
    private int lastKeyLength = -1;

    private BTreeFileCheck(final Path file, final FileChannel channel, final CheckReport report)
    {
        this.file = file;
        this.channel = channel;
        this.report = report;
    }

    /**
     * Check one B+tree file and print a summary line.
     *
     * @param file   the file, for example {@code data.btree}.
     * @param report receives the lines and problems.
     * @throws IOException if the file cannot be read.
     */
    public static void check(final Path file, final CheckReport report) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            new BTreeFileCheck(file, channel, report).run();
        }
    }

    private void run() throws IOException
    {
        final long size = channel.size();
        final ByteBuffer meta = read(0, META_LENGTH);
        if (null == meta)
        {
            report.problem(file, 0, "expected at least " + META_LENGTH + " bytes actual " + size);
            return;
        }
        pageSize = meta.getInt(PAGE_SIZE_OFFSET);
        if (pageSize < 4096 || pageSize > 65536 || Integer.bitCount(pageSize) != 1)
        {
            final ByteBuffer other = read(BTreeConfig.DEFAULT_PAGE_SIZE, META_LENGTH);
            pageSize = null == other ? 0 : other.getInt(PAGE_SIZE_OFFSET);
            if (pageSize < 4096 || pageSize > 65536 || Integer.bitCount(pageSize) != 1)
            {
                report.problem(file, PAGE_SIZE_OFFSET, "expected a page size (power of two in [4096, 65536]) in a " +
                    "meta page actual " + meta.getInt(PAGE_SIZE_OFFSET) + "; nothing else can be checked");
                return;
            }
        }
        long root = -1;
        long version = -1;
        long freeHead = 0;
        long freeCount = 0;
        for (int slot = 0; slot < 2; slot++)
        {
            final long base = (long)slot * pageSize;
            final ByteBuffer page = read(base, META_LENGTH);
            if (null == page || isZero(page))
            {
                continue;
            }
            final int expected = page.getInt(BTreeMetaDescriptor.CRC_OFFSET);
            final int actual = crc(page, META_LENGTH);
            if (expected != actual)
            {
                report.problem(file, base, "meta page " + slot + ": expected (stored) CRC32C 0x" +
                    Integer.toHexString(expected) + " actual (computed) 0x" + Integer.toHexString(actual));
                continue;
            }
            final int format = page.getInt(BTreeMetaDescriptor.FORMAT_VERSION_OFFSET);
            if (MAGIC != page.getInt(MAGIC_OFFSET) || FORMAT_VERSION != format)
            {
                report.problem(file, base + MAGIC_OFFSET, "meta page " + slot + ": expected magic 0x" +
                    Integer.toHexString(MAGIC) + " format " + FORMAT_VERSION + " actual 0x" +
                    Integer.toHexString(page.getInt(MAGIC_OFFSET)) + " format " +
                    page.getInt(BTreeMetaDescriptor.FORMAT_VERSION_OFFSET));
                continue;
            }
            final long metaVersion = page.getLong(BTreeMetaDescriptor.VERSION_OFFSET);
            if (metaVersion > version)
            {
                version = metaVersion;
                root = page.getLong(ROOT_OFFSET);
                pageCount = page.getLong(PAGE_COUNT_OFFSET);
                freeHead = page.getLong(FREE_LIST_OFFSET);
                freeCount = page.getLong(FREE_COUNT_OFFSET);
            }
        }
        if (version < 0)
        {
            report.problem(file, 0, "expected a valid meta page actual none; nothing else can be checked");
            return;
        }
        if (pageCount < FIRST_DATA_PAGE + 1 || pageCount * pageSize > size)
        {
            report.problem(file, PAGE_COUNT_OFFSET, "expected page count in [" + (FIRST_DATA_PAGE + 1) + ", " +
                size / pageSize + "] actual " + pageCount + "; nothing else can be checked");
            return;
        }
        report.info(file + ": page size " + pageSize + ", checkpoint version " + version + ", " + pageCount +
            " pages, root " + root);
        claimed = new BitSet((int)Math.min(Integer.MAX_VALUE, pageCount));
        lastKey = new byte[pageSize];
        final int problemsBefore = report.problems().size();
        visit(root, 0, null, 0, null, 0, "root");
        final long listed = checkFreeList(freeHead, freeCount);
        final long unclaimed = pageCount - FIRST_DATA_PAGE - claimed.cardinality();
        if (0 != unclaimed && report.problems().size() == problemsBefore)
        {
            report.problem(file, -1, "expected every data page in the tree, an overflow run or the free list actual " +
                unclaimed + " of " + (pageCount - FIRST_DATA_PAGE) + " pages in none (leaked)");
        }
        report.info(file + ": checked " + visited + " pages (" + branches + " branch, " + leaves + " leaf, " +
            overflowPages + " overflow), " + entries + " entries, height " + (leafDepth + 1) + ", " + listed +
            " free page ids");
    }

    private void visit(
        final long pageId,
        final int depth,
        final byte[] lower,
        final int lowerLength,
        final byte[] upper,
        final int upperLength,
        final String from)
    {
        if (pageId < FIRST_DATA_PAGE || pageId >= pageCount)
        {
            report.problem(file, -1, "expected a page id in [" + FIRST_DATA_PAGE + ", " + pageCount + ") actual " +
                pageId + " (referenced by " + from + ")");
            return;
        }
        final long offset = pageId * pageSize;
        if (depth > BTreeReader.MAX_DEPTH)
        {
            report.problem(file, offset, "expected a tree at most " + BTreeReader.MAX_DEPTH + " levels deep");
            return;
        }
        if (!claim(pageId, "tree page"))
        {
            return;
        }
        progress();
        final ByteBuffer page = readPage(pageId);
        if (null == page || !checkHeader(page, pageId))
        {
            return;
        }
        final int type = page.get(TYPE_OFFSET);
        final int count = page.getShort(COUNT_OFFSET) & 0xFFFF;
        final boolean leaf = TYPE_LEAF == type;
        final int cellHeader = leaf ? LEAF_CELL_HEADER_LENGTH : BRANCH_CELL_HEADER_LENGTH;
        if (leaf)
        {
            leaves++;
            if (leafDepth < 0)
            {
                leafDepth = depth;
            }
            else if (leafDepth != depth)
            {
                report.problem(file, offset, "page " + pageId + ": expected leaves at depth " + leafDepth +
                    " actual a leaf at depth " + depth);
            }
            if (depth > 0 && 0 == count)
            {
                report.problem(file, offset + COUNT_OFFSET, "page " + pageId + ": expected a non-root leaf " +
                    "with entries actual none");
            }
        }
        else
        {
            branches++;
            if (count < (0 == depth ? 2 : 1))
            {
                report.problem(file, offset + COUNT_OFFSET, "branch " + pageId + ": expected at least " +
                    (0 == depth ? 2 : 1) + " children actual " + count);
            }
        }
        final byte[] bytes = page.array();
        byte[] previous = null;
        int previousLength = 0;
        for (int i = 0; i < count; i++)
        {
            final int slot = HEADER_LENGTH + i * SLOT_LENGTH;
            final int cell = page.getShort(slot) & 0xFFFF;
            if (cell < HEADER_LENGTH + count * SLOT_LENGTH || cell + cellHeader > pageSize)
            {
                report.problem(file, offset + slot, "page " + pageId + " slot " + i + ": expected a cell offset in [" +
                    (HEADER_LENGTH + count * SLOT_LENGTH) + ", " + (pageSize - cellHeader) + "] actual " + cell);
                return;
            }
            final int keyLength = page.getShort(cell) & 0xFFFF;
            final int keyOffset = cell + cellHeader;
            if (keyOffset + keyLength > pageSize)
            {
                report.problem(file, offset + cell, "page " + pageId + " entry " + i +
                    ": expected the key within the page actual key length " + keyLength);
                return;
            }
            final int prefix = NodeFlyweight.prefix(new UnsafeBuffer(bytes), keyOffset, keyLength);
            final int storedPrefix = page.getInt(slot + SLOT_PREFIX_OFFSET);
            if (prefix != storedPrefix)
            {
                report.problem(file, offset + slot + SLOT_PREFIX_OFFSET, "page " + pageId + " slot " + i +
                    ": expected key prefix 0x" + Integer.toHexString(prefix) + " actual 0x" +
                    Integer.toHexString(storedPrefix));
            }
            if (leaf)
            {
                checkLeafEntry(page, pageId, i, cell, keyOffset, keyLength, lower, lowerLength, upper, upperLength);
                continue;
            }
            if (0 == i && 0 != keyLength)
            {
                report.problem(file, offset + cell, "branch " + pageId + ": expected entry 0 with an empty key " +
                    "actual key length " + keyLength);
            }
            if (i > 0)
            {
                if (null != previous && compare(previous, previousLength, bytes, keyOffset, keyLength) >= 0)
                {
                    report.problem(file, offset + cell, "branch " + pageId + " entry " + i +
                        ": expected a separator above the previous one");
                }
                if (outside(bytes, keyOffset, keyLength, lower, lowerLength, upper, upperLength))
                {
                    report.problem(file, offset + cell, "branch " + pageId + " entry " + i +
                        ": expected the separator within the bounds of the parent");
                }
                previous = Arrays.copyOfRange(bytes, keyOffset, keyOffset + keyLength);
                previousLength = keyLength;
            }
        }
        if (!leaf)
        {
            visitChildren(page, pageId, depth, count, lower, lowerLength, upper, upperLength);
        }
    }

    private void visitChildren(
        final ByteBuffer page,
        final long pageId,
        final int depth,
        final int count,
        final byte[] lower,
        final int lowerLength,
        final byte[] upper,
        final int upperLength)
    {
        final byte[] bytes = page.array();
        for (int i = 0; i < count; i++)
        {
            final int cell = page.getShort(HEADER_LENGTH + i * SLOT_LENGTH) & 0xFFFF;
            byte[] childLower = lower;
            int childLowerLength = lowerLength;
            if (i > 0)
            {
                childLowerLength = page.getShort(cell) & 0xFFFF;
                childLower = Arrays.copyOfRange(bytes, cell + BRANCH_CELL_HEADER_LENGTH,
                    cell + BRANCH_CELL_HEADER_LENGTH + childLowerLength);
            }
            byte[] childUpper = upper;
            int childUpperLength = upperLength;
            if (i + 1 < count)
            {
                final int next = page.getShort(HEADER_LENGTH + (i + 1) * SLOT_LENGTH) & 0xFFFF;
                childUpperLength = page.getShort(next) & 0xFFFF;
                childUpper = Arrays.copyOfRange(bytes, next + BRANCH_CELL_HEADER_LENGTH,
                    next + BRANCH_CELL_HEADER_LENGTH + childUpperLength);
            }
            visit(page.getLong(cell + 2), depth + 1, childLower, childLowerLength, childUpper, childUpperLength,
                "branch " + pageId + " entry " + i);
        }
    }

    private void checkLeafEntry(
        final ByteBuffer page,
        final long pageId,
        final int i,
        final int cell,
        final int keyOffset,
        final int keyLength,
        final byte[] lower,
        final int lowerLength,
        final byte[] upper,
        final int upperLength)
    {
        final long offset = pageId * pageSize;
        final byte[] bytes = page.array();
        entries++;
        if (lastKeyLength >= 0 && compare(lastKey, lastKeyLength, bytes, keyOffset, keyLength) >= 0)
        {
            report.problem(file, offset + cell, "leaf " + pageId + " entry " + i +
                ": expected a key above the previous key in tree order actual not above");
        }
        if (outside(bytes, keyOffset, keyLength, lower, lowerLength, upper, upperLength))
        {
            report.problem(file, offset + cell, "leaf " + pageId + " entry " + i +
                ": expected the key within the separators of its parent actual outside");
        }
        System.arraycopy(bytes, keyOffset, lastKey, 0, keyLength);
        lastKeyLength = keyLength;
        final int valueField = page.getInt(cell + 2);
        final int valueOffset = keyOffset + keyLength;
        final boolean overflow = NodeFlyweight.isOverflow(valueField);
        final int length = overflow ? OVERFLOW_POINTER_LENGTH : valueField;
        if (length < 0 || valueOffset + length > pageSize)
        {
            report.problem(file, offset + cell + 2, "leaf " + pageId + " entry " + i +
                ": expected the value within the page actual value field " + valueField);
            return;
        }
        if (overflow)
        {
            checkOverflow(page.getLong(valueOffset), NodeFlyweight.valueLength(valueField), pageId);
        }
    }

    private void checkOverflow(final long run, final int valueLength, final long leafId)
    {
        final int pages = OverflowRun.pages(valueLength, pageSize);
        if (run < FIRST_DATA_PAGE || run + pages > pageCount)
        {
            report.problem(file, leafId * pageSize, "leaf " + leafId + ": expected an overflow run within [" +
                FIRST_DATA_PAGE + ", " + pageCount + ") actual pages " + run + " + " + pages);
            return;
        }
        for (int p = 0; p < pages; p++)
        {
            claim(run + p, "overflow page");
        }
        overflowPages += pages;
        final ByteBuffer value = read(run * pageSize, HEADER_LENGTH + valueLength);
        if (null == value)
        {
            report.problem(file, run * pageSize, "overflow run " + run + ": expected " + valueLength +
                " value bytes actual end of file");
            return;
        }
        final int expected = value.getInt(BTreePageDescriptor.CRC_OFFSET);
        final int actual = crc(value, HEADER_LENGTH + valueLength);
        if (expected != actual)
        {
            report.problem(file, run * pageSize, "overflow run " + run + ": expected (stored) CRC32C 0x" +
                Integer.toHexString(expected) + " actual (computed) 0x" + Integer.toHexString(actual));
        }
        if (TYPE_OVERFLOW != value.get(TYPE_OFFSET) || value.getInt(DATA_START_OFFSET) != valueLength)
        {
            report.problem(file, run * pageSize + TYPE_OFFSET, "overflow run " + run + ": expected type " +
                typeName(TYPE_OVERFLOW) + " length " + valueLength + " actual " + typeName(value.get(TYPE_OFFSET)) +
                " length " + value.getInt(DATA_START_OFFSET));
        }
    }

    private long checkFreeList(final long head, final long expectedCount)
    {
        final int capacity = freeListCapacity(pageSize);
        long pageId = head;
        long listed = 0;
        while (0 != pageId)
        {
            if (pageId < FIRST_DATA_PAGE || pageId >= pageCount)
            {
                report.problem(file, -1, "expected a free-list page id in [" + FIRST_DATA_PAGE + ", " + pageCount +
                    ") actual " + pageId);
                return listed;
            }
            if (!claim(pageId, "free-list page"))
            {
                return listed;
            }
            final ByteBuffer page = readPage(pageId);
            if (null == page || !checkChecksum(page, pageId))
            {
                return listed;
            }
            final long offset = pageId * pageSize;
            if (TYPE_FREE_LIST != page.get(TYPE_OFFSET))
            {
                report.problem(file, offset + TYPE_OFFSET, "page " + pageId + ": expected type " +
                    typeName(TYPE_FREE_LIST) + " actual " + typeName(page.get(TYPE_OFFSET)));
                return listed;
            }
            final int count = page.getShort(COUNT_OFFSET) & 0xFFFF;
            if (count > capacity)
            {
                report.problem(file, offset + COUNT_OFFSET, "free-list page " + pageId + ": expected at most " +
                    capacity + " entries actual " + count);
                return listed;
            }
            for (int i = 0; i < count; i++)
            {
                final long free = page.getLong(FREE_LIST_ENTRIES_OFFSET + i * 8);
                if (free < FIRST_DATA_PAGE || free >= pageCount)
                {
                    report.problem(file, offset + FREE_LIST_ENTRIES_OFFSET + i * 8L, "expected a free page id in [" +
                        FIRST_DATA_PAGE + ", " + pageCount + ") actual " + free);
                    continue;
                }
                claim(free, "free page");
            }
            listed += count;
            pageId = page.getLong(FREE_LIST_NEXT_OFFSET);
        }
        if (listed != expectedCount)
        {
            report.problem(file, -1, "expected " + expectedCount + " free page ids (meta) actual " + listed +
                " in the free list");
        }
        return listed;
    }

    private boolean checkHeader(final ByteBuffer page, final long pageId)
    {
        if (!checkChecksum(page, pageId))
        {
            return false;
        }
        final long offset = pageId * pageSize;
        final int type = page.get(TYPE_OFFSET);
        if (TYPE_BRANCH != type && TYPE_LEAF != type)
        {
            report.problem(file, offset + TYPE_OFFSET, "page " + pageId + ": expected type branch or leaf actual " +
                typeName(type));
            return false;
        }
        final long storedId = page.getLong(PAGE_ID_OFFSET);
        if (storedId != pageId)
        {
            report.problem(file, offset + PAGE_ID_OFFSET, "page " + pageId + ": expected page id " + pageId +
                " actual " + storedId);
            return false;
        }
        final int count = page.getShort(COUNT_OFFSET) & 0xFFFF;
        final int dataStart = page.getInt(DATA_START_OFFSET);
        if (HEADER_LENGTH + count * SLOT_LENGTH > dataStart || dataStart > pageSize)
        {
            report.problem(file, offset + DATA_START_OFFSET, "page " + pageId + ": expected slots (" + count +
                ") to end before the data start within the page actual data start " + dataStart);
            return false;
        }
        return true;
    }

    private boolean checkChecksum(final ByteBuffer page, final long pageId)
    {
        final int expected = page.getInt(BTreePageDescriptor.CRC_OFFSET);
        final int actual = crc(page, pageSize);
        if (expected != actual)
        {
            report.problem(file, pageId * pageSize, "page " + pageId + ": expected (stored) CRC32C 0x" +
                Integer.toHexString(expected) + " actual (computed) 0x" + Integer.toHexString(actual));
            return false;
        }
        return true;
    }

    private boolean claim(final long pageId, final String what)
    {
        final int index = (int)pageId;
        if (claimed.get(index))
        {
            report.problem(file, pageId * pageSize, "expected page " + pageId + " used once actual also used as " +
                what);
            return false;
        }
        claimed.set(index);
        return true;
    }

    private void progress()
    {
        visited++;
        if (0 == visited % PROGRESS_PAGES)
        {
            report.info(file + ": " + visited + " of at most " + (pageCount - FIRST_DATA_PAGE) + " pages checked");
        }
    }

    private ByteBuffer readPage(final long pageId)
    {
        final ByteBuffer page = read(pageId * pageSize, pageSize);
        if (null == page)
        {
            report.problem(file, pageId * pageSize, "page " + pageId + ": expected " + pageSize +
                " bytes actual end of file");
        }
        return page;
    }

    /**
     * @return a little-endian heap buffer of exactly length bytes from position, or null at the end of the file.
     */
    private ByteBuffer read(final long position, final int length)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        try
        {
            while (buffer.hasRemaining())
            {
                if (channel.read(buffer, position + buffer.position()) < 0)
                {
                    return null;
                }
            }
        }
        catch (final IOException ex)
        {
            report.problem(file, position, "expected " + length + " readable bytes actual " + ex);
            return null;
        }
        return buffer.clear();
    }

    private int crc(final ByteBuffer buffer, final int length)
    {
        crc.reset();
        crc.update(buffer.array(), 4, length - 4);
        return (int)crc.getValue();
    }

    private static boolean isZero(final ByteBuffer page)
    {
        for (int i = 0; i < META_LENGTH; i += 8)
        {
            if (0 != page.getLong(i))
            {
                return false;
            }
        }
        return true;
    }

    private static boolean outside(
        final byte[] key,
        final int keyOffset,
        final int keyLength,
        final byte[] lower,
        final int lowerLength,
        final byte[] upper,
        final int upperLength)
    {
        return (null != lower && compare(key, keyOffset, keyLength, lower, lowerLength) < 0) ||
            (null != upper && compare(key, keyOffset, keyLength, upper, upperLength) >= 0);
    }

    private static int compare(final byte[] a, final int aLength, final byte[] b, final int bOffset, final int bLength)
    {
        return ByteComparator.compare(new UnsafeBuffer(a), 0, aLength, new UnsafeBuffer(b), bOffset, bLength);
    }

    private static int compare(final byte[] a, final int aOffset, final int aLength, final byte[] b, final int bLength)
    {
        return ByteComparator.compare(new UnsafeBuffer(a), aOffset, aLength, new UnsafeBuffer(b), 0, bLength);
    }
}
