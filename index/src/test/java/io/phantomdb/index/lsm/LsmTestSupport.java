package io.phantomdb.index.lsm;

import io.phantomdb.index.ByteCursor;
import io.phantomdb.index.ByteMapReader;
import io.phantomdb.index.SortedByteMap;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;

final class LsmTestSupport
{
    private LsmTestSupport()
    {
    }

    static LsmConfig tinyConfig()
    {
        return new LsmConfig()
            .memTableBytes(LsmConfig.MIN_MEMTABLE_BYTES)
            .blockBytes(128)
            .level0CompactionTrigger(3)
            .level1MaxBytes(16 * 1024)
            .levelFanOut(2)
            .maxLevels(4)
            .maxPendingMemTables(2)
            .idleStrategySupplier(() -> new SleepingMillisIdleStrategy(1));
    }

    static UnsafeBuffer key(final int i)
    {
        return new UnsafeBuffer(String.format("k%06d", i).getBytes(StandardCharsets.US_ASCII));
    }

    static UnsafeBuffer value(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }

    static void put(final SortedByteMap map, final int i, final String value)
    {
        final UnsafeBuffer k = key(i);
        final UnsafeBuffer v = value(value);
        map.put(k, 0, k.capacity(), v, 0, v.capacity());
    }

    static void delete(final SortedByteMap map, final int i)
    {
        final UnsafeBuffer k = key(i);
        map.delete(k, 0, k.capacity());
    }

    static String get(final ByteMapReader reader, final int i)
    {
        final UnsafeBuffer k = key(i);
        final DirectBuffer v = reader.get(k, 0, k.capacity());
        return null == v ? null : v.getStringWithoutLengthAscii(0, v.capacity());
    }

    static String string(final DirectBuffer buffer)
    {
        return buffer.getStringWithoutLengthAscii(0, buffer.capacity());
    }

    static byte[] bytes(final DirectBuffer buffer)
    {
        final byte[] bytes = new byte[buffer.capacity()];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    /**
     * @return the reader's pinned content scanned forwards; also checks the reverse scan gives the same.
     */
    static TreeMap<String, String> scan(final ByteMapReader reader)
    {
        final TreeMap<String, String> forward = new TreeMap<>();
        final ByteCursor cursor = reader.cursor();
        for (boolean ok = cursor.first(); ok; ok = cursor.next())
        {
            forward.put(string(cursor.key()), string(cursor.value()));
        }
        final TreeMap<String, String> backward = new TreeMap<>();
        for (boolean ok = cursor.last(); ok; ok = cursor.prev())
        {
            backward.put(string(cursor.key()), string(cursor.value()));
        }
        if (!forward.equals(backward))
        {
            throw new AssertionError("forward " + forward + " backward " + backward);
        }
        return forward;
    }

    static TreeMap<String, String> snapshot(final SortedByteMap map)
    {
        try (ByteMapReader reader = map.newReader())
        {
            reader.begin();
            return scan(reader);
        }
    }

    /**
     * Wait for the agent, committing (a no-op) on every check so an agent failure is thrown here.
     */
    static void awaitCondition(
        final SortedByteMap map, final java.util.function.BooleanSupplier condition, final String what)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean())
        {
            map.commit();
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what + " in " + map);
            }
            Thread.sleep(5);
        }
    }

    static String describe(final int[] counts)
    {
        return Arrays.toString(counts);
    }
}
