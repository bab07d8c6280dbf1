package io.phantomdb.sql.engine;

import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlDatabases;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlSession;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.phantomdb.sql.engine.SqlTestSupport.rows;
import static io.phantomdb.sql.engine.SqlTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random INSERT/UPDATE/DELETE (primary key changes, duplicate keys, unique violations) in transactions that
 * commit or roll back, through SQL, against a {@link TreeMap} model; after every transaction full scans, index
 * lookups (secondary, unique and JSON expression index) and aggregates must equal the model. jqwik reports the
 * seed of a failing run.
 */
class SqlModelProperties
{
    private record Item(int grp, String name, String key)
    {
    }

    @Property(tries = 15)
    void shouldMatchModelWhenRandomWritesCommitOrRollBack(
        @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) final long seed,
        @ForAll @IntRange(min = 5, max = 25) final int transactions)
    {
        final Random random = new Random(seed);
        try (SqlDatabase db = SqlDatabases.inMemory(); SqlSession s = db.openSession())
        {
            run(s, "CREATE TABLE m (id INT PRIMARY KEY, grp INT, name VARCHAR(8) UNIQUE, doc JSON)",
                "CREATE INDEX m_grp ON m (grp)", "CREATE INDEX m_key ON m ((doc->>'k'))");
            final TreeMap<Integer, Item> model = new TreeMap<>();
            for (int t = 0; t < transactions; t++)
            {
                final TreeMap<Integer, Item> working = new TreeMap<>(model);
                run(s, "BEGIN");
                final int ops = 1 + random.nextInt(8);
                for (int o = 0; o < ops; o++)
                {
                    apply(s, working, random);
                }
                if (random.nextInt(4) == 0)
                {
                    run(s, "ROLLBACK");
                }
                else
                {
                    run(s, "COMMIT");
                    model.clear();
                    model.putAll(working);
                }
                check(s, model, random);
            }
        }
    }

    private static void apply(final SqlSession s, final TreeMap<Integer, Item> model, final Random random)
    {
        final int id = random.nextInt(30);
        switch (random.nextInt(4))
        {
            case 0:
            {
                final Item item = new Item(random.nextInt(4), "n" + random.nextInt(40), "k" + random.nextInt(5));
                final boolean expectFailure = model.containsKey(id) || nameTaken(model, item.name(), -1);
                attempt(s, "INSERT INTO m VALUES (" + id + ", " + item.grp() + ", '" + item.name() + "', '{\"k\": \"" +
                    item.key() + "\"}')", expectFailure);
                if (!expectFailure)
                {
                    model.put(id, item);
                }
                break;
            }
            case 1:
            {
                final int grp = random.nextInt(4);
                final String key = "k" + random.nextInt(5);
                run(s, "UPDATE m SET grp = " + grp + ", doc = '{\"k\": \"" + key + "\"}' WHERE id = " + id);
                final Item old = model.get(id);
                if (null != old)
                {
                    model.put(id, new Item(grp, old.name(), key));
                }
                break;
            }
            case 2:
                run(s, "DELETE FROM m WHERE id = " + id);
                model.remove(id);
                break;
            default:
            {
                final int to = id + 1 + random.nextInt(5);
                final boolean expectFailure = model.containsKey(id) && model.containsKey(to);
                attempt(s, "UPDATE m SET id = " + to + " WHERE id = " + id, expectFailure);
                if (!expectFailure && model.containsKey(id))
                {
                    model.put(to, model.remove(id));
                }
                break;
            }
        }
    }

    private static boolean nameTaken(final Map<Integer, Item> model, final String name, final int except)
    {
        for (final Map.Entry<Integer, Item> e : model.entrySet())
        {
            if (e.getKey() != except && e.getValue().name().equals(name))
            {
                return true;
            }
        }
        return false;
    }

    private static void attempt(final SqlSession s, final String sql, final boolean expectFailure)
    {
        try
        {
            run(s, sql);
            assertEquals(false, expectFailure, "expected 23505 from " + sql);
        }
        catch (final SqlException ex)
        {
            assertEquals("23505", ex.sqlState(), sql + ": " + ex.getMessage());
            assertEquals(true, expectFailure, "unexpected failure of " + sql);
        }
    }

    private static void check(final SqlSession s, final TreeMap<Integer, Item> model, final Random random)
    {
        final List<String> all = new ArrayList<>();
        model.forEach((id, item) -> all.add(id + "|" + item.grp() + "|" + item.name() + "|" + item.key()));
        assertEquals(all, rows(s, "SELECT id, grp, name, doc->>'k' FROM m ORDER BY id"));
        final int grp = random.nextInt(4);
        final String key = "k" + random.nextInt(5);
        final List<String> byGroup = new ArrayList<>();
        final List<String> byKey = new ArrayList<>();
        model.forEach((id, item) ->
        {
            if (item.grp() == grp)
            {
                byGroup.add(String.valueOf(id));
            }
            if (item.key().equals(key))
            {
                byKey.add(String.valueOf(id));
            }
        });
        assertEquals(byGroup, rows(s, "SELECT id FROM m WHERE grp = ? ORDER BY id", grp));
        assertEquals(byKey, rows(s, "SELECT id FROM m WHERE doc->>'k' = ? ORDER BY id", key));
        assertEquals(List.of(String.valueOf(model.size())), rows(s, "SELECT count(*) FROM m"));
        for (final Map.Entry<Integer, Item> e : model.entrySet())
        {
            assertEquals(List.of(String.valueOf(e.getKey())),
                rows(s, "SELECT id FROM m WHERE name = ?", e.getValue().name()));
        }
    }
}
