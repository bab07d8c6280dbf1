package io.phantomdb.index;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * The one key order of every PhantomDB index: unsigned lexicographic order of the key bytes, a shorter
 * key that is a prefix of a longer one sorting first (memcmp, then length).
 * <p>
 * Compares eight bytes at a time as big-endian longs, so the order is the byte order.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
public final class ByteComparator
{
    private ByteComparator()
    {
    }

    /**
     * Compare two byte ranges.
     *
     * @param a       buffer holding the first key.
     * @param aOffset offset of the first key in {@code a}.
     * @param aLength length of the first key.
     * @param b       buffer holding the second key.
     * @param bOffset offset of the second key in {@code b}.
     * @param bLength length of the second key.
     * @return negative, zero or positive as the first key sorts before, equal to or after the second.
     */
    public static int compare(
        final DirectBuffer a, final int aOffset, final int aLength,
        final DirectBuffer b, final int bOffset, final int bLength)
    {
        final int min = Math.min(aLength, bLength);
        int i = 0;
        for (; i + Long.BYTES <= min; i += Long.BYTES)
        {
            final long x = a.getLong(aOffset + i, ByteOrder.BIG_ENDIAN);
            final long y = b.getLong(bOffset + i, ByteOrder.BIG_ENDIAN);
            if (x != y)
            {
                return Long.compareUnsigned(x, y);
            }
        }
        for (; i < min; i++)
        {
            final int x = a.getByte(aOffset + i) & 0xFF;
            final int y = b.getByte(bOffset + i) & 0xFF;
            if (x != y)
            {
                return x - y;
            }
        }
        return Integer.compare(aLength, bLength);
    }

    /**
     * Compare a byte range with a whole array.
     *
     * @param a       buffer holding the first key.
     * @param aOffset offset of the first key in {@code a}.
     * @param aLength length of the first key.
     * @param b       the second key.
     * @return negative, zero or positive as the first key sorts before, equal to or after the second.
     */
    public static int compare(final DirectBuffer a, final int aOffset, final int aLength, final byte[] b)
    {
        final int min = Math.min(aLength, b.length);
        for (int i = 0; i < min; i++)
        {
            final int x = a.getByte(aOffset + i) & 0xFF;
            final int y = b[i] & 0xFF;
            if (x != y)
            {
                return x - y;
            }
        }
        return Integer.compare(aLength, b.length);
    }
}
