package io.phantomdb.core.table;

import io.phantomdb.core.catalog.Catalog;
import io.phantomdb.core.catalog.CatalogStore;
import io.phantomdb.core.catalog.IndexDefinition;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.Transaction;
import io.phantomdb.core.txn.TxCursor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A read-only, consistent view of a whole database as of one commit version, for backups and checks: the
 * catalog and the raw keys and values of every keyspace (the catalog's, each table's, each index's). It is a
 * REPEATABLE READ transaction begun the way {@link Tx}s begin, so its catalog and its data belong to the same
 * commit, and it never writes: {@link #close()} rolls it back. Concurrent commits go on; like any long
 * transaction it holds back page reuse and version dropping until closed.
 * <p>
 * <b>Note:</b> not thread safe; owned by the thread that began it.
 */
public final class Snapshot implements AutoCloseable
{
    private final Tx tx;

    private Snapshot(final Tx tx)
    {
        this.tx = tx;
    }

    /**
     * Begin a snapshot of a database.
     *
     * @param database an open database.
     * @return the snapshot, owned by the calling thread.
     * @throws io.phantomdb.ClosedException if the database is closed.
     */
    public static Snapshot begin(final Database database)
    {
        return new Snapshot(database.begin(IsolationLevel.REPEATABLE_READ));
    }

    /**
     * @return the catalog as of the snapshot.
     */
    public Catalog catalog()
    {
        return tx.catalog();
    }

    /**
     * @return the commit version the snapshot reads.
     */
    public long version()
    {
        return transaction().snapshotVersion();
    }

    /**
     * @return the catalog's keyspace, then every table's and index's keyspace, by id.
     */
    public List<Keyspace> keyspaces()
    {
        final List<Keyspace> keyspaces = new ArrayList<>();
        for (final TableDefinition table : catalog().tables())
        {
            keyspaces.add(TableOps.keyspace(table.id(), table.storage()));
        }
        for (final IndexDefinition index : catalog().indexes())
        {
            keyspaces.add(TableOps.keyspace(index.id(), index.storage()));
        }
        keyspaces.sort(Comparator.comparingInt(Keyspace::id));
        keyspaces.add(0, CatalogStore.KEYSPACE);
        return keyspaces;
    }

    /**
     * @param keyspace a keyspace of {@link #keyspaces()}.
     * @return a cursor over its raw keys (without the keyspace prefix) and values; views valid until it moves.
     */
    public TxCursor cursor(final Keyspace keyspace)
    {
        return transaction().cursor(keyspace);
    }

    Transaction transaction()
    {
        return tx.transaction();
    }

    /**
     * End the snapshot (a rollback; nothing was written).
     */
    @Override
    public void close()
    {
        tx.close();
    }
}
