package io.phantomdb.index.lsm;

import io.phantomdb.index.ByteCursor;
import io.phantomdb.index.ByteMapReader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class LsmAllocationTest
{
    private static final int KEYS = 20_000;
    private static final long TOLERANCE_BYTES = 4096;

    @TempDir
    Path dir;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final UnsafeBuffer key = new UnsafeBuffer(new byte[4]);
    private final UnsafeBuffer value = new UnsafeBuffer(new byte[100]);

    @Test
    void shouldNotAllocateWhenPuttingGettingAndIteratingInSteadyState()
    {
        try (LsmTree tree = LsmTree.open(dir, new LsmConfig().memTableBytes(32 << 20).blockBytes(4096)))
        {
            putRange(tree, 0, KEYS);
            tree.commit();
            tree.flush();
            putRange(tree, KEYS, 2 * KEYS);
            tree.commit();

            try (ByteMapReader reader = tree.newReader())
            {
                for (int warm = 0; warm < 5; warm++)
                {
                    readAll(reader);
                }
                final long before = allocated();
                readAll(reader);
                final long readBytes = allocated() - before;
                assertTrue(readBytes < TOLERANCE_BYTES, "pin, get and cursor steps allocated " + readBytes + " bytes");
            }

            putRange(tree, 2 * KEYS, 3 * KEYS);
            final long before = allocated();
            putRange(tree, 3 * KEYS, 4 * KEYS);
            final long putBytes = allocated() - before;
            assertTrue(putBytes < TOLERANCE_BYTES, KEYS + " puts allocated " + putBytes + " bytes");
            tree.commit();
        }
    }

    private void putRange(final LsmTree tree, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            key.putInt(0, i * 7919 % (4 * KEYS), ByteOrder.BIG_ENDIAN);
            value.putInt(0, i);
            tree.put(key, 0, 4, value, 0, value.capacity());
        }
    }

    private void readAll(final ByteMapReader reader)
    {
        reader.begin();
        for (int i = 0; i < 2 * KEYS; i++)
        {
            key.putInt(0, i * 7919 % (4 * KEYS), ByteOrder.BIG_ENDIAN);
            assertNotNull(reader.get(key, 0, 4));
        }
        final ByteCursor cursor = reader.cursor();
        int count = 0;
        for (boolean ok = cursor.first(); ok; ok = cursor.next())
        {
            count++;
        }
        assertEquals(2 * KEYS, count);
        reader.end();
    }

    private long allocated()
    {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
