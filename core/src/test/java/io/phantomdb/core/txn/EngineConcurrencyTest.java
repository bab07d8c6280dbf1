package io.phantomdb.core.txn;

import io.phantomdb.wal.SyncPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static io.phantomdb.core.txn.TxTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class EngineConcurrencyTest
{
    private static final int THREADS = 4;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void shouldCommitAndCountEveryTransactionDurablyWhenFourThreadsCommitConcurrently() throws Exception
    {
        final int perThread = 2000;
        try (Engine engine = Engine.open(dir, smallConfig()))
        {
            runThreads(t ->
            {
                for (int i = 0; i < perThread; i++)
                {
                    try (Transaction tx = engine.begin(IsolationLevel.SERIALIZABLE))
                    {
                        put(tx, KS, "t" + t + "-" + i, Integer.toString(i));
                        putLong(tx, KS, "counter-" + t, getLong(tx, KS, "counter-" + t) + 1);
                        tx.commit();
                    }
                }
            });
            assertEquals(THREADS * perThread, engine.commitCount());
            assertEquals(0, engine.conflictCount());
            System.out.println(THREADS + " threads x " + perThread + " commits: " + engine.walSyncCount() + " WAL syncs");
        }
        try (Engine engine = Engine.open(dir, smallConfig()))
        {
            try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
            {
                for (int t = 0; t < THREADS; t++)
                {
                    assertEquals(perThread, getLong(tx, KS, "counter-" + t));
                    for (int i = 0; i < perThread; i++)
                    {
                        assertEquals(Integer.toString(i), get(tx, KS, "t" + t + "-" + i));
                    }
                }
            }
        }
    }

    @Test
    @Timeout(60)
    void shouldLoseNoUpdateWhenThreadsIncrementOneCounterAndRetryConflicts() throws Exception
    {
        final int perThread = 200;
        final AtomicLong conflicts = new AtomicLong();
        try (Engine engine = Engine.inMemory(smallConfig()))
        {
            runThreads(t ->
            {
                for (int i = 0; i < perThread; i++)
                {
                    while (true)
                    {
                        try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
                        {
                            putLong(tx, KS, "counter", getLong(tx, KS, "counter") + 1);
                            tx.commit();
                            break;
                        }
                        catch (final TransactionConflictException ex)
                        {
                            assertEquals("40001", ex.sqlState());
                            conflicts.incrementAndGet();
                            LockSupport.parkNanos(20_000);
                        }
                    }
                }
            });
            try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
            {
                assertEquals(THREADS * perThread, getLong(tx, KS, "counter"));
            }
            assertEquals(conflicts.get(), engine.conflictCount());
            System.out.println("hot counter: " + THREADS * perThread + " increments, " + conflicts.get() + " conflicts");
        }
    }

    @Test
    @Timeout(60)
    void shouldSyncFewerTimesThanCommitsWhenBatchAndConcurrent() throws Exception
    {
        assertGroupCommit(SyncPolicy.BATCH);
    }

    @Test
    @Timeout(60)
    void shouldSyncFewerTimesThanCommitsWhenAlwaysAndConcurrent() throws Exception
    {
        assertGroupCommit(SyncPolicy.ALWAYS);
    }

    private void assertGroupCommit(final SyncPolicy policy) throws Exception
    {
        final int perThread = 150;
        final int threads = 8;
        try (Engine engine = Engine.open(dir, smallConfig().syncPolicy(policy)))
        {
            final long syncsBefore = engine.walSyncCount();
            runThreads(threads, t ->
            {
                for (int i = 0; i < perThread; i++)
                {
                    commitPut(engine, KS, "t" + t + "-" + i, "v");
                }
            });
            final long commits = engine.commitCount();
            final long syncs = engine.walSyncCount() - syncsBefore;
            System.out.println(policy + ": " + commits + " commits, " + syncs + " WAL syncs");
            assertEquals(threads * perThread, commits);
            assertTrue(syncs > 0, "the WAL was forced");
            assertTrue(syncs < commits, policy + ": " + syncs + " syncs for " + commits + " commits");
        }
    }

    @Test
    @Timeout(60)
    void shouldSeeOnlyWholeTransactionsWhenReadersRunDuringCommits() throws Exception
    {
        final int accounts = 10;
        try (Engine engine = Engine.inMemory(smallConfig()))
        {
            try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
            {
                for (int a = 0; a < accounts; a++)
                {
                    putLong(tx, KS, "acct" + a, 100);
                }
                tx.commit();
            }
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final CountDownLatch writersDone = new CountDownLatch(2);
            final List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < 2; w++)
            {
                final int seed = w;
                threads.add(new Thread(() ->
                {
                    try
                    {
                        final java.util.Random random = new java.util.Random(seed);
                        for (int i = 0; i < 1500; i++)
                        {
                            try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
                            {
                                final int from = random.nextInt(accounts);
                                final int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                                final long amount = random.nextInt(10);
                                putLong(tx, KS, "acct" + from, getLong(tx, KS, "acct" + from) - amount);
                                putLong(tx, KS, "acct" + to, getLong(tx, KS, "acct" + to) + amount);
                                tx.commit();
                            }
                            catch (final TransactionConflictException retry)
                            {
                                assertEquals("40001", retry.sqlState());
                            }
                        }
                    }
                    catch (final Throwable ex)
                    {
                        failure.compareAndSet(null, ex);
                    }
                    finally
                    {
                        writersDone.countDown();
                    }
                }));
            }
            for (int r = 0; r < 2; r++)
            {
                threads.add(new Thread(() ->
                {
                    try
                    {
                        while (writersDone.getCount() > 0)
                        {
                            try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
                            {
                                long sum = 0;
                                final TxCursor cursor = tx.cursor(KS);
                                for (boolean more = cursor.first(); more; more = cursor.next())
                                {
                                    sum += cursor.value().getLong(0, java.nio.ByteOrder.BIG_ENDIAN);
                                }
                                assertEquals(accounts * 100L, sum, "snapshot " + tx.snapshotVersion());
                            }
                        }
                    }
                    catch (final Throwable ex)
                    {
                        failure.compareAndSet(null, ex);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (final Thread thread : threads)
            {
                thread.join();
            }
            if (null != failure.get())
            {
                throw new AssertionError(failure.get());
            }
        }
    }

    @Test
    @Timeout(60)
    void shouldKeepEveryAcknowledgedCommitAndHangNoCallerWhenClosedUnderLoad() throws Exception
    {
        final java.util.Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final Keyspace events = new Keyspace(5, StorageKind.LSM);
        final Engine engine = Engine.open(dir, smallConfig());
        final Thread closer = new Thread(() ->
        {
            LockSupport.parkNanos(300_000_000L);
            engine.close();
        });
        closer.start();
        runThreads(t ->
        {
            for (int i = 0; ; i++)
            {
                final String key = "t" + t + "-" + i;
                try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
                {
                    put(tx, KS, key, "v");
                    put(tx, events, key, "e");
                    tx.commit();
                    acknowledged.add(key);
                }
                catch (final io.phantomdb.ClosedException closed)
                {
                    return;
                }
            }
        });
        closer.join();
        assertTrue(acknowledged.size() > 0);
        try (Engine reopened = Engine.open(dir, smallConfig()))
        {
            try (Transaction tx = reopened.begin(IsolationLevel.REPEATABLE_READ))
            {
                for (final String key : acknowledged)
                {
                    assertEquals("v", get(tx, KS, key), key);
                    assertEquals("e", get(tx, events, key), key);
                }
            }
        }
        System.out.println("closed under load: " + acknowledged.size() + " acknowledged commits all present");
    }

    interface Body
    {
        void run(int thread) throws Exception;
    }

    private static void runThreads(final Body body) throws Exception
    {
        runThreads(THREADS, body);
    }

    private static void runThreads(final int count, final Body body) throws Exception
    {
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final CountDownLatch start = new CountDownLatch(1);
        final Thread[] threads = new Thread[count];
        for (int t = 0; t < count; t++)
        {
            final int id = t;
            threads[t] = new Thread(() ->
            {
                try
                {
                    start.await();
                    body.run(id);
                }
                catch (final Throwable ex)
                {
                    failure.compareAndSet(null, ex);
                }
            }, "committer-" + t);
            threads[t].start();
        }
        start.countDown();
        for (final Thread thread : threads)
        {
            thread.join();
        }
        if (null != failure.get())
        {
            throw new AssertionError(failure.get());
        }
    }
}
