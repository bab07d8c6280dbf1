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

class SelectTest
{
    private SqlDatabase db;
    private SqlSession session;

    @BeforeEach
    void setUp()
    {
        db = SqlDatabases.inMemory();
        session = db.openSession();
        run(session,
            "CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(20) NOT NULL, score INT, tag TEXT)",
            "INSERT INTO t VALUES (1, 'ada', 90, 'x'), (2, 'bob', NULL, 'y'), (3, 'cy', 70, 'x'), (4, 'di', 70, NULL)");
    }

    @AfterEach
    void tearDown()
    {
        db.close();
    }

    @Test
    void shouldSelectWithWhereWhenRowsMatch()
    {
        assertEquals(List.of("1|ada", "3|cy"), rows(session, "SELECT id, name FROM t WHERE tag = 'x' ORDER BY id"));
        assertEquals("2|bob|null|y", one(session, "SELECT * FROM t WHERE id = 2"));
    }
}
