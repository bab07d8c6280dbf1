package io.phantomdb.proptest.sql;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsTest
{
    private static Outcome rows(final Object[]... rows)
    {
        final List<List<Object>> list = new ArrayList<>();
        for (final Object[] row : rows)
        {
            list.add(Arrays.asList(row));
        }
        return Outcome.rows(list);
    }

    @Test
    void shouldAgreeWhenOnlyNumberTypesScalesAndLastDigitsDiffer()
    {
        final Outcome ours = rows(new Object[] { 1, new BigDecimal("1.50"), 2.0 / 3, null, "a" });
        final Outcome theirs = rows(new Object[] { 1L, new BigDecimal("1.5"), new BigDecimal("0.66666666666666666667"), null, "a" });
        assertNull(Results.difference(ours, theirs, true));
    }

    @Test
    void shouldDisagreeWhenAValueOrTheOrderDiffers()
    {
        final Outcome ab = rows(new Object[] { "a" }, new Object[] { "b" });
        final Outcome ba = rows(new Object[] { "b" }, new Object[] { "a" });
        assertNull(Results.difference(ab, ba, false));
        assertEquals("ordered rows differ\nPhantomDB (2): [('a'), ('b')]\nreference (2): [('b'), ('a')]", Results.difference(ab, ba, true));
        assertNotNull(Results.difference(rows(new Object[] { 1.25 }), rows(new Object[] { 1.5 }), false));
        assertNotNull(Results.difference(rows(new Object[] { null }), rows(new Object[] { 0 }), false));
        assertNotNull(Results.difference(ab, rows(new Object[] { "a" }, new Object[] { "b" }, new Object[] { "b" }), false));
    }

    @Test
    void shouldDisagreeWhenOnlyOneSideFailsOrPhantomDbThrowsANonSqlException()
    {
        final Outcome error = Outcome.error("22012", "division by zero");
        assertTrue(Results.difference(error, rows(), false).startsWith("PhantomDB: ERROR 22012"));
        assertNull(Results.difference(error, Outcome.error("22012", "Division by zero"), false));
        assertNotNull(Results.difference(Outcome.error(Outcome.NOT_SQL, "NullPointerException"), error, false));
        assertNotNull(Results.difference(Outcome.count(2), Outcome.count(3), false));
    }

    @Test
    void shouldComputeIntersectAllAndExceptAllAsMultisetsWhenTheReferenceLacksThem()
    {
        final SqlSide reference = new SqlSide()
        {
            @Override
            public Outcome run(final String sql)
            {
                return sql.equals("L") ? rows(new Object[] { 1 }, new Object[] { 1 }, new Object[] { 1 }, new Object[] { 2 }) :
                    rows(new Object[] { 1L }, new Object[] { 1L }, new Object[] { 3L });
            }

            @Override
            public void close()
            {
            }
        };
        final Outcome intersect = Reference.run(reference, new QueryGenerator.Query("L INTERSECT ALL R", false, null, "INTERSECT ALL", "L", "R"));
        final Outcome except = Reference.run(reference, new QueryGenerator.Query("L EXCEPT ALL R", false, null, "EXCEPT ALL", "L", "R"));
        assertEquals(List.of("(1)", "(1)"), Results.canonical(intersect.rows()));
        assertEquals(List.of("(1)", "(2)"), Results.canonical(except.rows()));
    }

    @Test
    void shouldKeepQuotedStringsWhenTokenizing()
    {
        assertEquals(List.of("SELECT", "'it''s'", ",", "a0.c1", "<>", "(", "-", "1", ")"),
            Mutator.tokens("SELECT 'it''s', a0.c1 <> (-1)"));
    }
}
