package io.phantomdb.core.catalog;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTest
{
    private static TableDefinition table(final int id, final String name)
    {
        return new TableDefinition(TableSchema.builder(id, name)
            .column("id", ColumnType.INTEGER, false).column("v", ColumnType.TEXT, true).primaryKey("id").build(),
            StorageType.BTREE, 1);
    }

    @Test
    void shouldFindTablesAndIndexesIgnoringCaseWhenLookedUp()
    {
        final Catalog catalog = Catalog.EMPTY.withTable(table(1, "Users"))
            .withIndex(new IndexDefinition(2, "Users_V", 1, List.of(new IndexColumn(1, false)), false, StorageType.BTREE));
        assertEquals(1, catalog.table("USERS").id());
        assertEquals(2, catalog.index("users_v").id());
        assertEquals(3, catalog.nextId());
        assertEquals(List.of(catalog.index("USERS_V")), catalog.indexesOf(1));
        assertNull(catalog.findTable("nope"));
    }

    @Test
    void shouldRejectNamesWithSqlStateWhenTableOrIndexExists()
    {
        final Catalog catalog = Catalog.EMPTY.withTable(table(1, "users"))
            .withIndex(new IndexDefinition(2, "users_v", 1, List.of(new IndexColumn(1, false)), false, StorageType.BTREE));
        final CatalogException table = assertThrows(CatalogException.class, () -> catalog.checkNameFree("USERS"));
        assertEquals(CatalogException.DUPLICATE_TABLE, table.sqlState());
        assertEquals("table \"USERS\" already exists", table.getMessage());
        final CatalogException index = assertThrows(CatalogException.class, () -> catalog.checkNameFree("Users_V"));
        assertEquals("relation \"Users_V\" already exists (an index has that name)", index.getMessage());
        final CatalogException missing = assertThrows(CatalogException.class, () -> catalog.table("orders"));
        assertEquals(CatalogException.UNDEFINED_TABLE, missing.sqlState());
        assertEquals("table \"orders\" does not exist", missing.getMessage());
        assertEquals(CatalogException.UNDEFINED_OBJECT,
            assertThrows(CatalogException.class, () -> catalog.index("x")).sqlState());
    }

    @Test
    void shouldDropIndexesWithTableWhenTableIsRemoved()
    {
        final Catalog catalog = Catalog.EMPTY.withTable(table(1, "a")).withTable(table(2, "b"))
            .withIndex(new IndexDefinition(3, "a_v", 1, List.of(new IndexColumn(1, false)), false, StorageType.BTREE));
        final Catalog dropped = catalog.withoutTable(1);
        assertNull(dropped.findTable("a"));
        assertNull(dropped.findIndex("a_v"));
        assertTrue(dropped.indexesOf(1).isEmpty());
        assertEquals(4, dropped.nextId());
        assertSame(catalog.table(2), dropped.table(2));
    }

    @Test
    void shouldRejectInconsistentCatalogWhenIndexRefersToMissingTableOrColumn()
    {
        assertThrows(IllegalArgumentException.class, () -> Catalog.EMPTY.withIndex(
            new IndexDefinition(1, "x", 5, List.of(new IndexColumn(0, false)), false, StorageType.BTREE)));
        final IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
            () -> Catalog.EMPTY.withTable(table(1, "a")).withIndex(
                new IndexDefinition(2, "x", 1, List.of(new IndexColumn(5, false)), false, StorageType.BTREE)));
        assertEquals("index \"x\": column ordinal 5 is not a column of table \"a\"", column.getMessage());
    }
}
