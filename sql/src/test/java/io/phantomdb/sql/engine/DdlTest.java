package io.phantomdb.sql.engine;

import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlDatabases;
import io.phantomdb.sql.SqlMetadata;
import io.phantomdb.sql.SqlSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.phantomdb.sql.engine.SqlTestSupport.fails;
import static io.phantomdb.sql.engine.SqlTestSupport.one;
import static io.phantomdb.sql.engine.SqlTestSupport.plan;
import static io.phantomdb.sql.engine.SqlTestSupport.rows;
import static io.phantomdb.sql.engine.SqlTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DdlTest
{
    @TempDir
    Path dir;

    @Test
    void shouldKeepSchemaAndDataWhenReopened()
    {
        try (SqlDatabase db = SqlDatabases.open(dir); SqlSession s = db.openSession())
        {
            run(s, "CREATE TABLE docs (id INT PRIMARY KEY, doc JSON, n INT DEFAULT 3 CHECK (n < 100)) WITH (storage = 'lsm')",
                "INSERT INTO docs (id, doc) VALUES (1, '{\"name\": \"ada\", \"age\": 36}'), (2, '{\"name\": \"bob\"}')",
                "CREATE INDEX docs_name ON docs ((doc->>'name'))",
                "CREATE VIEW named AS SELECT id, doc->>'name' AS name FROM docs WHERE n > 0",
                "ALTER TABLE docs ADD COLUMN note TEXT DEFAULT 'none'",
                "CREATE TABLE plain (a TEXT, b INT)",
                "INSERT INTO plain VALUES ('x', 1)");
        }
        try (SqlDatabase db = SqlDatabases.open(dir); SqlSession s = db.openSession())
        {
            assertEquals(List.of("1|ada", "2|bob"), rows(s, "SELECT * FROM named ORDER BY id"));
            run(s, "INSERT INTO docs (id, doc) VALUES (3, '{\"name\": \"cy\"}')");
            assertEquals("3|3|none", one(s, "SELECT id, n, note FROM docs WHERE doc->>'name' = 'cy'"));
            final String explained = plan(s, "SELECT id FROM docs WHERE doc->>'name' = 'cy'");
            assertTrue(explained.contains("Index Scan using docs_name"), explained);
            fails("23514", s, "INSERT INTO docs (id, n) VALUES (4, 500)");
            run(s, "INSERT INTO plain VALUES ('y', 2)");
            assertEquals(List.of("x|1", "y|2"), rows(s, "SELECT * FROM plain ORDER BY a"));
            final SqlMetadata.TableInfo docs = db.metadata().tables().stream()
                .filter(t -> t.name().equals("docs")).findFirst().orElseThrow();
            assertEquals(List.of("id", "doc", "n", "note"), docs.columns().stream().map(SqlMetadata.ColumnInfo::name).toList());
            assertEquals("lsm", docs.storage());
            assertTrue(docs.indexes().stream().anyMatch(i -> i.expressions().equals(List.of("(doc ->> 'name')"))),
                docs.indexes().toString());
            assertTrue(db.metadata().tables().stream().anyMatch(t -> t.kind() == SqlMetadata.Kind.VIEW));
        }
    }

    @Test
    void shouldUseIndexesWhenPredicatesMatch()
    {
        try (SqlDatabase db = SqlDatabases.inMemory(); SqlSession s = db.openSession())
        {
            run(s, "CREATE TABLE p (a INT, b INT, c TEXT, PRIMARY KEY (a, b))",
                "CREATE INDEX p_c ON p (c)", "CREATE UNIQUE INDEX p_cb ON p USING hash (c, b)",
                "INSERT INTO p VALUES (1, 1, 'x'), (1, 2, 'y'), (2, 3, 'x')");
            assertTrue(plan(s, "SELECT * FROM p WHERE a = 1 AND b = 2").contains("Point Lookup"));
            assertTrue(plan(s, "SELECT * FROM p WHERE a = 1").contains("Primary Key Range Scan on p (a = 1)"));
            assertTrue(plan(s, "SELECT * FROM p WHERE c = ?").contains("Index Scan using p_c"));
            assertTrue(plan(s, "SELECT * FROM p WHERE c = 'x' AND b = 1").contains("Index Scan using p_cb"));
            assertEquals(List.of("1|1", "2|3"), rows(s, "SELECT a, b FROM p WHERE c = 'x' ORDER BY a"));
            assertEquals(List.of("1|2"), rows(s, "SELECT a, b FROM p WHERE a = 1 AND b > 1"));
            run(s, "DROP INDEX p_c", "ALTER TABLE p ADD COLUMN d INT", "ALTER TABLE p DROP COLUMN d");
            assertTrue(plan(s, "SELECT * FROM p WHERE c = 'y'").contains("Seq Scan"));
        }
    }

    @Test
    void shouldChooseJoinAlgorithmWhenPlanning()
    {
        try (SqlDatabase db = SqlDatabases.inMemory(); SqlSession s = db.openSession())
        {
            run(s, "CREATE TABLE l (id INT PRIMARY KEY, v INT)", "CREATE TABLE r (id INT PRIMARY KEY, w INT)",
                "INSERT INTO l VALUES (1, 10), (2, 20)", "INSERT INTO r VALUES (2, 200), (3, 300)");
            final String merge = plan(s, "SELECT * FROM l JOIN r ON l.id = r.id");
            assertTrue(merge.contains("Merge Join"), merge);
            assertEquals(List.of("2|20|2|200"), rows(s, "SELECT * FROM l JOIN r ON l.id = r.id"));
            assertTrue(plan(s, "SELECT * FROM l JOIN r ON l.v = r.w").contains("Hash Inner Join"));
            assertTrue(plan(s, "SELECT * FROM l JOIN r ON l.v < r.w").contains("Nested Loop Inner Join"));
        }
    }

    @Test
    void shouldReportDdlErrorsWithSqlState()
    {
        try (SqlDatabase db = SqlDatabases.inMemory(); SqlSession s = db.openSession())
        {
            run(s, "CREATE TABLE a (id INT PRIMARY KEY)", "CREATE TABLE IF NOT EXISTS a (id INT PRIMARY KEY)");
            fails("42P07", s, "CREATE TABLE a (x INT)");
            fails("42P01", s, "DROP TABLE nope");
            run(s, "DROP TABLE IF EXISTS nope");
            fails("42704", s, "DROP INDEX nope");
            fails("42701", s, "CREATE TABLE b (x INT, x INT)");
            fails("0A000", s, "CREATE TABLE m (id INT PRIMARY KEY) WITH (storage = 'lsm')");
            fails("42P01", s, "SELECT * FROM v");
            run(s, "CREATE VIEW v AS SELECT id FROM a", "DROP VIEW v");
            fails("42P01", s, "SELECT * FROM v");
            fails("0A000", s, "SAVEPOINT x");
        }
    }
}
