package io.phantomdb.replication;

import io.phantomdb.core.txn.Engine;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.StorageKind;
import io.phantomdb.core.txn.Transaction;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;

/**
 * The entries of one cluster snapshot chunk ({@link SnapshotCodec}):
 * {@code count x [int keyspace][int keyLength][int valueLength][key][value]}, written into an engine as they are.
 * <p>
 * <b>Note:</b> stateless; called by the clustered service thread while a snapshot loads.
 */
public final class SnapshotChunk
{
    private SnapshotChunk()
    {
    }

    /**
     * Put every entry of a chunk into B+tree keyspaces of an engine in one transaction.
     *
     * @param engine the engine being filled.
     * @param chunk  the chunk's buffer.
     * @param offset offset of the first entry.
     * @param count  entries in the chunk.
     */
    public static void load(final Engine engine, final DirectBuffer chunk, final int offset, final int count)
    {
        try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            int cursor = offset;
            for (int i = 0; i < count; i++)
            {
                final int ks = chunk.getInt(cursor);
                final int keyLength = chunk.getInt(cursor + BitUtil.SIZE_OF_INT);
                final int valueLength = chunk.getInt(cursor + 2 * BitUtil.SIZE_OF_INT);
                final int keyOffset = cursor + 3 * BitUtil.SIZE_OF_INT;
                tx.put(new Keyspace(ks, StorageKind.BTREE), chunk, keyOffset, keyLength, chunk, keyOffset + keyLength,
                    valueLength);
                cursor = keyOffset + keyLength + valueLength;
            }
            tx.commit();
        }
    }
}
