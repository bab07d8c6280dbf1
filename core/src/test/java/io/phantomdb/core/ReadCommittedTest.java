package io.phantomdb.core;

import io.phantomdb.core.catalog.StorageType;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.table.RowCursor;
import io.phantomdb.core.table.Tx;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.core.txn.TransactionConflictException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadCommittedTest
{
    private static PhantomDB usersWithRows()
    {
        final PhantomDB db = PhantomDB.inMemory();
        db.createTable(DdlTest.users());
        db.createIndex("users_age", "users", false, StorageType.BTREE, "age");
        try (Tx tx = db.begin())
        {
            for (int id = 1; id <= 6; id++)
            {
                tx.insert("users", id, "u" + id + "@x", 20 + id);
            }
            tx.commit();
        }
        return db;
    }

    @Test
    void shouldSkipRowsDeletedConcurrentlyWhenIndexScanRunsUnderReadCommitted()
    {
        try (PhantomDB db = usersWithRows(); Tx reader = db.begin(IsolationLevel.READ_COMMITTED))
        {
            final RowCursor cursor = reader.indexScan("users_age", null, null, true);
            final List<Integer> ids = new ArrayList<>();
            assertTrue(cursor.next());
            ids.add(cursor.row().getInt("id"));
            try (Tx writer = db.begin())
            {
                writer.delete("users", 2);
                writer.delete("users", 4);
                writer.insert("users", 7, "u7@x", 99);
                writer.commit();
            }
            while (cursor.next())
            {
                ids.add(cursor.row().getInt("id"));
            }
            assertEquals(List.of(1, 3, 5, 6, 7), ids, "later statements see the latest committed rows");
        }
    }

    @Test
    void shouldReadNewLayoutWhenDdlCommittedDuringReadCommittedTransaction()
    {
        try (PhantomDB db = usersWithRows(); Tx reader = db.begin(IsolationLevel.READ_COMMITTED))
        {
            assertEquals(21, reader.get("users", 1).getInt("age"));
            db.addColumn("users", "nick", ColumnType.TEXT, true);
            assertArrayEquals(new Object[]{1, "u1@x", 21, null}, reader.get("users", 1).toArray());
            reader.commit();
        }
    }

    @Test
    void shouldConflictWhenReadCommittedWriterUsedReplacedDefinition()
    {
        try (PhantomDB db = usersWithRows(); Tx writer = db.begin(IsolationLevel.READ_COMMITTED))
        {
            writer.insert("users", 10, "a@y", 1);
            db.addColumn("users", "nick", ColumnType.TEXT, true);
            writer.insert("users", 11, "b@y", 2, "nick");
            assertThrows(TransactionConflictException.class, writer::commit);
        }
    }

    @Test
    void shouldLetFirstCommitterWinWhenTwoReadCommittedWritersChangeOneRow()
    {
        try (PhantomDB db = usersWithRows())
        {
            final Tx first = db.begin(IsolationLevel.READ_COMMITTED);
            final Tx second = db.begin(IsolationLevel.READ_COMMITTED);
            first.update("users", new Object[]{3}, Map.of("age", 50));
            second.delete("users", 3);
            first.commit();
            assertThrows(TransactionConflictException.class, second::commit);
            try (Tx tx = db.begin())
            {
                final RowCursor cursor = tx.indexScan("users_age", new Object[]{50}, new Object[]{50}, true);
                assertTrue(cursor.next());
                assertEquals(3, cursor.row().getInt("id"));
            }
        }
    }
}
