package io.phantomdb.sql.shell;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementScannerTest
{
    @Test
    void shouldSplitOnSemicolonsWhenOutsideQuotesAndComments()
    {
        final StatementScanner scanner = new StatementScanner();

        assertEquals(List.of(), scanner.add("SELECT 'a;b', \"c;d\" -- e;f"));
        assertTrue(scanner.hasPending());
        assertEquals(List.of("SELECT 'a;b', \"c;d\"", "SELECT /* x; /* nested; */ y; */ 1"),
            scanner.add("; SELECT /* x; /* nested; */ y; */ 1; SELECT"));
        assertTrue(scanner.hasPending());
    }

    @Test
    void shouldReturnTwoStatementsWhenOneLineHoldsBoth()
    {
        final StatementScanner scanner = new StatementScanner();

        final List<String> statements = scanner.add("SELECT 1;SELECT 2;");

        assertEquals(List.of("SELECT 1", "SELECT 2"), statements);
        assertFalse(scanner.hasPending());
    }

    @Test
    void shouldJoinLinesWhenStatementSpansThem()
    {
        final StatementScanner scanner = new StatementScanner();

        scanner.add("INSERT INTO t");
        scanner.add("VALUES ('it''s')");
        assertEquals(List.of("INSERT INTO t\nVALUES ('it''s')"), scanner.add(";"));
        assertEquals("", scanner.takePending());
    }

    @Test
    void shouldPrintCaretUnderPositionWhenErrorHasOne()
    {
        final SQLException ex = new SQLSyntaxErrorException("syntax error at or near \"fro\"", "42601",
            new io.phantomdb.sql.SqlException("42601", "syntax error at or near \"fro\"", 17));

        final List<String> lines = ErrorFormatter.format(ex, "SELECT a\nFROM t fro x");

        assertEquals(List.of(
            "ERROR: syntax error at or near \"fro\" (SQLSTATE 42601)",
            "LINE 2: FROM t fro x",
            "               ^"), lines);
    }

    @Test
    void shouldSpellTypesAsSqlWhenDescribing()
    {
        assertEquals("integer", Describe.typeText("int4", 10, 0));
        assertEquals("varchar(20)", Describe.typeText("varchar", 20, 0));
        assertEquals("varchar", Describe.typeText("varchar", Integer.MAX_VALUE, 0));
        assertEquals("numeric(10,2)", Describe.typeText("numeric", 10, 2));
        assertEquals("double precision", Describe.typeText("float8", 17, 0));
    }
}
