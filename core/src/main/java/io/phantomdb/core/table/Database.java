package io.phantomdb.core.table;

import io.phantomdb.ClosedException;
import io.phantomdb.core.catalog.Catalog;
import io.phantomdb.core.catalog.CatalogDescriptor;
import io.phantomdb.core.catalog.CatalogStore;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.txn.Engine;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.Transaction;
import io.phantomdb.core.txn.TransactionConflictException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.StampedLock;

/**
 * The typed tables over an {@link Engine}: holds the committed {@link Catalog} (loaded on open, replaced
 * with a volatile store when a DDL transaction commits) and begins {@link Tx}s.
 * <p>
 * DDL against concurrent DML: a DDL rewrites or indexes the rows it sees, so it must not commit alongside a
 * writer of the same table that it did not see, and a writer must not commit rows in the shape of a
 * definition a DDL replaced. A {@link StampedLock} orders the two: transactions begin (catalog read plus
 * engine snapshot) and DML transactions commit (check that every table they wrote still has the definition
 * they used, engine commit, record the commit version per table) under the read lock; DDL transactions
 * commit (check that no DDL committed since they began and no table they changed was written since they
 * began, engine commit, publish the catalog) under the write lock. A failed check is a
 * {@link TransactionConflictException} (40001): retry the transaction.
 * <p>
 * <b>Note:</b> thread safe: {@link #begin}, {@link #catalog()} and {@link #close()} from any thread; each
 * {@link Tx} belongs to one thread at a time.
 */
public final class Database implements AutoCloseable
{
    private final Engine engine;
    private final String name;
    private final StampedLock commitLock = new StampedLock();
    private final Map<Integer, AtomicLong> lastWriteVersion = new ConcurrentHashMap<>();
    private volatile Catalog catalog;
    private volatile boolean closed;

    private Database(final Engine engine, final String name, final Catalog catalog)
    {
        this.engine = engine;
        this.name = name;
        this.catalog = catalog;
    }

    /**
     * Load the catalog of an engine's data.
     *
     * @param engine an open engine; closed by {@link #close()}.
     * @param name   how the database is named in errors, for example its directory.
     * @return the database.
     * @throws io.phantomdb.CorruptionException if the catalog records are malformed.
     */
    public static Database open(final Engine engine, final String name)
    {
        try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            final Catalog catalog = CatalogStore.load(tx);
            tx.rollback();
            return new Database(engine, name, catalog);
        }
    }

    /**
     * @return the committed catalog; any thread.
     */
    public Catalog catalog()
    {
        checkOpen();
        return catalog;
    }

    /**
     * Begin a transaction; any thread.
     *
     * @param level the isolation level.
     * @return the transaction, owned by the caller's thread.
     * @throws ClosedException if the database is closed.
     */
    public Tx begin(final IsolationLevel level)
    {
        checkOpen();
        final long stamp = commitLock.readLock();
        try
        {
            final long base = engine.lastCommittedVersion();
            return new Tx(this, engine.begin(level), catalog, base);
        }
        finally
        {
            commitLock.unlockRead(stamp);
        }
    }

    Catalog committedCatalog()
    {
        return catalog;
    }

    long commit(final Tx tx)
    {
        checkOpen();
        return tx.hasDdl() ? commitDdl(tx) : commitDml(tx);
    }

    private long commitDml(final Tx tx)
    {
        final long stamp = commitLock.readLock();
        try
        {
            final Catalog current = catalog;
            for (final TableDefinition used : tx.written().values())
            {
                if (current.table(used.id()) != used)
                {
                    throw conflict(tx, "table \"" + used.name() + "\" was changed or dropped by a concurrent DDL",
                        used.id());
                }
            }
            final long version = tx.transaction().commit();
            for (final Integer tableId : tx.written().keySet())
            {
                lastWriteVersion.computeIfAbsent(tableId, id -> new AtomicLong()).accumulateAndGet(version, Math::max);
            }
            return version;
        }
        finally
        {
            commitLock.unlockRead(stamp);
        }
    }

    private long commitDdl(final Tx tx)
    {
        final long stamp = commitLock.writeLock();
        try
        {
            final Catalog current = catalog;
            if (current != tx.baseCatalog())
            {
                throw conflict(tx, "the catalog was changed by a concurrent DDL (version " + current.version() +
                    ", this transaction began at " + tx.baseCatalog().version() + ")", -1);
            }
            for (final Integer tableId : tx.changedTables())
            {
                final AtomicLong written = lastWriteVersion.get(tableId);
                if (null != written && written.get() > tx.baseEngineVersion())
                {
                    throw conflict(tx, "table id " + tableId + " was written by a transaction that committed " +
                        "at version " + written.get() + " after this DDL transaction began", tableId);
                }
            }
            final long version = tx.transaction().commit();
            for (final Integer tableId : tx.written().keySet())
            {
                lastWriteVersion.computeIfAbsent(tableId, id -> new AtomicLong()).accumulateAndGet(version, Math::max);
            }
            catalog = tx.workingCatalog();
            return version;
        }
        finally
        {
            commitLock.unlockWrite(stamp);
        }
    }

    private TransactionConflictException conflict(final Tx tx, final String what, final int tableId)
    {
        tx.transaction().rollback();
        final String key = tableId < 0 ? "00" : hex(CatalogDescriptor.objectKey(CatalogDescriptor.TABLE_TAG, tableId)
            .byteArray());
        return new TransactionConflictException(what, Keyspace.CATALOG_ID, key, tx.baseEngineVersion(),
            engine.lastCommittedVersion());
    }

    private static String hex(final byte[] bytes)
    {
        final StringBuilder sb = new StringBuilder();
        for (final byte b : bytes)
        {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    void checkOpen()
    {
        if (closed)
        {
            throw new ClosedException("database " + name);
        }
    }

    /**
     * Close the engine. Transactions still active fail with {@link ClosedException} on their next call.
     */
    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            engine.close();
        }
    }

    /**
     * @return the engine's counters now (commits, conflicts, WAL syncs, checkpoints).
     */
    public io.phantomdb.core.txn.EngineMetrics metrics()
    {
        return io.phantomdb.core.txn.EngineMetrics.of(engine);
    }
}
