package io.phantomdb.proptest.hash;

import io.phantomdb.index.hash.HashIndexReader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reader side of the concurrent model property. For each lookup it checks that the value is whole
 * (the body matches its key id and version), belongs to the key asked for, and that per key the versions
 * it sees never go back (a value it sees was the key's value at some point after the previous one it
 * saw); keys below {@code stableKeys} are never deleted, so they must never be missing.
 */
final class ConcurrentReader implements Runnable
{
    private final HashIndexReader reader;
    private final int stableKeys;
    private final SplittableRandom random;
    private final AtomicReference<String> failure;
    private final AtomicLong lookups;
    private final int[] lastVersion = new int[96];
    private final UnsafeBuffer key = new UnsafeBuffer(new byte[32]);
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean running = true;

    ConcurrentReader(
        final HashIndexReader reader, final int stableKeys, final long seed,
        final AtomicReference<String> failure, final AtomicLong lookups)
    {
        this.reader = reader;
        this.stableKeys = stableKeys;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.failure = failure;
        this.lookups = lookups;
        Arrays.fill(lastVersion, -1);
    }

    void stop()
    {
        running = false;
    }

    /**
     * Wait until this reader has made its first lookup, so the writer's run overlaps its reads.
     *
     * @return true if it started within the timeout.
     */
    boolean awaitStarted(final long timeoutMs) throws InterruptedException
    {
        return started.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run()
    {
        try
        {
            long count = 0;
            while (running && null == failure.get())
            {
                final int id = random.nextInt(lastVersion.length);
                final byte[] bytes = HashIndexModelProperties.keyBytes(id);
                key.putBytes(0, bytes);
                reader.begin();
                try
                {
                    final String problem = check(id, reader.get(key, 0, bytes.length));
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
            lookups.addAndGet(count);
        }
        catch (final RuntimeException | Error ex)
        {
            failure.compareAndSet(null, "reader threw " + ex);
        }
    }

    private String check(final int id, final DirectBuffer value)
    {
        if (null == value)
        {
            return id < stableKeys ? "stable key " + id + " was missing" : null;
        }
        if (value.capacity() < 12)
        {
            return "key " + id + " value too short: " + value.capacity();
        }
        final int storedId = value.getInt(0);
        final int version = value.getInt(4);
        final int bodyLength = value.getInt(8);
        if (storedId != id || bodyLength != value.capacity() - 12)
        {
            return "key " + id + " got value of key " + storedId + " body " + bodyLength + " capacity " + value.capacity();
        }
        for (int i = 0; i < bodyLength; i++)
        {
            if (value.getByte(12 + i) != (byte)(id + version * 31 + i))
            {
                return "key " + id + " version " + version + " torn at body byte " + i;
            }
        }
        if (version < lastVersion[id])
        {
            return "key " + id + " went back from version " + lastVersion[id] + " to " + version;
        }
        lastVersion[id] = version;
        return null;
    }
}
