package io.phantomdb.sql.engine;

import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlDatabases;
import io.phantomdb.sql.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.phantomdb.sql.engine.SqlTestSupport.one;
import static io.phantomdb.sql.engine.SqlTestSupport.rows;
import static io.phantomdb.sql.engine.SqlTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cases the differential tests against H2 found (property-tests, QueryDifferentialProperties and
 * DmlDifferentialProperties), each reduced to its smallest form; the expected values are PostgreSQL's.
 */
class DifferentialFindingsTest
{
    private SqlDatabase db;
    private SqlSession s;

    @BeforeEach
    void setUp()
    {
        db = SqlDatabases.inMemory();
        s = db.openSession();
    }

    @AfterEach
    void tearDown()
    {
        db.close();
    }

    @Test
    void shouldCompareTheResultOfAnIsTestWhenAComparisonFollows()
    {
        assertEquals("true", one(s, "SELECT 1 IS NULL = FALSE"));
        assertEquals("false", one(s, "SELECT NULL IS NULL <> TRUE"));
    }

    @Test
    void shouldReadTheStatementSnapshotWhenSetSubqueryReadsTheUpdatedTable()
    {
        run(s, "CREATE TABLE t (k INTEGER PRIMARY KEY, v INTEGER, g VARCHAR(5))",
            "INSERT INTO t VALUES (1, 10, 'x'), (2, NULL, 'x')",
            "UPDATE t SET v = (SELECT MAX(s.v) FROM t s WHERE s.g = t.g), g = NULL");
        assertEquals(List.of("1|10|null", "2|10|null"), rows(s, "SELECT * FROM t ORDER BY k"));
    }

    @Test
    void shouldTypeNumericConstantsWithAnExponentAsNumeric()
    {
        assertEquals("100", one(s, "SELECT 1e2"));
        assertEquals("1500", one(s, "SELECT 1.5e3"));
        assertEquals("0.01", one(s, "SELECT 1e-2"));
        assertEquals("true", one(s, "SELECT 1e308 * 10 > 1e308"));
    }

    @Test
    void shouldCompareAnIntegerKeyWithBigintValuesOutsideItsRange()
    {
        run(s, "CREATE TABLE a (k INTEGER PRIMARY KEY, v INTEGER)", "INSERT INTO a VALUES (1, 1), (2, 2)",
            "CREATE INDEX av ON a (v)");
        assertEquals(List.of("1", "2"), rows(s, "SELECT k FROM a WHERE k < 3000000000 ORDER BY k"));
        assertEquals(List.of(), rows(s, "SELECT k FROM a WHERE k = 3000000000"));
        assertEquals(List.of("1", "2"), rows(s, "SELECT k FROM a WHERE k >= CAST(-9223372036854775808 AS BIGINT) ORDER BY k"));
        assertEquals(List.of("1", "2"), rows(s, "SELECT k FROM a WHERE v > -3000000000 AND v <= 2.5 ORDER BY k"));
        assertEquals(List.of("2"), rows(s, "SELECT k FROM a WHERE v = 2.0"));
        assertEquals(List.of(), rows(s, "SELECT k FROM a WHERE v = 1.5"));
        assertEquals(List.of("1"), rows(s, "SELECT k FROM a WHERE k IN (1, 3000000000)"));
        run(s, "CREATE TABLE b (x BIGINT)", "INSERT INTO b VALUES (9223372036854775807), (2)");
        assertEquals(List.of("2"), rows(s, "SELECT a.k FROM b JOIN a ON b.x = a.k"));
    }

    @Test
    void shouldTreatMinusZeroAndZeroAsOneKey()
    {
        run(s, "CREATE TABLE d (k INTEGER PRIMARY KEY, x DOUBLE PRECISION)",
            "INSERT INTO d VALUES (1, CAST('-0' AS DOUBLE PRECISION)), (2, 0.0), (3, 1.5)",
            "CREATE INDEX dx ON d (x)");
        assertEquals(List.of("1", "2"), rows(s, "SELECT k FROM d WHERE x = CAST('-0' AS DOUBLE PRECISION) ORDER BY k"));
        assertEquals(List.of("1", "2"), rows(s, "SELECT k FROM d WHERE x = 0 ORDER BY k"));
        run(s, "CREATE TABLE e (x DOUBLE PRECISION PRIMARY KEY)", "INSERT INTO e VALUES (0.0)");
        SqlTestSupport.fails("23505", s, "INSERT INTO e VALUES (CAST('-0' AS DOUBLE PRECISION))");
        assertEquals("1", one(s, "SELECT count(*) FROM e"));
    }

    @Test
    void shouldMatchIntegersWithDoublesWhenAnInSubqueryCompareAcrossTypes()
    {
        run(s, "CREATE TABLE t1 (k0 INTEGER PRIMARY KEY, c1 DOUBLE PRECISION)",
            "INSERT INTO t1 VALUES (1, 1.0), (2, 3.0), (3, 2.0), (4, 4.5)");
        assertEquals(List.of("1", "2", "3"), rows(s, "SELECT k0 FROM t1 WHERE k0 IN (SELECT c1 FROM t1) ORDER BY k0"));
        assertEquals(List.of("1", "2", "3"), rows(s,
            "SELECT k0 FROM (SELECT k0 FROM t1 s5 WHERE s5.k0 IN (SELECT s6.c1 FROM t1 s6)) a0 ORDER BY k0"));
        assertEquals(List.of("1", "2", "3"), rows(s,
            "SELECT a.k0 FROM t1 a JOIN t1 b ON a.k0 = b.c1 ORDER BY a.k0"));
    }
}
