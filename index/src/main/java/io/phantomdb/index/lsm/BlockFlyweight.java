package io.phantomdb.index.lsm;

import io.phantomdb.index.ByteComparator;
import org.agrona.DirectBuffer;

import static io.phantomdb.index.lsm.SsTableDescriptor.BLOCK_TRAILER_LENGTH;
import static io.phantomdb.index.lsm.SsTableDescriptor.CRC_LENGTH;
import static io.phantomdb.index.lsm.SsTableDescriptor.ENTRY_HEADER_LENGTH;
import static io.phantomdb.index.lsm.SsTableDescriptor.ENTRY_KEY_LENGTH_OFFSET;
import static io.phantomdb.index.lsm.SsTableDescriptor.ENTRY_SEQUENCE_OFFSET;
import static io.phantomdb.index.lsm.SsTableDescriptor.ENTRY_VALUE_LENGTH_OFFSET;
import static io.phantomdb.index.lsm.SsTableDescriptor.ORDER;

/**
 * A view over one verified data block of a mapped SSTable (layout in {@link SsTableDescriptor}): entries by
 * index, binary search by key. Entry positions returned are absolute offsets in the mapped file.
 * <p>
 * <b>Note:</b> not thread safe; each cursor owns one. Wrapping allocates nothing.
 */
final class BlockFlyweight
{
    private DirectBuffer buffer;
    private int start;
    private int count;
    private int offsetsStart;

    void wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.start = offset;
        this.count = buffer.getInt(offset + length - CRC_LENGTH - Integer.BYTES, ORDER);
        this.offsetsStart = offset + length - BLOCK_TRAILER_LENGTH - count * Integer.BYTES;
    }

    int count()
    {
        return count;
    }

    /**
     * @return the absolute offset of the entry with this index.
     */
    int entry(final int index)
    {
        return start + buffer.getInt(offsetsStart + index * Integer.BYTES, ORDER);
    }

    int keyLength(final int entry)
    {
        return buffer.getInt(entry + ENTRY_KEY_LENGTH_OFFSET, ORDER);
    }

    int valueLength(final int entry)
    {
        return buffer.getInt(entry + ENTRY_VALUE_LENGTH_OFFSET, ORDER);
    }

    long sequence(final int entry)
    {
        return buffer.getLong(entry + ENTRY_SEQUENCE_OFFSET, ORDER);
    }

    static int keyOffset(final int entry)
    {
        return entry + ENTRY_HEADER_LENGTH;
    }

    int valueOffset(final int entry)
    {
        return entry + ENTRY_HEADER_LENGTH + keyLength(entry);
    }

    /**
     * @return true if the entries with these indexes hold the same key.
     */
    boolean sameKey(final int indexA, final int indexB)
    {
        final int a = entry(indexA);
        final int b = entry(indexB);
        return 0 == ByteComparator.compare(buffer, keyOffset(a), keyLength(a), buffer, keyOffset(b), keyLength(b));
    }

    /**
     * @return the index of the first entry whose key is at or above the given one (above it if
     * {@code strictlyAbove}), or {@link #count()}.
     */
    int search(final DirectBuffer key, final int keyOffset, final int keyLength, final boolean strictlyAbove)
    {
        int low = 0;
        int high = count;
        while (low < high)
        {
            final int mid = (low + high) >>> 1;
            final int entry = entry(mid);
            final int cmp = ByteComparator.compare(buffer, keyOffset(entry), keyLength(entry), key, keyOffset, keyLength);
            if (cmp < 0 || (strictlyAbove && 0 == cmp))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }
}
