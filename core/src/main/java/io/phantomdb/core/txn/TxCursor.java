package io.phantomdb.core.txn;

import org.agrona.DirectBuffer;

/**
 * A cursor over one keyspace of a {@link Transaction}: the committed data at the transaction's snapshot merged
 * with the transaction's own uncommitted writes (its puts shown, its deletes hidden), in key order, both ways.
 * Keys are returned without the keyspace prefix and the cursor never leaves its keyspace. Positioning methods
 * return false when there is no such entry; the cursor is then unpositioned until positioned again. Under
 * {@link IsolationLevel#SERIALIZABLE} every range it traverses (including the empty gap before a failed move)
 * joins the transaction's read set.
 * <p>
 * <b>Note:</b> owned by its transaction's thread. Views returned by {@link #key()} and {@link #value()} are valid
 * until the cursor moves or the transaction writes, commits or rolls back. Under
 * {@link IsolationLevel#READ_COMMITTED} the snapshot is re-pinned by {@link Transaction#cursor} (each cursor is a
 * statement), which invalidates earlier cursors of the transaction.
 */
public final class TxCursor
{
    TxCursor()
    {
    }

    /**
     * @return true if positioned on the smallest key of the keyspace.
     */
    public boolean first()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * @return true if positioned on the largest key of the keyspace.
     */
    public boolean last()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * @param key    buffer holding the key (without the keyspace prefix).
     * @param offset offset of the key.
     * @param length length of the key.
     * @return true if positioned on the smallest key greater than or equal to the given one.
     */
    public boolean seekCeiling(final DirectBuffer key, final int offset, final int length)
    {
        throw new UnsupportedOperationException("not implemented yet: " + key + offset + length);
    }

    /**
     * @param key    buffer holding the key (without the keyspace prefix).
     * @param offset offset of the key.
     * @param length length of the key.
     * @return true if positioned on the largest key less than or equal to the given one.
     */
    public boolean seekFloor(final DirectBuffer key, final int offset, final int length)
    {
        throw new UnsupportedOperationException("not implemented yet: " + key + offset + length);
    }

    /**
     * @return true if moved to the next larger key, false at the end (the cursor becomes unpositioned).
     */
    public boolean next()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * @return true if moved to the next smaller key, false at the start (the cursor becomes unpositioned).
     */
    public boolean prev()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * @return a view of the current key, without the keyspace prefix.
     * @throws IllegalStateException if unpositioned.
     */
    public DirectBuffer key()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * @return a view of the current value.
     * @throws IllegalStateException if unpositioned.
     */
    public DirectBuffer value()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
