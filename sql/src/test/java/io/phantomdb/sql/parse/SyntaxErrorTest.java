package io.phantomdb.sql.parse;

import io.phantomdb.sql.SqlException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SyntaxErrorTest
{
    private static SqlException fail(final String sql)
    {
        return assertThrows(SqlException.class, () -> SqlParser.parse(sql));
    }

    private static void assertError(final String sql, final String sqlState, final String message, final int position)
    {
        final SqlException ex = fail(sql);
        assertEquals(sqlState, ex.sqlState(), sql);
        assertEquals(message, ex.getMessage(), sql);
        assertEquals(position, ex.position(), sql);
    }

    @Test
    void shouldNameTokenLineAndColumnWhenTokenIsUnexpected()
    {
        assertError("SELECT a\nFROM FROM t", "42601", "syntax error at or near \"FROM\" (line 2, column 6)", 15);
        assertError("SELEC 1", "42601", "syntax error at or near \"SELEC\" (line 1, column 1)", 1);
        assertError("SELECT 1 2", "42601", "syntax error at or near \"2\" (line 1, column 10)", 10);
        assertError("SELECT * FROM t WHERE a < b < c", "42601",
            "syntax error at or near \"<\" (line 1, column 29)", 29);
    }

    @Test
    void shouldReportEndOfInputWhenStatementIsCut()
    {
        assertError("SELECT a FROM", "42601", "syntax error at end of input", 14);
        assertError("", "42601", "syntax error at end of input", 1);
        assertError("  -- only a comment", "42601", "syntax error at end of input", 20);
    }

    @Test
    void shouldPointAtTheStartOfUnterminatedTokens()
    {
        assertError("SELECT 'abc", "42601", "unterminated quoted string at or near \"'abc\" (line 1, column 8)", 8);
        assertError("SELECT E'abc\\'", "42601",
            "unterminated quoted string at or near \"E'abc\\'\" (line 1, column 8)", 8);
        assertError("SELECT \"abc", "42601",
            "unterminated quoted identifier at or near \"\"abc\" (line 1, column 8)", 8);
        assertError("SELECT 1 /* a /* nested */", "42601",
            "unterminated /* comment at or near \"/* a /* nested */\" (line 1, column 10)", 10);
        assertError("SELECT $x$abc$y$", "42601",
            "unterminated dollar-quoted string at or near \"$x$abc$y$\" (line 1, column 8)", 8);
        assertError("SELECT \"\"", "42601", "zero-length delimited identifier at or near \"\"\"\" (line 1, column 8)", 8);
    }

    @Test
    void shouldRejectSecondStatementWhenParsingOne()
    {
        assertError("SELECT 1; SELECT 2", "42601", "syntax error at or near \"SELECT\" (line 1, column 11)", 11);
        SqlParser.parse("SELECT 1;;");
    }

    @Test
    void shouldRejectReservedWordsAsNamesUnlessQuoted()
    {
        assertError("CREATE TABLE select (a int)", "42601", "syntax error at or near \"select\" (line 1, column 14)", 14);
        assertError("SELECT a FROM t AS where", "42601", "syntax error at or near \"where\" (line 1, column 20)", 20);
        SqlParser.parse("CREATE TABLE \"select\" (name text, key int, value int, date date, time time, text text, "
            + "json json, type int, level int, data bytea, position int)");
    }

    @Test
    void shouldReportUnsupportedFeaturesWithFeatureNotSupported()
    {
        assertEquals("0A000", fail("SELECT INTERVAL '1 day'").sqlState());
        assertEquals("0A000", fail("SELECT rank() OVER (ORDER BY a) FROM t").sqlState());
        assertEquals("0A000", fail("SELECT * FROM t, LATERAL (SELECT 1) x").sqlState());
        assertEquals("0A000", fail("SELECT a FROM t FOR UPDATE NOWAIT").sqlState());
        assertEquals("0A000", fail("CREATE INDEX i ON t (a) WHERE a > 0").sqlState());
    }

    @Test
    void shouldRejectMixedParameterStyles()
    {
        assertError("SELECT ?, $1", "42601", "cannot mix ? and $n parameters (line 1, column 11)", 11);
        assertError("SELECT $0", "42601", "there is no parameter $0 at or near \"$0\" (line 1, column 8)", 8);
    }

    @Test
    void shouldFailWithStatementTooComplexWhenNestingIsDeep()
    {
        final String deep = "SELECT " + "(".repeat(5000) + "1" + ")".repeat(5000);
        final SqlException ex = fail(deep);
        assertEquals("54001", ex.sqlState());
        final String minus = "SELECT " + "- ".repeat(5000) + "1";
        assertEquals("54001", fail(minus).sqlState());
        final String subqueries = "SELECT " + "(SELECT ".repeat(3000) + "1" + ")".repeat(3000);
        assertEquals("54001", fail(subqueries).sqlState());
        final String not = "SELECT " + "NOT ".repeat(5000) + "true";
        assertEquals("54001", fail(not).sqlState());
        SqlParser.parse("SELECT " + "(".repeat(100) + "1" + ")".repeat(100));
    }

    @Test
    void shouldParseLongFlatExpressionsWithoutRecursion()
    {
        SqlParser.parse("SELECT " + "1 + ".repeat(100_000) + "1");
    }
}
