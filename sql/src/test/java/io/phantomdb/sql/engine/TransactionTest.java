package io.phantomdb.sql.engine;

import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.sql.PreparedSql;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlDatabases;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.phantomdb.sql.engine.SqlTestSupport.fails;
import static io.phantomdb.sql.engine.SqlTestSupport.one;
import static io.phantomdb.sql.engine.SqlTestSupport.rows;
import static io.phantomdb.sql.engine.SqlTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionTest
{
    private SqlDatabase db;
    private SqlSession a;
    private SqlSession b;

    @BeforeEach
    void setUp()
    {
        db = SqlDatabases.inMemory();
        a = db.openSession();
        b = db.openSession();
        run(a, "CREATE TABLE acct (id INT PRIMARY KEY, balance INT NOT NULL)", "INSERT INTO acct VALUES (1, 100), (2, 50)");
    }

    @AfterEach
    void tearDown()
    {
        db.close();
    }

    @Test
    void shouldHideUncommittedWritesWhenOtherSessionReads()
    {
        run(a, "BEGIN", "UPDATE acct SET balance = 0 WHERE id = 1");
        assertTrue(a.inTransaction());
        assertEquals("100", one(b, "SELECT balance FROM acct WHERE id = 1"));
        run(a, "COMMIT");
        assertFalse(a.inTransaction());
        assertEquals("0", one(b, "SELECT balance FROM acct WHERE id = 1"));
    }

    @Test
    void shouldDiscardWritesWhenRolledBack()
    {
        run(a, "BEGIN", "DELETE FROM acct", "INSERT INTO acct VALUES (3, 1)");
        assertEquals("1", one(a, "SELECT count(*) FROM acct"));
        run(a, "ROLLBACK");
        assertEquals("2", one(a, "SELECT count(*) FROM acct"));
    }

    @Test
    void shouldUndoOnlyTheFailedStatementWhenInExplicitTransaction()
    {
        run(a, "BEGIN", "INSERT INTO acct VALUES (3, 30)");
        fails("23505", a, "INSERT INTO acct VALUES (4, 40), (5, 50), (1, 10)");
        fails("23502", a, "UPDATE acct SET balance = NULL WHERE id = 3");
        run(a, "COMMIT");
        assertEquals(List.of("1|100", "2|50", "3|30"), rows(a, "SELECT * FROM acct ORDER BY id"));
    }

    @Test
    void shouldRestoreChangedKeysWhenFailedUpdateIsUndone()
    {
        run(a, "CREATE UNIQUE INDEX acct_balance ON acct (balance)", "BEGIN", "UPDATE acct SET id = id + 10 WHERE id = 1");
        fails("23505", a, "UPDATE acct SET id = id + 100, balance = 100");
        assertEquals(List.of("2|50", "11|100"), rows(a, "SELECT * FROM acct ORDER BY id"));
        run(a, "ROLLBACK");
        assertEquals(List.of("1|100", "2|50"), rows(a, "SELECT * FROM acct ORDER BY id"));
    }

    @Test
    @Timeout(10)
    void shouldFailWithSerializationFailureWhenWriteWriteConflict()
    {
        run(a, "BEGIN ISOLATION LEVEL REPEATABLE READ", "UPDATE acct SET balance = balance + 1 WHERE id = 1");
        run(b, "BEGIN", "UPDATE acct SET balance = balance + 2 WHERE id = 1");
        run(a, "COMMIT");
        final SqlException ex = assertThrows(SqlException.class, () -> run(b, "COMMIT"));
        assertEquals("40001", ex.sqlState(), ex.getMessage());
        assertFalse(b.inTransaction());
        assertEquals("101", one(b, "SELECT balance FROM acct WHERE id = 1"));
    }

    @Test
    @Timeout(10)
    void shouldConflictWhenRowLockedForUpdate()
    {
        run(a, "BEGIN");
        assertEquals("100", one(a, "SELECT balance FROM acct WHERE id = 1 FOR UPDATE"));
        run(b, "BEGIN", "UPDATE acct SET balance = 7 WHERE id = 1", "COMMIT");
        run(a, "UPDATE acct SET balance = 5 WHERE id = 2");
        assertEquals("40001", assertThrows(SqlException.class, () -> run(a, "COMMIT")).sqlState());
    }

    @Test
    void shouldApplyIsolationLevelWhenSet()
    {
        run(a, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        assertEquals("serializable", one(a, "SHOW transaction_isolation"));
        a.setIsolation(IsolationLevel.READ_COMMITTED);
        run(a, "BEGIN", "SELECT 1");
        assertEquals("read committed", one(a, "SHOW transaction_isolation"));
        run(a, "COMMIT");
        run(a, "SET application_name = 'demo'", "SET DateStyle TO 'ISO'", "SET whatever_unknown = 1");
        assertEquals("demo", one(a, "SHOW application_name"));
    }

    @Test
    void shouldKeepTransactionOpenWhenAutocommitOff()
    {
        a.setAutoCommit(false);
        run(a, "INSERT INTO acct VALUES (9, 9)");
        assertTrue(a.inTransaction());
        assertEquals("2", one(b, "SELECT count(*) FROM acct"));
        a.commit();
        assertEquals("3", one(b, "SELECT count(*) FROM acct"));
    }

    @Test
    @Timeout(10)
    void shouldCancelWhenStatementTimesOut()
    {
        run(a, "CREATE TABLE big (n INT PRIMARY KEY)");
        run(a, "INSERT INTO big SELECT a.id * 1000 + b.id FROM acct a, acct b");
        a.setStatementTimeout(1);
        final SqlException ex = assertThrows(SqlException.class, () -> run(a,
            "SELECT count(*) FROM big x, big y, big z, big w, big v, big s, big r, big q, big p, big o, big m, big l, big k"));
        assertEquals("57014", ex.sqlState());
    }

    @Test
    void shouldReportShutdownWhenDatabaseClosed()
    {
        db.close();
        assertEquals("57P01", assertThrows(SqlException.class, () -> a.execute("SELECT 1")).sqlState());
    }

    @Test
    @Timeout(20)
    void shouldStopStatementWhenCancelledFromAnotherThread() throws InterruptedException
    {
        run(a, "CREATE TABLE big (n INT PRIMARY KEY)");
        run(a, "INSERT INTO big SELECT x.id * 1000 + y.id FROM acct x, acct y");
        final Thread canceller = new Thread(() ->
        {
            try
            {
                Thread.sleep(200);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            a.cancel();
        });
        canceller.start();
        final SqlException ex = assertThrows(SqlException.class, () -> run(a,
            "SELECT count(*) FROM big x, big y, big z, big w, big v, big s, big r, big q, big p, big o, big m, big l, big k"));
        canceller.join();
        assertEquals("57014", ex.sqlState());
        assertEquals("1", one(a, "SELECT 1"));
    }

    @Test
    @Timeout(60)
    void shouldKeepEveryRowWhenSessionsInsertConcurrently() throws InterruptedException
    {
        run(a, "CREATE TABLE events (id SERIAL PRIMARY KEY, who INT)", "CREATE TABLE log (who INT, n INT)");
        final int threads = 4;
        final int each = 100;
        final List<Thread> workers = new ArrayList<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++)
        {
            final int who = t;
            workers.add(new Thread(() ->
            {
                try (SqlSession session = db.openSession();
                    PreparedSql event = session.prepare("INSERT INTO events (who) VALUES (?)");
                    PreparedSql log = session.prepare("INSERT INTO log VALUES (?, ?)"))
                {
                    for (int i = 0; i < each; i++)
                    {
                        event.execute(who).close();
                        log.execute(who, i).close();
                    }
                }
                catch (final Throwable ex)
                {
                    failure.compareAndSet(null, ex);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (final Thread worker : workers)
        {
            worker.join();
        }
        assertEquals(null, failure.get());
        assertEquals(String.valueOf(threads * each) + "|" + (threads * each),
            one(a, "SELECT count(*), count(DISTINCT id) FROM events"));
        assertEquals(String.valueOf(threads * each), one(a, "SELECT count(*) FROM log"));
        assertEquals(String.valueOf(each), one(a, "SELECT count(*) FROM log WHERE who = 2"));
    }
}
