package io.phantomdb.core;

import io.phantomdb.core.catalog.Catalog;
import io.phantomdb.core.catalog.CatalogException;
import io.phantomdb.core.catalog.StorageType;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.table.ConstraintViolationException;
import io.phantomdb.core.table.Row;
import io.phantomdb.core.table.RowCursor;
import io.phantomdb.core.table.Tx;
import io.phantomdb.core.txn.TransactionConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DdlTest
{
    static TableSchema users()
    {
        return TableSchema.builder(0, "users")
            .column("id", ColumnType.INTEGER, false)
            .column("email", ColumnType.varchar(40), true)
            .column("age", ColumnType.INTEGER, true)
            .primaryKey("id")
            .build();
    }

    private static List<Integer> ids(final RowCursor cursor)
    {
        final List<Integer> ids = new ArrayList<>();
        while (cursor.next())
        {
            ids.add(cursor.row().getInt("id"));
        }
        return ids;
    }

    @Test
    void shouldLeaveNothingWhenDdlIsRolledBack()
    {
        try (PhantomDB db = PhantomDB.inMemory())
        {
            try (Tx tx = db.begin())
            {
                tx.createTable(users(), StorageType.BTREE);
                tx.insert("users", 1, "a@x", 30);
                tx.createIndex("users_email", "users", true, StorageType.BTREE, "email");
                assertEquals(List.of(1), ids(tx.indexScan("users_email", null, null, true)));
                tx.rollback();
            }
            assertNull(db.catalog().findTable("users"));
            assertEquals(0, db.catalog().version());
            db.createTable(users());
            try (Tx tx = db.begin())
            {
                tx.createIndex("users_email", "users", false, StorageType.BTREE, "email");
                tx.dropTable("users");
                tx.rollback();
            }
            assertTrue(db.catalog().indexesOf(db.catalog().table("users").id()).isEmpty());
            assertEquals(1, db.catalog().version());
        }
    }

    @Test
    void shouldSeeTableOnlyAfterCommitWhenCreatedInTransaction()
    {
        try (PhantomDB db = PhantomDB.inMemory())
        {
            final Tx ddl = db.begin();
            final TableDefinition table = ddl.createTable(users(), StorageType.BTREE);
            assertEquals(1, table.id());
            ddl.insert("USERS", 1, null, null);
            assertNull(db.catalog().findTable("users"));
            ddl.commit();
            assertEquals(StorageType.BTREE, db.catalog().table("users").storage());
            final CatalogException duplicate = assertThrows(CatalogException.class, () -> db.createTable(users()));
            assertEquals("42P07", duplicate.sqlState());
            assertEquals("table \"users\" already exists", duplicate.getMessage());
            try (Tx tx = db.begin())
            {
                assertEquals(1, tx.get("users", 1).getInt("id"));
            }
        }
    }

    @Test
    void shouldKeepCatalogAndDataWhenReopenedFromDirectory(@TempDir final Path dir)
    {
        final Catalog before;
        try (PhantomDB db = PhantomDB.open(dir))
        {
            db.createTable(users());
            db.createTable(PhantomDBTest.everyType(), StorageType.LSM);
            try (Tx tx = db.begin())
            {
                tx.insert("users", 1, "b@x", 40);
                tx.insert("users", 2, "a@x", 20);
                for (long id = 1; id <= 3; id++)
                {
                    tx.insert("things", id, null, null, null, null, null, null, "n" + (4 - id), null, null, null,
                        LocalTime.NOON, null);
                }
                tx.commit();
            }
            db.createIndex("users_email", "users", true, StorageType.BTREE, "email");
            db.createIndex("users_age", "users", false, StorageType.HASH, "age DESC");
            db.createIndex("things_name", "things", true, StorageType.LSM, "name");
            db.dropColumn("things", "tm");
            before = db.catalog();
        }
        try (PhantomDB db = PhantomDB.open(dir))
        {
            final Catalog after = db.catalog();
            assertEquals(before.version(), after.version());
            assertEquals(before.nextId(), after.nextId());
            assertEquals(new ArrayList<>(before.tables()), new ArrayList<>(after.tables()));
            assertEquals(new ArrayList<>(before.indexes()), new ArrayList<>(after.indexes()));
            try (Tx tx = db.begin())
            {
                assertEquals(List.of(2, 1), ids(tx.indexScan("users_email", null, null, true)));
                assertEquals(List.of(1), ids(tx.indexScan("USERS_AGE", new Object[]{40}, new Object[]{40}, true)));
                assertEquals(-1, tx.catalog().table("things").schema().columnOrdinal("tm"));
                final RowCursor byName = tx.indexScan("things_name", null, null, true);
                final List<Long> things = new ArrayList<>();
                while (byName.next())
                {
                    things.add(byName.row().getLong("id"));
                }
                assertEquals(List.of(3L, 2L, 1L), things);
                assertEquals(StorageType.LSM, tx.catalog().table("things").storage());
            }
            final TableDefinition next = db.createTable(TableSchema.builder(0, "later")
                .column("k", ColumnType.TEXT, false).primaryKey("k").build());
            assertEquals(before.nextId(), next.id());
        }
    }

    @Test
    void shouldBuildIndexFromExistingRowsWhenCreated()
    {
        try (PhantomDB db = PhantomDB.inMemory())
        {
            db.createTable(users());
            try (Tx tx = db.begin())
            {
                tx.insert("users", 1, "c@x", 30);
                tx.insert("users", 2, null, 20);
                tx.insert("users", 3, "a@x", 30);
                tx.insert("users", 4, null, null);
                tx.commit();
            }
            db.createIndex("by_age", "users", false, StorageType.BTREE, "age DESC", "email");
            db.createIndex("by_email", "users", true, StorageType.BTREE, "email");
            try (Tx tx = db.begin())
            {
                assertEquals(List.of(4, 3, 1, 2), ids(tx.indexScan("by_age", null, null, true)));
                assertEquals(List.of(2, 1, 3, 4), ids(tx.indexScan("by_age", null, null, false)));
                assertEquals(List.of(3, 1), ids(tx.indexScan("by_age", new Object[]{30}, new Object[]{30}, true)));
                assertEquals(List.of(3, 1, 2, 4), ids(tx.indexScan("by_email", null, null, true)),
                    "ascending, NULLs last, NULLs are distinct in a unique index");
                tx.insert("users", 5, null, 1);
                final ConstraintViolationException ex =
                    assertThrows(ConstraintViolationException.class, () -> tx.insert("users", 6, "a@x", 1));
                assertEquals("23505", ex.sqlState());
                assertEquals("by_email", ex.constraint());
                assertEquals("duplicate key value violates unique constraint \"by_email\": Key (email)=(a@x) already exists",
                    ex.getMessage());
                assertNull(tx.get("users", 6));
                tx.commit();
            }
        }
    }

    @Test
    void shouldFailIndexCreationWithUniqueViolationWhenRowsAreDuplicated()
    {
        try (PhantomDB db = PhantomDB.inMemory())
        {
            db.createTable(users());
            try (Tx tx = db.begin())
            {
                tx.insert("users", 1, "a@x", 30);
                tx.insert("users", 2, "b@x", 30);
                tx.commit();
            }
            final long version = db.catalog().version();
            final ConstraintViolationException ex = assertThrows(ConstraintViolationException.class,
                () -> db.createIndex("one_age", "users", true, StorageType.BTREE, "age"));
            assertEquals("23505", ex.sqlState());
            assertEquals("could not create unique index \"one_age\": Key (age)=(30) is duplicated", ex.getMessage());
            assertNull(db.catalog().findIndex("one_age"));
            assertEquals(version, db.catalog().version());
        }
    }

    @Test
    void shouldDeleteDataWhenTableIsDroppedAndRecreated()
    {
        try (PhantomDB db = PhantomDB.inMemory())
        {
            db.createTable(users());
            db.createIndex("users_email", "users", true, StorageType.BTREE, "email");
            try (Tx tx = db.begin())
            {
                tx.insert("users", 1, "a@x", 30);
                tx.commit();
            }
            db.dropTable("users");
            assertNull(db.catalog().findIndex("users_email"));
            final TableDefinition again = db.createTable(users());
            assertEquals(3, again.id(), "ids are never reused");
            try (Tx tx = db.begin())
            {
                assertEquals(List.of(), ids(tx.scan("users", null, null, true)));
                final CatalogException ex = assertThrows(CatalogException.class,
                    () -> tx.indexScan("users_email", null, null, true));
                assertEquals("index \"users_email\" does not exist", ex.getMessage());
            }
        }
    }

    @Test
    void shouldRewriteRowsWhenColumnsAreAddedAndDropped()
    {
        try (PhantomDB db = PhantomDB.inMemory())
        {
            db.createTable(users());
            db.createIndex("users_age", "users", false, StorageType.BTREE, "age");
            try (Tx tx = db.begin())
            {
                tx.insert("users", 1, "a@x", 30);
                tx.insert("users", 2, "b@x", 20);
                tx.commit();
            }
            db.addColumn("users", "nick", ColumnType.TEXT, true);
            final ConstraintViolationException notNull = assertThrows(ConstraintViolationException.class,
                () -> db.addColumn("users", "must", ColumnType.TEXT, false));
            assertEquals("23502", notNull.sqlState());
            final CatalogException duplicate = assertThrows(CatalogException.class,
                () -> db.addColumn("users", "NICK", ColumnType.TEXT, true));
            assertEquals("42701", duplicate.sqlState());
            final CatalogException used = assertThrows(CatalogException.class, () -> db.dropColumn("users", "age"));
            assertEquals("2BP01", used.sqlState());
            assertEquals("cannot drop column \"age\" of table \"users\": index \"users_age\" depends on it; drop the " +
                "index first", used.getMessage());
            final CatalogException key = assertThrows(CatalogException.class, () -> db.dropColumn("users", "id"));
            assertEquals("2BP01", key.sqlState());
            db.dropColumn("users", "email");
            try (Tx tx = db.begin())
            {
                final Row row = tx.get("users", 1);
                assertArrayEquals(new Object[]{1, 30, null}, row.toArray());
                tx.insert("users", 3, 25, "c");
                assertEquals(List.of(2, 3, 1), ids(tx.indexScan("users_age", null, null, true)));
                tx.commit();
            }
        }
    }

    @Test
    void shouldRefuseLsmStorageWithSqlStateWhenEngineHasNoLsmStore()
    {
        try (PhantomDB db = PhantomDB.inMemory())
        {
            final CatalogException table = assertThrows(CatalogException.class,
                () -> db.createTable(users(), StorageType.LSM));
            assertEquals("0A000", table.sqlState());
            assertTrue(table.getMessage().startsWith("table \"users\": storage LSM is not available: "),
                table.getMessage());
            assertNull(db.catalog().findTable("users"));
            db.createTable(users());
            final CatalogException index = assertThrows(CatalogException.class,
                () -> db.createIndex("users_email", "users", false, StorageType.LSM, "email"));
            assertEquals("0A000", index.sqlState());
            assertNull(db.catalog().findIndex("users_email"));
        }
    }

    @Test
    void shouldRejectBadIndexDefinitionsWhenCreatingOrScanning()
    {
        try (PhantomDB db = PhantomDB.inMemory())
        {
            db.createTable(TableSchema.builder(0, "docs").column("id", ColumnType.INTEGER, false)
                .column("body", ColumnType.JSON, true).column("tag", ColumnType.TEXT, true).primaryKey("id").build());
            final CatalogException json = assertThrows(CatalogException.class,
                () -> db.createIndex("docs_body", "docs", false, StorageType.BTREE, "body"));
            assertEquals("42P16", json.sqlState());
            assertEquals("column \"body\" has type JSON, which has no equality and cannot be indexed", json.getMessage());
            final CatalogException column = assertThrows(CatalogException.class,
                () -> db.createIndex("docs_x", "docs", false, StorageType.BTREE, "nope"));
            assertEquals("column \"nope\" of relation \"docs\" does not exist", column.getMessage());
            final IllegalArgumentException direction = assertThrows(IllegalArgumentException.class,
                () -> db.createIndex("docs_x", "docs", false, StorageType.BTREE, "tag DOWN"));
            assertEquals("index column \"tag DOWN\" must be a column name optionally followed by ASC or DESC",
                direction.getMessage());
            final CatalogException twice = assertThrows(CatalogException.class,
                () -> db.createIndex("docs_x", "docs", false, StorageType.BTREE, "tag", "TAG desc"));
            assertEquals("column \"tag\" appears twice in index \"docs_x\"", twice.getMessage());
            db.createIndex("docs_tag", "docs", false, StorageType.HASH, "tag");
            final CatalogException taken = assertThrows(CatalogException.class,
                () -> db.createIndex("DOCS", "docs", false, StorageType.BTREE, "tag"));
            assertEquals("42P07", taken.sqlState());
            try (Tx tx = db.begin())
            {
                tx.insert("docs", 1, "{}", "a");
                final IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                    () -> tx.indexScan("docs_tag", new Object[]{"a"}, new Object[]{"b"}, true));
                assertEquals("index \"docs_tag\" is a HASH index: only an equality lookup on all 1 columns (from " +
                    "equal to to) is supported", range.getMessage());
                assertEquals(List.of(1), ids(tx.indexScan("docs_tag", new Object[]{"a"}, new Object[]{"a"}, true)));
            }
        }
    }

    @Test
    void shouldConflictWhenTwoTransactionsChangeTheCatalog()
    {
        try (PhantomDB db = PhantomDB.inMemory())
        {
            final Tx first = db.begin();
            final Tx second = db.begin();
            first.createTable(users(), StorageType.BTREE);
            second.createTable(TableSchema.builder(0, "other").column("k", ColumnType.INTEGER, false)
                .primaryKey("k").build(), StorageType.BTREE);
            first.commit();
            final TransactionConflictException ex = assertThrows(TransactionConflictException.class, second::commit);
            assertEquals("40001", ex.sqlState());
            assertTrue(!second.isActive());
            assertNull(db.catalog().findTable("other"));
        }
    }

    @Test
    void shouldConflictWhenWriterUsedTableDefinitionReplacedByDdl()
    {
        try (PhantomDB db = PhantomDB.inMemory())
        {
            db.createTable(users());
            final Tx writer = db.begin();
            writer.insert("users", 1, "a@x", 30);
            db.addColumn("users", "nick", ColumnType.TEXT, true);
            final TransactionConflictException ex = assertThrows(TransactionConflictException.class, writer::commit);
            assertTrue(ex.getMessage().contains("table \"users\" was changed or dropped by a concurrent DDL"),
                ex.getMessage());
            try (Tx tx = db.begin())
            {
                assertNull(tx.get("users", 1));
            }
        }
    }

    @Test
    void shouldConflictWhenDdlMissedRowsCommittedAfterItBegan()
    {
        try (PhantomDB db = PhantomDB.inMemory())
        {
            db.createTable(users());
            final Tx ddl = db.begin();
            ddl.createIndex("users_email", "users", true, StorageType.BTREE, "email");
            try (Tx writer = db.begin())
            {
                writer.insert("users", 1, "a@x", 30);
                writer.commit();
            }
            assertThrows(TransactionConflictException.class, ddl::commit);
            db.createIndex("users_email", "users", true, StorageType.BTREE, "email");
            try (Tx tx = db.begin())
            {
                assertEquals(List.of(1), ids(tx.indexScan("users_email", null, null, true)));
            }
        }
    }
}
