package io.phantomdb.wal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Steady-state allocation of the hot paths, measured with the JVM's per-thread allocation counter (a unit-test
 * stand-in until a JMH {@code -prof gc} benchmark lands in perf/).
 */
class WalAllocationTest
{
    private static final int RECORDS = 20_000;

    @TempDir
    Path dir;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final UnsafeBuffer key = new UnsafeBuffer(new byte[16]);
    private final UnsafeBuffer value = new UnsafeBuffer(new byte[100]);
    private final WalRecordEncoder encoder = new WalRecordEncoder();
    private long sum;

    private void appendRecords(final WalWriter writer, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            key.putLong(0, i);
            encoder.begin(i).addChange(7, WalRecordDescriptor.OP_PUT, key, 0, 16, value, 0, 100).finish();
            writer.append(encoder);
        }
    }

    @Test
    void shouldAllocateAlmostNothingPerRecordWhenAppendingAndReplayingInSteadyState()
    {
        final WalConfig config = WalTestSupport.config(dir, SyncPolicy.NONE, new WalTestSupport.Events()).blockSize(64L << 20);
        final long appendBytes;
        try (WalWriter writer = WalWriter.open(config))
        {
            appendRecords(writer, RECORDS);
            final long before = threads.getCurrentThreadAllocatedBytes();
            appendRecords(writer, RECORDS);
            appendBytes = threads.getCurrentThreadAllocatedBytes() - before;
        }

        final WalReader reader = new WalReader(config);
        final WalRecordHandler handler = record ->
        {
            while (record.nextChange())
            {
                sum += record.buffer().getLong(record.keyOffset());
            }
        };
        reader.replay(1, handler);
        final long beforeHalf = threads.getCurrentThreadAllocatedBytes();
        assertEquals(2L * RECORDS, reader.replay(RECORDS + 1, handler));
        final long halfBytes = threads.getCurrentThreadAllocatedBytes() - beforeHalf;
        final long beforeAll = threads.getCurrentThreadAllocatedBytes();
        assertEquals(2L * RECORDS, reader.replay(1, handler));
        final long allBytes = threads.getCurrentThreadAllocatedBytes() - beforeAll;
        final long replayBytes = Math.max(0, allBytes - halfBytes);

        System.out.println("allocation per record: append " + (double)appendBytes / RECORDS + " B, replay " +
            (double)replayBytes / RECORDS + " B (a replay call itself allocates " + halfBytes + " B for " + RECORDS +
            " records, most of it opening the queue)");
        // One object per record would be at least 16 B per record; what remains is Chronicle mapping new chunks.
        assertTrue(appendBytes < RECORDS * 8L, "append allocated " + appendBytes + " B for " + RECORDS + " records");
        assertTrue(replayBytes < RECORDS * 8L, "replay allocated " + replayBytes + " B for " + RECORDS + " records");
    }
}
