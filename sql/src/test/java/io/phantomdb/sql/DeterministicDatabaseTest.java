package io.phantomdb.sql;

import io.phantomdb.core.PhantomDB;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A deterministic database ({@link SqlDatabases#deterministic}) computes serial values and hidden row ids from the
 * transaction's own view, and a pinned session context fixes {@code now()} and {@code random()}: two databases that
 * run the same statements reach the same state even when one ran (and rolled back) other work in between.
 */
class DeterministicDatabaseTest
{
    private static final LocalDateTime PINNED = LocalDateTime.of(2026, 11, 25, 3, 15, 0);

    @Test
    void shouldTakeSerialValuesFromTheTransactionsViewWhenDeterministic()
    {
        try (SqlDatabase db = SqlDatabases.deterministic(PhantomDB.inMemory()); SqlSession session = db.openSession())
        {
            session.execute("CREATE TABLE t (id SERIAL PRIMARY KEY, v TEXT)").close();
            session.execute("CREATE TABLE nokey (v TEXT)").close();
            session.setAutoCommit(false);
            session.execute("INSERT INTO t (v) VALUES ('a'), ('b')").close();
            session.execute("INSERT INTO nokey VALUES ('x')").close();
            session.rollback();
            session.execute("INSERT INTO t (v) VALUES ('c')").close();
            session.execute("INSERT INTO nokey VALUES ('y')").close();
            session.commit();
            session.setAutoCommit(true);
            assertEquals(1L, single(session, "SELECT id FROM t WHERE v = 'c'"), "the rolled back values are reused");
            session.execute("INSERT INTO t (v) VALUES ('d'), ('e')").close();
            assertEquals(3L, single(session, "SELECT max(id) FROM t"));
            session.execute("DELETE FROM t WHERE id = 3").close();
            session.execute("INSERT INTO t (v) VALUES ('f')").close();
            assertEquals(3L, single(session, "SELECT id FROM t WHERE v = 'f'"), "highest visible value plus one");
        }
    }

    @Test
    void shouldKeepCountersWhenNotDeterministic()
    {
        try (SqlDatabase db = SqlDatabases.inMemory(); SqlSession session = db.openSession())
        {
            session.execute("CREATE TABLE t (id SERIAL PRIMARY KEY, v TEXT)").close();
            session.setAutoCommit(false);
            session.execute("INSERT INTO t (v) VALUES ('a'), ('b')").close();
            session.rollback();
            session.setAutoCommit(true);
            session.execute("INSERT INTO t (v) VALUES ('c')").close();
            assertEquals(3L, single(session, "SELECT id FROM t"), "a sequence is not rolled back (PostgreSQL)");
        }
    }

    @Test
    void shouldReturnThePinnedTimeAndRandomSequence()
    {
        try (SqlDatabase db = SqlDatabases.inMemory(); SqlSession session = db.openSession())
        {
            session.pinContext(PINNED, 42L);
            final double first = random(session);
            final double second = random(session);
            assertEquals(PINNED, value(session, "SELECT now()"));
            assertEquals(PINNED, value(session, "SELECT clock_timestamp()"));
            session.pinContext(PINNED, 42L);
            assertEquals(first, random(session));
            assertEquals(second, random(session));
            assertNotEquals(first, second);
        }
    }

    private static double random(final SqlSession session)
    {
        return ((Number)value(session, "SELECT random()")).doubleValue();
    }

    private static long single(final SqlSession session, final String sql)
    {
        return ((Number)value(session, sql)).longValue();
    }

    private static Object value(final SqlSession session, final String sql)
    {
        try (SqlResult result = session.execute(sql))
        {
            assertTrue(result.next(), sql);
            return result.get(0);
        }
    }
}
