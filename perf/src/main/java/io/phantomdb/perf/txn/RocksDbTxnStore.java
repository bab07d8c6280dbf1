package io.phantomdb.perf.txn;

import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Transaction;
import org.rocksdb.TransactionDB;
import org.rocksdb.TransactionDBOptions;
import org.rocksdb.WriteOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RocksDB's pessimistic {@link TransactionDB} with default options (plus create-if-missing): each
 * commit is {@code beginTransaction} (reusing the committer's transaction handle), {@code put},
 * {@code commit}.
 * <p>
 * Durability: the WAL stays on in both modes. {@link SyncMode#ALWAYS}: {@code WriteOptions.setSync(true)},
 * the WAL is fsynced before the commit returns; RocksDB's write-thread leader groups concurrent
 * committers into one WAL write and sync (group commit). {@link SyncMode#NONE}:
 * {@code setSync(false)}, the WAL write reaches the OS page cache (survives a process crash, like
 * PhantomDB's WAL with sync=none); {@code disableWAL} would be weaker than that, so it is not used.
 * <p>
 * <b>Note:</b> {@link TransactionDB} is thread-safe; each committer (its key array and transaction
 * handle) is used by one thread.
 */
final class RocksDbTxnStore implements TxnStore
{
    static
    {
        RocksDB.loadLibrary();
    }

    private final Options options;
    private final TransactionDBOptions dbOptions;
    private final WriteOptions writeOptions;
    private final TransactionDB db;
    private final List<RocksCommitter> committers = new ArrayList<>();
    private boolean closed;

    RocksDbTxnStore(final Path dir, final SyncMode sync) throws RocksDBException
    {
        options = new Options().setCreateIfMissing(true);
        dbOptions = new TransactionDBOptions();
        writeOptions = new WriteOptions().setSync(sync == SyncMode.ALWAYS);
        db = TransactionDB.open(options, dbOptions, dir.toString());
    }

    @Override
    public synchronized Committer newCommitter()
    {
        final RocksCommitter committer = new RocksCommitter(TxnValues.value(committers.size()));
        committers.add(committer);
        return committer;
    }

    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        for (final RocksCommitter committer : committers)
        {
            if (committer.txn != null)
            {
                committer.txn.close();
            }
        }
        db.close();
        writeOptions.close();
        dbOptions.close();
        options.close();
    }

    private final class RocksCommitter implements Committer
    {
        private final byte[] key = new byte[KEY_LENGTH];
        private final byte[] value;
        private Transaction txn;

        RocksCommitter(final byte[] value)
        {
            this.value = value;
        }

        @Override
        public int commit(final long k) throws RocksDBException
        {
            TxnValues.putKey(key, k);
            txn = txn == null ? db.beginTransaction(writeOptions) : db.beginTransaction(writeOptions, txn);
            txn.put(key, value);
            txn.commit();
            return 0;
        }
    }
}
