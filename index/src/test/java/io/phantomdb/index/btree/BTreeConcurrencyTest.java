package io.phantomdb.index.btree;

import io.phantomdb.index.ByteCursor;
import io.phantomdb.index.ByteMapReader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static io.phantomdb.index.btree.BTreeTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class BTreeConcurrencyTest
{
    private static final int MARKER = Integer.MAX_VALUE;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldSeeOnlyWholeCommittedVersionsWhenReadersRunDuringCommits() throws InterruptedException
    {
        try (BTree tree = BTree.createInMemory(SMALL))
        {
            writeWhileReading(tree, false);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldSeeOnlyWholeCommittedVersionsWhenReadersRunDuringCommitsAndCheckpoints() throws InterruptedException
    {
        final Path file = dir.resolve("concurrent.btree");
        try (BTree tree = BTree.open(file, SMALL))
        {
            writeWhileReading(tree, true);
        }
        try (BTree tree = BTree.open(file, SMALL))
        {
            assertEquals(3000, tree.version());
            BTreeChecker.checkNoLeaks(tree, tree.freeListPages());
        }
    }

    private static void writeWhileReading(final BTree tree, final boolean checkpoint) throws InterruptedException
    {
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final AtomicLong scans = new AtomicLong();
        final Thread[] readers = new Thread[2];
        for (int r = 0; r < readers.length; r++)
        {
            final ByteMapReader reader = tree.newReader();
            readers[r] = new Thread(() -> readUntilDone(reader, done, failure, scans), "btree-reader-" + r);
            readers[r].start();
        }
        final UnsafeBuffer value = new UnsafeBuffer(new byte[8]);
        for (long v = 1; v <= 3000 && null == failure.get(); v++)
        {
            value.putLong(0, v);
            final int k = (int)(v * 7919 % 1000);
            if (v % 5 == 0)
            {
                tree.delete(key(k), 0, 4);
            }
            else
            {
                tree.put(key(k), 0, 4, value, 0, 8);
            }
            tree.put(key(MARKER), 0, 4, value, 0, 8);
            assertEquals(v, tree.commit());
            if (checkpoint && v % 50 == 0)
            {
                tree.flush();
            }
        }
        done.set(true);
        for (final Thread reader : readers)
        {
            reader.join();
        }
        if (null != failure.get())
        {
            fail("reader failed", failure.get());
        }
        assertTrue(scans.get() > 0);
        BTreeChecker.checkNoLeaks(tree, tree.freeListPages());
    }

    private static void readUntilDone(
        final ByteMapReader reader, final AtomicBoolean done, final AtomicReference<Throwable> failure, final AtomicLong scans)
    {
        try (reader)
        {
            while (!done.get())
            {
                final long version = reader.begin();
                final DirectBuffer marker = reader.get(key(MARKER), 0, 4);
                if (version > 0)
                {
                    assertEquals(version, marker.getLong(0), "marker of pinned version");
                }
                final ByteCursor cursor = reader.cursor();
                int previous = -1;
                for (boolean more = cursor.first(); more; more = cursor.next())
                {
                    final int k = intKey(cursor.key());
                    assertTrue(k > previous, "keys in order");
                    previous = k;
                    assertTrue(cursor.value().getLong(0) <= version, "value newer than pinned version");
                }
                if (version > 0)
                {
                    assertEquals(version, reader.get(key(MARKER), 0, 4).getLong(0), "marker still the same");
                }
                reader.end();
                scans.incrementAndGet();
            }
        }
        catch (final Throwable t)
        {
            failure.compareAndSet(null, t);
        }
    }
}
