package io.phantomdb.core.table;

import io.phantomdb.core.catalog.Catalog;
import io.phantomdb.core.catalog.IndexDefinition;
import io.phantomdb.core.catalog.StorageType;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.Transaction;
import io.phantomdb.core.txn.TransactionConflictException;
import org.agrona.DirectBuffer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A session transaction of a {@link Database}: typed row operations and DDL over one engine
 * {@link Transaction}. Everything it does commits or rolls back together, DDL included.
 * <p>
 * Values are boxed Java objects, one per column in column order: Boolean, Short, Integer, Long, Float,
 * Double, BigDecimal, String, byte[], LocalDate, LocalTime, LocalDateTime, or null for NULL (see
 * {@link #insert} for which class fits which type). Tables, indexes and columns are named ignoring ASCII
 * case.
 * <p>
 * Errors: unknown names throw {@link io.phantomdb.core.catalog.CatalogException} (42P01, 42703, 42704);
 * constraint violations {@link ConstraintViolationException} (23505, 23502) and leave the transaction
 * active with the failed statement undone; wrong value classes or out-of-range values
 * {@link IllegalArgumentException} naming column, type and value; a concurrent conflict at commit
 * {@link TransactionConflictException} (40001, retry the transaction); any call after commit or rollback
 * {@link IllegalStateException}; any call after the database closed {@link io.phantomdb.ClosedException}.
 * <p>
 * The transaction sees the catalog that was committed when it began, plus its own DDL. Its commit fails
 * with 40001 if a DDL committed since then changed a table it wrote, or, for a transaction with DDL, if
 * any DDL committed since it began or a table its DDL changed was written by a transaction that committed
 * since it began.
 * <p>
 * <b>Note:</b> not thread safe: one thread at a time. Rows and cursors it returns belong to that thread.
 */
public final class Tx implements AutoCloseable
{
    private enum State
    {
        ACTIVE, COMMITTED, ROLLED_BACK
    }

    private final Database database;
    private final Transaction transaction;
    private Catalog baseCatalog;
    private final long baseEngineVersion;
    private final Map<Integer, TableOps> opsByTable = new HashMap<>();
    private final Map<Integer, TableDefinition> written = new HashMap<>();
    private final Set<Integer> changedTables = new HashSet<>();
    private final Map<Integer, Row> rowsByTable = new HashMap<>();
    private Catalog catalog;
    private String lastTableName;
    private Catalog lastCatalog;
    private TableOps lastOps;
    private boolean ddl;
    private State state = State.ACTIVE;

    Tx(final Database database, final Transaction transaction, final Catalog catalog, final long baseEngineVersion)
    {
        this.database = database;
        this.transaction = transaction;
        this.baseCatalog = catalog;
        this.catalog = catalog;
        this.baseEngineVersion = baseEngineVersion;
    }

    /**
     * @return the isolation level.
     */
    public IsolationLevel isolation()
    {
        return transaction.isolation();
    }

    /**
     * @return the catalog this transaction sees: the committed one when it began, plus its own DDL.
     */
    public Catalog catalog()
    {
        checkActive();
        refreshCatalog();
        return catalog;
    }

    /**
     * Insert a row.
     * <p>
     * Classes per column type (widening only): BOOLEAN Boolean; SMALLINT Short; INTEGER Integer or Short;
     * BIGINT Long, Integer or Short; REAL Float; DOUBLE PRECISION Double or Float; NUMERIC BigDecimal, Long,
     * Integer or Short; CHARACTER, VARCHAR, TEXT, JSON String; BYTEA byte[]; DATE LocalDate; TIME LocalTime;
     * TIMESTAMP LocalDateTime.
     *
     * @param table  table name.
     * @param values one per column in column order, null for NULL.
     * @throws ConstraintViolationException 23505 if the primary key or a unique index key exists, 23502 for
     *                                      NULL in a NOT NULL column.
     * @throws IllegalArgumentException     if the number of values, a value's class or a value's range is wrong.
     */
    public void insert(final String table, final Object... values)
    {
        final TableOps ops = ops(table);
        ops.insert(transaction, values, false);
        markWritten(ops);
    }

    /**
     * Insert a row, or replace the row with the same primary key.
     *
     * @param table  table name.
     * @param values one per column in column order, null for NULL.
     * @throws ConstraintViolationException 23505 if a unique index key belongs to another row, 23502 for NULL
     *                                      in a NOT NULL column.
     */
    public void upsert(final String table, final Object... values)
    {
        final TableOps ops = ops(table);
        ops.insert(transaction, values, true);
        markWritten(ops);
    }

    /**
     * Change columns of the row with a primary key; the primary key itself may change.
     *
     * @param table   table name.
     * @param pk      the primary key values, in key order.
     * @param changes new values by column name, null for NULL.
     * @return true if the row existed.
     * @throws ConstraintViolationException 23505 or 23502 as for {@link #insert}.
     */
    public boolean update(final String table, final Object[] pk, final Map<String, ?> changes)
    {
        final TableOps ops = ops(table);
        final boolean found = ops.update(transaction, pk, changes);
        if (found)
        {
            markWritten(ops);
        }
        return found;
    }

    /**
     * @param table table name.
     * @param pk    the primary key values, in key order.
     * @return true if a row was deleted.
     */
    public boolean delete(final String table, final Object... pk)
    {
        final TableOps ops = ops(table);
        final boolean found = ops.delete(transaction, pk);
        if (found)
        {
            markWritten(ops);
        }
        return found;
    }

    /**
     * @param table table name.
     * @param pk    the primary key values, in key order.
     * @return the row, a flyweight valid until the next call on this transaction, or null if absent.
     */
    public Row get(final String table, final Object... pk)
    {
        final TableOps ops = ops(table);
        final DirectBuffer value = ops.get(transaction, pk);
        return null == value ? null : row(ops.table()).wrap(value, 0, value.capacity());
    }

    /**
     * Lock a row's key so a concurrent writer of it conflicts (SELECT ... FOR UPDATE); under READ COMMITTED
     * it makes the first committer win instead of the last.
     *
     * @param table table name.
     * @param pk    the primary key values, in key order.
     */
    public void lockForUpdate(final String table, final Object... pk)
    {
        ops(table).lockForUpdate(transaction, pk);
    }

    /**
     * Scan a table in primary key order.
     *
     * @param table   table name.
     * @param from    inclusive lower bound: a prefix of the primary key values, or null for the first row.
     * @param to      inclusive upper bound: a prefix of the primary key values, or null for the last row.
     * @param forward true for ascending order, false for descending.
     * @return a cursor.
     */
    public RowCursor scan(final String table, final Object[] from, final Object[] to, final boolean forward)
    {
        final TableOps ops = ops(table);
        return new RowCursor(this, transaction, ops.keyspace(), ops.keyspace(), false,
            new Row(transaction, ops.table()), ops.primaryKey(), from, to, forward);
    }

    /**
     * Scan a secondary index in its order (each column as declared, ASC or DESC) and read each entry's row.
     * A HASH index supports only equality: {@code from} and {@code to} equal and covering all its columns.
     *
     * @param index   index name.
     * @param from    inclusive lower bound: a prefix of the index column values, or null.
     * @param to      inclusive upper bound: a prefix of the index column values, or null.
     * @param forward true for the index order, false for its reverse.
     * @return a cursor.
     * @throws IllegalArgumentException if the index is HASH and the bounds are not one full key.
     */
    public RowCursor indexScan(final String index, final Object[] from, final Object[] to, final boolean forward)
    {
        checkActive();
        refreshCatalog();
        final IndexDefinition definition = catalog.index(index);
        final TableDefinition table = catalog.table(definition.tableId());
        if (definition.storage() == StorageType.HASH && (null == from || null == to ||
            from.length != definition.columns().size() || !Arrays.equals(from, to)))
        {
            throw new IllegalArgumentException("index \"" + definition.name() + "\" is a HASH index: only an " +
                "equality lookup on all " + definition.columns().size() + " columns (from equal to to) is supported");
        }
        final TableOps ops = ops(table.name());
        final Keyspace keyspace = TableOps.keyspace(definition.id(), definition.storage());
        return new RowCursor(this, transaction, keyspace, ops.keyspace(), true,
            new Row(transaction, table), TableOps.indexShape(table, definition), from, to, forward);
    }

    /**
     * Create a table in this transaction; its id is assigned by the catalog (the schema's id is ignored).
     *
     * @param schema  columns and primary key.
     * @param storage {@link StorageType#BTREE} or {@link StorageType#LSM}.
     * @return the created table.
     * @throws io.phantomdb.core.catalog.CatalogException 42P07 if a table or index has the name.
     */
    public TableDefinition createTable(final TableSchema schema, final StorageType storage)
    {
        return SchemaChanges.createTable(this, schema, storage);
    }

    /**
     * Drop a table, its indexes and all its rows.
     *
     * @param table table name.
     * @throws io.phantomdb.core.catalog.CatalogException 42P01 if there is no such table.
     */
    public void dropTable(final String table)
    {
        SchemaChanges.dropTable(this, table);
    }

    /**
     * Create a secondary index and fill it from the table's rows in this transaction.
     *
     * @param name    index name.
     * @param table   table name.
     * @param unique  true for a unique index.
     * @param storage BTREE, LSM or HASH.
     * @param columns column names in key order, each optionally followed by {@code " ASC"} or {@code " DESC"}.
     * @return the created index.
     * @throws ConstraintViolationException 23505 if unique and two rows have the same key.
     */
    public IndexDefinition createIndex(
        final String name, final String table, final boolean unique, final StorageType storage, final String... columns)
    {
        return SchemaChanges.createIndex(this, name, table, unique, storage, columns);
    }

    /**
     * @param name index name.
     * @throws io.phantomdb.core.catalog.CatalogException 42704 if there is no such index.
     */
    public void dropIndex(final String name)
    {
        SchemaChanges.dropIndex(this, name);
    }

    /**
     * Add a column at the end of a table, rewriting its rows with NULL in it.
     *
     * @param table    table name.
     * @param column   new column name.
     * @param type     its type.
     * @param nullable false for NOT NULL, allowed only when the table is empty.
     * @throws ConstraintViolationException 23502 for a NOT NULL column on a table with rows.
     */
    public void addColumn(final String table, final String column, final ColumnType type, final boolean nullable)
    {
        SchemaChanges.addColumn(this, table, column, type, nullable);
    }

    /**
     * Drop a column, rewriting the table's rows without it.
     *
     * @param table  table name.
     * @param column column name; not a primary key column nor used by an index (2BP01).
     */
    public void dropColumn(final String table, final String column)
    {
        SchemaChanges.dropColumn(this, table, column);
    }

    /**
     * Commit, durably as the engine's sync policy says.
     *
     * @return the engine's commit version.
     * @throws TransactionConflictException if a concurrent commit conflicts (40001); the transaction is rolled
     *                                      back.
     * @throws IllegalStateException        if the transaction is finished.
     */
    public long commit()
    {
        checkActive();
        boolean committed = false;
        try
        {
            final long version = database.commit(this);
            committed = true;
            return version;
        }
        finally
        {
            if (committed)
            {
                state = State.COMMITTED;
            }
            else
            {
                state = State.ROLLED_BACK;
                if (transaction.isActive())
                {
                    transaction.rollback();
                }
            }
        }
    }

    /**
     * Roll back everything, DDL included.
     *
     * @throws IllegalStateException if the transaction is finished.
     */
    public void rollback()
    {
        checkActive();
        state = State.ROLLED_BACK;
        transaction.rollback();
    }

    /**
     * Roll back if still active; otherwise nothing.
     */
    @Override
    public void close()
    {
        if (state == State.ACTIVE)
        {
            state = State.ROLLED_BACK;
            transaction.close();
        }
    }

    /**
     * @return true until commit or rollback.
     */
    public boolean isActive()
    {
        return state == State.ACTIVE;
    }

    void checkActive()
    {
        database.checkOpen();
        if (state != State.ACTIVE)
        {
            throw new IllegalStateException("transaction is " + (state == State.COMMITTED ? "committed" : "rolled back") +
                ": begin a new one");
        }
    }

    TableOps ops(final String table)
    {
        checkActive();
        refreshCatalog();
        // Identity, not equals: a caller repeating the same String (a literal, a constant) skips the case-folding
        // lookup; any other String takes the normal path.
        if (table == lastTableName && catalog == lastCatalog)
        {
            return lastOps;
        }
        final TableDefinition definition = catalog.table(table);
        TableOps ops = opsByTable.get(definition.id());
        if (null == ops || ops.table() != definition)
        {
            ops = new TableOps(definition, catalog.indexesOf(definition.id()),
                transaction.isolation() == IsolationLevel.READ_COMMITTED);
            opsByTable.put(definition.id(), ops);
        }
        lastTableName = table;
        lastCatalog = catalog;
        lastOps = ops;
        return ops;
    }

    /**
     * Under READ COMMITTED, where each statement reads the latest committed data, a transaction without DDL of
     * its own also uses the latest committed catalog, so rows rewritten by a DDL that committed meanwhile are
     * read with their new layout. A table written under an older definition still fails the commit (the first
     * definition used is the one checked).
     */
    private void refreshCatalog()
    {
        if (!ddl && transaction.isolation() == IsolationLevel.READ_COMMITTED)
        {
            final Catalog latest = database.committedCatalog();
            if (latest != catalog)
            {
                catalog = latest;
                baseCatalog = latest;
            }
        }
    }

    private Row row(final TableDefinition table)
    {
        Row row = rowsByTable.get(table.id());
        if (null == row || row.schema() != table.schema())
        {
            row = new Row(transaction, table);
            rowsByTable.put(table.id(), row);
        }
        return row;
    }

    private void markWritten(final TableOps ops)
    {
        written.putIfAbsent(ops.table().id(), ops.table());
    }

    Transaction transaction()
    {
        return transaction;
    }

    Catalog baseCatalog()
    {
        return baseCatalog;
    }

    long baseEngineVersion()
    {
        return baseEngineVersion;
    }

    Map<Integer, TableDefinition> written()
    {
        return written;
    }

    Set<Integer> changedTables()
    {
        return changedTables;
    }

    boolean hasDdl()
    {
        return ddl;
    }

    Catalog workingCatalog()
    {
        return catalog;
    }

    /**
     * Install the catalog a DDL statement produced; remembers the tables it changed.
     */
    void ddlApplied(final Catalog newCatalog, final int changedTableId)
    {
        ddl = true;
        catalog = newCatalog.withVersion(baseCatalog.version() + 1);
        changedTables.add(changedTableId);
        opsByTable.remove(changedTableId);
        rowsByTable.remove(changedTableId);
    }
}
