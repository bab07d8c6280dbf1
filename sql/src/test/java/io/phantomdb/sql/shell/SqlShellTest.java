package io.phantomdb.sql.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell fed scripts as a pipe would, through its main entry with streams, on a real data directory.
 */
class SqlShellTest
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String script, final String... args)
    {
        return SqlShell.run(args, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private String out()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err()
    {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintAlignedTableWhenScriptIsPiped(@TempDir final Path dir)
    {
        final int status = run(String.join("\n",
            "CREATE TABLE t (id INT PRIMARY KEY,",
            "  name VARCHAR(10));  -- a comment; not a statement",
            "INSERT INTO t VALUES (1, 'alice'), (22, 'bob');",
            "SELECT id, name FROM t ORDER BY id;",
            "SELECT name FROM t WHERE id = 3;"), dir.resolve("db").toString());

        assertEquals("", err());
        assertEquals(0, status);
        assertEquals(String.join("\n",
            "CREATE TABLE",
            "INSERT 0 2",
            " id | name",
            "----+-------",
            "  1 | alice",
            " 22 | bob",
            "(2 rows)",
            " name",
            "------",
            "(0 rows)",
            ""), out());
    }

    @Test
    void shouldStopWithStatusOneAndCaretWhenStatementFails(@TempDir final Path dir)
    {
        final int status = run("CREATE TABLE t (id INT PRIMARY KEY);\nSELECT id FRM t;\nINSERT INTO t VALUES (1);\n",
            dir.resolve("db").toString());

        assertEquals(1, status);
        assertEquals("CREATE TABLE\n", out());
        final String[] lines = err().split("\n");
        assertTrue(lines[0].startsWith("ERROR: ") && lines[0].endsWith("(SQLSTATE 42601)"), err());
        assertEquals("LINE 1: SELECT id FRM t", lines[1]);
        assertTrue(lines[2].endsWith("^"), err());
    }

    @Test
    void shouldRunEverythingWhenContinueIsGiven(@TempDir final Path dir)
    {
        final int status = run("SELECT * FROM nowhere;\nCREATE TABLE t (id INT PRIMARY KEY);\n",
            dir.resolve("db").toString(), "--continue");

        assertEquals(1, status);
        assertEquals("CREATE TABLE\n", out());
        assertTrue(err().contains("(SQLSTATE 42P01)"), err());
    }

    @Test
    void shouldRunCommandAndDescribeWhenGivenDashC(@TempDir final Path dir)
    {
        final String db = dir.resolve("db").toString();
        assertEquals(0, run("", db, "-c",
            "CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(20) NOT NULL); CREATE INDEX items_label ON items (label)"));
        out.reset();

        assertEquals(0, run("\\d\n\\d items\n\\timing\n\\q\nSELECT 1;\n", db));

        final String text = out();
        assertTrue(text.contains(" public | items       | table |"), text);
        assertTrue(text.contains(" public | items_label | index | items"), text);
        assertTrue(text.contains("Table \"public.items\""), text);
        assertTrue(text.contains(" id     | bigint      | not null |"), text);
        assertTrue(text.contains(" label  | varchar(20) | not null |"), text);
        assertTrue(text.contains("\"items_label\" btree (label)"), text);
        assertTrue(text.contains("Timing is on."), text);
        assertTrue(!text.contains("?column?") && !text.contains("(1 row)"), text);
    }

    @Test
    void shouldFailWithStatusTwoWhenArgumentIsUnknown()
    {
        assertEquals(2, run("", "--bogus"));
        assertTrue(err().startsWith("phantomdb sql: unexpected argument '--bogus'"), err());
    }
}
