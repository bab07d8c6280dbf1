package io.phantomdb.index.lsm;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.LongArrayList;

import static io.phantomdb.index.lsm.SsTableDescriptor.BLOOM_HASH_COUNT_OFFSET;
import static io.phantomdb.index.lsm.SsTableDescriptor.BLOOM_WORDS_OFFSET;
import static io.phantomdb.index.lsm.SsTableDescriptor.BLOOM_WORD_COUNT_OFFSET;
import static io.phantomdb.index.lsm.SsTableDescriptor.ORDER;

/**
 * A bloom filter over the distinct keys of one SSTable: one 64-bit hash per key, {@code k} probes by double
 * hashing. Built once by {@link #write}; probed as a flyweight over the mapped file section.
 * <p>
 * <b>Note:</b> immutable once wrapped; {@link #mightContain} is safe from any thread.
 */
final class BloomFilter
{
    private static final long C1 = 0x87C37B91114253D5L;
    private static final long C2 = 0x4CF5AD432745937FL;

    private final DirectBuffer buffer;
    private final int wordsOffset;
    private final int hashCount;
    private final long bitCount;

    /**
     * Wrap a verified bloom section.
     *
     * @param buffer  the mapped file.
     * @param offset  start of the bloom section.
     */
    BloomFilter(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.hashCount = buffer.getInt(offset + BLOOM_HASH_COUNT_OFFSET, ORDER);
        this.bitCount = (long)buffer.getInt(offset + BLOOM_WORD_COUNT_OFFSET, ORDER) * Long.SIZE;
        this.wordsOffset = offset + BLOOM_WORDS_OFFSET;
    }

    /**
     * @param bitsPerKey bits per key.
     * @return the number of probes that minimises false positives for that density.
     */
    static int hashCount(final int bitsPerKey)
    {
        return Math.max(1, Math.min(30, (int)Math.round(bitsPerKey * Math.log(2))));
    }

    /**
     * @param keyCount   distinct keys.
     * @param bitsPerKey bits per key.
     * @return the length of the section {@link #write} produces, without the CRC.
     */
    static int sectionLength(final int keyCount, final int bitsPerKey)
    {
        return BLOOM_WORDS_OFFSET + wordCount(keyCount, bitsPerKey) * Long.BYTES;
    }

    /**
     * Write the section (without its CRC) for the given key hashes.
     *
     * @return bytes written.
     */
    static int write(
        final LongArrayList hashes, final int bitsPerKey, final MutableDirectBuffer out, final int offset)
    {
        final int words = wordCount(hashes.size(), bitsPerKey);
        final int hashCount = hashCount(bitsPerKey);
        final long bits = (long)words * Long.SIZE;
        out.putInt(offset + BLOOM_HASH_COUNT_OFFSET, hashCount, ORDER);
        out.putInt(offset + BLOOM_WORD_COUNT_OFFSET, words, ORDER);
        final int wordsStart = offset + BLOOM_WORDS_OFFSET;
        out.setMemory(wordsStart, words * Long.BYTES, (byte)0);
        for (int i = 0, n = hashes.size(); i < n; i++)
        {
            final long hash = hashes.getLong(i);
            long probe = hash;
            final long delta = Long.rotateRight(hash, 21) | 1;
            for (int k = 0; k < hashCount; k++)
            {
                final long bit = Long.remainderUnsigned(probe, bits);
                final int wordOffset = wordsStart + (int)(bit >>> 6) * Long.BYTES;
                out.putLong(wordOffset, out.getLong(wordOffset, ORDER) | (1L << (bit & 63)), ORDER);
                probe += delta;
            }
        }
        return BLOOM_WORDS_OFFSET + words * Long.BYTES;
    }

    /**
     * @param hash the key's {@link #hash}.
     * @return false if the key is certainly absent.
     */
    boolean mightContain(final long hash)
    {
        long probe = hash;
        final long delta = Long.rotateRight(hash, 21) | 1;
        for (int k = 0; k < hashCount; k++)
        {
            final long bit = Long.remainderUnsigned(probe, bitCount);
            final long word = buffer.getLong(wordsOffset + (int)(bit >>> 6) * Long.BYTES, ORDER);
            if (0 == (word & (1L << (bit & 63))))
            {
                return false;
            }
            probe += delta;
        }
        return true;
    }

    /**
     * A 64-bit hash of a key (murmur3-style mixing, eight bytes at a time).
     *
     * @return the hash.
     */
    static long hash(final DirectBuffer key, final int offset, final int length)
    {
        long h = 0x9E3779B97F4A7C15L ^ (length * C2);
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES)
        {
            h ^= mixKey(key.getLong(offset + i, ORDER));
            h = Long.rotateLeft(h, 27) * 5 + 0x52DCE729;
        }
        long tail = 0;
        for (; i < length; i++)
        {
            tail = (tail << 8) | (key.getByte(offset + i) & 0xFFL);
        }
        h ^= mixKey(tail);
        return finalMix(h);
    }

    private static int wordCount(final int keyCount, final int bitsPerKey)
    {
        final long bits = Math.max(64L, (long)keyCount * bitsPerKey);
        return (int)Math.min(Integer.MAX_VALUE / Long.BYTES - 2, (bits + 63) / 64);
    }

    private static long mixKey(final long value)
    {
        long k = value * C1;
        k = Long.rotateLeft(k, 31);
        return k * C2;
    }

    private static long finalMix(final long value)
    {
        long h = value;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
