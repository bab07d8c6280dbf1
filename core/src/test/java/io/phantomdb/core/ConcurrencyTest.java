package io.phantomdb.core;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.table.ConstraintViolationException;
import io.phantomdb.core.table.RowCursor;
import io.phantomdb.core.table.Tx;
import io.phantomdb.core.txn.TransactionConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import io.phantomdb.core.txn.IsolationLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrencyTest
{
    private static final int THREADS = 4;
    private static final int PER_THREAD = 200;

    private static PhantomDB counters()
    {
        final PhantomDB db = PhantomDB.inMemory();
        db.createTable(TableSchema.builder(0, "counters")
            .column("id", ColumnType.INTEGER, false).column("n", ColumnType.BIGINT, false).primaryKey("id").build());
        return db;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldKeepEveryRowWhenThreadsInsertDistinctKeys() throws Exception
    {
        try (PhantomDB db = counters())
        {
            final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try
            {
                final List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++)
                {
                    final int thread = t;
                    futures.add(pool.submit(() ->
                    {
                        for (int i = 0; i < PER_THREAD; i++)
                        {
                            try (Tx tx = db.begin())
                            {
                                tx.insert("counters", thread * PER_THREAD + i, (long)thread);
                                tx.commit();
                            }
                        }
                        return null;
                    }));
                }
                for (final Future<?> future : futures)
                {
                    future.get();
                }
            }
            finally
            {
                pool.shutdownNow();
            }
            try (Tx tx = db.begin())
            {
                final RowCursor cursor = tx.scan("counters", null, null, true);
                int expected = 0;
                while (cursor.next())
                {
                    assertEquals(expected++, cursor.row().getInt("id"));
                }
                assertEquals(THREADS * PER_THREAD, expected);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(IsolationLevel.class)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldLoseNoIncrementWhenThreadsConflictOnOneKey(final IsolationLevel level) throws Exception
    {
        try (PhantomDB db = counters())
        {
            try (Tx tx = db.begin())
            {
                tx.insert("counters", 1, 0L);
                tx.commit();
            }
            final AtomicInteger conflicts = new AtomicInteger();
            final int increments = 50;
            final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try
            {
                final List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++)
                {
                    futures.add(pool.submit(() ->
                    {
                        for (int i = 0; i < increments; i++)
                        {
                            while (true)
                            {
                                try (Tx tx = db.begin(level))
                                {
                                    tx.lockForUpdate("counters", 1);
                                    final long n = tx.get("counters", 1).getLong("n");
                                    tx.update("counters", new Object[]{1}, Map.of("n", n + 1));
                                    tx.commit();
                                    break;
                                }
                                catch (final TransactionConflictException ex)
                                {
                                    assertEquals("40001", ex.sqlState());
                                    conflicts.incrementAndGet();
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (final Future<?> future : futures)
                {
                    future.get();
                }
            }
            finally
            {
                pool.shutdownNow();
            }
            try (Tx tx = db.begin())
            {
                assertEquals(THREADS * increments, tx.get("counters", 1).getLong("n"));
            }
            System.out.println("ConcurrencyTest: " + conflicts.get() + " conflicts retried");
        }
    }

    @ParameterizedTest
    @EnumSource(IsolationLevel.class)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldLetExactlyOneWinWhenThreadsInsertTheSameKey(final IsolationLevel level) throws Exception
    {
        try (PhantomDB db = counters())
        {
            for (int round = 0; round < 20; round++)
            {
                final int key = round;
                final CyclicBarrier barrier = new CyclicBarrier(THREADS);
                final AtomicInteger winners = new AtomicInteger();
                final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                try
                {
                    final List<Future<?>> futures = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++)
                    {
                        final long value = t;
                        futures.add(pool.submit(() ->
                        {
                            try (Tx tx = db.begin(level))
                            {
                                barrier.await(10, TimeUnit.SECONDS);
                                tx.insert("counters", key, value);
                                tx.commit();
                                winners.incrementAndGet();
                            }
                            catch (final TransactionConflictException | ConstraintViolationException ex)
                            {
                                assertTrue(ex instanceof TransactionConflictException ||
                                    "23505".equals(((ConstraintViolationException)ex).sqlState()));
                            }
                            return null;
                        }));
                    }
                    for (final Future<?> future : futures)
                    {
                        future.get();
                    }
                }
                finally
                {
                    pool.shutdownNow();
                }
                assertEquals(1, winners.get(), "round " + round);
            }
        }
    }
}
