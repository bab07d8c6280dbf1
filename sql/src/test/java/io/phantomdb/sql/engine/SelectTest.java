package io.phantomdb.sql.engine;

import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlDatabases;
import io.phantomdb.sql.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.phantomdb.sql.engine.SqlTestSupport.fails;
import static io.phantomdb.sql.engine.SqlTestSupport.one;
import static io.phantomdb.sql.engine.SqlTestSupport.rows;
import static io.phantomdb.sql.engine.SqlTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectTest
{
    private SqlDatabase db;
    private SqlSession session;

    @BeforeEach
    void setUp()
    {
        db = SqlDatabases.inMemory();
        session = db.openSession();
        run(session,
            "CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(20) NOT NULL, score INT, tag TEXT)",
            "INSERT INTO t VALUES (1, 'ada', 90, 'x'), (2, 'bob', NULL, 'y'), (3, 'cy', 70, 'x'), (4, 'di', 70, NULL)",
            "CREATE TABLE u (uid INT PRIMARY KEY, tid BIGINT, note TEXT)",
            "INSERT INTO u VALUES (10, 1, 'a'), (11, 1, 'b'), (12, 3, 'c'), (13, 9, 'd')");
    }

    @AfterEach
    void tearDown()
    {
        db.close();
    }

    @Test
    void shouldSelectWithWhereWhenRowsMatch()
    {
        assertEquals(List.of("1|ada", "3|cy"), rows(session, "SELECT id, name FROM t WHERE tag = 'x' ORDER BY id"));
        assertEquals("2|bob|null|y", one(session, "SELECT * FROM t WHERE id = 2"));
        assertEquals(List.of("4", "3", "2", "1"), rows(session, "SELECT id FROM t ORDER BY id DESC"));
    }

    @Test
    void shouldApplyThreeValuedLogicWhenValuesAreNull()
    {
        assertEquals(List.of("1", "3", "4"), rows(session, "SELECT id FROM t WHERE score IS NOT NULL ORDER BY 1"));
        assertEquals(List.of(), rows(session, "SELECT id FROM t WHERE score = NULL"));
        assertEquals(List.of("1", "3", "4"), rows(session, "SELECT id FROM t WHERE NOT (score > 100) ORDER BY id"));
        assertEquals("null|true|null|false", one(session,
            "SELECT NULL AND TRUE, NULL OR TRUE, NULL = NULL, FALSE AND NULL"));
        assertEquals(List.of(), rows(session, "SELECT id FROM t WHERE id NOT IN (SELECT score FROM t)"));
        assertEquals(List.of("2"), rows(session, "SELECT id FROM t WHERE tag IN ('y', NULL)"));
    }

    @Test
    void shouldAggregateWhenGrouping()
    {
        assertEquals(List.of("x|2|160|80", "y|1|null|null", "null|1|70|70"),
            rows(session, "SELECT tag, count(*), sum(score), avg(score)::int FROM t GROUP BY tag ORDER BY tag"));
        assertEquals("4|3|2|230|70|90", one(session,
            "SELECT count(*), count(score), count(DISTINCT score), sum(score), min(score), max(score) FROM t"));
        assertEquals(List.of("x|2"), rows(session, "SELECT tag, count(*) AS n FROM t GROUP BY tag HAVING count(*) > 1"));
        assertEquals("0|null", one(session, "SELECT count(*), sum(score) FROM t WHERE id > 100"));
        assertEquals(List.of("70|2", "90|1"), rows(session,
            "SELECT score, count(*) FROM t WHERE score IS NOT NULL GROUP BY 1 ORDER BY 1"));
    }

    @Test
    void shouldFailWhenColumnIsNotGrouped()
    {
        fails("42803", session, "SELECT tag, name FROM t GROUP BY tag");
        fails("42803", session, "SELECT id FROM t WHERE count(*) > 1");
    }

    @Test
    void shouldReportNameErrorsWithPosition()
    {
        assertEquals(15, fails("42P01", session, "SELECT * FROM nope").position());
        assertEquals(8, fails("42703", session, "SELECT nope FROM t").position());
        fails("42702", session, "SELECT id FROM t a, t b");
        fails("42804", session, "SELECT id FROM t WHERE score");
        fails("42883", session, "SELECT id FROM t WHERE name = 1");
    }

    @Test
    void shouldJoinWhenTablesRelate()
    {
        assertEquals(List.of("ada|a", "ada|b", "cy|c"),
            rows(session, "SELECT t.name, u.note FROM t JOIN u ON u.tid = t.id ORDER BY u.uid"));
        assertEquals(List.of("ada|a", "ada|b", "bob|null", "cy|c", "di|null"),
            rows(session, "SELECT t.name, u.note FROM t LEFT JOIN u ON u.tid = t.id ORDER BY t.id, u.uid"));
        assertEquals(List.of("ada|a", "ada|b", "cy|c", "null|d"),
            rows(session, "SELECT t.name, u.note FROM t RIGHT JOIN u ON u.tid = t.id ORDER BY u.uid"));
        assertEquals(5 + 1, rows(session, "SELECT * FROM t FULL JOIN u ON u.tid = t.id").size());
        assertEquals(16, rows(session, "SELECT * FROM t CROSS JOIN u").size());
        assertEquals(List.of("1|a", "1|b", "3|c"), rows(session,
            "SELECT id, note FROM t, u WHERE tid = id AND score > 10 ORDER BY note"));
        assertEquals(List.of("3|c"), rows(session,
            "SELECT t.id, u.note FROM t JOIN u ON u.tid = t.id AND u.note > 'b' ORDER BY 1"));
    }

    @Test
    void shouldRunSubqueriesWhenCorrelatedOrNot()
    {
        assertEquals(List.of("1", "3"), rows(session, "SELECT id FROM t WHERE id IN (SELECT tid FROM u) ORDER BY id"));
        assertEquals(List.of("2", "4"), rows(session,
            "SELECT id FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.tid = t.id) ORDER BY id"));
        assertEquals(List.of("ada|2", "bob|0", "cy|1", "di|0"), rows(session,
            "SELECT name, (SELECT count(*) FROM u WHERE tid = t.id) FROM t ORDER BY id"));
        assertEquals("90", one(session, "SELECT (SELECT max(score) FROM t)"));
        assertEquals(List.of("1"), rows(session, "SELECT id FROM t WHERE score > ALL (SELECT score FROM t WHERE id > 2)"));
        fails("21000", session, "SELECT (SELECT id FROM t)");
        assertEquals(List.of("x|2"), rows(session,
            "SELECT tag, n FROM (SELECT tag, count(*) AS n FROM t GROUP BY tag) AS g WHERE n > 1"));
    }

    @Test
    void shouldCombineWhenSetOperations()
    {
        assertEquals(List.of("1", "2", "3", "4", "9"), rows(session,
            "SELECT id FROM t UNION SELECT tid FROM u ORDER BY 1"));
        assertEquals(8, rows(session, "SELECT id FROM t UNION ALL SELECT tid FROM u").size());
        assertEquals(List.of("1", "3"), rows(session, "SELECT id FROM t INTERSECT SELECT tid FROM u ORDER BY 1"));
        assertEquals(List.of("2", "4"), rows(session, "SELECT id FROM t EXCEPT SELECT tid FROM u ORDER BY 1"));
        assertEquals(List.of("1", "1"), rows(session,
            "SELECT tid FROM u INTERSECT ALL SELECT tid FROM u WHERE tid = 1"));
    }

    @Test
    void shouldEvaluateExpressionsWhenSelectingWithoutFrom()
    {
        assertEquals("3|abc|2|x", one(session, "SELECT 1 + 2, 'ab' || 'c', COALESCE(NULL, 2), NULLIF('x', 'y')"));
        assertEquals("big", one(session, "SELECT CASE WHEN 5 > 3 THEN 'big' ELSE 'small' END"));
        assertEquals("12", one(session, "SELECT CAST('12' AS INTEGER)"));
        assertEquals("1|2", one(session, "SELECT * FROM (VALUES (1, 2)) AS v(a, b)"));
        assertEquals(List.of("2", "3"), rows(session, "SELECT id FROM t ORDER BY id LIMIT 2 OFFSET 1"));
        assertEquals(List.of("x", "y"), rows(session, "SELECT DISTINCT tag FROM t WHERE tag IS NOT NULL ORDER BY tag"));
        assertEquals("ADA", one(session, "SELECT upper(name) FROM t WHERE id = 1"));
        fails("22012", session, "SELECT 1 / 0");
    }

    @Test
    void shouldUseCteWhenWithClause()
    {
        assertEquals(List.of("3|cy"), rows(session,
            "WITH hi AS (SELECT id, name FROM t WHERE score >= 70) SELECT * FROM hi WHERE id = 3"));
    }

    @Test
    void shouldOrderByAliasAndHiddenColumnWhenRequested()
    {
        assertEquals(List.of("di", "cy", "bob", "ada"), rows(session, "SELECT name AS n FROM t ORDER BY n DESC"));
        assertEquals(List.of("ada", "cy", "di", "bob"), rows(session, "SELECT name FROM t ORDER BY score DESC NULLS LAST, id"));
        assertEquals(List.of("bob", "ada", "cy", "di"), rows(session, "SELECT name FROM t ORDER BY score DESC, id"));
    }

    @Test
    void shouldShowPlanWhenExplaining()
    {
        final String point = SqlTestSupport.plan(session, "SELECT * FROM t WHERE id = 1");
        assertTrue(point.contains("Point Lookup on t (id = 1)"), point);
        final String range = SqlTestSupport.plan(session, "SELECT * FROM t WHERE id >= 2 AND id < 4");
        assertTrue(range.contains("Primary Key Range Scan on t"), range);
        final String keyList = SqlTestSupport.plan(session, "SELECT name FROM t WHERE id IN (3, 1, ?) AND score > 0");
        assertTrue(keyList.contains("Key List Lookup on t (id IN (3, 1, $1))"), keyList);
        assertEquals(List.of("cy", "ada"), rows(session, "SELECT name FROM t WHERE id IN (3, 1, 3, 99, ?) AND score > 0", 3L));
        final String join = SqlTestSupport.plan(session, "SELECT * FROM t JOIN u ON u.tid = t.id");
        assertTrue(join.contains("Hash Inner Join"), join);
        final String analyze = String.join("\n", rows(session, "EXPLAIN ANALYZE SELECT * FROM t WHERE score > 1"));
        assertTrue(analyze.contains("actual rows=3 loops=1"), analyze);
        final String correlated = String.join("\n", rows(session,
            "EXPLAIN ANALYZE SELECT name, (SELECT count(*) FROM u WHERE tid = t.id) FROM t"));
        assertTrue(correlated.contains("SubPlan 1"), correlated);
        assertTrue(correlated.contains("Aggregate (count(*))  (rows=1) (actual rows=4 loops=4"), correlated);
    }
}
