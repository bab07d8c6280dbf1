package io.phantomdb.sql.engine;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlDatabases;
import io.phantomdb.sql.SqlMetadata;
import io.phantomdb.sql.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.phantomdb.sql.engine.SqlTestSupport.fails;
import static io.phantomdb.sql.engine.SqlTestSupport.one;
import static io.phantomdb.sql.engine.SqlTestSupport.plan;
import static io.phantomdb.sql.engine.SqlTestSupport.rows;
import static io.phantomdb.sql.engine.SqlTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogFeaturesTest
{
    private SqlDatabase db;
    private SqlSession session;

    @BeforeEach
    void setUp()
    {
        db = SqlDatabases.inMemory();
        session = db.openSession();
    }

    @AfterEach
    void tearDown()
    {
        db.close();
    }

    @Test
    void shouldQuerySystemTableWhenRegistered()
    {
        db.registerSystemTable("pg_catalog", "pg_settings_demo",
            List.of(ResultColumn.computed("name", ColumnType.TEXT), ResultColumn.computed("n", ColumnType.INTEGER)),
            () -> List.of(new Object[]{"a", 1}, new Object[]{"b", 2}));
        assertEquals(List.of("b"), rows(session, "SELECT name FROM pg_catalog.pg_settings_demo WHERE n > 1"));
        fails("42P01", session, "SELECT * FROM pg_catalog.nothing");
        assertEquals("2", one(session, "SELECT count(*) FROM pg_settings_demo"));
    }

    @Test
    void shouldHideInternalsWhenListingMetadata()
    {
        run(session, "CREATE TABLE nokey (a INT, b TEXT)", "CREATE TABLE k (id INT PRIMARY KEY, doc JSON)",
            "CREATE INDEX k_doc ON k ((doc->>'x'))", "CREATE VIEW kv AS SELECT id AS ident FROM k");
        final SqlMetadata metadata = db.metadata();
        assertEquals(List.of("k", "kv", "nokey"), metadata.tables().stream().map(SqlMetadata.TableInfo::name).toList());
        final SqlMetadata.TableInfo nokey = metadata.tables().get(2);
        assertEquals(List.of("a", "b"), nokey.columns().stream().map(SqlMetadata.ColumnInfo::name).toList());
        assertTrue(nokey.primaryKey().isEmpty());
        final SqlMetadata.TableInfo k = metadata.tables().get(0);
        assertEquals(List.of("id", "doc"), k.columns().stream().map(SqlMetadata.ColumnInfo::name).toList());
        final SqlMetadata.TableInfo view = metadata.tables().get(1);
        assertEquals(SqlMetadata.Kind.VIEW, view.kind());
        assertEquals("ident", view.columns().get(0).name());
        assertEquals("SELECT id AS ident FROM k", view.definition());
        assertEquals(List.of("a|b"), rows(session, "SELECT * FROM (SELECT 'a' AS x, 'b' AS y) AS q"));
        assertFalse(rows(session, "SELECT * FROM nokey").iterator().hasNext());
    }

    @Test
    void shouldEvaluateJsonOperatorsWhenDocumentsStored()
    {
        run(session, "CREATE TABLE d (id INT PRIMARY KEY, doc JSON)",
            "INSERT INTO d VALUES (1, '{\"name\": \"ada\", \"tags\": [\"x\", \"y\"], \"addr\": {\"city\": \"Oslo\"}}')",
            "INSERT INTO d VALUES (2, '{\"name\": \"bob\", \"tags\": []}')");
        assertEquals("ada|\"ada\"|Oslo|\"y\"", one(session,
            "SELECT doc->>'name', doc->'name', doc#>>'{addr,city}', doc->'tags'->1 FROM d WHERE id = 1"));
        assertEquals(List.of("1"), rows(session, "SELECT id FROM d WHERE doc @> '{\"name\": \"ada\"}'"));
        assertEquals(List.of("1"), rows(session, "SELECT id FROM d WHERE doc ? 'addr'"));
        run(session, "CREATE INDEX d_name ON d ((doc->>'name'))");
        final String explained = plan(session, "SELECT id FROM d WHERE doc->>'name' = ?");
        assertTrue(explained.contains("Index Scan using d_name"), explained);
        assertEquals("2", one(session, "SELECT id FROM d WHERE doc->>'name' = ?", "bob"));
        run(session, "UPDATE d SET doc = '{\"name\": \"cy\"}' WHERE id = 2");
        assertEquals("2", one(session, "SELECT id FROM d WHERE doc->>'name' = 'cy'"));
        assertEquals(List.of(), rows(session, "SELECT id FROM d WHERE doc->>'name' = 'bob'"));
        fails("22P02", session, "INSERT INTO d VALUES (3, '{broken')");
        run(session, "DROP INDEX d_name");
        assertEquals(List.of("id", "doc"), db.metadata().tables().get(0).columns().stream()
            .map(SqlMetadata.ColumnInfo::name).toList());
    }

    @Test
    void shouldExpandViewsWhenQueried()
    {
        run(session, "CREATE TABLE s (id INT PRIMARY KEY, v INT)", "INSERT INTO s VALUES (1, 10), (2, 20), (3, 30)",
            "CREATE VIEW big (ident, value) AS SELECT id, v FROM s WHERE v > 15");
        assertEquals(List.of("2|20", "3|30"), rows(session, "SELECT * FROM big ORDER BY ident"));
        assertEquals(List.of("3"), rows(session, "SELECT ident FROM big WHERE value > 25"));
        final String explained = plan(session, "SELECT ident FROM big WHERE ident = 3");
        assertTrue(explained.contains("Point Lookup on s"), explained);
        run(session, "CREATE OR REPLACE VIEW big AS SELECT id AS ident FROM s");
        assertEquals("3", one(session, "SELECT count(*) FROM big"));
        fails("0A000", session, "INSERT INTO big VALUES (4)");
        run(session, "DROP TABLE s");
        fails("42P01", session, "SELECT * FROM big");
        assertTrue(db.metadata().tables().stream().anyMatch(t -> t.name().equals("big") && t.columns().isEmpty()));
    }

    @Test
    void shouldDropDependentIndexesAndChecksWhenColumnDropped()
    {
        run(session, "CREATE TABLE e (id INT PRIMARY KEY, doc JSON, n INT CHECK (n > 0))",
            "CREATE INDEX e_name ON e ((doc->>'name'))", "INSERT INTO e VALUES (1, '{\"name\": \"x\"}', 1)",
            "ALTER TABLE e DROP COLUMN doc", "ALTER TABLE e DROP COLUMN n");
        run(session, "INSERT INTO e VALUES (2)");
        assertEquals(List.of("1", "2"), rows(session, "SELECT * FROM e ORDER BY id"));
        assertTrue(db.metadata().tables().get(0).indexes().stream().noneMatch(i -> i.name().equals("e_name")));
        fails("42704", session, "DROP INDEX e_name");
    }
}
