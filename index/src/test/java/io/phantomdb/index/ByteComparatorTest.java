package io.phantomdb.index;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteComparatorTest
{
    @Test
    void shouldOrderLikeUnsignedArraysCompareForRandomKeys()
    {
        final Random random = new Random(42);
        for (int i = 0; i < 100_000; i++)
        {
            final byte[] a = randomKey(random);
            final byte[] b = random.nextInt(4) == 0 ? a.clone() : randomKey(random);
            final int expected = Integer.signum(Arrays.compareUnsigned(a, b));
            final int actual = Integer.signum(ByteComparator.compare(
                new UnsafeBuffer(a), 0, a.length, new UnsafeBuffer(b), 0, b.length));
            assertEquals(expected, actual, () -> Arrays.toString(a) + " vs " + Arrays.toString(b));
            assertEquals(expected, Integer.signum(ByteComparator.compare(new UnsafeBuffer(a), 0, a.length, b)));
        }
    }

    private static byte[] randomKey(final Random random)
    {
        final byte[] key = new byte[random.nextInt(20)];
        for (int i = 0; i < key.length; i++)
        {
            key[i] = (byte)(random.nextInt(3) == 0 ? random.nextInt(256) : random.nextInt(3) + 0x7E);
        }
        return key;
    }
}
