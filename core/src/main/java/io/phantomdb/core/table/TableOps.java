package io.phantomdb.core.table;

import io.phantomdb.core.catalog.CatalogException;
import io.phantomdb.core.catalog.IndexColumn;
import io.phantomdb.core.catalog.IndexDefinition;
import io.phantomdb.core.catalog.StorageType;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.row.RowDescriptor;
import io.phantomdb.core.row.RowFlyweight;
import io.phantomdb.core.row.RowWriter;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.StorageKind;
import io.phantomdb.core.txn.Transaction;
import io.phantomdb.core.txn.TransactionConflictException;
import io.phantomdb.index.ByteComparator;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.List;
import java.util.Map;

/**
 * Row and index maintenance of one table (at one definition) inside one engine transaction. The row is
 * stored under its primary key; each secondary index entry is written or removed in the same transaction.
 * Every statement checks all its constraints before it writes anything, so a statement that throws
 * leaves the transaction as it was.
 * <p>
 * Index entry of a unique index without NULL in its columns: key = the index columns, value = the
 * primary key. Entry of a non-unique index, or of a unique index with a NULL column (NULLs are distinct,
 * as in SQL): key = the index columns then the primary key, value = the primary key.
 * <p>
 * <b>Note:</b> not thread safe; owned by one transaction.
 */
final class TableOps
{
    private final TableDefinition table;
    private final Keyspace keyspace;
    private final KeyShape primaryKey;
    private final IndexDefinition[] indexes;
    private final KeyShape[] indexShapes;
    private final Keyspace[] indexKeyspaces;
    private final ExpandableArrayBuffer[] newEntries;
    private final int[] newEntryLengths;
    private final ExpandableArrayBuffer oldEntry = new ExpandableArrayBuffer(64);
    private final RowWriter writer;
    private final ExpandableArrayBuffer newRowBuffer = new ExpandableArrayBuffer(128);
    private final ExpandableArrayBuffer oldRowBuffer = new ExpandableArrayBuffer(128);
    private final RowFlyweight newRow;
    private final RowFlyweight oldRow;
    private final ExpandableArrayBuffer newPk = new ExpandableArrayBuffer(32);
    private final ExpandableArrayBuffer oldPk = new ExpandableArrayBuffer(32);
    private final boolean lockKeys;
    private int newPkLength;
    private int oldPkLength;

    /**
     * @param table    the table.
     * @param indexes  its indexes.
     * @param lockKeys true under READ COMMITTED: lock every primary key and unique entry key a statement writes
     *                 before reading it, so that concurrent writers of one row or one unique value conflict
     *                 (first committer wins) instead of the last silently overwriting the first.
     */
    TableOps(final TableDefinition table, final List<IndexDefinition> indexes, final boolean lockKeys)
    {
        this.table = table;
        this.lockKeys = lockKeys;
        this.keyspace = keyspace(table.id(), table.storage());
        final TableSchema schema = table.schema();
        final int[] pkOrdinals = schema.primaryKey();
        this.primaryKey = new KeyShape(table.name(), schema.columns(), pkOrdinals, new boolean[pkOrdinals.length]);
        this.indexes = indexes.toArray(new IndexDefinition[0]);
        this.indexShapes = new KeyShape[this.indexes.length];
        this.indexKeyspaces = new Keyspace[this.indexes.length];
        this.newEntries = new ExpandableArrayBuffer[this.indexes.length];
        this.newEntryLengths = new int[this.indexes.length];
        for (int i = 0; i < this.indexes.length; i++)
        {
            indexShapes[i] = indexShape(table, this.indexes[i]);
            indexKeyspaces[i] = keyspace(this.indexes[i].id(), this.indexes[i].storage());
            newEntries[i] = new ExpandableArrayBuffer(64);
        }
        this.writer = new RowWriter(table.layout());
        this.newRow = new RowFlyweight(table.layout());
        this.oldRow = new RowFlyweight(table.layout());
    }

    static KeyShape indexShape(final TableDefinition table, final IndexDefinition index)
    {
        final List<IndexColumn> columns = index.columns();
        final int[] ordinals = new int[columns.size()];
        final boolean[] descending = new boolean[columns.size()];
        for (int i = 0; i < ordinals.length; i++)
        {
            ordinals[i] = columns.get(i).ordinal();
            descending[i] = columns.get(i).descending();
        }
        return new KeyShape(table.name(), table.schema().columns(), ordinals, descending);
    }

    /**
     * @param id      a table or index id.
     * @param storage its storage type; HASH entries live in a B+tree.
     * @return the engine keyspace.
     */
    static Keyspace keyspace(final int id, final StorageType storage)
    {
        return new Keyspace(id, storage == StorageType.LSM ? StorageKind.LSM : StorageKind.BTREE);
    }

