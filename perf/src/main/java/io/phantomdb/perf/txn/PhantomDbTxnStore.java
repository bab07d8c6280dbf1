package io.phantomdb.perf.txn;

import io.phantomdb.core.txn.Engine;
import io.phantomdb.core.txn.EngineConfig;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.StorageKind;
import io.phantomdb.core.txn.Transaction;
import io.phantomdb.core.txn.TransactionConflictException;
import io.phantomdb.wal.SyncPolicy;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * PhantomDB's engine ({@link Engine}) with default settings except the sync policy, one
 * {@link StorageKind#BTREE} keyspace; each commit is {@code begin(REPEATABLE_READ)}, {@code put},
 * {@code commit()}, retried on {@link TransactionConflictException}.
 * <p>
 * Durability: {@link SyncMode#NONE} is {@link SyncPolicy#NONE} (the WAL record is in the page cache when
 * {@code commit()} returns); {@link SyncMode#ALWAYS} is {@link SyncPolicy#ALWAYS} (the WAL is forced
 * before {@code commit()} returns; the engine's single writer forces once for every commit waiting, so
 * concurrent committers share syncs: group commit).
 * <p>
 * <b>Note:</b> the engine is thread-safe; each committer (its off-heap key and value buffers) is used by one thread.
 */
final class PhantomDbTxnStore implements TxnStore
{
    /** The keyspace every commit writes. */
    static final Keyspace KEYSPACE = new Keyspace(1, StorageKind.BTREE);

    private final Engine engine;
    private int committers;
    private boolean closed;

    PhantomDbTxnStore(final Path dir, final SyncMode sync)
    {
        engine = Engine.open(dir, new EngineConfig().syncPolicy(sync == SyncMode.ALWAYS ? SyncPolicy.ALWAYS : SyncPolicy.NONE));
    }

    @Override
    public synchronized Committer newCommitter()
    {
        final UnsafeBuffer key = new UnsafeBuffer(ByteBuffer.allocateDirect(KEY_LENGTH));
        final UnsafeBuffer value = new UnsafeBuffer(ByteBuffer.allocateDirect(VALUE_LENGTH));
        value.putBytes(0, TxnValues.value(committers++));
        return k ->
        {
            key.putLong(0, k, ByteOrder.BIG_ENDIAN);
            int retries = 0;
            while (true)
            {
                try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
                {
                    tx.put(KEYSPACE, key, 0, KEY_LENGTH, value, 0, VALUE_LENGTH);
                    tx.commit();
                    return retries;
                }
                catch (final TransactionConflictException ex)
                {
                    retries++;
                }
            }
        };
    }

    @Override
    public synchronized void close()
    {
        if (!closed)
        {
            closed = true;
            engine.close();
        }
    }
}
