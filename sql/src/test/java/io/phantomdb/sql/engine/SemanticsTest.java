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

class SemanticsTest
{
    private SqlDatabase db;
    private SqlSession s;

    @BeforeEach
    void setUp()
    {
        db = SqlDatabases.inMemory();
        s = db.openSession();
        run(s, "CREATE TABLE emp (id INT PRIMARY KEY, dept TEXT, salary NUMERIC(10,2), hired DATE, boss INT)",
            "INSERT INTO emp VALUES (1, 'eng', 100.50, DATE '2020-01-15', NULL), (2, 'eng', 80, '2021-06-01', 1), " +
                "(3, 'ops', 60, '2019-03-10', 1), (4, 'ops', NULL, '2022-11-30', 3), (5, NULL, 50, NULL, 3)");
    }

    @AfterEach
    void tearDown()
    {
        db.close();
    }

    @Test
    void shouldFilterOuterJoinAfterJoiningWhenWhereReadsNullableSide()
    {
        assertEquals(List.of("2", "4", "5"), rows(s,
            "SELECT e.id FROM emp e LEFT JOIN emp r ON r.boss = e.id WHERE r.id IS NULL ORDER BY e.id"));
        assertEquals(List.of("1|2", "1|3", "3|4", "3|5"), rows(s,
            "SELECT b.id, e.id FROM emp e JOIN emp b ON e.boss = b.id ORDER BY 1, 2"));
    }

    @Test
    void shouldGroupByExpressionsWhenOrderingByAggregates()
    {
        assertEquals(List.of("eng|180.50", "ops|60.00", "null|50.00"), rows(s,
            "SELECT dept, sum(salary) FROM emp GROUP BY dept ORDER BY sum(salary) DESC"));
        assertEquals(List.of("2019|1", "2020|1", "2021|1", "2022|1", "null|1"), rows(s,
            "SELECT extract(year FROM hired)::int AS y, count(*) FROM emp GROUP BY y ORDER BY y"));
        assertEquals("5", one(s, "SELECT count(*) FROM emp HAVING count(*) > 2"));
        assertEquals(List.of(), rows(s, "SELECT count(*) FROM emp HAVING count(*) > 10"));
        assertEquals("3", one(s, "SELECT count(DISTINCT dept) + 1 FROM emp"));
    }

    @Test
    void shouldCompareDatesAndNumbersWhenTypesDiffer()
    {
        assertEquals(List.of("2", "4"), rows(s, "SELECT id FROM emp WHERE hired > '2020-12-31' ORDER BY id"));
        assertEquals(List.of("1", "2"), rows(s, "SELECT id FROM emp WHERE salary > 75 ORDER BY id"));
        assertEquals(List.of("1", "3"), rows(s, "SELECT id FROM emp WHERE hired BETWEEN '2019-01-01' AND '2020-12-31' ORDER BY id"));
        assertEquals("201.00", one(s, "SELECT salary * 2 FROM emp WHERE id = 1"));
        assertEquals(List.of("1", "2"), rows(s, "SELECT id FROM emp WHERE dept LIKE 'e%' ORDER BY id"));
        assertEquals(List.of("3", "4"), rows(s, "SELECT id FROM emp WHERE dept ILIKE 'OP_' ORDER BY id"));
    }

    @Test
    void shouldNestCorrelatedSubqueriesWhenTwoLevelsDeep()
    {
        assertEquals(List.of("1", "3"), rows(s, "SELECT id FROM emp b WHERE EXISTS (SELECT 1 FROM emp e WHERE e.boss = b.id " +
            "AND EXISTS (SELECT 1 FROM emp x WHERE x.id = e.id AND x.dept IS NOT DISTINCT FROM b.dept OR b.id = 3)) ORDER BY id"));
        assertEquals(List.of("1|2", "2|0", "3|2", "4|0", "5|0"), rows(s,
            "SELECT id, (SELECT count(*) FROM emp e WHERE e.boss = b.id) FROM emp b ORDER BY id"));
        assertEquals(List.of("2"), rows(s, "SELECT id FROM emp WHERE salary = (SELECT max(salary) FROM emp WHERE dept = 'eng' AND id > 1)"));
    }

    @Test
    void shouldRespectParametersWhenUsedInListsAndLimits()
    {
        assertEquals(List.of("2", "3"), rows(s, "SELECT id FROM emp WHERE id IN (?, ?) ORDER BY id LIMIT ?", 3, 2, 5L));
        assertEquals(List.of("1"), rows(s, "SELECT id FROM emp ORDER BY id LIMIT ?", 1));
        assertEquals(List.of("eng"), rows(s, "SELECT DISTINCT dept FROM emp WHERE dept = ?", "eng"));
        assertEquals("b", one(s, "SELECT CASE id WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END FROM emp WHERE id = ?", "2"));
    }

    @Test
    void shouldOrderSetOperationsWhenLimited()
    {
        assertEquals(List.of("ops", "eng"), rows(s,
            "SELECT dept FROM emp WHERE id < 3 UNION SELECT dept FROM emp WHERE id BETWEEN 3 AND 4 ORDER BY 1 DESC LIMIT 2"));
        assertEquals(List.of("1", "2"), rows(s, "VALUES (2), (1) ORDER BY 1"));
    }

    @Test
    void shouldKeepKeysConsistentWhenUpdatingPrimaryKeyIntoConflict()
    {
        fails("23505", s, "UPDATE emp SET id = 2 WHERE id = 1");
        run(s, "UPDATE emp SET id = id + 100");
        assertEquals(List.of("101", "102", "103", "104", "105"), rows(s, "SELECT id FROM emp ORDER BY id"));
        fails("42601", s, "SELECT FROM WHERE");
        fails("0A000", s, "SELECT DISTINCT ON (dept) dept FROM emp");
    }

    @Test
    void shouldTypeParametersAndGroupsWhenFoundByRandomQueries()
    {
        fails("42803", s, "SELECT min(salary), 1 FROM emp GROUP BY 1");
        assertEquals(List.of("1"), rows(s, "SELECT id FROM emp WHERE ? IN (NULL, salary) ORDER BY id", "100.5"));
        assertEquals(List.of("2"), rows(s, "SELECT id FROM emp WHERE ? IN (NULL, 80.00) AND id = 2", 80));
        assertEquals(List.of("2", "3"), rows(s, "SELECT id FROM emp WHERE salary IN (80, 60.0, 1, 2, 3, 4) ORDER BY id"));
        assertEquals(List.of(), rows(s, "SELECT id FROM emp WHERE salary NOT IN (80, 60.0, 1, 2, 3, NULL)"));
        assertEquals(List.of("1", "5"), rows(s, "SELECT id FROM emp WHERE salary NOT IN (80, 60.0, 1, 2, 3) ORDER BY id"));
    }

    @Test
    void shouldRunCorrelatedSubqueryOncePerDistinctOuterValueWhenMemoized()
    {
        final String sql = "SELECT id, (SELECT count(*) FROM emp e WHERE e.dept = b.dept) FROM emp b ORDER BY id";
        assertEquals(List.of("1|2", "2|2", "3|2", "4|2", "5|0"), rows(s, sql));
        final String plan = String.join("\n", rows(s, "EXPLAIN ANALYZE " + sql));
        assertTrue(plan.contains("(actual rows=3 loops=3"), plan);
        assertEquals(List.of("1", "3"), rows(s,
            "SELECT id FROM emp b WHERE EXISTS (SELECT 1 FROM emp e WHERE e.boss = b.id AND random() >= 0) ORDER BY id"));
    }
}
