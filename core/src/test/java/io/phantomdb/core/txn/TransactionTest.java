package io.phantomdb.core.txn;

import io.phantomdb.ClosedException;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.phantomdb.core.txn.TxTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class TransactionTest
{
    private Engine engine;

    @BeforeEach
    void open()
    {
        engine = Engine.inMemory(smallConfig());
    }

    @AfterEach
    void close()
    {
        engine.close();
    }

    @Test
    void shouldReadOwnWritesAndPublishOnCommitWhenPutThenCommit()
    {
        final long before = engine.lastCommittedVersion();
        try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            put(tx, KS, "a", "1");
            assertEquals("1", get(tx, KS, "a"));
            assertNull(read(engine, KS, "a"), "not visible to others before commit");
            final long version = tx.commit();
            assertEquals(before + 1, version);
            assertFalse(tx.isActive());
        }
        assertEquals("1", read(engine, KS, "a"));
        assertEquals(before + 1, engine.lastCommittedVersion());
    }

    @Test
    void shouldDiscardWritesWhenRolledBack()
    {
        commitPut(engine, KS, "a", "1");
        try (Transaction tx = engine.begin(IsolationLevel.SERIALIZABLE))
        {
            put(tx, KS, "a", "2");
            delete(tx, KS, "a");
            assertNull(get(tx, KS, "a"));
            put(tx, KS, "b", "3");
            tx.rollback();
        }
        assertEquals("1", read(engine, KS, "a"));
        assertNull(read(engine, KS, "b"));
    }

    @Test
    void shouldKeepKeyspacesApartWhenSameKeyInTwo()
    {
        try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            put(tx, KS, "k", "one");
            put(tx, OTHER, "k", "two");
            put(tx, new Keyspace(0, StorageKind.BTREE), "k", "catalog");
            tx.commit();
        }
        assertEquals("one", read(engine, KS, "k"));
        assertEquals("two", read(engine, OTHER, "k"));
        try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            assertEquals("k=one", scan(tx, KS));
            assertEquals("k=two", scan(tx, OTHER));
        }
    }

    @Test
    void shouldKeepSnapshotWhenLaterCommitsHappen()
    {
        commitPut(engine, KS, "a", "1");
        try (Transaction reader = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            assertEquals("1", get(reader, KS, "a"));
            commitPut(engine, KS, "a", "2");
            commitPut(engine, KS, "b", "new");
            assertEquals("1", get(reader, KS, "a"));
            assertNull(get(reader, KS, "b"));
            assertEquals("a=1", scan(reader, KS));
            assertEquals(reader.snapshotVersion() + 2, engine.lastCommittedVersion());
        }
    }

    @Test
    void shouldSeeNewCommitsPerStatementWhenReadCommitted()
    {
        commitPut(engine, KS, "a", "1");
        try (Transaction tx = engine.begin(IsolationLevel.READ_COMMITTED))
        {
            assertEquals("1", get(tx, KS, "a"));
            final long first = tx.snapshotVersion();
            commitPut(engine, KS, "a", "2");
            commitPut(engine, KS, "b", "x");
            assertEquals("2", get(tx, KS, "a"));
            assertEquals("a=2,b=x", scan(tx, KS));
            assertTrue(tx.snapshotVersion() > first);
        }
    }

    @Test
    void shouldAbortSecondCommitterWith40001WhenWriteWriteConflict()
    {
        commitPut(engine, KS, "x", "0");
        final Transaction first = engine.begin(IsolationLevel.REPEATABLE_READ);
        final Transaction second = engine.begin(IsolationLevel.REPEATABLE_READ);
        put(first, KS, "x", "1");
        put(second, KS, "x", "2");
        final long won = first.commit();
        final TransactionConflictException ex = assertThrows(TransactionConflictException.class, second::commit);
        assertEquals("40001", ex.sqlState());
        assertEquals(1, ex.keyspaceId());
        assertEquals("78", ex.keyHex());
        assertEquals(won, ex.conflictingVersion());
        assertEquals(second.snapshotVersion(), ex.snapshotVersion());
        assertEquals("could not serialize access (SQLSTATE 40001): write-write conflict on keyspace 1 key 78: " +
            "written by the transaction committed at version " + won + " after this transaction's snapshot version " +
            second.snapshotVersion(), ex.getMessage());
        assertFalse(second.isActive());
        assertEquals("1", read(engine, KS, "x"));
        assertEquals(1, engine.conflictCount());
    }

    @Test
    void shouldAbortOneWhenSerializableWriteSkew()
    {
        commitPut(engine, KS, "alice", "on");
        commitPut(engine, KS, "bob", "on");
        final Transaction t1 = engine.begin(IsolationLevel.SERIALIZABLE);
        final Transaction t2 = engine.begin(IsolationLevel.SERIALIZABLE);
        // each checks that the other is still on call, then goes off call
        assertEquals("on", get(t1, KS, "alice"));
        assertEquals("on", get(t1, KS, "bob"));
        assertEquals("on", get(t2, KS, "alice"));
        assertEquals("on", get(t2, KS, "bob"));
        put(t1, KS, "alice", "off");
        put(t2, KS, "bob", "off");
        t1.commit();
        final TransactionConflictException ex = assertThrows(TransactionConflictException.class, t2::commit);
        assertTrue(ex.getMessage().contains("read-write conflict"), ex.getMessage());
        assertEquals("616c696365", ex.keyHex()); // "alice"
        assertEquals("off", read(engine, KS, "alice"));
        assertEquals("on", read(engine, KS, "bob"));
    }

    @Test
    void shouldAllowWriteSkewWhenRepeatableRead()
    {
        commitPut(engine, KS, "alice", "on");
        commitPut(engine, KS, "bob", "on");
        final Transaction t1 = engine.begin(IsolationLevel.REPEATABLE_READ);
        final Transaction t2 = engine.begin(IsolationLevel.REPEATABLE_READ);
        get(t1, KS, "bob");
        get(t2, KS, "alice");
        put(t1, KS, "alice", "off");
        put(t2, KS, "bob", "off");
        t1.commit();
        t2.commit();
        assertEquals("off", read(engine, KS, "alice"));
        assertEquals("off", read(engine, KS, "bob"));
    }

    @Test
    void shouldAbortWhenPhantomInsertedIntoScannedRange()
    {
        commitPut(engine, KS, "order-1", "10");
        commitPut(engine, KS, "order-5", "50");
        commitPut(engine, KS, "summary", "60");
        final Transaction scanner = engine.begin(IsolationLevel.SERIALIZABLE);
        final TxCursor cursor = scanner.cursor(KS);
        int seen = 0;
        final UnsafeBuffer from = bytes("order-");
        for (boolean more = cursor.seekCeiling(from, 0, from.capacity());
            more && string(cursor.key()).startsWith("order-"); more = cursor.next())
        {
            seen++;
        }
        assertEquals(2, seen);
        put(scanner, KS, "summary", "total of 2");

        commitPut(engine, KS, "order-3", "30"); // a phantom inside the scanned range
        final TransactionConflictException ex = assertThrows(TransactionConflictException.class, scanner::commit);
        assertTrue(ex.getMessage().contains("read-write conflict"), ex.getMessage());
        assertEquals("6f726465722d33", ex.keyHex()); // "order-3"
    }

    @Test
    void shouldCommitWhenWriteOutsideScannedRange()
    {
        commitPut(engine, KS, "a1", "1");
        commitPut(engine, KS, "a2", "2");
        commitPut(engine, KS, "c1", "3");
        final Transaction scanner = engine.begin(IsolationLevel.SERIALIZABLE);
        final TxCursor cursor = scanner.cursor(KS);
        final UnsafeBuffer from = bytes("a1");
        assertTrue(cursor.seekCeiling(from, 0, from.capacity()));
        assertTrue(cursor.next());
        assertEquals("a2", string(cursor.key())); // observed [a1, a2]
        put(scanner, KS, "result", "x");
        commitPut(engine, KS, "b", "outside");
        commitPut(engine, KS, "a0", "outside");
        scanner.commit();
        assertEquals("x", read(engine, KS, "result"));
    }

    @Test
    void shouldAbortWhenAbsentKeyReadByserializableIsInserted()
    {
        final Transaction t = engine.begin(IsolationLevel.SERIALIZABLE);
        assertNull(get(t, KS, "ghost"));
        put(t, KS, "other", "1");
        commitPut(engine, KS, "ghost", "boo");
        assertThrows(TransactionConflictException.class, t::commit);
    }

    @Test
    void shouldLetLastCommitterWinWhenReadCommittedWithoutLock()
    {
        final Transaction t1 = engine.begin(IsolationLevel.READ_COMMITTED);
        final Transaction t2 = engine.begin(IsolationLevel.READ_COMMITTED);
        put(t1, KS, "x", "1");
        put(t2, KS, "x", "2");
        t1.commit();
        t2.commit();
        assertEquals("2", read(engine, KS, "x"));
    }

    @Test
    void shouldAbortLockerWhenReadCommittedLockedKeyWrittenAfterLock()
    {
        commitPut(engine, KS, "x", "0");
        final Transaction locker = engine.begin(IsolationLevel.READ_COMMITTED);
        lock(locker, KS, "x");
        assertEquals("0", get(locker, KS, "x"));
        commitPut(engine, KS, "x", "other");
        put(locker, KS, "x", "mine");
        final TransactionConflictException ex = assertThrows(TransactionConflictException.class, locker::commit);
        assertTrue(ex.getMessage().contains("write-write conflict on keyspace 1 key 78"), ex.getMessage());
        assertEquals("other", read(engine, KS, "x"));
    }

    @Test
    void shouldAbortLaterWriterWhenLockerCommitsFirst()
    {
        commitPut(engine, KS, "x", "0");
        final Transaction locker = engine.begin(IsolationLevel.REPEATABLE_READ);
        final Transaction writer = engine.begin(IsolationLevel.REPEATABLE_READ);
        lock(locker, KS, "x");
        put(locker, KS, "y", "depends on x=0");
        put(writer, KS, "x", "changed");
        locker.commit();
        final TransactionConflictException ex = assertThrows(TransactionConflictException.class, writer::commit);
        assertEquals("78", ex.keyHex());
        assertEquals("0", read(engine, KS, "x"));
    }

    @Test
    void shouldAbortLockerWhenLockedKeyWasWrittenAfterSnapshot()
    {
        commitPut(engine, KS, "x", "0");
        final Transaction locker = engine.begin(IsolationLevel.REPEATABLE_READ);
        commitPut(engine, KS, "x", "1");
        lock(locker, KS, "x");
        final TransactionConflictException ex = assertThrows(TransactionConflictException.class, locker::commit);
        assertTrue(ex.getMessage().contains("write conflict on a key locked for update"), ex.getMessage());
    }

    @Test
    void shouldStillDetectConflictsWhenManyCommitsHappenDuringLongTransactions()
    {
        commitPut(engine, KS, "x", "0");
        final Transaction snapshot = engine.begin(IsolationLevel.REPEATABLE_READ);
        final Transaction readCommitted = engine.begin(IsolationLevel.READ_COMMITTED);
        lock(readCommitted, KS, "x");
        for (int i = 0; i < 300; i++)
        {
            commitPut(engine, OTHER, "filler" + i, "v"); // each publish prunes what no active snapshot needs
        }
        commitPut(engine, KS, "x", "1");
        for (int i = 0; i < 300; i++)
        {
            commitPut(engine, OTHER, "more" + i, "v");
            assertEquals("0", get(snapshot, KS, "x"));
        }
        put(snapshot, KS, "x", "mine");
        assertThrows(TransactionConflictException.class, snapshot::commit);
        get(readCommitted, KS, "other"); // a later statement must not release the lock's version
        put(readCommitted, KS, "x", "mine");
        assertThrows(TransactionConflictException.class, readCommitted::commit);
        assertEquals("1", read(engine, KS, "x"));
    }

    @Test
    void shouldMergeOwnWritesIntoCursorBothWaysWhenScanning()
    {
        commitPut(engine, KS, "b", "1");
        commitPut(engine, KS, "d", "2");
        commitPut(engine, KS, "f", "3");
        commitPut(engine, OTHER, "a", "other");
        commitPut(engine, new Keyspace(0, StorageKind.BTREE), "z", "catalog");
        try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            put(tx, KS, "a", "new");
            put(tx, KS, "d", "changed");
            delete(tx, KS, "f");
            put(tx, KS, "g", "new");
            lock(tx, KS, "b");
            lock(tx, KS, "c");
            delete(tx, KS, "zz");
            assertEquals("a=new,b=1,d=changed,g=new", scan(tx, KS));
            assertEquals("g,d,b,a", scanBackward(tx, KS));
            final TxCursor cursor = tx.cursor(KS);
            final UnsafeBuffer c = bytes("c");
            assertTrue(cursor.seekCeiling(c, 0, 1));
            assertEquals("d", string(cursor.key()));
            assertTrue(cursor.prev());
            assertEquals("b", string(cursor.key()));
            assertTrue(cursor.next());
            assertEquals("d", string(cursor.key()));
            assertEquals("changed", string(cursor.value()));
            assertTrue(cursor.seekFloor(c, 0, 1));
            assertEquals("b", string(cursor.key()));
            final UnsafeBuffer h = bytes("h");
            assertFalse(cursor.seekCeiling(h, 0, 1));
            assertFalse(cursor.next());
            assertTrue(cursor.seekFloor(h, 0, 1));
            assertEquals("g", string(cursor.key()));
            assertFalse(cursor.next());
        }
    }

    @Test
    void shouldRepositionInterleavedCursorsWhenWritesHappenBetweenMoves()
    {
        for (int i = 0; i < 20; i++)
        {
            commitPut(engine, KS, String.format("k%02d", i * 2), "v" + i);
        }
        try (Transaction tx = engine.begin(IsolationLevel.SERIALIZABLE))
        {
            final TxCursor a = tx.cursor(KS);
            final TxCursor b = tx.cursor(KS);
            assertTrue(a.first());
            assertTrue(b.last());
            assertTrue(a.next());
            assertEquals("k02", string(a.key()));
            put(tx, KS, "k03", "mine");
            delete(tx, KS, "k04");
            assertTrue(b.prev());
            assertEquals("k36", string(b.key()));
            assertTrue(a.next());
            assertEquals("k03", string(a.key()));
            assertEquals("mine", string(a.value()));
            assertTrue(a.next());
            assertEquals("k06", string(a.key()));
            assertEquals("v3", string(a.value()));
            assertTrue(b.next());
            assertEquals("k38", string(b.key()));
            assertFalse(b.next());
        }
    }

    @Test
    void shouldThrowIllegalStateWhenTransactionFinished()
    {
        final Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ);
        put(tx, KS, "a", "1");
        tx.commit();
        final IllegalStateException committed = assertThrows(IllegalStateException.class, () -> get(tx, KS, "a"));
        assertEquals("transaction " + tx.id() + " is committed", committed.getMessage());
        final Transaction rolledBack = engine.begin(IsolationLevel.REPEATABLE_READ);
        final TxCursor cursor = rolledBack.cursor(KS);
        rolledBack.rollback();
        final IllegalStateException ex = assertThrows(IllegalStateException.class, cursor::first);
        assertEquals("transaction " + rolledBack.id() + " is rolled back", ex.getMessage());
        assertThrows(IllegalStateException.class, rolledBack::commit);
        rolledBack.close();
    }

    @Test
    void shouldCommitReadOnlyTransactionAtItsSnapshotWithoutTheWriter()
    {
        commitPut(engine, KS, "a", "1");
        final long commits = engine.commitCount();
        try (Transaction tx = engine.begin(IsolationLevel.SERIALIZABLE))
        {
            assertEquals("1", get(tx, KS, "a"));
            assertEquals(tx.snapshotVersion(), tx.commit());
        }
        assertEquals(commits, engine.commitCount());
    }

    @Test
    void shouldRejectBadKeysAndMissingStore()
    {
        try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            final UnsafeBuffer empty = new UnsafeBuffer(new byte[0]);
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> tx.put(KS, empty, 0, 0, empty, 0, 0));
            assertEquals("key length must be in [1, " + engine.maxKeyLength() + "]: 0", ex.getMessage());
            final Keyspace lsm = new Keyspace(9, StorageKind.LSM);
            final IllegalArgumentException noLsm = assertThrows(IllegalArgumentException.class, () -> get(tx, lsm, "k"));
            assertTrue(noLsm.getMessage().startsWith("keyspace 9 is LSM but this engine has no LSM store"),
                noLsm.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new Keyspace(-1, StorageKind.BTREE));
        }
    }

    @Test
    void shouldThrowClosedWhenEngineClosed()
    {
        final Transaction active = engine.begin(IsolationLevel.REPEATABLE_READ);
        put(active, KS, "a", "1");
        engine.close();
        engine.close();
        final ClosedException begin = assertThrows(ClosedException.class, () -> engine.begin(IsolationLevel.SERIALIZABLE));
        assertEquals("in-memory engine is closed", begin.getMessage());
        assertThrows(ClosedException.class, () -> get(active, KS, "a"));
        assertThrows(ClosedException.class, active::commit);
        assertFalse(active.isActive());
        assertThrows(ClosedException.class, engine::checkpoint);
    }
}
