package io.phantomdb.core.table;

import io.phantomdb.core.catalog.Catalog;
import io.phantomdb.core.catalog.CatalogDescriptor;
import io.phantomdb.core.catalog.CatalogException;
import io.phantomdb.core.catalog.CatalogStore;
import io.phantomdb.core.catalog.IndexColumn;
import io.phantomdb.core.catalog.IndexDefinition;
import io.phantomdb.core.catalog.StorageType;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.row.RowFlyweight;
import io.phantomdb.core.row.RowWriter;
import io.phantomdb.core.schema.Column;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.Transaction;
import io.phantomdb.core.txn.TxCursor;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The DDL statements of a {@link Tx}: each reads the transaction's catalog, writes the changed catalog rows and
 * the meta record (so two concurrent DDL transactions always write one common key), changes the data in the
 * same engine transaction (fill or delete an index, rewrite or delete rows) and installs the new catalog in
 * the transaction. Nothing is visible to others before commit, and a rollback leaves nothing.
 * <p>
 * Rows are collected (copied) before they are rewritten, because a write invalidates a cursor's views:
 * a statement needs memory for the table's keys and rows (or index entries).
 * <p>
 * <b>Note:</b> stateless; runs on the transaction's thread.
 */
final class SchemaChanges
{

    private SchemaChanges()
    {
    }

    static TableDefinition createTable(final Tx tx, final TableSchema schema, final StorageType storage)
    {
        final Catalog catalog = tx.catalog();
        catalog.checkNameFree(schema.name());
        final TableDefinition table;
        try
        {
            table = new TableDefinition(
                new TableSchema(catalog.allocateId(), schema.name(), schema.columns(), schema.primaryKey()), storage, 1);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CatalogException(CatalogException.INVALID_DEFINITION, ex.getMessage());
        }
        final Transaction transaction = tx.transaction();
        checkStorage(transaction, TableOps.keyspace(table.id(), storage), storage, "table \"" + table.name() + "\"");
        CatalogStore.writeTable(transaction, table);
        install(tx, catalog.withTable(table), table.id());
        return table;
    }

    /**
     * Fail the DDL, not a later write, when the engine lacks the storage type.
     */
    private static void checkStorage(
        final Transaction transaction, final Keyspace keyspace, final StorageType storage, final String what)
    {
        if (!transaction.supports(keyspace.kind()))
        {
            throw new CatalogException(CatalogException.FEATURE_NOT_SUPPORTED,
                what + ": storage " + storage + " is not available: this engine has no " + keyspace.kind() +
                " store (an in-memory engine keeps BTREE keyspaces only)");
        }
    }

    static void dropTable(final Tx tx, final String name)
    {
        final Catalog catalog = tx.catalog();
        final TableDefinition table = catalog.table(name);
        final Transaction transaction = tx.transaction();
        for (final IndexDefinition index : catalog.indexesOf(table.id()))
        {
            deleteAll(transaction, TableOps.keyspace(index.id(), index.storage()));
            CatalogStore.delete(transaction, CatalogDescriptor.INDEX_TAG, index.id());
        }
        deleteAll(transaction, TableOps.keyspace(table.id(), table.storage()));
        CatalogStore.delete(transaction, CatalogDescriptor.TABLE_TAG, table.id());
        install(tx, catalog.withoutTable(table.id()), table.id());
    }

    static IndexDefinition createIndex(
        final Tx tx,
        final String name,
        final String tableName,
        final boolean unique,
        final StorageType storage,
        final String... columnSpecs)
    {
        final Catalog catalog = tx.catalog();
        final TableDefinition table = catalog.table(tableName);
        catalog.checkNameFree(name);
        final List<IndexColumn> columns = new ArrayList<>();
        for (final String spec : columnSpecs)
        {
            final IndexColumn column = indexColumn(tx.ops(table.name()), table, spec);
            for (final IndexColumn previous : columns)
            {
                if (previous.ordinal() == column.ordinal())
                {
                    throw new CatalogException(CatalogException.INVALID_DEFINITION, "column \"" +
                        table.schema().column(column.ordinal()).name() + "\" appears twice in index \"" + name + "\"");
                }
            }
            columns.add(column);
        }
        final IndexDefinition index;
        try
        {
            index = new IndexDefinition(catalog.allocateId(), name, table.id(), columns, unique, storage);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CatalogException(CatalogException.INVALID_DEFINITION, ex.getMessage());
        }
        checkStorage(tx.transaction(), TableOps.keyspace(index.id(), storage), storage, "index \"" + name + "\"");
        fillIndex(tx.transaction(), table, index);
        final TableDefinition changed = table.nextVersion();
        CatalogStore.writeIndex(tx.transaction(), index);
        CatalogStore.writeTable(tx.transaction(), changed);
        install(tx, catalog.withIndex(index).withTable(changed), table.id());
        return index;
    }

