package io.phantomdb.core.txn;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;

/**
 * What a {@link IsolationLevel#SERIALIZABLE} transaction read, for the writer to validate: inclusive ranges of
 * engine keys, a point read being the range [key, key]. Ranges are appended as read, duplicates allowed.
 * <pre>
 *   range layout (native order): 4 low length | low key | 4 high length | high key
 * </pre>
 * <b>Note:</b> not thread safe: owned by the transaction's thread; read by the writer thread while the
 * transaction waits for its commit.
 */
final class ReadSet
{
    private static final int RETAINED_BYTES = 1 << 20;
    private static final int INITIAL_BYTES = 1024;

    private ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(INITIAL_BYTES);
    private int length;
    private int[] offsets = new int[64];
    private int count;

    /**
     * Record a point read of an engine key.
     */
    void addPoint(final DirectBuffer key, final int offset, final int keyLength)
    {
        addRange(key, offset, keyLength, key, offset, keyLength);
    }

    /**
     * Record that every engine key in [low, high] was read.
     */
    void addRange(
        final DirectBuffer low, final int lowOffset, final int lowLength,
        final DirectBuffer high, final int highOffset, final int highLength)
    {
        if (count == offsets.length)
        {
            offsets = java.util.Arrays.copyOf(offsets, count * 2);
        }
        final int at = length;
        offsets[count++] = at;
        buffer.putInt(at, lowLength);
        buffer.putBytes(at + 4, low, lowOffset, lowLength);
        final int highAt = at + 4 + lowLength;
        buffer.putInt(highAt, highLength);
        buffer.putBytes(highAt + 4, high, highOffset, highLength);
        length = highAt + 4 + highLength;
    }

    int count()
    {
        return count;
    }

    DirectBuffer buffer()
    {
        return buffer;
    }

    int lowOffset(final int index)
    {
        return offsets[index] + 4;
    }

    int lowLength(final int index)
    {
        return buffer.getInt(offsets[index]);
    }

    int highOffset(final int index)
    {
        return lowOffset(index) + lowLength(index) + 4;
    }

    int highLength(final int index)
    {
        return buffer.getInt(lowOffset(index) + lowLength(index));
    }

    /**
     * Forget every range; a buffer that grew past 1 MiB is released.
     */
    void clear()
    {
        if (buffer.capacity() > RETAINED_BYTES)
        {
            buffer = new ExpandableDirectByteBuffer(INITIAL_BYTES);
        }
        length = 0;
        count = 0;
    }
}