    TableDefinition table()
    {
        return table;
    }

    Keyspace keyspace()
    {
        return keyspace;
    }

    KeyShape primaryKey()
    {
        return primaryKey;
    }

    void insert(final Transaction tx, final Object[] values, final boolean upsert)
    {
        final TableSchema schema = table.schema();
        if (values.length != schema.columnCount())
        {
            throw new IllegalArgumentException("table \"" + table.name() + "\" has " + schema.columnCount() +
                " columns, got " + values.length + " values");
        }
        writer.wrap(newRowBuffer, 0);
        for (int i = 0; i < values.length; i++)
        {
            ValueCodec.set(writer, i, values[i], table.name());
        }
        newRow.wrap(newRowBuffer, 0, writer.finish());
        newPkLength = primaryKey.fromRow(newRow, newPk, 0);
        final boolean exists = loadOld(tx, newPk, newPkLength);
        if (exists && !upsert)
        {
            throw new ConstraintViolationException(ConstraintViolationException.UNIQUE_VIOLATION, pkName(),
                "duplicate key value violates unique constraint \"" + pkName() + "\": Key " +
                primaryKey.describe(newRow) + " already exists");
        }
        apply(tx, exists, true);
    }

    boolean update(final Transaction tx, final Object[] pkValues, final Map<String, ?> changes)
    {
        final TableSchema schema = table.schema();
        final Object[] assigned = new Object[schema.columnCount()];
        final boolean[] isAssigned = new boolean[schema.columnCount()];
        for (final Map.Entry<String, ?> change : changes.entrySet())
        {
            final int ordinal = ordinal(change.getKey());
            assigned[ordinal] = change.getValue();
            isAssigned[ordinal] = true;
        }
        if (!findOld(tx, pkValues))
        {
            return false;
        }
        writer.wrap(newRowBuffer, 0);
        for (int i = 0; i < assigned.length; i++)
        {
            ValueCodec.set(writer, i, isAssigned[i] ? assigned[i] : ValueCodec.get(oldRow, i), table.name());
        }
        newRow.wrap(newRowBuffer, 0, writer.finish());
        newPkLength = primaryKey.fromRow(newRow, newPk, 0);
        if (!equal(newPk, newPkLength, oldPk, oldPkLength) && exists(tx, newPk, newPkLength))
        {
            throw new ConstraintViolationException(ConstraintViolationException.UNIQUE_VIOLATION, pkName(),
                "duplicate key value violates unique constraint \"" + pkName() + "\": Key " +
                primaryKey.describe(newRow) + " already exists");
        }
        apply(tx, true, true);
        return true;
    }

    boolean delete(final Transaction tx, final Object[] pkValues)
    {
        if (!findOld(tx, pkValues))
        {
            return false;
        }
        apply(tx, true, false);
        return true;
    }

    /**
     * @param tx       the transaction.
     * @param pkValues the primary key.
     * @return the stored row, a view valid until the next call on the transaction, or null.
     */
    DirectBuffer get(final Transaction tx, final Object[] pkValues)
    {
        checkFullKey(pkValues);
        oldPkLength = primaryKey.fromValues(pkValues, "primary key", oldPk, 0);
        return tx.get(keyspace, oldPk, 0, oldPkLength);
    }

    void lockForUpdate(final Transaction tx, final Object[] pkValues)
    {
        checkFullKey(pkValues);
        oldPkLength = primaryKey.fromValues(pkValues, "primary key", oldPk, 0);
        tx.lockForUpdate(keyspace, oldPk, 0, oldPkLength);
    }

    int ordinal(final String column)
    {
        final int ordinal = table.schema().columnOrdinal(column);
        if (ordinal < 0)
        {
            throw new CatalogException(CatalogException.UNDEFINED_COLUMN,
                "column \"" + column + "\" of relation \"" + table.name() + "\" does not exist");
        }
        return ordinal;
    }

    private String pkName()
    {
        return table.name() + "_pkey";
    }

    private void checkFullKey(final Object[] pkValues)
    {
        if (pkValues.length != primaryKey.columnCount())
        {
            throw new IllegalArgumentException("primary key of table \"" + table.name() + "\" has " +
                primaryKey.columnCount() + " columns, got " + pkValues.length + " values");
        }
    }

    private boolean exists(final Transaction tx, final ExpandableArrayBuffer pk, final int pkLength)
    {
        if (lockKeys)
        {
            tx.lockForUpdate(keyspace, pk, 0, pkLength);
        }
        return null != tx.get(keyspace, pk, 0, pkLength);
    }

    private boolean findOld(final Transaction tx, final Object[] pkValues)
    {
        checkFullKey(pkValues);
        oldPkLength = primaryKey.fromValues(pkValues, "primary key", oldPk, 0);
        return loadOld(tx, oldPk, oldPkLength);
    }

