package io.phantomdb.index.hash;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * The XXH64 hash (xxHash, 64-bit variant, by Yann Collet) of a byte range, read as little-endian words
 * so the result is the published one on every platform. Allocates nothing.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
public final class XxHash64
{
    private static final long PRIME1 = 0x9E3779B185EBCA87L;
    private static final long PRIME2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME3 = 0x165667B19E3779F9L;
    private static final long PRIME4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME5 = 0x27D4EB2F165667C5L;
    private static final int STRIPE = 32;

    private XxHash64()
    {
    }

    /**
     * @param buffer buffer holding the bytes.
     * @param offset offset of the first byte.
     * @param length number of bytes.
     * @param seed   the seed.
     * @return the 64-bit hash.
     */
    public static long hash(final DirectBuffer buffer, final int offset, final int length, final long seed)
    {
        final int end = offset + length;
        int position = offset;
        long hash;
        if (length >= STRIPE)
        {
            long v1 = seed + PRIME1 + PRIME2;
            long v2 = seed + PRIME2;
            long v3 = seed;
            long v4 = seed - PRIME1;
            final int limit = end - STRIPE;
            do
            {
                v1 = round(v1, buffer.getLong(position, ByteOrder.LITTLE_ENDIAN));
                v2 = round(v2, buffer.getLong(position + 8, ByteOrder.LITTLE_ENDIAN));
                v3 = round(v3, buffer.getLong(position + 16, ByteOrder.LITTLE_ENDIAN));
                v4 = round(v4, buffer.getLong(position + 24, ByteOrder.LITTLE_ENDIAN));
                position += STRIPE;
            }
            while (position <= limit);
            hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            hash = mergeRound(hash, v1);
            hash = mergeRound(hash, v2);
            hash = mergeRound(hash, v3);
            hash = mergeRound(hash, v4);
        }
        else
        {
            hash = seed + PRIME5;
        }
        hash += length;
        for (; position + Long.BYTES <= end; position += Long.BYTES)
        {
            hash ^= round(0, buffer.getLong(position, ByteOrder.LITTLE_ENDIAN));
            hash = Long.rotateLeft(hash, 27) * PRIME1 + PRIME4;
        }
        if (position + Integer.BYTES <= end)
        {
            hash ^= (buffer.getInt(position, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL) * PRIME1;
            hash = Long.rotateLeft(hash, 23) * PRIME2 + PRIME3;
            position += Integer.BYTES;
        }
        for (; position < end; position++)
        {
            hash ^= (buffer.getByte(position) & 0xFFL) * PRIME5;
            hash = Long.rotateLeft(hash, 11) * PRIME1;
        }
        hash ^= hash >>> 33;
        hash *= PRIME2;
        hash ^= hash >>> 29;
        hash *= PRIME3;
        hash ^= hash >>> 32;
        return hash;
    }

    private static long round(final long accumulator, final long input)
    {
        return Long.rotateLeft(accumulator + input * PRIME2, 31) * PRIME1;
    }

    private static long mergeRound(final long hash, final long value)
    {
        return (hash ^ round(0, value)) * PRIME1 + PRIME4;
    }
}
