package io.phantomdb.sql.engine;

import io.phantomdb.sql.PreparedSql;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlDatabases;
import io.phantomdb.sql.SqlResult;
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
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DmlTest
{
    private SqlDatabase db;
    private SqlSession session;

    @BeforeEach
    void setUp()
    {
        db = SqlDatabases.inMemory();
        session = db.openSession();
        run(session, "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(5) NOT NULL UNIQUE, " +
            "qty INT DEFAULT 7 CHECK (qty >= 0), price NUMERIC(8,2))");
    }

    @AfterEach
    void tearDown()
    {
        db.close();
    }

    @Test
    void shouldInsertRowsWithDefaultsWhenColumnsOmitted()
    {
        try (SqlResult result = session.execute("INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b')"))
        {
            assertEquals("INSERT 0 2", result.commandTag());
            assertEquals(2, result.updateCount());
        }
        run(session, "INSERT INTO items VALUES (3, 'c', DEFAULT, 1.005)");
        assertEquals(List.of("1|a|7|null", "2|b|7|null", "3|c|7|1.01"), rows(session, "SELECT * FROM items ORDER BY id"));
    }

    @Test
    void shouldReportConstraintViolationsWithSqlState()
    {
        run(session, "INSERT INTO items (id, name) VALUES (1, 'a')");
        fails("23505", session, "INSERT INTO items (id, name) VALUES (1, 'z')");
        fails("23505", session, "INSERT INTO items (id, name) VALUES (2, 'a')");
        fails("23502", session, "INSERT INTO items (id, name) VALUES (3, NULL)");
        fails("23514", session, "INSERT INTO items (id, name, qty) VALUES (4, 'q', -1)");
        fails("22001", session, "INSERT INTO items (id, name) VALUES (5, 'toolong')");
        fails("42804", session, "INSERT INTO items (id, name) VALUES (TRUE, 'x')");
        fails("42703", session, "INSERT INTO items (id, nope) VALUES (6, 'x')");
        fails("22003", session, "INSERT INTO items (id, name) VALUES (3000000000, 'x')");
        assertEquals("1", one(session, "SELECT count(*) FROM items"));
    }

    @Test
    void shouldUpdateAndDeleteWhenRowsMatch()
    {
        run(session, "INSERT INTO items (id, name, qty) VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)");
        try (SqlResult result = session.execute("UPDATE items SET qty = qty * 10 WHERE id >= 2"))
        {
            assertEquals("UPDATE 2", result.commandTag());
        }
        assertEquals(List.of("1", "20", "30"), rows(session, "SELECT qty FROM items ORDER BY id"));
        run(session, "UPDATE items SET id = id + 10 WHERE id = 1");
        assertEquals(List.of("2", "3", "11"), rows(session, "SELECT id FROM items ORDER BY id"));
        fails("23514", session, "UPDATE items SET qty = -5");
        try (SqlResult result = session.execute("DELETE FROM items WHERE qty > 10"))
        {
            assertEquals("DELETE 2", result.commandTag());
        }
        assertEquals(List.of("11|a"), rows(session, "SELECT id, name FROM items"));
    }

    @Test
    void shouldHandleConflictsWhenOnConflictGiven()
    {
        run(session, "INSERT INTO items (id, name, qty) VALUES (1, 'a', 1)");
        run(session, "INSERT INTO items (id, name) VALUES (1, 'z') ON CONFLICT DO NOTHING");
        run(session, "INSERT INTO items (id, name, qty) VALUES (1, 'a', 5) ON CONFLICT (id) DO UPDATE SET qty = items.qty + EXCLUDED.qty");
        assertEquals("1|a|6", one(session, "SELECT id, name, qty FROM items"));
        run(session, "INSERT INTO items (id, name, qty) VALUES (2, 'a', 9) ON CONFLICT (name) DO UPDATE SET qty = 100");
        assertEquals("1|a|100", one(session, "SELECT id, name, qty FROM items"));
    }

    @Test
    void shouldReturnRowsWhenReturningGiven()
    {
        assertEquals(List.of("1|7", "2|7"), rows(session, "INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b') RETURNING id, qty"));
        assertEquals(List.of("a|8"), rows(session, "UPDATE items SET qty = qty + 1 WHERE id = 1 RETURNING name, qty"));
        assertEquals(List.of("2|b|7|null"), rows(session, "DELETE FROM items WHERE id = 2 RETURNING *"));
    }

    @Test
    void shouldInsertFromSelectWhenSourceIsQuery()
    {
        run(session, "INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b')");
        run(session, "INSERT INTO items (id, name, qty) SELECT id + 10, name || 'x', qty + 1 FROM items");
        assertEquals(List.of("1|7", "2|7", "11|8", "12|8"), rows(session, "SELECT id, qty FROM items ORDER BY id"));
    }

    @Test
    void shouldInferParameterTypesWhenPrepared()
    {
        try (PreparedSql insert = session.prepare("INSERT INTO items (id, name, price) VALUES (?, ?, ?)"))
        {
            assertEquals("INTEGER", insert.parameterType(0).sqlName());
            for (int i = 0; i < 5; i++)
            {
                insert.execute(i, "n" + i, "1.50").close();
            }
        }
        try (PreparedSql select = session.prepare("SELECT name FROM items WHERE id = $1"))
        {
            assertEquals(1, select.parameterCount());
            assertEquals("n3", one(session, "SELECT name FROM items WHERE id = ?", 3));
            try (SqlResult result = select.execute(4L))
            {
                result.next();
                assertEquals("n4", result.get(0));
            }
        }
        assertEquals("7.50", one(session, "SELECT sum(price) FROM items"));
    }

    @Test
    void shouldKeepTableWithoutPrimaryKeyWhenRowIdIsHidden()
    {
        run(session, "CREATE TABLE logs (msg TEXT, n INT)", "INSERT INTO logs VALUES ('a', 1), ('a', 1), ('b', 2)");
        assertEquals(List.of("a|1", "a|1", "b|2"), rows(session, "SELECT * FROM logs ORDER BY msg"));
        run(session, "DELETE FROM logs WHERE msg = 'a'");
        assertEquals(List.of("b|2"), rows(session, "SELECT * FROM logs"));
        run(session, "INSERT INTO logs VALUES ('c', 3)");
        assertEquals("2", one(session, "SELECT count(*) FROM logs"));
    }

    @Test
    void shouldReusePlanWhenSameTextIsPreparedAgain()
    {
        try (PreparedSql first = session.prepare("SELECT name FROM items WHERE id = ?");
            PreparedSql second = session.prepare("SELECT name FROM items WHERE id = ?"))
        {
            assertSame(first.columns(), second.columns());
            run(session, "CREATE INDEX items_qty ON items (qty)");
            try (PreparedSql third = session.prepare("SELECT name FROM items WHERE id = ?"))
            {
                assertNotSame(first.columns(), third.columns());
            }
        }
    }

    @Test
    void shouldReplanPreparedStatementWhenTableChanges()
    {
        run(session, "INSERT INTO items (id, name) VALUES (1, 'a')");
        try (PreparedSql select = session.prepare("SELECT * FROM items WHERE id = ?"))
        {
            assertEquals(4, select.columns().size());
            assertEquals("1|a|7|null", rowsOf(select.execute(1)));
            run(session, "ALTER TABLE items ADD COLUMN extra TEXT DEFAULT 'e'");
            assertEquals("1|a|7|null|e", rowsOf(select.execute(1)));
            assertEquals(5, select.columns().size());
        }
    }

    private static String rowsOf(final SqlResult result)
    {
        try (result)
        {
            result.next();
            final StringBuilder sb = new StringBuilder();
            for (int i = 0; i < result.columns().size(); i++)
            {
                sb.append(i == 0 ? "" : "|").append(result.get(i));
            }
            return sb.toString();
        }
    }

    @Test
    void shouldExplainDmlWhenAnalyzed()
    {
        run(session, "INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b')");
        final String update = String.join("\n", rows(session, "EXPLAIN UPDATE items SET qty = 1 WHERE id = 2"));
        assertEquals("Update on items\n  -> Point Lookup on items (id = 2)  (rows=1)", update);
        final String delete = String.join("\n", rows(session, "EXPLAIN ANALYZE DELETE FROM items WHERE name = 'a'"));
        assertTrue(delete.startsWith("Delete on items\n  -> Index Scan using items_name_key on items (name = 'a')"), delete);
        assertTrue(delete.contains("actual rows=1 loops=1"), delete);
        assertEquals("1", one(session, "SELECT count(*) FROM items"));
    }

    @Test
    void shouldNumberRowsWhenColumnIsSerial()
    {
        run(session, "CREATE TABLE people (id SERIAL PRIMARY KEY, name TEXT, rank SMALLINT DEFAULT 1, code VARCHAR(2) DEFAULT 'xyz')");
        assertEquals(List.of("1", "2"), rows(session, "INSERT INTO people (name, code) VALUES ('a', 'p'), ('b', 'q') RETURNING id"));
        run(session, "INSERT INTO people (id, name, code) VALUES (10, 'c', 'r')");
        assertEquals("3|1", one(session, "INSERT INTO people (name, code) VALUES ('d', 's') RETURNING id, rank"));
        fails("22001", session, "INSERT INTO people (name) VALUES ('e')");
        assertEquals("nextval('people_id_seq')", db.metadata().tables().get(1).columns().get(0).defaultValue());
    }

    @Test
    void shouldUpdateFromOtherRelationsWhenFromGiven()
    {
        run(session, "INSERT INTO items (id, name, qty) VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)",
            "CREATE TABLE changes (item INT, delta INT)", "INSERT INTO changes VALUES (1, 10), (3, 30), (3, 300)");
        try (SqlResult result = session.execute(
            "UPDATE items SET qty = items.qty + c.delta FROM changes c WHERE c.item = items.id AND c.delta < 100"))
        {
            assertEquals("UPDATE 2", result.commandTag());
        }
        assertEquals(List.of("1|11", "2|2", "3|33"), rows(session, "SELECT id, qty FROM items ORDER BY id"));
        run(session, "UPDATE items SET qty = 0 FROM changes WHERE changes.item = items.id");
        assertEquals(List.of("1|0", "2|2", "3|0"), rows(session, "SELECT id, qty FROM items ORDER BY id"));
    }
}
