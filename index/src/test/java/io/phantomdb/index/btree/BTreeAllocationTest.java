package io.phantomdb.index.btree;

import io.phantomdb.index.ByteCursor;
import io.phantomdb.index.ByteMapReader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;

import static io.phantomdb.index.btree.BTreeTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class BTreeAllocationTest
{
    @Test
    void shouldAllocateNothingWhenGettingAndMovingTheCursorInSteadyState()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assumeAllocationCounting(threads);
        try (BTree tree = BTree.createInMemory(BTreeConfig.of(8192, 8 << 20)); ByteMapReader reader = tree.newReader())
        {
            for (int i = 0; i < 20_000; i++)
            {
                put(tree, i, i % 500 == 0 ? 20_000 : 100);
            }
            tree.commit();
            final UnsafeBuffer key = new UnsafeBuffer(new byte[4]);
            long sink = readAll(reader, key);
            final long threadId = Thread.currentThread().getId();
            final long before = threads.getThreadAllocatedBytes(threadId);
            for (int round = 0; round < 5; round++)
            {
                sink += readAll(reader, key);
            }
            final long allocated = threads.getThreadAllocatedBytes(threadId) - before;
            assertTrue(sink != 0);
            assertTrue(allocated < 1024, "allocated " + allocated + " bytes over 5 x 20000 gets and 2 x 20000 moves");
        }
    }

    private static long readAll(final ByteMapReader reader, final UnsafeBuffer key)
    {
        long sink = 0;
        reader.begin();
        for (int i = 0; i < 20_000; i++)
        {
            key.putInt(0, (i * 7919) % 20_000, ByteOrder.BIG_ENDIAN);
            final DirectBuffer value = reader.get(key, 0, 4);
            sink += value.getByte(1);
        }
        final ByteCursor cursor = reader.cursor();
        for (boolean more = cursor.first(); more; more = cursor.next())
        {
            sink += cursor.key().getByte(3) + cursor.value().capacity();
        }
        for (boolean more = cursor.last(); more; more = cursor.prev())
        {
            sink += cursor.value().getByte(0);
        }
        reader.end();
        return sink;
    }

    private static void assumeAllocationCounting(final com.sun.management.ThreadMXBean threads)
    {
        org.junit.jupiter.api.Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);
    }
}
