package io.phantomdb.perf.txn;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;

import java.nio.file.Path;

/**
 * H2 MVStore's {@link TransactionStore} over one file ({@code mvstore.db}), as H2's own SQL engine uses
 * it: a {@code TransactionMap<Long, byte[]>} opened once and bound to each new transaction with
 * {@link TransactionMap#getInstance(Transaction)}.
 * <p>
 * Durability. {@link Transaction#commit()} only marks the transaction committed in memory; MVStore's
 * background writer ({@code autoCommitDelay}, 1 s by default) later writes the changes as a new chunk
 * with {@code FileChannel.write}, and nothing in that path forces the file: only {@link MVStore#sync()}
 * ({@code FileChannel.force(true)}), a clean close, compaction and file shrinking do.
 * <ul>
 *   <li>{@link SyncMode#NONE}: {@code tx.commit()} only, H2's default (a crash, even of the process
 *       alone, can lose up to the last second of commits).</li>
 *   <li>{@link SyncMode#ALWAYS}: {@code tx.commit()}, then {@link MVStore#commit()} (writes a chunk
 *       unless another committer's call already wrote this change) and {@link MVStore#sync()} (fsync),
 *       the closest MVStore has to a durable commit. Concurrent committers share chunks but each calls
 *       {@code sync()}: MVStore has no group commit of its own.</li>
 * </ul>
 * <p>
 * <b>Note:</b> {@link TransactionStore} is thread-safe; each committer is used by one thread.
 */
final class MvStoreTxnStore implements TxnStore
{
    private final MVStore store;
    private final TransactionStore transactions;
    private final TransactionMap<Long, byte[]> map;
    private final SyncMode sync;
    private int committers;

    MvStoreTxnStore(final Path dir, final SyncMode sync)
    {
        this.sync = sync;
        store = new MVStore.Builder().fileName(dir.resolve("mvstore.db").toString()).open();
        transactions = new TransactionStore(store);
        transactions.init();
        final Transaction create = transactions.begin();
        map = create.openMap("kv", LongDataType.INSTANCE, ByteArrayDataType.INSTANCE);
        create.commit();
    }

    @Override
    public synchronized Committer newCommitter()
    {
        final byte[] value = TxnValues.value(committers++);
        return key ->
        {
            final Transaction tx = transactions.begin();
            map.getInstance(tx).put(key, value);
            tx.commit();
            if (sync == SyncMode.ALWAYS)
            {
                store.commit();
                store.sync();
            }
            return 0;
        };
    }

    @Override
    public synchronized void close()
    {
        if (!store.isClosed())
        {
            transactions.close();
            store.close();
        }
    }
}
