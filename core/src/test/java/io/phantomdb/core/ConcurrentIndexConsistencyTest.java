package io.phantomdb.core;

import io.phantomdb.core.catalog.StorageType;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.table.ConstraintViolationException;
import io.phantomdb.core.table.RowCursor;
import io.phantomdb.core.table.Tx;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.core.txn.TransactionConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Threads at random isolation levels insert, upsert, update and delete overlapping rows with colliding unique
 * values; conflicts (40001) and violations (23505) roll the transaction back. Afterwards every index must list
 * exactly the table's rows in its order: no lost, dangling or duplicated entries. Seed printed.
 */
class ConcurrentIndexConsistencyTest
{
    private static final int THREADS = 4;
    private static final int TRANSACTIONS = 150;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldKeepIndexesEqualToTableWhenWritersRace() throws Exception
    {
        final long seed = System.nanoTime();
        System.out.println("ConcurrentIndexConsistencyTest seed " + seed);
        final AtomicInteger committed = new AtomicInteger();
        final AtomicInteger aborted = new AtomicInteger();
        try (PhantomDB db = PhantomDB.inMemory())
        {
            db.createTable(TableSchema.builder(0, "items")
                .column("id", ColumnType.INTEGER, false)
                .column("grp", ColumnType.INTEGER, true)
                .column("code", ColumnType.TEXT, true)
                .primaryKey("id").build());
            db.createIndex("items_grp", "items", false, StorageType.BTREE, "grp DESC");
            db.createIndex("items_code", "items", true, StorageType.BTREE, "code");
            db.createIndex("items_code_hash", "items", false, StorageType.HASH, "code");
            final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try
            {
                final List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++)
                {
                    final Random random = new Random(seed + t);
                    futures.add(pool.submit(() ->
                    {
                        for (int i = 0; i < TRANSACTIONS; i++)
                        {
                            final IsolationLevel level = IsolationLevel.values()[random.nextInt(3)];
                            try (Tx tx = db.begin(level))
                            {
                                for (int op = 1 + random.nextInt(3); op > 0; op--)
                                {
                                    step(tx, random);
                                }
                                tx.commit();
                                committed.incrementAndGet();
                            }
                            catch (final TransactionConflictException | ConstraintViolationException ex)
                            {
                                aborted.incrementAndGet();
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
            System.out.println("ConcurrentIndexConsistencyTest: " + committed + " committed, " + aborted + " aborted");
            assertTrue(committed.get() > 0, "seed " + seed);
            check(db, seed);
        }
    }

    private static void step(final Tx tx, final Random random)
    {
        final int id = random.nextInt(30);
        final Integer grp = random.nextInt(4) == 0 ? null : random.nextInt(5);
        final String code = random.nextInt(4) == 0 ? null : "c" + random.nextInt(40);
        switch (random.nextInt(4))
        {
            case 0 -> tx.insert("items", id, grp, code);
            case 1 -> tx.upsert("items", id, grp, code);
            case 2 ->
            {
                final Map<String, Object> changes = new HashMap<>();
                if (random.nextBoolean())
                {
                    changes.put("grp", grp);
                }
                else
                {
                    changes.put("code", code);
                }
                tx.update("items", new Object[]{id}, changes);
            }
            default -> tx.delete("items", id);
        }
    }

    private static void check(final PhantomDB db, final long seed)
    {
        try (Tx tx = db.begin())
        {
            final List<Object[]> rows = new ArrayList<>();
            final RowCursor all = tx.scan("items", null, null, true);
            while (all.next())
            {
                rows.add(all.row().toArray());
            }
            final List<Integer> byGrp = rows.stream()
                .sorted(Comparator.<Object[], Integer>comparing(r -> (Integer)r[1],
                    Comparator.nullsFirst(Comparator.<Integer>reverseOrder())).thenComparing(r -> (Integer)r[0]))
                .map(r -> (Integer)r[0]).toList();
            assertEquals(byGrp, ids(tx.indexScan("items_grp", null, null, true)), "seed " + seed);
            final Map<String, Integer> owners = new HashMap<>();
            for (final Object[] row : rows)
            {
                if (null != row[2])
                {
                    assertEquals(null, owners.put((String)row[2], (Integer)row[0]), "code " + row[2] + " twice, seed " + seed);
                }
            }
            final List<Integer> byCode = rows.stream()
                .sorted(Comparator.<Object[], String>comparing(r -> (String)r[2], Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(r -> (Integer)r[0]))
                .map(r -> (Integer)r[0]).toList();
            final List<Integer> codeEntries = new ArrayList<>();
            final RowCursor codes = tx.indexScan("items_code", null, null, true);
            while (codes.next())
            {
                codeEntries.add(codes.row().getInt("id"));
            }
            assertEquals(byCode, codeEntries, "seed " + seed);
            for (final Map.Entry<String, Integer> owner : owners.entrySet())
            {
                final Object[] key = {owner.getKey()};
                assertEquals(List.of(owner.getValue()), ids(tx.indexScan("items_code", key, key, true)), "seed " + seed);
                assertEquals(List.of(owner.getValue()), ids(tx.indexScan("items_code_hash", key, key, true)),
                    "seed " + seed);
            }
        }
    }

    private static List<Integer> ids(final RowCursor cursor)
    {
        final List<Integer> ids = new ArrayList<>();
        while (cursor.next())
        {
            ids.add(cursor.row().getInt("id"));
        }
        return ids;
    }
}
