package io.phantomdb.index.btree;

import io.phantomdb.CorruptionException;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Path;

import static io.phantomdb.index.btree.BTreePageDescriptor.*;

/**
 * A view over one branch or leaf page, laid out as {@link BTreePageDescriptor} draws it: reads for any
 * thread holding a pinned version, and the in-place edits the writer makes to its dirty pages.
 * <p>
 * Structural checks run when a page is wrapped for reading and when a cell is read, behind
 * {@link #CHECKS}; a failure throws {@link CorruptionException} naming the file and byte offset.
 * <p>
 * <b>Note:</b> not thread safe: each reader and the writer own their flyweights.
 */
final class NodeFlyweight
{
    /** Cheap structural checks on every page read: type, counts and offsets in bounds. */
    static final boolean CHECKS = !Boolean.getBoolean("phantomdb.btree.disableChecks");

    private final Path file;
    private final int pageSize;
    private final int pageShift;
    private final UnsafeBuffer keyCopy = new UnsafeBuffer(new byte[64]);
    private UnsafeBuffer buffer;
    private int base;
    private long pageId;

    NodeFlyweight(final Path file, final int pageSize)
    {
        this.file = file;
        this.pageSize = pageSize;
        this.pageShift = Integer.numberOfTrailingZeros(pageSize);
    }

    /**
     * Wrap a page without checks (the writer's own pages, or before initialising one).
     */
    NodeFlyweight wrap(final UnsafeBuffer buffer, final int base, final long pageId)
    {
        this.buffer = buffer;
        this.base = base;
        this.pageId = pageId;
        return this;
    }

    /**
     * Wrap a page for reading and check its header.
     *
     * @param pageCount the page count of the version being read: ids must be below it.
     */
    NodeFlyweight wrapChecked(final UnsafeBuffer[] segments, final int segmentShift, final long segmentMask,
        final long pageId, final long pageCount)
    {
        if (pageId < FIRST_DATA_PAGE || pageId >= pageCount)
        {
            throw new CorruptionException(file, pageId << pageShift,
                "expected a page id in [" + FIRST_DATA_PAGE + ", " + pageCount + ") actual " + pageId);
        }
        this.buffer = segments[(int)(pageId >>> segmentShift)];
        this.base = (int)((pageId & segmentMask) << pageShift);
        this.pageId = pageId;
        if (CHECKS)
        {
            checkHeader();
        }
        return this;
    }

    void checkHeader()
    {
        final int type = type();
        if (TYPE_LEAF != type && TYPE_BRANCH != type)
        {
            throw corrupt(TYPE_OFFSET, "expected page type branch or leaf actual " + typeName(type));
        }
        final int count = count();
        final int dataStart = dataStart();
        if (HEADER_LENGTH + count * SLOT_LENGTH > dataStart || dataStart > pageSize)
        {
            throw corrupt(COUNT_OFFSET, "expected slots end <= data start <= " + pageSize + " actual count " +
                count + " data start " + dataStart);
        }
    }

    long pageId()
    {
        return pageId;
    }

