package io.phantomdb.sql.parse;

import io.phantomdb.sql.SqlException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SplitTest
{
    @Test
    void shouldSplitAtSemicolonsAndDropEmptyStatements()
    {
        assertEquals(List.of("SELECT 1", "SELECT 2"), SqlParser.split(" SELECT 1 ;; ;\nSELECT 2;  "));
        assertEquals(List.of(), SqlParser.split(" ; -- x;\n /* ; */ ;"));
        assertEquals(List.of("SELECT 1"), SqlParser.split("SELECT 1"));
    }

    @Test
    void shouldNotSplitInsideStringsNamesCommentsAndDollarQuotes()
    {
        final String script = "INSERT INTO t VALUES ('a;b', E'c\\';d');\n"
            + "SELECT \"x;y\" FROM t -- tail; comment\n WHERE a = $$;$$ /* ; /* ; */ */ AND b = $q$;$q$;\n"
            + "SELECT 3";
        final List<String> parts = SqlParser.split(script);
        assertEquals(3, parts.size());
        assertEquals("INSERT INTO t VALUES ('a;b', E'c\\';d')", parts.get(0));
        assertEquals("SELECT \"x;y\" FROM t -- tail; comment\n WHERE a = $$;$$ /* ; /* ; */ */ AND b = $q$;$q$",
            parts.get(1));
        assertEquals("SELECT 3", parts.get(2));
    }

    @Test
    void shouldFailWhenStringIsUnterminatedInScript()
    {
        final SqlException ex = assertThrows(SqlException.class, () -> SqlParser.split("SELECT 1; SELECT 'x;"));
        assertEquals("42601", ex.sqlState());
        assertEquals(18, ex.position());
    }
}
