package io.phantomdb.core.txn;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static io.phantomdb.core.txn.TxTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Measures what one steady-state transaction allocates on the caller's thread (per-thread allocation counter):
 * pooled contexts make it the small {@link Transaction} handle only.
 */
class EngineAllocationTest
{
    @Test
    void shouldAllocateOnlyTheTransactionHandleOnTheCallerThreadWhenWarm()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final UnsafeBuffer key = new UnsafeBuffer(new byte[8]);
        final UnsafeBuffer value = new UnsafeBuffer(new byte[64]);
        try (Engine engine = Engine.inMemory(smallConfig()))
        {
            final int measured = 20_000;
            for (int i = 0; i < 2 * measured; i++)
            {
                run(engine, key, value, i);
            }
            final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < measured; i++)
            {
                run(engine, key, value, i);
            }
            final long perCommit = (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / measured;
            System.out.println("caller-thread allocation per get+put+commit: " + perCommit + " B");
            assertTrue(perCommit <= 64, perCommit + " B per transaction");
        }
    }

    private static void run(final Engine engine, final UnsafeBuffer key, final UnsafeBuffer value, final int i)
    {
        key.putLong(0, i % 1000);
        final Transaction tx = engine.begin(IsolationLevel.SERIALIZABLE);
        final DirectBuffer old = tx.get(KS, key, 0, 8);
        value.putLong(0, null == old ? 0 : old.getLong(0) + 1);
        tx.put(KS, key, 0, 8, value, 0, 64);
        tx.commit();
    }
}
