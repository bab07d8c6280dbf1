package io.phantomdb.index.lsm;

import io.phantomdb.index.ByteComparator;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * An insert-only skip list of versioned entries laid out in one off-heap arena, ordered by key ascending,
 * then sequence descending, then most recently inserted first. Nodes are never moved or freed; the arena
 * is released as a whole.
 * <pre>
 * Node (8-byte aligned, offsets in bytes):
 *   0                   8                   16        20          24       28
 *   +-------------------+-------------------+---------+-----------+--------+--------------------+-----+-------+
 *   | sequence (long)   | key prefix (long) | key len | value len | height | next[height] (int) | key | value |
 *   +-------------------+-------------------+---------+-----------+--------+--------------------+-----+-------+
 *   key prefix: the first 8 key bytes as a big-endian long, zero padded, compared unsigned before the bytes.
 *   value len: -1 for a tombstone. next[i]: arena offset of the successor at level i, 0 for none.
 *   The head node sits at offset 0 with the maximum height, so offset 0 doubles as null.
 * </pre>
 * <b>Note:</b> one writer thread calls {@link #insert}; readers on any thread call the search methods.
 * The writer fills a node with plain stores and then links it bottom-up, each link a release store, so a
 * reader that loads a link with acquire semantics sees a complete node.
 */
final class SkipList
{
    static final int MAX_HEIGHT = 12;
    static final int NULL = 0;
    static final int HEAD = 0;
    static final int TOMBSTONE = -1;

    static final int SEQUENCE_OFFSET = 0;
    static final int PREFIX_OFFSET = 8;
    static final int KEY_LENGTH_OFFSET = 16;
    static final int VALUE_LENGTH_OFFSET = 20;
    static final int HEIGHT_OFFSET = 24;
    static final int NEXT_OFFSET = 28;

    private final UnsafeBuffer arena;
    private final int[] preds = new int[MAX_HEIGHT];
    private int tail;
    private long random = 0x9E3779B97F4A7C15L;

    SkipList(final UnsafeBuffer arena)
    {
        this.arena = arena;
        arena.putLong(HEAD + SEQUENCE_OFFSET, Long.MAX_VALUE);
        arena.putLong(HEAD + PREFIX_OFFSET, 0);
        arena.putInt(HEAD + KEY_LENGTH_OFFSET, 0);
        arena.putInt(HEAD + VALUE_LENGTH_OFFSET, 0);
        arena.putInt(HEAD + HEIGHT_OFFSET, MAX_HEIGHT);
        for (int i = 0; i < MAX_HEIGHT; i++)
        {
            arena.putInt(HEAD + NEXT_OFFSET + i * Integer.BYTES, NULL);
        }
        tail = align(NEXT_OFFSET + MAX_HEIGHT * Integer.BYTES);
    }

    /**
     * @param keyLength   key length.
     * @param valueLength value length or {@link #TOMBSTONE}.
     * @return the largest arena bytes a node of these lengths may take.
     */
    static int maxNodeBytes(final int keyLength, final int valueLength)
    {
        return align(NEXT_OFFSET + MAX_HEIGHT * Integer.BYTES + keyLength + Math.max(0, valueLength));
    }

    /**
     * The first 8 bytes of a key as an unsigned-comparable long.
     *
     * @param key    buffer holding the key.
     * @param offset offset of the key.
     * @param length length of the key.
     * @return the big-endian prefix, zero padded.
     */
    static long prefix(final DirectBuffer key, final int offset, final int length)
    {
        if (length >= Long.BYTES)
        {
            return key.getLong(offset, ByteOrder.BIG_ENDIAN);
        }
        long prefix = 0;
        for (int i = 0; i < Long.BYTES; i++)
        {
            prefix = (prefix << 8) | (i < length ? key.getByte(offset + i) & 0xFFL : 0);
        }
        return prefix;
    }

    UnsafeBuffer arena()
    {
        return arena;
    }

    /**
     * Insert an entry. Writer thread only.
     *
     * @return false, having changed nothing, if the arena has no room for the node.
     */
    boolean insert(
        final long sequence,
        final DirectBuffer key,
        final int keyOffset,
        final int keyLength,
        final long prefix,
        final DirectBuffer value,
        final int valueOffset,
        final int valueLength)
    {
        final int height = randomHeight();
        final int keyStart = NEXT_OFFSET + height * Integer.BYTES;
        final int size = align(keyStart + keyLength + Math.max(0, valueLength));
        final int node = tail;
        if (size > arena.capacity() - node)
        {
            return false;
        }

        int x = HEAD;
        for (int level = MAX_HEIGHT - 1; level >= 0; level--)
        {
            int next = arena.getInt(x + NEXT_OFFSET + level * Integer.BYTES);
            while (NULL != next && compare(next, key, keyOffset, keyLength, prefix, sequence) < 0)
            {
                x = next;
                next = arena.getInt(x + NEXT_OFFSET + level * Integer.BYTES);
            }
            preds[level] = x;
        }

        arena.putLong(node + SEQUENCE_OFFSET, sequence);
        arena.putLong(node + PREFIX_OFFSET, prefix);
        arena.putInt(node + KEY_LENGTH_OFFSET, keyLength);
        arena.putInt(node + VALUE_LENGTH_OFFSET, valueLength);
        arena.putInt(node + HEIGHT_OFFSET, height);
        arena.putBytes(node + keyStart, key, keyOffset, keyLength);
        if (valueLength > 0)
        {
            arena.putBytes(node + keyStart + keyLength, value, valueOffset, valueLength);
        }
        tail = node + size;

        for (int level = 0; level < height; level++)
        {
            final int predLink = preds[level] + NEXT_OFFSET + level * Integer.BYTES;
            arena.putInt(node + NEXT_OFFSET + level * Integer.BYTES, arena.getInt(predLink));
            // release: the node's fields and its own links above are visible before the node is reachable
            arena.putIntRelease(predLink, node);
        }
        return true;
    }

    /**
     * Find the first node not ordered before (key, sequence): the newest version of the key with a sequence
     * at or below the given one, or else the first node of a larger key. With {@code Long.MAX_VALUE} it is
     * the first node whose key is greater than or equal to the given key.
     *
     * @return the node, or {@link #NULL}.
     */
    int findGreaterOrEqual(
        final DirectBuffer key, final int keyOffset, final int keyLength, final long prefix, final long sequence)
    {
        int x = HEAD;
        int next = NULL;
        for (int level = MAX_HEIGHT - 1; level >= 0; level--)
        {
            next = nextAcquire(x, level);
            while (NULL != next && compare(next, key, keyOffset, keyLength, prefix, sequence) < 0)
            {
                x = next;
                next = nextAcquire(x, level);
            }
        }
        return next;
    }

    /**
     * @return the last node whose key is smaller than the given key, or {@link #HEAD} if none.
     */
    int findLessThan(final DirectBuffer key, final int keyOffset, final int keyLength, final long prefix)
    {
        int x = HEAD;
        for (int level = MAX_HEIGHT - 1; level >= 0; level--)
        {
            int next = nextAcquire(x, level);
            while (NULL != next && compareKey(next, key, keyOffset, keyLength, prefix) < 0)
            {
                x = next;
                next = nextAcquire(x, level);
            }
        }
        return x;
    }

    /**
     * @return the last node, or {@link #HEAD} if the list is empty.
     */
    int findLast()
    {
        int x = HEAD;
        for (int level = MAX_HEIGHT - 1; level >= 0; level--)
        {
            int next = nextAcquire(x, level);
            while (NULL != next)
            {
                x = next;
                next = nextAcquire(x, level);
            }
        }
        return x;
    }

    int nextAcquire(final int node, final int level)
    {
        // acquire: pairs with the release store in insert, so the node behind the link is complete
        return arena.getIntAcquire(node + NEXT_OFFSET + level * Integer.BYTES);
    }

    long sequence(final int node)
    {
        return arena.getLong(node + SEQUENCE_OFFSET);
    }

    long keyPrefix(final int node)
    {
        return arena.getLong(node + PREFIX_OFFSET);
    }

    int keyOffset(final int node)
    {
        return node + NEXT_OFFSET + arena.getInt(node + HEIGHT_OFFSET) * Integer.BYTES;
    }

    int keyLength(final int node)
    {
        return arena.getInt(node + KEY_LENGTH_OFFSET);
    }

    int valueOffset(final int node)
    {
        return keyOffset(node) + keyLength(node);
    }

    /**
     * @return the value length, or {@link #TOMBSTONE}.
     */
    int valueLength(final int node)
    {
        return arena.getInt(node + VALUE_LENGTH_OFFSET);
    }

    /**
     * @return true if both nodes hold the same key.
     */
    boolean sameKey(final int a, final int b)
    {
        return arena.getLong(a + PREFIX_OFFSET) == arena.getLong(b + PREFIX_OFFSET) &&
            0 == compareKey(a, arena, keyOffset(b), keyLength(b), keyPrefix(b));
    }

    int compareKey(final int node, final DirectBuffer key, final int keyOffset, final int keyLength, final long prefix)
    {
        final long nodePrefix = arena.getLong(node + PREFIX_OFFSET);
        if (nodePrefix != prefix)
        {
            return Long.compareUnsigned(nodePrefix, prefix);
        }
        final int nodeKeyLength = arena.getInt(node + KEY_LENGTH_OFFSET);
        if (nodeKeyLength <= Long.BYTES && keyLength <= Long.BYTES)
        {
            return Integer.compare(nodeKeyLength, keyLength);
        }
        return ByteComparator.compare(arena, keyOffset(node), nodeKeyLength, key, keyOffset, keyLength);
    }

    private int compare(
        final int node,
        final DirectBuffer key,
        final int keyOffset,
        final int keyLength,
        final long prefix,
        final long sequence)
    {
        final int result = compareKey(node, key, keyOffset, keyLength, prefix);
        if (0 != result)
        {
            return result;
        }
        return Long.compare(sequence, arena.getLong(node + SEQUENCE_OFFSET));
    }

    private int randomHeight()
    {
        long x = random;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        random = x;
        // p = 1/4 per level: two random bits per extra level
        final int height = 1 + Long.numberOfTrailingZeros(x | (1L << 62)) / 2;
        return Math.min(height, MAX_HEIGHT);
    }

    private static int align(final int size)
    {
        return (size + 7) & ~7;
    }
}
