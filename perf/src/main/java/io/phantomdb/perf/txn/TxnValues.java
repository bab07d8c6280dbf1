package io.phantomdb.perf.txn;

import java.util.SplittableRandom;

/**
 * The values committers write: {@value TxnStore#VALUE_LENGTH} seeded random (incompressible) bytes, one
 * fixed value per committer so the write path copies real data but the benchmark loop generates none.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
final class TxnValues
{
    private TxnValues()
    {
    }

    /**
     * @param committer index of the committer, the seed.
     * @return a new array of {@value TxnStore#VALUE_LENGTH} bytes, the same for the same index.
     */
    static byte[] value(final int committer)
    {
        final byte[] value = new byte[TxnStore.VALUE_LENGTH];
        final SplittableRandom random = new SplittableRandom(0x7458_6e00L + committer);
        for (int i = 0; i < value.length; i++)
        {
            value[i] = (byte)random.nextInt(256);
        }
        return value;
    }

    /**
     * Write {@code key} big-endian into {@code bytes[0..8)}.
     *
     * @param bytes at least 8 bytes.
     * @param key   the key.
     */
    static void putKey(final byte[] bytes, final long key)
    {
        for (int i = 0; i < TxnStore.KEY_LENGTH; i++)
        {
            bytes[i] = (byte)(key >>> (56 - 8 * i));
        }
    }
}
