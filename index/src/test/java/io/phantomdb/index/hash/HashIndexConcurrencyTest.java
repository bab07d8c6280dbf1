package io.phantomdb.index.hash;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashIndexConcurrencyTest
{
    private static final int KEYS = 2_000;
    private static final int STABLE_KEYS = 500;
    private static final int READERS = 2;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldNeverShowTornMissingOrOlderValuesWhenWriterMutatesAndResizesConcurrently() throws InterruptedException
    {
        final AtomicReference<String> failure = new AtomicReference<>();
        final AtomicLong lookups = new AtomicLong();
        final UnsafeBuffer key = new UnsafeBuffer(new byte[4]);
        final UnsafeBuffer value = new UnsafeBuffer(new byte[256]);
        final OffHeapHashIndex index = OffHeapHashIndex.create(
            new HashIndexConfig().initialCapacity(16).initialArenaBytes(4096).loadFactor(0.75f));
        for (int k = 0; k < STABLE_KEYS; k++)
        {
            put(index, key, value, k, k, 16);
        }
        final Thread[] threads = new Thread[READERS];
        final Checker[] checkers = new Checker[READERS];
        for (int i = 0; i < READERS; i++)
        {
            checkers[i] = new Checker(index.newReader(), i, failure, lookups);
            threads[i] = new Thread(checkers[i], "hash-reader-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        final SplittableRandom random = new SplittableRandom(42);
        int version = STABLE_KEYS;
        try
        {
            for (final Checker checker : checkers)
            {
                assertTrue(checker.started.await(10, TimeUnit.SECONDS) || null != failure.get(), "reader thread did not start");
            }
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
            while (System.nanoTime() < deadline && null == failure.get())
            {
                final int k = random.nextInt(KEYS);
                if (k >= STABLE_KEYS && random.nextInt(3) == 0)
                {
                    key.putInt(0, k);
                    index.delete(key, 0, 4);
                }
                else
                {
                    put(index, key, value, k, version++, random.nextInt(200));
                }
            }
        }
        finally
        {
            for (final Checker checker : checkers)
            {
                checker.running = false;
            }
            for (final Thread thread : threads)
            {
                thread.join();
            }
        }
        assertNull(failure.get());
        assertTrue(index.rebuildCount() > 5, "rebuilds=" + index.rebuildCount());
        assertTrue(lookups.get() > 0, "lookups=" + lookups.get());
        for (final Checker checker : checkers)
        {
            checker.reader.close();
        }
        assertEquals(0, index.reclaim(), "every retired generation is freed once readers are gone");
        index.close();
    }

    private static void put(
        final OffHeapHashIndex index, final UnsafeBuffer key, final UnsafeBuffer value, final int k, final int version,
        final int bodyLength)
    {
        key.putInt(0, k);
        value.putInt(0, k);
        value.putInt(4, version);
        for (int i = 0; i < bodyLength; i++)
        {
            value.putByte(8 + i, (byte)(k ^ version ^ i));
        }
        index.put(key, 0, 4, value, 0, 8 + bodyLength);
    }

    private static final class Checker implements Runnable
    {
        private final HashIndexReader reader;
        private final SplittableRandom random;
        private final AtomicReference<String> failure;
        private final AtomicLong lookups;
        private final int[] lastVersion = new int[KEYS];
        private final UnsafeBuffer key = new UnsafeBuffer(new byte[4]);
        private final CountDownLatch started = new CountDownLatch(1);
        private volatile boolean running = true;

        Checker(final HashIndexReader reader, final int seed, final AtomicReference<String> failure, final AtomicLong lookups)
        {
            this.reader = reader;
            this.random = new SplittableRandom(seed);
            this.failure = failure;
            this.lookups = lookups;
        }

        @Override
        public void run()
        {
            long count = 0;
            try
            {
                while (running && null == failure.get())
                {
                    final int k = random.nextInt(KEYS);
                    key.putInt(0, k);
                    reader.begin();
                    try
                    {
                        final String problem = check(k, reader.get(key, 0, 4));
                        if (null != problem)
                        {
                            failure.compareAndSet(null, problem);
                        }
                    }
                    finally
                    {
                        reader.end();
                    }
                    count++;
                    started.countDown();
                }
            }
            catch (final RuntimeException | Error ex)
            {
                failure.compareAndSet(null, "reader threw " + ex);
            }
            lookups.addAndGet(count);
        }

        private String check(final int k, final DirectBuffer value)
        {
            if (null == value)
            {
                return k < STABLE_KEYS ? "stable key " + k + " missing" : null;
            }
            final int version = value.getInt(4);
            if (value.getInt(0) != k)
            {
                return "key " + k + " returned the value of key " + value.getInt(0);
            }
            for (int i = 8; i < value.capacity(); i++)
            {
                if (value.getByte(i) != (byte)(k ^ version ^ (i - 8)))
                {
                    return "key " + k + " version " + version + " torn at byte " + i;
                }
            }
            if (version < lastVersion[k])
            {
                return "key " + k + " went back from version " + lastVersion[k] + " to " + version;
            }
            lastVersion[k] = version;
            return null;
        }
    }
}
