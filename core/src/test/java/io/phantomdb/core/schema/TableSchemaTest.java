package io.phantomdb.core.schema;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.phantomdb.core.schema.ColumnTypeTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TableSchemaTest
{
    private static TableSchema accounts()
    {
        return TableSchema.builder(7, "accounts")
            .column("id", ColumnType.BIGINT, false)
            .column("Owner", ColumnType.varchar(40), false, "'nobody'")
            .column("balance", ColumnType.numeric(12, 2), true)
            .primaryKey("ID")
            .build();
    }

    @Test
    void shouldBuildSchemaWithOrdinalsAndPrimaryKeyWhenValid()
    {
        final TableSchema schema = accounts();
        assertEquals(7, schema.tableId());
        assertEquals("accounts", schema.name());
        assertEquals(3, schema.columnCount());
        assertArrayEquals(new int[]{0}, schema.primaryKey());
        assertEquals(2, schema.column(2).ordinal());
        assertEquals("'nobody'", schema.column(1).defaultExpression());
        assertNull(schema.column(0).defaultExpression());
        assertEquals(accounts(), schema);
        assertEquals(accounts().hashCode(), schema.hashCode());
        assertEquals(
            "CREATE TABLE \"accounts\" (\"id\" BIGINT NOT NULL, \"Owner\" VARCHAR(40) NOT NULL DEFAULT 'nobody', " +
            "\"balance\" NUMERIC(12,2), PRIMARY KEY (\"id\")) /* id 7 */",
            schema.toString());
    }

    @Test
    void shouldFindColumnsIgnoringAsciiCaseWhenLookingUpByName()
    {
        final TableSchema schema = accounts();
        assertEquals(1, schema.columnOrdinal("owner"));
        assertEquals(1, schema.columnOrdinal("OWNER"));
        assertEquals(2, schema.columnOrdinal("BaLaNcE"));
        assertEquals(-1, schema.columnOrdinal("missing"));
        assertEquals("Owner", schema.column("oWnEr").name());
        assertMessage("column \"missing\" does not exist in table \"accounts\"", () -> schema.column("missing"));
    }

    @Test
    void shouldRejectDuplicateNamesWhenTheyDifferOnlyInCase()
    {
        assertMessage(
            "table \"t\": duplicate column name \"ID\" at position 1 (same as \"id\" at position 0)",
            () -> TableSchema.builder(1, "t")
                .column("id", ColumnType.INTEGER, false)
                .column("ID", ColumnType.TEXT, true)
                .primaryKey("id").build());
    }

    @Test
    void shouldRejectPrimaryKeyWhenEmptyMissingNullableDuplicatedOrJson()
    {
        final TableSchema.Builder builder = TableSchema.builder(1, "t")
            .column("id", ColumnType.INTEGER, false)
            .column("note", ColumnType.TEXT, true)
            .column("doc", ColumnType.JSON, false);
        assertMessage("table \"t\": primary key must have at least one column", builder::build);
        assertMessage("table \"t\": primary key column \"nope\" does not exist",
            () -> builder.primaryKey("nope").build());
        assertMessage("table \"t\": primary key column \"note\" must be NOT NULL",
            () -> builder.primaryKey("id", "note").build());
        assertMessage("table \"t\": column \"id\" appears twice in the primary key",
            () -> builder.primaryKey("id", "ID").build());
        assertMessage("table \"t\": primary key column \"doc\" has type JSON, which has no equality",
            () -> builder.primaryKey("doc").build());

        final List<Column> columns = List.of(new Column("id", ColumnType.INTEGER, false, null, 0));
        assertMessage("table \"t\": primary key ordinal 1 is not a column (0 to 0)",
            () -> new TableSchema(1, "t", columns, 1));
        assertMessage("table \"t\": primary key ordinal -1 is not a column (0 to 0)",
            () -> new TableSchema(1, "t", columns, -1));
    }

    @Test
    void shouldRejectTableWhenColumnsAreEmptyTooManyOrMisnumbered()
    {
        assertMessage("table \"t\" has 0 columns, must have 1 to 1600", () -> new TableSchema(1, "t", List.of(), 0));
        final List<Column> many = new ArrayList<>();
        for (int i = 0; i <= TableSchema.MAX_COLUMNS; i++)
        {
            many.add(new Column("c" + i, ColumnType.INTEGER, false, null, i));
        }
        assertMessage("table \"t\" has 1601 columns, must have 1 to 1600", () -> new TableSchema(1, "t", many, 0));
        final List<Column> misnumbered = List.of(
            new Column("a", ColumnType.INTEGER, false, null, 0),
            new Column("b", ColumnType.INTEGER, false, null, 2));
        assertMessage("table \"t\": column \"b\" at position 1 has ordinal 2",
            () -> new TableSchema(1, "t", misnumbered, 0));
        assertMessage("table \"t\": table id -1 must be >= 0", () -> new TableSchema(-1, "t", misnumbered, 0));
    }

    @Test
    void shouldRejectColumnWhenNameDefaultOrOrdinalInvalid()
    {
        assertMessage("column name \"\" has 0 UTF-8 bytes, must have 1 to 63",
            () -> new Column("", ColumnType.TEXT, true, null, 0));
        final String longName = "é".repeat(32);
        assertMessage("column name \"" + longName + "\" has 64 UTF-8 bytes, must have 1 to 63",
            () -> new Column(longName, ColumnType.TEXT, true, null, 0));
        assertMessage("table name \"\" has 0 UTF-8 bytes, must have 1 to 63",
            () -> TableSchema.builder(1, "").column("a", ColumnType.INTEGER, false).primaryKey("a").build());
        assertMessage("column \"a\": default expression must be null or non-blank, got \"  \"",
            () -> new Column("a", ColumnType.TEXT, true, "  ", 0));
        assertMessage("column \"a\": ordinal -1 must be >= 0", () -> new Column("a", ColumnType.TEXT, true, null, -1));
        assertThrows(NullPointerException.class, () -> new Column("a", null, true, null, 0));
    }

    @Test
    void shouldKeepColumnsImmutableWhenSourceListChanges()
    {
        final List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", ColumnType.INTEGER, false, null, 0));
        final int[] pk = {0};
        final TableSchema schema = new TableSchema(1, "t", columns, pk);
        columns.add(new Column("x", ColumnType.INTEGER, false, null, 1));
        pk[0] = 5;
        assertEquals(1, schema.columnCount());
        assertArrayEquals(new int[]{0}, schema.primaryKey());
        assertThrows(UnsupportedOperationException.class, () -> schema.columns().clear());
    }
}
