package io.phantomdb.core;

import io.phantomdb.core.catalog.StorageType;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.table.ConstraintViolationException;
import io.phantomdb.core.table.RowCursor;
import io.phantomdb.core.table.Tx;
import io.phantomdb.core.txn.IsolationLevel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Random inserts, upserts, updates and deletes against a {@link TreeMap} model, in batches committed or rolled
 * back at a random isolation level; after every batch each index
 * scan (full and ranged, both directions) must list exactly the rows a filter of the model lists, in the
 * index's order. The seed is printed and in every assertion message.
 */
class IndexConsistencyTest
{
    private static final Comparator<Integer> DESC_NULLS_FIRST = Comparator.nullsFirst(Comparator.<Integer>reverseOrder());

    @Test
    void shouldMatchModelWhenRowsChangeRandomly()
    {
        final long seed = System.nanoTime();
        System.out.println("IndexConsistencyTest seed " + seed);
        final Random random = new Random(seed);
        final TreeMap<Integer, Object[]> model = new TreeMap<>();
        try (PhantomDB db = PhantomDB.inMemory())
        {
            db.createTable(TableSchema.builder(0, "items")
                .column("id", ColumnType.INTEGER, false)
                .column("grp", ColumnType.INTEGER, true)
                .column("code", ColumnType.varchar(8), true)
                .column("price", ColumnType.numeric(6, 2), true)
                .primaryKey("id").build());
            db.createIndex("items_grp", "items", false, StorageType.BTREE, "grp DESC", "price");
            db.createIndex("items_code", "items", true, StorageType.BTREE, "code");
            db.createIndex("items_grp_hash", "items", false, StorageType.HASH, "grp");
            for (int batch = 0; batch < 60; batch++)
            {
                final TreeMap<Integer, Object[]> before = new TreeMap<>(model);
                final IsolationLevel level = IsolationLevel.values()[random.nextInt(IsolationLevel.values().length)];
                try (Tx tx = db.begin(level))
                {
                    for (int op = 0; op < 40; op++)
                    {
                        step(tx, random, model, seed);
                    }
                    if (random.nextInt(4) == 0)
                    {
                        tx.rollback();
                        model.clear();
                        model.putAll(before);
                    }
                    else
                    {
                        tx.commit();
                    }
                }
                try (Tx tx = db.begin())
                {
                    check(tx, random, model, seed);
                }
            }
        }
    }

    private static Object[] randomRow(final Random random, final int id)
    {
        return new Object[]{id,
            random.nextInt(5) == 0 ? null : random.nextInt(6),
            random.nextInt(4) == 0 ? null : "c" + random.nextInt(60),
            random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(10_000), 2)};
    }

    private static boolean codeTaken(final TreeMap<Integer, Object[]> model, final Object code, final int exceptId)
    {
        return null != code && model.values().stream().anyMatch(r -> code.equals(r[2]) && !r[0].equals(exceptId));
    }

    private static void step(final Tx tx, final Random random, final TreeMap<Integer, Object[]> model, final long seed)
    {
        final int id = random.nextInt(80);
        final Object[] row = randomRow(random, id);
        switch (random.nextInt(4))
        {
            case 0 ->
            {
                if (model.containsKey(id) || codeTaken(model, row[2], id))
                {
                    final ConstraintViolationException ex =
                        assertThrows(ConstraintViolationException.class, () -> tx.insert("items", row), "seed " + seed);
                    assertEquals("23505", ex.sqlState(), "seed " + seed);
                }
                else
                {
                    tx.insert("items", row);
                    model.put(id, row);
                }
            }
            case 1 ->
            {
                if (codeTaken(model, row[2], id))
                {
                    assertThrows(ConstraintViolationException.class, () -> tx.upsert("items", row), "seed " + seed);
                }
                else
                {
                    tx.upsert("items", row);
                    model.put(id, row);
                }
            }
            case 2 ->
            {
                final Map<String, Object> changes = new HashMap<>();
                changes.put("grp", row[1]);
                changes.put("code", row[2]);
                final Object[] old = model.get(id);
                if (null != old && codeTaken(model, row[2], id))
                {
                    assertThrows(ConstraintViolationException.class,
                        () -> tx.update("items", new Object[]{id}, changes), "seed " + seed);
                }
                else
                {
                    assertEquals(null != old, tx.update("items", new Object[]{id}, changes), "seed " + seed);
                    if (null != old)
                    {
                        model.put(id, new Object[]{id, row[1], row[2], old[3]});
                    }
                }
            }
            default -> assertEquals(null != model.remove(id), tx.delete("items", id), "seed " + seed);
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

    private static void check(final Tx tx, final Random random, final TreeMap<Integer, Object[]> model, final long seed)
    {
        assertEquals(new ArrayList<>(model.keySet()), ids(tx.scan("items", null, null, true)), "seed " + seed);

        final Comparator<Object[]> byGrp = Comparator.<Object[], Integer>comparing(r -> (Integer)r[1], DESC_NULLS_FIRST)
            .thenComparing(r -> (BigDecimal)r[3], Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> (Integer)r[0]);
        final List<Integer> expectedGrp = model.values().stream().sorted(byGrp).map(r -> (Integer)r[0]).toList();
        assertEquals(expectedGrp, ids(tx.indexScan("items_grp", null, null, true)), "seed " + seed);
        final List<Integer> reversed = new ArrayList<>(expectedGrp);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, ids(tx.indexScan("items_grp", null, null, false)), "seed " + seed);

        final int grp = random.nextInt(6);
        final List<Integer> inGroup = model.values().stream().filter(r -> Objects.equals(r[1], grp)).sorted(byGrp)
            .map(r -> (Integer)r[0]).toList();
        assertEquals(inGroup, ids(tx.indexScan("items_grp", new Object[]{grp}, new Object[]{grp}, true)), "seed " + seed);
        assertEquals(inGroup.stream().sorted().toList(),
            ids(tx.indexScan("items_grp_hash", new Object[]{grp}, new Object[]{grp}, true)), "seed " + seed);

        final int low = random.nextInt(6);
        final int high = low + random.nextInt(3);
        final List<Integer> range = model.values().stream()
            .filter(r -> null != r[1] && (Integer)r[1] >= low && (Integer)r[1] <= high).sorted(byGrp)
            .map(r -> (Integer)r[0]).toList();
        assertEquals(range, ids(tx.indexScan("items_grp", new Object[]{high}, new Object[]{low}, true)),
            "seed " + seed + " grp between " + low + " and " + high);

        final Comparator<Object[]> byCode = Comparator.<Object[], String>comparing(r -> (String)r[2],
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(r -> (Integer)r[0]);
        assertEquals(model.values().stream().sorted(byCode).map(r -> (Integer)r[0]).toList(),
            ids(tx.indexScan("items_code", null, null, true)), "seed " + seed);
    }
}