    private boolean loadOld(final Transaction tx, final ExpandableArrayBuffer pk, final int pkLength)
    {
        if (lockKeys)
        {
            tx.lockForUpdate(keyspace, pk, 0, pkLength);
        }
        final DirectBuffer stored = tx.get(keyspace, pk, 0, pkLength);
        if (null == stored)
        {
            return false;
        }
        if (pk != oldPk)
        {
            oldPk.putBytes(0, pk, 0, pkLength);
            oldPkLength = pkLength;
        }
        final int length = stored.capacity();
        checkShape(tx, table, stored, length);
        oldRowBuffer.putBytes(0, stored, 0, length);
        oldRow.wrap(oldRowBuffer, 0, length);
        return true;
    }

    /**
     * Check every unique index, then replace the old row (if any) by the new one (if any) with their entries.
     */
    private void apply(final Transaction tx, final boolean hasOld, final boolean hasNew)
    {
        if (hasNew)
        {
            for (int i = 0; i < indexes.length; i++)
            {
                newEntryLengths[i] = entryKey(i, newRow, newPk, newPkLength, newEntries[i]);
                checkUnique(tx, i, hasOld);
            }
        }
        if (hasOld)
        {
            for (int i = 0; i < indexes.length; i++)
            {
                final int oldLength = entryKey(i, oldRow, oldPk, oldPkLength, oldEntry);
                if (!hasNew || !equal(oldEntry, oldLength, newEntries[i], newEntryLengths[i]))
                {
                    tx.delete(indexKeyspaces[i], oldEntry, 0, oldLength);
                }
            }
            if (!hasNew || !equal(oldPk, oldPkLength, newPk, newPkLength))
            {
                tx.delete(keyspace, oldPk, 0, oldPkLength);
            }
        }
        if (hasNew)
        {
            tx.put(keyspace, newPk, 0, newPkLength, newRowBuffer, 0, newRow.length());
            for (int i = 0; i < indexes.length; i++)
            {
                tx.put(indexKeyspaces[i], newEntries[i], 0, newEntryLengths[i], newPk, 0, newPkLength);
            }
        }
    }

    private void checkUnique(final Transaction tx, final int i, final boolean hasOld)
    {
        if (!indexes[i].unique() || indexShapes[i].hasNull(newRow))
        {
            return;
        }
        if (lockKeys)
        {
            tx.lockForUpdate(indexKeyspaces[i], newEntries[i], 0, newEntryLengths[i]);
        }
        final DirectBuffer owner = tx.get(indexKeyspaces[i], newEntries[i], 0, newEntryLengths[i]);
        if (null == owner || equal(owner, owner.capacity(), newPk, newPkLength) ||
            (hasOld && equal(owner, owner.capacity(), oldPk, oldPkLength)))
        {
            return;
        }
        throw new ConstraintViolationException(ConstraintViolationException.UNIQUE_VIOLATION, indexes[i].name(),
            "duplicate key value violates unique constraint \"" + indexes[i].name() + "\": Key " +
            indexShapes[i].describe(newRow) + " already exists");
    }

    /**
     * @return the entry key of a row in index i, written to dst.
     */
    int entryKey(
        final int i, final RowFlyweight row, final DirectBuffer pk, final int pkLength, final ExpandableArrayBuffer dst)
    {
        final int length = indexShapes[i].fromRow(row, dst, 0);
        if (indexes[i].unique() && !indexShapes[i].hasNull(row))
        {
            return length;
        }
        dst.putBytes(length, pk, 0, pkLength);
        return length + pkLength;
    }

    /**
     * A row with another column count than the definition was written under a newer definition: a DDL that
     * committed after this READ COMMITTED transaction loaded the catalog. A conflict, not corruption.
     *
     * @throws TransactionConflictException if the column count in the row's header differs from the table's.
     */
    static void checkShape(final Transaction tx, final TableDefinition table, final DirectBuffer row, final int length)
    {
        if (length >= RowDescriptor.HEADER_LENGTH)
        {
            final int columns = row.getShort(RowDescriptor.COLUMN_COUNT_OFFSET, RowDescriptor.BYTE_ORDER) & 0xFFFF;
            if (columns != table.schema().columnCount())
            {
                throw new TransactionConflictException("table \"" + table.name() + "\" has " +
                    table.schema().columnCount() + " columns in this transaction's catalog but a committed row has " +
                    columns + ": a concurrent DDL changed it", table.id(), "", tx.snapshotVersion(), -1);
            }
        }
    }

    static boolean equal(final DirectBuffer a, final int aLength, final DirectBuffer b, final int bLength)
    {
        return aLength == bLength && 0 == ByteComparator.compare(a, 0, aLength, b, 0, bLength);
    }
}
