package io.phantomdb.sql.plan;

import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlDatabases;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizerTest
{
    private SqlDatabase db;
    private SqlSession session;

    @BeforeEach
    void setUp()
    {
        db = SqlDatabases.inMemory();
        session = db.openSession();
        exec("CREATE TABLE fact (id INT PRIMARY KEY, a INT, b INT, v INT)");
        exec("CREATE TABLE da (id INT PRIMARY KEY, name TEXT)");
        exec("CREATE TABLE db (id INT PRIMARY KEY, name TEXT)");
        final StringBuilder sb = new StringBuilder("INSERT INTO fact VALUES ");
        for (int i = 0; i < 300; i++)
        {
            sb.append(i == 0 ? "" : ", ").append('(').append(i).append(", ").append(i % 3).append(", ")
                .append(i % 5).append(", ").append(i).append(')');
        }
        exec(sb.toString());
        exec("INSERT INTO da VALUES (0, 'a0'), (1, 'a1'), (2, 'a2')");
        exec("INSERT INTO db VALUES (0, 'b0'), (1, 'b1')");
    }

    @AfterEach
    void tearDown()
    {
        db.close();
    }

    private void exec(final String sql)
    {
        try (SqlResult r = session.execute(sql))
        {
            while (r.returnsRows() && r.next())
            {
                continue;
            }
        }
    }

    private List<String> rows(final String sql)
    {
        final List<String> out = new ArrayList<>();
        try (SqlResult r = session.execute(sql))
        {
            while (r.next())
            {
                final StringBuilder sb = new StringBuilder();
                for (int i = 0; i < r.columns().size(); i++)
                {
                    sb.append(i == 0 ? "" : "|").append(r.get(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    @Test
    void shouldStartWithSmallestRelationWhenJoiningThreeTables()
    {
        final String sql = "SELECT fact.id, da.name, db.name FROM fact JOIN da ON fact.a = da.id JOIN db ON fact.b = db.id " +
            "WHERE fact.v < 20";
        final String plan = String.join("\n", rows("EXPLAIN " + sql));
        final int firstScan = plan.indexOf("Scan on");
        assertTrue(plan.substring(firstScan).startsWith("Scan on db"), plan);
        final List<String> result = rows(sql + " ORDER BY fact.id");
        assertEquals(8, result.size(), result.toString());
        assertEquals("0|a0|b0", result.get(0));
        assertEquals("16|a1|b1", result.get(result.size() - 1));
    }

    @Test
    void shouldTurnCorrelatedExistsIntoSemiJoinWhenCorrelationIsEquality()
    {
        final String sql = "SELECT id FROM da WHERE EXISTS (SELECT 1 FROM fact WHERE fact.a = da.id AND fact.v > 295)";
        final String plan = String.join("\n", rows("EXPLAIN " + sql));
        assertTrue(plan.contains("Hash Semi Join"), plan);
        assertEquals(List.of("0", "1", "2"), rows(sql + " ORDER BY id"));
        final String anti = "SELECT id FROM da WHERE NOT EXISTS (SELECT 1 FROM fact WHERE fact.a = da.id AND fact.v > 298)";
        assertTrue(String.join("\n", rows("EXPLAIN " + anti)).contains("Hash Anti Join"));
        assertEquals(List.of("0", "1"), rows(anti + " ORDER BY id"));
    }

    @Test
    void shouldFoldConstantsWhenPlanning()
    {
        final String plan = String.join("\n", rows("EXPLAIN SELECT id FROM fact WHERE id = 2 * 5 + 1"));
        assertTrue(plan.contains("Point Lookup on fact (id = 11)"), plan);
        final String random = String.join("\n", rows("EXPLAIN SELECT random() FROM da"));
        assertTrue(random.contains("random()"), random);
    }

    @Test
    void shouldPushPredicatesBelowJoinsWhenTheyReadOneSide()
    {
        final String plan = String.join("\n", rows(
            "EXPLAIN SELECT * FROM fact JOIN da ON fact.a = da.id WHERE da.name = 'a1' AND fact.id = 4"));
        assertTrue(plan.contains("Point Lookup on fact (id = 4)"), plan);
        assertTrue(plan.contains("Filter (name = 'a1')"), plan);
        assertEquals(List.of("4|1|4|4|1|a1"), rows("SELECT * FROM fact JOIN da ON fact.a = da.id WHERE da.name = 'a1' AND fact.id = 4"));
    }

    @Test
    void shouldReadInKeyOrderInsteadOfSortingWhenOrderedByPrimaryKey()
    {
        final String plan = String.join("\n", rows("EXPLAIN SELECT id, v FROM fact WHERE v > 10 ORDER BY id DESC LIMIT 3"));
        assertTrue(plan.contains("Seq Scan on fact backward"), plan);
        assertTrue(!plan.contains("Sort"), plan);
        assertEquals(List.of("299|299", "298|298", "297|297"), rows("SELECT id, v FROM fact WHERE v > 10 ORDER BY id DESC LIMIT 3"));
        assertTrue(String.join("\n", rows("EXPLAIN SELECT id FROM fact ORDER BY v")).contains("Sort (v)"));
    }

    @Test
    void shouldLookUpRightRowsByKeyWhenLeftSideIsSmall()
    {
        final String sql = "SELECT da.name, fact.v FROM da JOIN fact ON fact.id = da.id ORDER BY da.id";
        final String plan = String.join("\n", rows("EXPLAIN " + sql));
        assertTrue(plan.contains("Index Nested Loop Inner Join"), plan);
        assertTrue(plan.contains("Point Lookup on fact (id = outer.id)"), plan);
        assertEquals(List.of("a0|0", "a1|1", "a2|2"), rows(sql));
        exec("INSERT INTO da VALUES (1000, 'none')");
        assertEquals(List.of("a2|2", "none|null"), rows(
            "SELECT da.name, fact.v FROM da LEFT JOIN fact ON fact.id = da.id WHERE da.id >= 2 ORDER BY da.id"));
        assertEquals(List.of("1000"), rows(
            "SELECT id FROM da WHERE NOT EXISTS (SELECT 1 FROM fact WHERE fact.id = da.id)"));
    }

    @Test
    void shouldDeriveKeyPredicateThroughJoinWhenColumnsAreEqual()
    {
        exec("CREATE TABLE orders (id INT PRIMARY KEY, customer_id BIGINT NOT NULL, amount INT)");
        exec("CREATE INDEX orders_customer ON orders (customer_id)");
        exec("INSERT INTO orders SELECT id, a, v FROM fact");
        final String sql = "SELECT o.id, o.amount, c.name FROM orders o JOIN da c ON c.id = o.customer_id " +
            "WHERE o.customer_id = ? ORDER BY o.id LIMIT 3";
        final List<String> plan = new ArrayList<>();
        try (SqlResult r = session.prepare("EXPLAIN " + sql).execute())
        {
            while (r.next())
            {
                plan.add((String)r.get(0));
            }
        }
        final String text = String.join("\n", plan);
        assertTrue(text.contains("Index Scan using orders_customer on orders (customer_id = $1)"), text);
        assertTrue(text.contains("Point Lookup on da (id = $1)"), text);
        final List<String> result = new ArrayList<>();
        try (SqlResult r = session.prepare(sql).execute(2L))
        {
            while (r.next())
            {
                result.add(r.get(0) + "|" + r.get(1) + "|" + r.get(2));
            }
        }
        assertEquals(List.of("2|2|a2", "5|5|a2", "8|8|a2"), result);
    }

    @Test
    void shouldKeepOnlyTopRowsWhenSortIsLimited()
    {
        final String plan = String.join("\n", rows("EXPLAIN SELECT id FROM fact ORDER BY v % 7 DESC, id LIMIT 3 OFFSET 1"));
        assertTrue(plan.contains("Top-N Sort"), plan);
        assertEquals(List.of("13", "20", "27"), rows("SELECT id FROM fact ORDER BY v % 7 DESC, id LIMIT 3 OFFSET 1"));
        assertEquals(List.of(), rows("SELECT id FROM fact ORDER BY v LIMIT 0"));
        assertEquals(300, rows("SELECT id FROM fact ORDER BY v % 3 LIMIT 1000").size());
    }
}
