package io.phantomdb.proptest.txn;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The encodings {@link EngineDriver} relies on: key numbers sort like their bytes, and a value whose padding
 * was damaged does not decode to the value written.
 */
class EngineDriverTest
{
    @Test
    void shouldOrderKeyBytesLikeKeyNumbers()
    {
        byte[] previous = null;
        for (int k = 0; k < 16; k++)
        {
            final UnsafeBuffer buffer = EngineDriver.key(new UnsafeBuffer(new byte[3]), k);
            final byte[] bytes = new byte[EngineDriver.keyLength(k)];
            buffer.getBytes(0, bytes);
            assertEquals(k, EngineDriver.decodeKey(new UnsafeBuffer(bytes)), "key " + k);
            if (null != previous)
            {
                assertTrue(Arrays.compareUnsigned(previous, bytes) < 0, "key " + (k - 1) + " < key " + k);
            }
            previous = bytes;
        }
    }

    @Test
    void shouldReportDamagedWhenPaddingChanges()
    {
        for (final String value : new String[] {"T1.0", "T2.3", "T3.1", "I4", "T5.5"})
        {
            final byte[] bytes = EngineDriver.encodeValue(value);
            assertEquals(value, EngineDriver.decodeValue(new UnsafeBuffer(bytes)));
            bytes[bytes.length - 1] ^= 1;
            assertEquals(value + "!damaged", EngineDriver.decodeValue(new UnsafeBuffer(bytes)));
            assertEquals(value + "!damaged", EngineDriver.decodeValue(new UnsafeBuffer(bytes, 0, bytes.length - 1)));
        }
        assertTrue(Arrays.stream(new String[] {"T1.0", "T1.1", "T1.2", "T1.3", "T2.0", "T2.1", "T2.2", "T2.3"})
            .anyMatch(v -> EngineDriver.encodeValue(v).length > 1024), "some values are longer than 1 KiB");
    }
}
