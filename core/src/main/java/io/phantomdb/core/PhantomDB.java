package io.phantomdb.core;

import io.phantomdb.core.catalog.Catalog;
import io.phantomdb.core.catalog.IndexDefinition;
import io.phantomdb.core.catalog.StorageType;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.table.Database;
import io.phantomdb.core.table.Snapshot;
import io.phantomdb.core.table.Tx;
import io.phantomdb.core.txn.Engine;
import io.phantomdb.core.txn.IsolationLevel;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The embedded database: open a directory (or memory), create tables and indexes, and run typed
 * transactions ({@link Tx}) against them.
 * <pre>{@code
 * try (PhantomDB db = PhantomDB.open(Path.of("data")))
 * {
 *     db.createTable(TableSchema.builder(0, "users")
 *         .column("id", ColumnType.BIGINT, false).column("email", ColumnType.TEXT, false)
 *         .primaryKey("id").build());
 *     db.createIndex("users_email", "users", true, StorageType.BTREE, "email");
 *     try (Tx tx = db.begin())
 *     {
 *         tx.insert("users", 1L, "ada@example.com");
 *         tx.commit();
 *     }
 * }
 * }</pre>
 * The DDL methods here are autocommit conveniences: each runs in a transaction of its own. The same DDL is
 * available inside a {@link Tx}, where it commits or rolls back with the rest of the transaction.
 * <p>
 * <b>Note:</b> thread safe: every method may be called from any thread. Each {@link Tx} belongs to one thread
 * at a time.
 */
public final class PhantomDB implements AutoCloseable
{
    private final Database database;
    private final PhantomDBConfig config;

    private PhantomDB(final Database database, final PhantomDBConfig config)
    {
        this.database = database;
        this.config = config;
    }

    /**
     * Open (or create) a database in a directory with default settings, recovering it if needed.
     *
     * @param directory the data directory.
     * @return the open database.
     * @throws io.phantomdb.CorruptionException if the data or the catalog fails a check.
     */
    public static PhantomDB open(final Path directory)
    {
        return open(directory, new PhantomDBConfig());
    }

    /**
     * Open (or create) a database in a directory, recovering it if needed.
     *
     * @param directory the data directory.
     * @param config    the settings.
     * @return the open database.
     * @throws io.phantomdb.CorruptionException if the data or the catalog fails a check.
     */
    public static PhantomDB open(final Path directory, final PhantomDBConfig config)
    {
        return start(Engine.open(directory, config.engine()), directory.toString(), config);
    }

    /**
     * @return a database in memory, gone when closed.
     */
    public static PhantomDB inMemory()
    {
        return inMemory(new PhantomDBConfig());
    }

    /**
     * @param config the settings.
     * @return a database in memory, gone when closed.
     */
    public static PhantomDB inMemory(final PhantomDBConfig config)
    {
        return start(Engine.inMemory(config.engine()), "<memory>", config);
    }

    /**
     * Open the database held by an engine the caller prepared, for example an in-memory engine filled with the
     * keyspaces of a replication snapshot (the catalog keyspace included).
     *
     * @param engine the engine; owned (closed) by the returned database, closed at once if opening fails.
     * @param name   a name for messages.
     * @param config the settings (its engine settings are not used: the engine is already running).
     * @return the open database.
     * @throws io.phantomdb.CorruptionException if the catalog fails a check.
     */
    public static PhantomDB over(final Engine engine, final String name, final PhantomDBConfig config)
    {
        return start(engine, name, config);
    }

    private static PhantomDB start(final Engine engine, final String name, final PhantomDBConfig config)
    {
        try
        {
            return new PhantomDB(Database.open(engine, name), config);
        }
        catch (final RuntimeException ex)
        {
            engine.close();
            throw ex;
        }
    }

    /**
     * @return a transaction at the configured default isolation (REPEATABLE_READ unless set).
     * @throws io.phantomdb.ClosedException if the database is closed.
     */
    public Tx begin()
    {
        return database.begin(config.defaultIsolation());
    }