    private static IndexColumn indexColumn(final TableOps ops, final TableDefinition table, final String spec)
    {
        final String[] parts = spec.trim().split("\\s+");
        final String direction = parts.length == 2 ? parts[1].toUpperCase(Locale.ROOT) : "ASC";
        if (parts.length > 2 || !(direction.equals("ASC") || direction.equals("DESC")))
        {
            throw new IllegalArgumentException(
                "index column \"" + spec + "\" must be a column name optionally followed by ASC or DESC");
        }
        final int ordinal = ops.ordinal(parts[0]);
        final Column column = table.schema().column(ordinal);
        if (column.type().kind() == TypeKind.JSON)
        {
            throw new CatalogException(CatalogException.INVALID_DEFINITION,
                "column \"" + column.name() + "\" has type JSON, which has no equality and cannot be indexed");
        }
        return new IndexColumn(ordinal, direction.equals("DESC"));
    }

    private static void fillIndex(final Transaction transaction, final TableDefinition table, final IndexDefinition index)
    {
        final TableOps ops = new TableOps(table, List.of(index), false);
        final RowFlyweight row = new RowFlyweight(table.layout());
        final ExpandableArrayBuffer entry = new ExpandableArrayBuffer(64);
        final ExpandableArrayBuffer pk = new ExpandableArrayBuffer(32);
        final TreeMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);
        final TxCursor cursor = transaction.cursor(ops.keyspace());
        for (boolean more = cursor.first(); more; more = cursor.next())
        {
            final DirectBuffer value = cursor.value();
            row.wrap(value, 0, value.capacity());
            final int pkLength = ops.primaryKey().fromRow(row, pk, 0);
            final int length = ops.entryKey(0, row, pk, pkLength, entry);
            final byte[] previous = entries.put(copy(entry, length), copy(pk, pkLength));
            if (null != previous)
            {
                throw new ConstraintViolationException(ConstraintViolationException.UNIQUE_VIOLATION, index.name(),
                    "could not create unique index \"" + index.name() + "\": Key " +
                    TableOps.indexShape(table, index).describe(row) + " is duplicated");
            }
        }
        final Keyspace keyspace = TableOps.keyspace(index.id(), index.storage());
        for (final var e : entries.entrySet())
        {
            transaction.put(keyspace, new UnsafeBuffer(e.getKey()), 0, e.getKey().length,
                new UnsafeBuffer(e.getValue()), 0, e.getValue().length);
        }
    }

    static void dropIndex(final Tx tx, final String name)
    {
        final Catalog catalog = tx.catalog();
        final IndexDefinition index = catalog.index(name);
        final TableDefinition changed = catalog.table(index.tableId()).nextVersion();
        deleteAll(tx.transaction(), TableOps.keyspace(index.id(), index.storage()));
        CatalogStore.delete(tx.transaction(), CatalogDescriptor.INDEX_TAG, index.id());
        CatalogStore.writeTable(tx.transaction(), changed);
        install(tx, catalog.withoutIndex(index.id()).withTable(changed), changed.id());
    }

    static void addColumn(
        final Tx tx, final String tableName, final String columnName, final ColumnType type, final boolean nullable)
    {
        final Catalog catalog = tx.catalog();
        final TableDefinition table = catalog.table(tableName);
        final TableSchema schema = table.schema();
        if (schema.columnOrdinal(columnName) >= 0)
        {
            throw new CatalogException(CatalogException.DUPLICATE_COLUMN,
                "column \"" + columnName + "\" of relation \"" + table.name() + "\" already exists");
        }
        final List<Column> columns = new ArrayList<>(schema.columns());
        columns.add(new Column(columnName, type, nullable, null, columns.size()));
        final TableDefinition changed = changedSchema(table, columns, schema.primaryKey());
        final List<byte[][]> rows = collect(tx.transaction(), TableOps.keyspace(table.id(), table.storage()));
        if (!nullable && !rows.isEmpty())
        {
            throw new ConstraintViolationException(ConstraintViolationException.NOT_NULL_VIOLATION, columnName,
                "column \"" + columnName + "\" of relation \"" + table.name() + "\" contains null values: a NOT NULL " +
                "column can only be added to an empty table");
        }
        final int[] sourceOrdinals = new int[columns.size()];
        for (int i = 0; i < sourceOrdinals.length; i++)
        {
            sourceOrdinals[i] = i < schema.columnCount() ? i : -1;
        }
        rewrite(tx.transaction(), table, changed, rows, sourceOrdinals);
        CatalogStore.writeTable(tx.transaction(), changed);
        install(tx, catalog.withTable(changed), table.id());
    }

    static void dropColumn(final Tx tx, final String tableName, final String columnName)
    {
        final Catalog catalog = tx.catalog();
        final TableDefinition table = catalog.table(tableName);
        final TableSchema schema = table.schema();
        final int dropped = tx.ops(table.name()).ordinal(columnName);
        for (final int ordinal : schema.primaryKey())
        {
            if (ordinal == dropped)
            {
                throw new CatalogException(CatalogException.DEPENDENT_OBJECTS, "cannot drop column \"" +
                    schema.column(dropped).name() + "\" of table \"" + table.name() + "\": it is part of the primary key");
            }
        }
        for (final IndexDefinition index : catalog.indexesOf(table.id()))
        {
            for (final IndexColumn column : index.columns())
            {
                if (column.ordinal() == dropped)
                {
                    throw new CatalogException(CatalogException.DEPENDENT_OBJECTS, "cannot drop column \"" +
                        schema.column(dropped).name() + "\" of table \"" + table.name() + "\": index \"" +
                        index.name() + "\" depends on it; drop the index first");
                }
            }
        }
        final List<Column> columns = new ArrayList<>();
        final int[] sourceOrdinals = new int[schema.columnCount() - 1];
        for (final Column column : schema.columns())
        {
            if (column.ordinal() != dropped)
            {
                sourceOrdinals[columns.size()] = column.ordinal();
                columns.add(new Column(column.name(), column.type(), column.nullable(), column.defaultExpression(),
                    columns.size()));
            }
        }
        final int[] primaryKey = schema.primaryKey();
        for (int i = 0; i < primaryKey.length; i++)
        {
            primaryKey[i] = renumber(primaryKey[i], dropped);
        }
        final TableDefinition changed = changedSchema(table, columns, primaryKey);
        Catalog next = catalog.withTable(changed);
        for (final IndexDefinition index : catalog.indexesOf(table.id()))
        {
            final List<IndexColumn> renumbered = new ArrayList<>();
            for (final IndexColumn column : index.columns())
            {
                renumbered.add(new IndexColumn(renumber(column.ordinal(), dropped), column.descending()));
            }
            final IndexDefinition changedIndex = index.withColumns(renumbered);
            CatalogStore.writeIndex(tx.transaction(), changedIndex);
            next = next.withIndex(changedIndex);
        }
        final List<byte[][]> rows = collect(tx.transaction(), TableOps.keyspace(table.id(), table.storage()));
        rewrite(tx.transaction(), table, changed, rows, sourceOrdinals);
        CatalogStore.writeTable(tx.transaction(), changed);
        install(tx, next, table.id());
    }

    private static int renumber(final int ordinal, final int dropped)
    {
        return ordinal > dropped ? ordinal - 1 : ordinal;
    }

    private static TableDefinition changedSchema(final TableDefinition table, final List<Column> columns, final int[] pk)
    {
        try
        {
            return table.withSchema(new TableSchema(table.id(), table.name(), columns, pk));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CatalogException(CatalogException.INVALID_DEFINITION, ex.getMessage());
        }
    }

    /**
     * Rewrite every row in the new layout: new column i takes old column {@code sourceOrdinals[i]}, or NULL if -1.
     */
    private static void rewrite(
        final Transaction transaction,
        final TableDefinition from,
        final TableDefinition to,
        final List<byte[][]> rows,
        final int[] sourceOrdinals)
    {
        final RowFlyweight oldRow = new RowFlyweight(from.layout());
        final RowWriter writer = new RowWriter(to.layout());
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(128);
        final Keyspace keyspace = TableOps.keyspace(to.id(), to.storage());
        for (final byte[][] row : rows)
        {
            oldRow.wrap(new UnsafeBuffer(row[1]), 0, row[1].length);
            writer.wrap(buffer, 0);
            for (int i = 0; i < sourceOrdinals.length; i++)
            {
                ValueCodec.set(writer, i, sourceOrdinals[i] < 0 ? null : ValueCodec.get(oldRow, sourceOrdinals[i]),
                    to.name());
            }
            final int length = writer.finish();
            transaction.put(keyspace, new UnsafeBuffer(row[0]), 0, row[0].length, buffer, 0, length);
        }
    }

    private static List<byte[][]> collect(final Transaction transaction, final Keyspace keyspace)
    {
        final List<byte[][]> entries = new ArrayList<>();
        final TxCursor cursor = transaction.cursor(keyspace);
        for (boolean more = cursor.first(); more; more = cursor.next())
        {
            final DirectBuffer key = cursor.key();
            final DirectBuffer value = cursor.value();
            entries.add(new byte[][]{copy(key, key.capacity()), copy(value, value.capacity())});
        }
        return entries;
    }

    private static void deleteAll(final Transaction transaction, final Keyspace keyspace)
    {
        for (final byte[][] entry : collect(transaction, keyspace))
        {
            transaction.delete(keyspace, new UnsafeBuffer(entry[0]), 0, entry[0].length);
        }
    }

    private static byte[] copy(final DirectBuffer buffer, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    private static void install(final Tx tx, final Catalog next, final int changedTableId)
    {
        final Catalog versioned = next.withVersion(tx.baseCatalog().version() + 1);
        CatalogStore.writeMeta(tx.transaction(), versioned);
        tx.ddlApplied(versioned, changedTableId);
    }
}
