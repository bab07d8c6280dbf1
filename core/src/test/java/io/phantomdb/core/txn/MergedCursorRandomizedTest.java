package io.phantomdb.core.txn;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.phantomdb.core.txn.TxTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Random committed data in three neighbouring keyspaces, random uncommitted puts, deletes and locks, and random
 * cursor moves (two interleaved cursors), each compared with a {@link TreeMap} model of the keyspace as the
 * transaction sees it. The seed is printed.
 */
class MergedCursorRandomizedTest
{
    private static final Keyspace BELOW = new Keyspace(0, StorageKind.BTREE);
    private static final Keyspace ABOVE = new Keyspace(2, StorageKind.BTREE);

    @Test
    void shouldMatchTreeMapModelWhenMovingRandomlyOverSnapshotAndOwnWrites()
    {
        final long seed = Long.getLong("phantomdb.test.seed", System.nanoTime());
        System.out.println("MergedCursorRandomizedTest seed " + seed);
        final Random random = new Random(seed);
        try (Engine engine = Engine.inMemory(smallConfig()))
        {
            for (int round = 0; round < 60; round++)
            {
                final TreeMap<String, String> model = new TreeMap<>();
                try (Transaction setup = engine.begin(IsolationLevel.REPEATABLE_READ))
                {
                    for (int i = 0; i < 40; i++)
                    {
                        final String key = key(random);
                        if (random.nextInt(4) == 0)
                        {
                            delete(setup, KS, key);
                            model.remove(key);
                        }
                        else
                        {
                            final String value = "c" + round + "-" + i;
                            put(setup, KS, key, value);
                            model.put(key, value);
                        }
                        put(setup, BELOW, key(random), "below");
                        put(setup, ABOVE, key(random), "above");
                    }
                    setup.commit();
                }
                final TreeMap<String, String> committed = new TreeMap<>();
                try (Transaction reader = engine.begin(IsolationLevel.REPEATABLE_READ))
                {
                    final TxCursor all = reader.cursor(KS);
                    for (boolean more = all.first(); more; more = all.next())
                    {
                        committed.put(string(all.key()), string(all.value()));
                    }
                }
                model.clear();
                model.putAll(committed);
                try (Transaction tx = engine.begin(random.nextBoolean() ? IsolationLevel.SERIALIZABLE : IsolationLevel.REPEATABLE_READ))
                {
                    final TxCursor[] cursors = {tx.cursor(KS), tx.cursor(KS)};
                    final String[] positions = new String[2];
                    for (int step = 0; step < 200; step++)
                    {
                        final int c = random.nextInt(2);
                        final TxCursor cursor = cursors[c];
                        final String context = "seed " + seed + " round " + round + " step " + step + " cursor " + c;
                        final int op = random.nextInt(10);
                        final String key = key(random);
                        final UnsafeBuffer k = bytes(key);
                        final String expected;
                        final boolean found;
                        switch (op)
                        {
                            case 0:
                                put(tx, KS, key, "t" + step);
                                model.put(key, "t" + step);
                                continue;
                            case 1:
                                delete(tx, KS, key);
                                model.remove(key);
                                continue;
                            case 2:
                                lock(tx, KS, key);
                                continue;
                            case 3:
                                found = cursor.first();
                                expected = model.isEmpty() ? null : model.firstKey();
                                break;
                            case 4:
                                found = cursor.last();
                                expected = model.isEmpty() ? null : model.lastKey();
                                break;
                            case 5:
                                found = cursor.seekCeiling(k, 0, k.capacity());
                                expected = model.ceilingKey(key);
                                break;
                            case 6:
                                found = cursor.seekFloor(k, 0, k.capacity());
                                expected = model.floorKey(key);
                                break;
                            case 7:
                            case 8:
                                found = cursor.next();
                                expected = null == positions[c] ? null : model.higherKey(positions[c]);
                                break;
                            default:
                                found = cursor.prev();
                                expected = null == positions[c] ? null : model.lowerKey(positions[c]);
                                break;
                        }
                        assertEquals(null != expected, found, context + " op " + op + " key " + key);
                        positions[c] = expected;
                        if (found)
                        {
                            assertEquals(expected, string(cursor.key()), context);
                            if (model.containsKey(expected))
                            {
                                assertEquals(model.get(expected), string(cursor.value()), context);
                            }
                        }
                    }
                    for (final Map.Entry<String, String> entry : model.entrySet())
                    {
                        assertEquals(entry.getValue(), get(tx, KS, entry.getKey()), "seed " + seed);
                    }
                    tx.rollback();
                }
            }
        }
    }

    private static String key(final Random random)
    {
        return "k" + random.nextInt(60);
    }
}