    /**
     * @param level the isolation level.
     * @return a transaction.
     * @throws io.phantomdb.ClosedException if the database is closed.
     */
    public Tx begin(final IsolationLevel level)
    {
        return database.begin(level);
    }

    /**
     * Begin a read-only snapshot of the whole database (catalog and every keyspace, one commit version), for
     * backups and checks; see {@link Snapshot}.
     *
     * @return the snapshot, owned by the calling thread; close it promptly.
     * @throws io.phantomdb.ClosedException if the database is closed.
     */
    public Snapshot snapshot()
    {
        return Snapshot.begin(database);
    }

    /**
     * @return the committed catalog.
     */
    public Catalog catalog()
    {
        return database.catalog();
    }

    /**
     * Create a B+tree table (autocommit); see {@link Tx#createTable}.
     *
     * @param schema columns and primary key; its table id is ignored.
     * @return the created table.
     */
    public TableDefinition createTable(final TableSchema schema)
    {
        return createTable(schema, StorageType.BTREE);
    }

    /**
     * Create a table (autocommit); see {@link Tx#createTable}.
     *
     * @param schema  columns and primary key; its table id is ignored.
     * @param storage BTREE or LSM.
     * @return the created table.
     */
    public TableDefinition createTable(final TableSchema schema, final StorageType storage)
    {
        return autocommit(tx -> tx.createTable(schema, storage));
    }

    /**
     * Drop a table with its indexes and rows (autocommit); see {@link Tx#dropTable}.
     *
     * @param table table name.
     */
    public void dropTable(final String table)
    {
        autocommit(tx ->
        {
            tx.dropTable(table);
            return null;
        });
    }

    /**
     * Create and fill an index (autocommit); see {@link Tx#createIndex}.
     *
     * @param name    index name.
     * @param table   table name.
     * @param unique  true for a unique index.
     * @param storage BTREE, LSM or HASH.
     * @param columns column names, each optionally followed by ASC or DESC.
     * @return the created index.
     */
    public IndexDefinition createIndex(
        final String name, final String table, final boolean unique, final StorageType storage, final String... columns)
    {
        return autocommit(tx -> tx.createIndex(name, table, unique, storage, columns));
    }

    /**
     * Drop an index (autocommit); see {@link Tx#dropIndex}.
     *
     * @param name index name.
     */
    public void dropIndex(final String name)
    {
        autocommit(tx ->
        {
            tx.dropIndex(name);
            return null;
        });
    }

    /**
     * Add a column (autocommit); see {@link Tx#addColumn}.
     *
     * @param table    table name.
     * @param column   column name.
     * @param type     its type.
     * @param nullable false for NOT NULL (only on an empty table).
     */
    public void addColumn(final String table, final String column, final ColumnType type, final boolean nullable)
    {
        autocommit(tx ->
        {
            tx.addColumn(table, column, type, nullable);
            return null;
        });
    }

    /**
     * Drop a column (autocommit); see {@link Tx#dropColumn}.
     *
     * @param table  table name.
     * @param column column name.
     */
    public void dropColumn(final String table, final String column)
    {
        autocommit(tx ->
        {
            tx.dropColumn(table, column);
            return null;
        });
    }

    private <T> T autocommit(final Function<Tx, T> statement)
    {
        try (Tx tx = database.begin(IsolationLevel.REPEATABLE_READ))
        {
            final T result = statement.apply(tx);
            tx.commit();
            return result;
        }
    }

    /**
     * Close the database and its engine. Idempotent.
     */
    @Override
    public void close()
    {
        database.close();
    }

    /**
     * @return the engine's counters now (commits, conflicts, WAL syncs, checkpoints); any thread.
     */
    public io.phantomdb.core.txn.EngineMetrics metrics()
    {
        return database.metrics();
    }
}
