package io.phantomdb.core.txn;

import io.phantomdb.CorruptionException;
import io.phantomdb.PhantomException;
import io.phantomdb.index.ByteMapReader;
import io.phantomdb.index.SortedByteMap;
import io.phantomdb.wal.WalConfig;
import io.phantomdb.wal.WalReader;
import io.phantomdb.wal.WalRecordDecoder;
import io.phantomdb.wal.WalRecordDescriptor;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Brings the stores to the last durable commit at open, on the opening thread: read the checkpoint record the
 * B+tree holds (its LSN and commit version; see {@link EngineKeyDescriptor}), then replay every WAL record from
 * that LSN on, re-applying its puts and deletes in LSN order. Replaying a record the stores already hold
 * rewrites the same values, so a crash between a checkpoint's store flush and its WAL retirement is harmless.
 * The replayed changes are committed to the stores as one version; the writer's first duty cycle checkpoints
 * them.
 * <p>
 * <b>Note:</b> not thread safe: runs once, on the thread that opens the engine, before the writer starts.
 */
final class Recovery
{
    private final SortedByteMap[] stores;
    private final UnsafeBuffer storeKey;
    private long checkpointLsn = 1;
    private long checkpointVersion;
    private long recordsReplayed;
    private long lastLsn;
    private long lastVersion;

    private Recovery(final SortedByteMap[] stores, final int maxStoreKeyLength)
    {
        this.stores = stores;
        this.storeKey = new UnsafeBuffer(new byte[maxStoreKeyLength]);
    }

    /**
     * Recover the stores from their checkpoint and the WAL.
     *
     * @param stores            the stores by {@link StorageKind} ordinal; the B+tree first; null when absent.
     * @param walConfig         the WAL.
     * @param maxStoreKeyLength longest store key.
     * @param btreeFile         the B+tree file, for error messages.
     * @return what was recovered.
     * @throws CorruptionException if the checkpoint record or a WAL record before the tail fails a check.
     * @throws PhantomException    if the WAL was retired past the checkpoint, or holds an LSN keyspace change
     *                             while this engine has no LSM tree.
     */
    static Recovery run(
        final SortedByteMap[] stores, final WalConfig walConfig, final int maxStoreKeyLength, final Path btreeFile)
    {
        final Recovery recovery = new Recovery(stores, maxStoreKeyLength);
        recovery.readCheckpoint(btreeFile);
        recovery.lastLsn = new WalReader(walConfig).replay(recovery.checkpointLsn, recovery::apply);
        recovery.lastVersion = Math.max(recovery.lastVersion, recovery.checkpointVersion);
        for (final SortedByteMap store : stores)
        {
            if (null != store)
            {
                store.commit();
            }
        }
        return recovery;
    }

    private void readCheckpoint(final Path btreeFile)
    {
        final UnsafeBuffer key = new UnsafeBuffer(EngineKeyDescriptor.CHECKPOINT_KEY);
        try (ByteMapReader reader = stores[StorageKind.BTREE.ordinal()].newReader())
        {
            reader.begin();
            final DirectBuffer value = reader.get(key, 0, key.capacity());
            if (null != value)
            {
                if (EngineKeyDescriptor.CHECKPOINT_VALUE_LENGTH != value.capacity() ||
                    EngineKeyDescriptor.CHECKPOINT_FORMAT_VERSION != value.getInt(0, ByteOrder.LITTLE_ENDIAN))
                {
                    throw new CorruptionException(btreeFile, 0, "checkpoint record: expected format " +
                        EngineKeyDescriptor.CHECKPOINT_FORMAT_VERSION + " and length " +
                        EngineKeyDescriptor.CHECKPOINT_VALUE_LENGTH + " actual length " + value.capacity());
                }
                checkpointLsn = value.getLong(4, ByteOrder.LITTLE_ENDIAN);
                checkpointVersion = value.getLong(12, ByteOrder.LITTLE_ENDIAN);
                if (checkpointLsn < 1 || checkpointVersion < 0)
                {
                    throw new CorruptionException(btreeFile, 0, "checkpoint record: expected lsn >= 1 and version >= 0" +
                        " actual lsn " + checkpointLsn + " version " + checkpointVersion);
                }
            }
            reader.end();
        }
    }

    private void apply(final WalRecordDecoder record)
    {
        lastVersion = Math.max(lastVersion, record.txId());
        while (record.nextChange())
        {
            final int tableId = record.tableId();
            final StorageKind kind = EngineKeyDescriptor.kindOfTableId(tableId);
            final SortedByteMap store = stores[kind.ordinal()];
            if (null == store)
            {
                throw new PhantomException("WAL record lsn " + record.lsn() + " changes " + kind +
                    " keyspace " + EngineKeyDescriptor.keyspaceOfTableId(tableId) + " but this engine has no " + kind +
                    " store");
            }
            final int keyLength = record.keyLength();
            storeKey.putInt(0, EngineKeyDescriptor.keyspaceOfTableId(tableId), ByteOrder.BIG_ENDIAN);
            storeKey.putBytes(EngineKeyDescriptor.STORE_PREFIX_LENGTH, record.buffer(), record.keyOffset(), keyLength);
            final int length = keyLength + EngineKeyDescriptor.STORE_PREFIX_LENGTH;
            switch (record.operation())
            {
                case WalRecordDescriptor.OP_PUT:
                    store.put(storeKey, 0, length, record.buffer(), record.valueOffset(), record.valueLength());
                    break;
                case WalRecordDescriptor.OP_DELETE:
                    store.delete(storeKey, 0, length);
                    break;
                default:
                    throw new PhantomException("WAL record lsn " + record.lsn() + " has operation " +
                        record.operation() + ", which the engine does not write");
            }
        }
        recordsReplayed++;
    }

    long checkpointLsn()
    {
        return checkpointLsn;
    }

    long checkpointVersion()
    {
        return checkpointVersion;
    }

    long recordsReplayed()
    {
        return recordsReplayed;
    }

    long lastLsn()
    {
        return lastLsn;
    }

    long lastVersion()
    {
        return lastVersion;
    }
}