    CorruptionException corrupt(final int field, final String detail)
    {
        return new CorruptionException(file, (pageId << pageShift) + field, "page " + pageId + ": " + detail);
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    int base()
    {
        return base;
    }

    int type()
    {
        return buffer.getByte(base + TYPE_OFFSET);
    }

    boolean isLeaf()
    {
        return TYPE_LEAF == type();
    }

    int count()
    {
        return buffer.getShort(base + COUNT_OFFSET) & 0xFFFF;
    }

    long version()
    {
        return buffer.getLong(base + VERSION_OFFSET);
    }

    int dataStart()
    {
        return buffer.getInt(base + DATA_START_OFFSET);
    }

    /**
     * @return absolute offset in {@link #buffer()} of cell {@code i}.
     */
    int cell(final int i)
    {
        final int cell = buffer.getShort(base + HEADER_LENGTH + i * SLOT_LENGTH) & 0xFFFF;
        if (CHECKS && (cell < HEADER_LENGTH || cell > pageSize - LEAF_CELL_HEADER_LENGTH))
        {
            throw corrupt(HEADER_LENGTH + i * SLOT_LENGTH, "expected cell offset in [" + HEADER_LENGTH + ", " +
                (pageSize - LEAF_CELL_HEADER_LENGTH) + "] actual " + cell);
        }
        return base + cell;
    }

    int keyLength(final int cell)
    {
        final int length = buffer.getShort(cell) & 0xFFFF;
        if (CHECKS && cell - base + length + (isLeaf() ? LEAF_CELL_HEADER_LENGTH : BRANCH_CELL_HEADER_LENGTH) > pageSize)
        {
            throw corrupt(cell - base, "expected key within the page actual key length " + length);
        }
        return length;
    }

    int leafKeyOffset(final int cell)
    {
        return cell + LEAF_CELL_HEADER_LENGTH;
    }

    int branchKeyOffset(final int cell)
    {
        return cell + BRANCH_CELL_HEADER_LENGTH;
    }

    int valueField(final int cell)
    {
        return buffer.getInt(cell + 2);
    }

    static boolean isOverflow(final int valueField)
    {
        return 0 != (valueField & OVERFLOW_FLAG);
    }

    static int valueLength(final int valueField)
    {
        return valueField & ~OVERFLOW_FLAG;
    }

    /**
     * @return absolute offset of the inline value or overflow pointer of a leaf cell; checked in bounds.
     */
    int valueOffset(final int cell, final int keyLength, final int valueField)
    {
        final int offset = cell + LEAF_CELL_HEADER_LENGTH + keyLength;
        if (CHECKS)
        {
            final int length = isOverflow(valueField) ? OVERFLOW_POINTER_LENGTH : valueField;
            if (length < 0 || offset - base + length > pageSize)
            {
                throw corrupt(cell - base + 2, "expected value within the page actual value field " + valueField);
            }
        }
        return offset;
    }

    long child(final int i)
    {
        return buffer.getLong(cell(i) + 2);
    }

    /**
     * Binary search of a leaf.
     *
     * @return the index of the key, or {@code -(insertion point) - 1} when absent.
     */
    int searchLeaf(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        if (key instanceof UnsafeBuffer)
        {
            return searchLeaf((UnsafeBuffer)key, keyOffset, keyLength);
        }
        return searchLeaf(copyKey(key, keyOffset, keyLength), 0, keyLength);
    }

    private int searchLeaf(final UnsafeBuffer key, final int keyOffset, final int keyLength)
    {
        final int prefix = prefix(key, keyOffset, keyLength);
        final UnsafeBuffer buffer = this.buffer;
        final int slots = base + HEADER_LENGTH + SLOT_PREFIX_OFFSET;
        int low = 0;
        int high = count() - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            int cmp = Integer.compareUnsigned(buffer.getInt(slots + mid * SLOT_LENGTH), prefix);
            if (0 == cmp)
            {
                final int cell = cell(mid);
                cmp = compare(cell + LEAF_CELL_HEADER_LENGTH, keyLength(cell), key, keyOffset, keyLength);
            }
            if (cmp < 0)
            {
                low = mid + 1;
            }
            else if (cmp > 0)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        return -(low + 1);
    }

    /**
     * Binary search of a branch.
     *
     * @return the index of the child whose range holds the key: the last entry whose key is less than or
     * equal to it, entry 0 standing for the lower bound.
     */
    int searchBranch(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        if (key instanceof UnsafeBuffer)
        {
            return searchBranch((UnsafeBuffer)key, keyOffset, keyLength);
        }
        return searchBranch(copyKey(key, keyOffset, keyLength), 0, keyLength);
    }

    private int searchBranch(final UnsafeBuffer key, final int keyOffset, final int keyLength)
    {
        final int prefix = prefix(key, keyOffset, keyLength);
        final UnsafeBuffer buffer = this.buffer;
        final int slots = base + HEADER_LENGTH + SLOT_PREFIX_OFFSET;
        int low = 1;
        int high = count() - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            int cmp = Integer.compareUnsigned(buffer.getInt(slots + mid * SLOT_LENGTH), prefix);
            if (0 == cmp)
            {
                final int cell = cell(mid);
                cmp = compare(cell + BRANCH_CELL_HEADER_LENGTH, keyLength(cell), key, keyOffset, keyLength);
            }
            if (cmp <= 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low - 1;
    }

    /**
     * @return the first four bytes of a key as a big-endian int, zero-padded: comparing two prefixes
     * unsigned orders the keys whenever the prefixes differ.
     */
    static int prefix(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        if (keyLength >= Integer.BYTES)
        {
            return key.getInt(keyOffset, ByteOrder.BIG_ENDIAN);
        }
        int prefix = 0;
        for (int i = 0; i < Integer.BYTES; i++)
        {
            prefix = (prefix << 8) | (i < keyLength ? key.getByte(keyOffset + i) & 0xFF : 0);
        }
        return prefix;
    }

    private static int prefix(final UnsafeBuffer key, final int keyOffset, final int keyLength)
    {
        if (keyLength >= Integer.BYTES)
        {
            return key.getInt(keyOffset, ByteOrder.BIG_ENDIAN);
        }
        int prefix = 0;
        for (int i = 0; i < Integer.BYTES; i++)
        {
            prefix = (prefix << 8) | (i < keyLength ? key.getByte(keyOffset + i) & 0xFF : 0);
        }
        return prefix;
    }

    /**
     * Check that the key prefix in slot {@code i} matches the key of its cell.
     *
     * @param keyOffsetInCell {@link BTreePageDescriptor#LEAF_CELL_HEADER_LENGTH} or
     *                        {@link BTreePageDescriptor#BRANCH_CELL_HEADER_LENGTH}.
     */
    void checkPrefix(final int i, final int keyOffsetInCell)
    {
        final int cell = cell(i);
        final int expected = prefix(buffer, cell + keyOffsetInCell, keyLength(cell));
        final int slot = HEADER_LENGTH + i * SLOT_LENGTH + SLOT_PREFIX_OFFSET;
        final int actual = buffer.getInt(base + slot);
        if (expected != actual)
        {
            throw corrupt(slot, "expected slot " + i + " key prefix 0x" + Integer.toHexString(expected) +
                " actual 0x" + Integer.toHexString(actual));
        }
    }

    /**
     * Copy a key held in another buffer type, so the comparison loop only ever calls {@link UnsafeBuffer}
     * (a final class: monomorphic, inlined) whatever buffers callers pass.
     */
    private UnsafeBuffer copyKey(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        if (keyCopy.capacity() < keyLength)
        {
            keyCopy.wrap(new byte[Math.max(keyLength, keyCopy.capacity() * 2)]);
        }
        keyCopy.putBytes(0, key, keyOffset, keyLength);
        return keyCopy;
    }

    private int compare(final int offset, final int length, final UnsafeBuffer key, final int keyOffset, final int keyLength)
    {
        final UnsafeBuffer page = buffer;
        final int min = Math.min(length, keyLength);
        int i = 0;
        for (; i + Long.BYTES <= min; i += Long.BYTES)
        {
            final long x = page.getLong(offset + i, ByteOrder.BIG_ENDIAN);
            final long y = key.getLong(keyOffset + i, ByteOrder.BIG_ENDIAN);
            if (x != y)
            {
                return Long.compareUnsigned(x, y);
            }
        }
        if (i + Integer.BYTES <= min)
        {
            final int x = page.getInt(offset + i, ByteOrder.BIG_ENDIAN);
            final int y = key.getInt(keyOffset + i, ByteOrder.BIG_ENDIAN);
            if (x != y)
            {
                return Integer.compareUnsigned(x, y);
            }
            i += Integer.BYTES;
        }
        for (; i < min; i++)
        {
            final int x = page.getByte(offset + i) & 0xFF;
            final int y = key.getByte(keyOffset + i) & 0xFF;
            if (x != y)
            {
                return x - y;
            }
        }
        return length - keyLength;
    }

    // ---------------------------------------------------------------- writer-only edits of dirty pages

    void init(final byte type, final long version)
    {
        buffer.setMemory(base, HEADER_LENGTH, (byte)0);
        buffer.putByte(base + TYPE_OFFSET, type);
        buffer.putByte(base + FORMAT_VERSION_OFFSET, FORMAT_VERSION);
        buffer.putLong(base + VERSION_OFFSET, version);
        buffer.putLong(base + PAGE_ID_OFFSET, pageId);
        buffer.putInt(base + DATA_START_OFFSET, pageSize);
    }

    void stampCopy(final long version)
    {
        buffer.putLong(base + VERSION_OFFSET, version);
        buffer.putLong(base + PAGE_ID_OFFSET, pageId);
    }

    private void count(final int count)
    {
        buffer.putShort(base + COUNT_OFFSET, (short)count);
    }

    private void dataStart(final int dataStart)
    {
        buffer.putInt(base + DATA_START_OFFSET, dataStart);
    }

    /**
     * @return bytes of cell {@code i} (without its slot).
     */
    int cellLength(final int i)
    {
        final int cell = cell(i);
        final int keyLength = buffer.getShort(cell) & 0xFFFF;
        if (isLeaf())
        {
            final int valueField = valueField(cell);
            return LEAF_CELL_HEADER_LENGTH + keyLength + (isOverflow(valueField) ? OVERFLOW_POINTER_LENGTH : valueField);
        }
        return BRANCH_CELL_HEADER_LENGTH + keyLength;
    }

    /**
     * @return bytes used by slots and live cells.
     */
    int usedBytes()
    {
        final int count = count();
        int used = count * SLOT_LENGTH;
        for (int i = 0; i < count; i++)
        {
            used += cellLength(i);
        }
        return used;
    }

    /**
     * Make room for a cell of {@code cellLength} bytes plus its slot, compacting if needed.
     *
     * @return false if the page cannot hold it even compacted.
     */
    boolean reserve(final int cellLength, final MutableDirectBuffer scratch)
    {
        final int slotsEnd = HEADER_LENGTH + (count() + 1) * SLOT_LENGTH;
        if (dataStart() - slotsEnd >= cellLength)
        {
            return true;
        }
        if (usable(pageSize) - usedBytes() - SLOT_LENGTH < cellLength)
        {
            return false;
        }
        compact(scratch);
        return true;
    }

    /**
     * Rewrite the cells contiguously at the end of the page, reclaiming the gaps of removed cells.
     */
    void compact(final MutableDirectBuffer scratch)
    {
        final int count = count();
        int end = pageSize;
        for (int i = 0; i < count; i++)
        {
            final int length = cellLength(i);
            end -= length;
            scratch.putBytes(end, buffer, cell(i), length);
            buffer.putShort(base + HEADER_LENGTH + i * SLOT_LENGTH, (short)end);
        }
        buffer.putBytes(base + end, scratch, end, pageSize - end);
        dataStart(end);
    }

    private int allocateCell(final int index, final int cellLength, final int prefix)
    {
        final int count = count();
        final int slot = base + HEADER_LENGTH + index * SLOT_LENGTH;
        if (index < count)
        {
            buffer.putBytes(slot + SLOT_LENGTH, buffer, slot, (count - index) * SLOT_LENGTH);
        }
        final int cell = dataStart() - cellLength;
        buffer.putShort(slot, (short)cell);
        buffer.putInt(slot + SLOT_PREFIX_OFFSET, prefix);
        dataStart(cell);
        count(count + 1);
        return base + cell;
    }

    void insertLeaf(final int index, final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength)
    {
        final int cell = allocateCell(
            index, LEAF_CELL_HEADER_LENGTH + keyLength + valueLength, prefix(key, keyOffset, keyLength));
        buffer.putShort(cell, (short)keyLength);
        buffer.putInt(cell + 2, valueLength);
        buffer.putBytes(cell + LEAF_CELL_HEADER_LENGTH, key, keyOffset, keyLength);
        buffer.putBytes(cell + LEAF_CELL_HEADER_LENGTH + keyLength, value, valueOffset, valueLength);
    }

    void insertLeafOverflow(final int index, final DirectBuffer key, final int keyOffset, final int keyLength,
        final int valueLength, final long overflowPage)
    {
        final int cell = allocateCell(
            index, LEAF_CELL_HEADER_LENGTH + keyLength + OVERFLOW_POINTER_LENGTH, prefix(key, keyOffset, keyLength));
        buffer.putShort(cell, (short)keyLength);
        buffer.putInt(cell + 2, valueLength | OVERFLOW_FLAG);
        buffer.putBytes(cell + LEAF_CELL_HEADER_LENGTH, key, keyOffset, keyLength);
        buffer.putLong(cell + LEAF_CELL_HEADER_LENGTH + keyLength, overflowPage);
    }

    void insertBranch(final int index, final DirectBuffer key, final int keyOffset, final int keyLength, final long child)
    {
        final int cell = allocateCell(index, BRANCH_CELL_HEADER_LENGTH + keyLength, prefix(key, keyOffset, keyLength));
        buffer.putShort(cell, (short)keyLength);
        buffer.putLong(cell + 2, child);
        buffer.putBytes(cell + BRANCH_CELL_HEADER_LENGTH, key, keyOffset, keyLength);
    }

    void setChild(final int index, final long child)
    {
        buffer.putLong(cell(index) + 2, child);
    }

    void remove(final int index)
    {
        final int count = count();
        final int slot = base + HEADER_LENGTH + index * SLOT_LENGTH;
        if (index < count - 1)
        {
            buffer.putBytes(slot, buffer, slot + SLOT_LENGTH, (count - 1 - index) * SLOT_LENGTH);
        }
        count(count - 1);
        if (1 == count)
        {
            dataStart(pageSize);
        }
    }

    /**
     * Keep only the first {@code count} entries; their cells are reclaimed by the next compaction.
     */
    void truncate(final int count)
    {
        count(count);
    }

    /**
     * Append a copy of cell {@code index} of {@code source}; the caller has reserved room.
     */
    void appendCell(final NodeFlyweight source, final int index)
    {
        insertCell(count(), source, index);
    }

    /**
     * Insert a copy of cell {@code index} of {@code source} at {@code at}; the caller has reserved room.
     */
    void insertCell(final int at, final NodeFlyweight source, final int index)
    {
        final int length = source.cellLength(index);
        final int prefix = source.buffer.getInt(source.base + HEADER_LENGTH + index * SLOT_LENGTH + SLOT_PREFIX_OFFSET);
        final int cell = allocateCell(at, length, prefix);
        buffer.putBytes(cell, source.buffer, source.cell(index), length);
    }

    /**
     * Replace entry 0 of a branch by one with an empty key and the same child (the page's lower bound).
     */
    void clearFirstBranchKey(final MutableDirectBuffer scratch)
    {
        final long child = child(0);
        remove(0);
        reserve(BRANCH_CELL_HEADER_LENGTH, scratch);
        insertBranch(0, buffer, 0, 0, child);
    }
}
