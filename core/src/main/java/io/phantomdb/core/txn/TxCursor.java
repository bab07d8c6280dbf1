package io.phantomdb.core.txn;

import io.phantomdb.index.ByteComparator;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A cursor over one keyspace of a {@link Transaction}: the committed data at the transaction's snapshot merged
 * with the transaction's own uncommitted writes (its puts shown, its deletes hidden), in key order, both ways.
 * Keys are returned without the keyspace prefix and the cursor never leaves its keyspace. Positioning methods
 * return false when there is no such entry; the cursor is then unpositioned until positioned again.
 * <p>
 * Under {@link IsolationLevel#SERIALIZABLE} the cursor records the range of keys it observed, from where it was
 * positioned to where it moved (to the end of the keyspace when a move fails), and adds it to the
 * transaction's read set when it is repositioned or the transaction commits: a commit by another transaction
 * that inserts, changes or deletes a key in that range after the snapshot makes this transaction's commit fail
 * (no phantoms).
 * <p>
 * <b>Note:</b> owned by its transaction's thread. {@link #key()} returns a copy owned by the cursor, valid until
 * it moves; {@link #value()} a view valid until the transaction's next call. Several cursors of one transaction
 * may be interleaved (each repositions the shared store cursor when needed). Under
 * {@link IsolationLevel#READ_COMMITTED} each {@link Transaction#cursor}, {@link Transaction#get} and
 * {@link Transaction#lockForUpdate} re-pins the latest version; open cursors continue from their current key in
 * that newer version.
 */
public final class TxCursor
{
    private final Transaction transaction;
    private final MergedCursor merged;
    private final Keyspace keyspace;
    private final boolean trackReads;
    private final UnsafeBuffer seekKey;
    private final UnsafeBuffer low;
    private final UnsafeBuffer high;
    private int lowLength;
    private int highLength;
    private boolean tracking;

    TxCursor(final Transaction transaction, final MergedCursor merged, final Keyspace keyspace,
        final boolean trackReads, final int maxStoreKeyLength)
    {
        this.transaction = transaction;
        this.merged = merged;
        this.keyspace = keyspace;
        this.trackReads = trackReads;
        this.seekKey = new UnsafeBuffer(new byte[maxStoreKeyLength]);
        this.low = trackReads ? new UnsafeBuffer(new byte[maxStoreKeyLength + 1]) : null;
        this.high = trackReads ? new UnsafeBuffer(new byte[maxStoreKeyLength + 1]) : null;
        if (trackReads)
        {
            low.putByte(0, (byte)keyspace.kind().ordinal());
            high.putByte(0, (byte)keyspace.kind().ordinal());
        }
    }

    /**
     * @return true if positioned on the smallest key of the keyspace.
     * @throws IllegalStateException        if the transaction is finished.
     * @throws io.phantomdb.ClosedException if the engine is closed.
     */
    public boolean first()
    {
        transaction.checkUsable();
        flushReads();
        final boolean found = merged.first();
        if (trackReads)
        {
            startRange(merged.lowBound(), EngineKeyDescriptor.STORE_PREFIX_LENGTH);
            extend(found, true);
        }
        return found;
    }

    /**
     * @return true if positioned on the largest key of the keyspace.
     * @throws IllegalStateException        if the transaction is finished.
     * @throws io.phantomdb.ClosedException if the engine is closed.
     */
    public boolean last()
    {
        transaction.checkUsable();
        flushReads();
        final boolean found = merged.last();
        if (trackReads)
        {
            startRange(merged.highBound(), EngineKeyDescriptor.STORE_PREFIX_LENGTH);
            extend(found, false);
        }
        return found;
    }

    /**
     * @param key    buffer holding the key (without the keyspace prefix).
     * @param offset offset of the key.
     * @param length length of the key, 1 or more.
     * @return true if positioned on the smallest key greater than or equal to the given one.
     * @throws IllegalArgumentException     if the key length is out of range.
     * @throws IllegalStateException        if the transaction is finished.
     * @throws io.phantomdb.ClosedException if the engine is closed.
     */
    public boolean seekCeiling(final DirectBuffer key, final int offset, final int length)
    {
        transaction.checkUsable();
        final int storeLength = buildSeekKey(key, offset, length);
        flushReads();
        final boolean found = merged.seekCeiling(seekKey, storeLength);
        if (trackReads)
        {
            startRange(seekKey, storeLength);
            extend(found, true);
        }
        return found;
    }

    /**
     * @param key    buffer holding the key (without the keyspace prefix).
     * @param offset offset of the key.
     * @param length length of the key, 1 or more.
     * @return true if positioned on the largest key less than or equal to the given one.
     * @throws IllegalArgumentException     if the key length is out of range.
     * @throws IllegalStateException        if the transaction is finished.
     * @throws io.phantomdb.ClosedException if the engine is closed.
     */
    public boolean seekFloor(final DirectBuffer key, final int offset, final int length)
    {
        transaction.checkUsable();
        final int storeLength = buildSeekKey(key, offset, length);
        flushReads();
        final boolean found = merged.seekFloor(seekKey, storeLength);
        if (trackReads)
        {
            startRange(seekKey, storeLength);
            extend(found, false);
        }
        return found;
    }

    /**
     * @return true if moved to the next larger key, false at the end (the cursor becomes unpositioned).
     * @throws IllegalStateException        if the transaction is finished.
     * @throws io.phantomdb.ClosedException if the engine is closed.
     */
    public boolean next()
    {
        transaction.checkUsable();
        if (!merged.isPositioned())
        {
            return false;
        }
        final boolean found = merged.next();
        if (trackReads)
        {
            extend(found, true);
        }
        return found;
    }

    /**
     * @return true if moved to the next smaller key, false at the start (the cursor becomes unpositioned).
     * @throws IllegalStateException        if the transaction is finished.
     * @throws io.phantomdb.ClosedException if the engine is closed.
     */
    public boolean prev()
    {
        transaction.checkUsable();
        if (!merged.isPositioned())
        {
            return false;
        }
        final boolean found = merged.prev();
        if (trackReads)
        {
            extend(found, false);
        }
        return found;
    }

    /**
     * @return a view of the current key, without the keyspace prefix, valid until the cursor moves.
     * @throws IllegalStateException if unpositioned or the transaction is finished.
     */
    public DirectBuffer key()
    {
        transaction.checkUsable();
        return merged.key();
    }

    /**
     * @return a view of the current value, valid until the transaction's next call.
     * @throws IllegalStateException if unpositioned, if the transaction deleted the current key since the cursor
     *                               reached it, or if the transaction is finished.
     */
    public DirectBuffer value()
    {
        transaction.checkUsable();
        return merged.value();
    }

    /**
     * @return the keyspace this cursor walks.
     */
    public Keyspace keyspace()
    {
        return keyspace;
    }

    private int buildSeekKey(final DirectBuffer key, final int offset, final int length)
    {
        transaction.checkKeyLength(keyspace, length);
        seekKey.putInt(0, keyspace.id(), java.nio.ByteOrder.BIG_ENDIAN);
        seekKey.putBytes(EngineKeyDescriptor.STORE_PREFIX_LENGTH, key, offset, length);
        return EngineKeyDescriptor.STORE_PREFIX_LENGTH + length;
    }

    private void startRange(final DirectBuffer storeKey, final int length)
    {
        low.putBytes(1, storeKey, 0, length);
        lowLength = length + 1;
        high.putBytes(1, storeKey, 0, length);
        highLength = length + 1;
        tracking = true;
    }

    private void extend(final boolean found, final boolean forward)
    {
        if (!tracking)
        {
            return;
        }
        if (!found)
        {
            if (forward)
            {
                high.putBytes(1, merged.highBound(), 0, EngineKeyDescriptor.STORE_PREFIX_LENGTH);
                highLength = EngineKeyDescriptor.STORE_PREFIX_LENGTH + 1;
            }
            else
            {
                low.putBytes(1, merged.lowBound(), 0, EngineKeyDescriptor.STORE_PREFIX_LENGTH);
                lowLength = EngineKeyDescriptor.STORE_PREFIX_LENGTH + 1;
            }
            return;
        }
        final DirectBuffer current = merged.currentStoreKey();
        final int length = merged.currentStoreKeyLength();
        if (ByteComparator.compare(current, 0, length, low, 1, lowLength - 1) < 0)
        {
            low.putBytes(1, current, 0, length);
            lowLength = length + 1;
        }
        if (ByteComparator.compare(current, 0, length, high, 1, highLength - 1) > 0)
        {
            high.putBytes(1, current, 0, length);
            highLength = length + 1;
        }
    }

    /**
     * Add the range observed since the last positioning to the transaction's read set.
     */
    void flushReads()
    {
        if (tracking)
        {
            transaction.readSet().addRange(low, 0, lowLength, high, 0, highLength);
            tracking = false;
        }
    }
}
