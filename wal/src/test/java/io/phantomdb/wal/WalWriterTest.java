package io.phantomdb.wal;

import io.phantomdb.ClosedException;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.phantomdb.wal.WalTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class WalWriterTest
{
    @TempDir
    Path dir;

    private final Events events = new Events();
    private final WalRecordEncoder encoder = new WalRecordEncoder();

    @Test
    void shouldReplayEveryRecordInOrderWhenAppendedAndReopened()
    {
        final WalConfig config = config(dir, SyncPolicy.BATCH, events);
        try (WalWriter writer = WalWriter.open(config))
        {
            for (long tx = 1; tx <= 2000; tx++)
            {
                assertEquals(tx, writer.append(encode(encoder, tx)));
            }
        }
        assertEquals(range(1, 2000), replay(config, 1));
        assertTrue(events.tornTails.isEmpty(), events.tornTails.toString());
    }

    @Test
    void shouldReplayBigValuesWhenRecordsAreHundredsOfKilobytes()
    {
        final WalConfig config = config(dir, SyncPolicy.ALWAYS, events).blockSize(4L << 20);
        final byte[] big = value(9, 0, 900_000);
        try (WalWriter writer = WalWriter.open(config))
        {
            for (int i = 0; i < 12; i++)
            {
                encoder.begin(i).addChange(1, WalRecordDescriptor.OP_PUT, new UnsafeBuffer(new byte[]{(byte)i}), 0, 1,
                    new UnsafeBuffer(big), 0, big.length).finish();
                writer.append(encoder);
            }
            encoder.begin(99).addChange(1, WalRecordDescriptor.OP_PUT, new UnsafeBuffer(big), 0, 1,
                new UnsafeBuffer(new byte[2_000_000]), 0, 1_100_000).finish();
            assertEquals("record length=1100046 exceeds maxRecordLength=1048576",
                assertThrows(IllegalArgumentException.class, () -> writer.append(encoder)).getMessage());
        }
        final List<Long> seen = new ArrayList<>();
        new WalReader(config).replay(1, record ->
        {
            assertTrue(record.nextChange());
            assertEquals(big.length, record.valueLength());
            final byte[] value = new byte[big.length];
            record.buffer().getBytes(record.valueOffset(), value);
            assertArrayEquals(big, value);
            seen.add(record.lsn());
        });
        assertEquals(range(1, 12), seen);
    }

    @Test
    void shouldStartAtRequestedLsnWhenReplayingFromTheMiddle()
    {
        final WalConfig config = config(dir, SyncPolicy.NONE, events);
        for (int session = 0; session < 3; session++)
        {
            try (WalWriter writer = WalWriter.open(config))
            {
                for (int i = 0; i < 300; i++)
                {
                    writer.append(encode(encoder, writer.nextLsn()));
                }
            }
        }
        assertEquals(range(450, 900), replay(config, 450));
        assertEquals(range(301, 900), replay(config, 301));
        assertEquals(range(900, 900), replay(config, 900));
        assertEquals(List.of(), replay(config, 901));
        assertEquals(1000, new WalReader(config).replay(1001, record -> fail("nothing to replay")));
    }

    @Test
    void shouldContinueLsnsWithoutGapWhenReopened()
    {
        final WalConfig config = config(dir, SyncPolicy.BATCH, events);
        try (WalWriter writer = WalWriter.open(config))
        {
            for (long tx = 1; tx <= 10; tx++)
            {
                writer.append(encode(encoder, tx));
            }
        }
        try (WalWriter writer = WalWriter.open(config))
        {
            assertEquals(11, writer.nextLsn());
            assertEquals(10, writer.durableLsn());
            assertEquals(11, writer.append(encode(encoder, 11)));
        }
        try (WalWriter writer = WalWriter.open(config))
        {
            assertEquals(12, writer.nextLsn());
        }
        try (WalWriter writer = WalWriter.open(config))
        {
            assertEquals(12, writer.append(encode(encoder, 12)));
        }
        assertEquals(range(1, 12), replay(config, 1));
        assertEquals(range(11, 12), replay(config, 11));
    }

    @Test
    @Timeout(10)
    void shouldSeeAppendedRecordsWhenReplayingOnAnotherThreadWhileWriterIsOpen() throws Exception
    {
        final WalConfig config = config(dir, SyncPolicy.NONE, events);
        try (WalWriter writer = WalWriter.open(config))
        {
            for (int round = 1; round <= 3; round++)
            {
                for (int i = 0; i < 100; i++)
                {
                    writer.append(encode(encoder, writer.nextLsn()));
                }
                final List<List<Long>> seen = new ArrayList<>();
                final Thread reader = new Thread(() -> seen.add(replay(config, 1)));
                reader.start();
                reader.join();
                assertEquals(List.of(range(1, 100L * round)), seen);
            }
        }
    }

    @Test
    void shouldForceOnEveryAppendWhenPolicyIsAlways()
    {
        try (WalWriter writer = WalWriter.open(config(dir, SyncPolicy.ALWAYS, events)))
        {
            for (long tx = 1; tx <= 50; tx++)
            {
                writer.append(encode(encoder, tx));
                assertEquals(tx, writer.syncCount());
                assertEquals(tx, writer.durableLsn());
            }
            writer.sync();
            assertEquals(50, writer.syncCount(), "nothing pending, nothing forced");
        }
    }

    @Test
    void shouldNeverForceWhenPolicyIsNone()
    {
        final WalWriter writer = WalWriter.open(config(dir, SyncPolicy.NONE, events));
        for (long tx = 1; tx <= 50; tx++)
        {
            writer.append(encode(encoder, tx));
            assertEquals(tx, writer.durableLsn(), "durable = appended");
        }
        writer.sync();
        assertEquals(0, writer.doWork());
        writer.close();
        assertEquals(0, writer.syncCount());
    }

    @Test
    void shouldForceWhenBatchIsFullOrWindowElapsed() throws InterruptedException
    {
        final WalConfig config = config(dir, SyncPolicy.BATCH, events).batchMaxRecords(10).batchWindowMicros(1_000_000);
        try (WalWriter writer = WalWriter.open(config))
        {
            for (long tx = 1; tx <= 9; tx++)
            {
                writer.append(encode(encoder, tx));
            }
            assertEquals(0, writer.syncCount());
            assertEquals(0, writer.durableLsn());
            assertEquals(0, writer.doWork(), "window not elapsed");
            writer.append(encode(encoder, 10));
            assertEquals(1, writer.syncCount());
            assertEquals(10, writer.durableLsn());
        }
        final WalConfig shortWindow = config(dir, SyncPolicy.BATCH, events).batchMaxRecords(1000).batchWindowMicros(2_000);
        try (WalWriter writer = WalWriter.open(shortWindow))
        {
            final long lsn = writer.append(encode(encoder, 11));
            assertEquals(10, writer.durableLsn());
            Thread.sleep(5);
            assertEquals(1, writer.doWork());
            assertEquals(lsn, writer.durableLsn());
            assertEquals(1, writer.syncCount());
        }
    }

    @Test
    @Timeout(20)
    void shouldCoalesceSyncsWhenManyWaitersCommitConcurrently() throws Exception
    {
        final int clients = 8;
        final int commitsPerClient = 200;
        final WalConfig config = config(dir, SyncPolicy.BATCH, events).batchMaxRecords(clients).batchWindowMicros(5_000);
        final BlockingQueue<long[]> requests = new ArrayBlockingQueue<>(clients);
        final AtomicLong syncs = new AtomicLong();
        final AtomicLong appends = new AtomicLong();
        final WalWriter[] holder = new WalWriter[1];
        final CountDownLatch opened = new CountDownLatch(1);
        final Thread writerThread = new Thread(() ->
        {
            try (WalWriter writer = WalWriter.open(config))
            {
                holder[0] = writer;
                opened.countDown();
                long done = 0;
                while (done < (long)clients * commitsPerClient)
                {
                    final long[] request = requests.poll(100, TimeUnit.MICROSECONDS);
                    if (null == request)
                    {
                        writer.doWork();
                        continue;
                    }
                    request[1] = writer.append(encode(encoder, request[0]));
                    synchronized (request)
                    {
                        request.notifyAll();
                    }
                    done++;
                }
                writer.sync();
                appends.set(done);
                syncs.set(writer.syncCount());
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }, "wal-writer");
        writerThread.start();
        assertTrue(opened.await(10, TimeUnit.SECONDS));

        final List<Thread> clientThreads = new ArrayList<>();
        final AtomicLong acknowledged = new AtomicLong();
        for (int c = 0; c < clients; c++)
        {
            final int client = c;
            final Thread thread = new Thread(() ->
            {
                try
                {
                    for (int i = 0; i < commitsPerClient; i++)
                    {
                        final long[] request = {client * 1_000_000L + i, 0};
                        synchronized (request)
                        {
                            requests.put(request);
                            while (0 == request[1])
                            {
                                request.wait();
                            }
                        }
                        assertTrue(holder[0].awaitDurable(request[1], 10, TimeUnit.SECONDS));
                        assertTrue(holder[0].durableLsn() >= request[1]);
                        acknowledged.incrementAndGet();
                    }
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }, "client-" + c);
            clientThreads.add(thread);
            thread.start();
        }
        for (final Thread thread : clientThreads)
        {
            thread.join();
        }
        writerThread.join();
        assertEquals((long)clients * commitsPerClient, acknowledged.get());
        assertEquals((long)clients * commitsPerClient, appends.get());
        System.out.println("group commit: " + appends.get() + " appends, " + syncs.get() + " forces");
        assertTrue(syncs.get() > 0 && syncs.get() < appends.get() / 2,
            "syncs=" + syncs.get() + " appends=" + appends.get());
        assertEquals(clients * commitsPerClient, replay(config, 1).size());
    }

    @Test
    @Timeout(10)
    void shouldWakeWaiterWhenRecordBecomesDurable() throws Exception
    {
        final WalConfig config = config(dir, SyncPolicy.BATCH, events).batchMaxRecords(1000).batchWindowMicros(1_000_000);
        try (WalWriter writer = WalWriter.open(config))
        {
            final long lsn = writer.append(encode(encoder, 1));
            assertFalse(writer.awaitDurable(lsn, 20, TimeUnit.MILLISECONDS), "not durable before the force");
            final CountDownLatch waiting = new CountDownLatch(1);
            final boolean[] result = new boolean[1];
            final Thread waiter = new Thread(() ->
            {
                waiting.countDown();
                try
                {
                    result[0] = writer.awaitDurable(lsn, 5, TimeUnit.SECONDS);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            });
            waiter.start();
            waiting.await();
            Thread.sleep(20);
            writer.sync();
            waiter.join();
            assertTrue(result[0]);
            assertTrue(writer.awaitDurable(lsn, 0, TimeUnit.NANOSECONDS), "fast path");
        }
    }

    @Test
    @Timeout(10)
    void shouldFailWaitersAndCallsWhenClosed() throws Exception
    {
        final WalConfig config = config(dir, SyncPolicy.NONE, events);
        final WalWriter writer = WalWriter.open(config);
        writer.append(encode(encoder, 1));
        writer.close();
        writer.close();
        final ClosedException appendAfterClose = assertThrows(ClosedException.class, () -> writer.append(encode(encoder, 2)));
        assertEquals("WAL writer " + dir.resolve("seg-00000001") + " is closed", appendAfterClose.getMessage());
        assertThrows(ClosedException.class, writer::sync);
        assertThrows(ClosedException.class, () -> writer.retireBefore(1));
        assertThrows(ClosedException.class, () -> writer.awaitDurable(2, 1, TimeUnit.SECONDS));
        assertTrue(writer.awaitDurable(1, 1, TimeUnit.SECONDS));
    }

    @Test
    void shouldRejectBadConfigurationWithTheValue()
    {
        assertEquals("directory is required",
            assertThrows(IllegalArgumentException.class, () -> WalWriter.open(new WalConfig())).getMessage());
        assertEquals("batchMaxRecords=0 must be >= 1", assertThrows(IllegalArgumentException.class,
            () -> WalWriter.open(config(dir, SyncPolicy.BATCH, events).batchMaxRecords(0))).getMessage());
        assertEquals("blockSize=1000000 must be a power of two in [262144, 1073741824]", assertThrows(
            IllegalArgumentException.class, () -> WalWriter.open(config(dir, SyncPolicy.BATCH, events).blockSize(1_000_000))).getMessage());
        assertEquals("fromLsn=0 must be >= 1", assertThrows(IllegalArgumentException.class,
            () -> new WalReader(config(dir, SyncPolicy.BATCH, events)).replay(0, record -> { })).getMessage());
    }
}
