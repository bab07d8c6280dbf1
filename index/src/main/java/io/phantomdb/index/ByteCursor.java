package io.phantomdb.index;

import org.agrona.DirectBuffer;

/**
 * A position in the pinned version of a {@link SortedByteMap}, moving both ways in key order.
 * Positioning methods return false when there is no such entry, after which the cursor is unpositioned
 * and {@link #next()}/{@link #prev()} return false until it is positioned again.
 * {@link #next()} and {@link #prev()} may be mixed freely.
 * <p>
 * <b>Note:</b> owned by its reader's thread; views returned by {@link #key()} and {@link #value()} are
 * valid until the cursor moves or the reader unpins.
 */
public interface ByteCursor
{
    /**
     * @return true if positioned on the smallest key.
     */
    boolean first();

    /**
     * @return true if positioned on the largest key.
     */
    boolean last();

    /**
     * Position on the smallest key greater than or equal to the given one.
     *
     * @param key       buffer holding the key.
     * @param keyOffset offset of the key.
     * @param keyLength length of the key.
     * @return true if such a key exists.
     */
    boolean seekCeiling(DirectBuffer key, int keyOffset, int keyLength);

    /**
     * Position on the largest key less than or equal to the given one.
     *
     * @param key       buffer holding the key.
     * @param keyOffset offset of the key.
     * @param keyLength length of the key.
     * @return true if such a key exists.
     */
    boolean seekFloor(DirectBuffer key, int keyOffset, int keyLength);

    /**
     * @return true if moved to the next larger key, false at the end (the cursor becomes unpositioned).
     */
    boolean next();

    /**
     * @return true if moved to the next smaller key, false at the start (the cursor becomes unpositioned).
     */
    boolean prev();

    /**
     * @return a view of the current key.
     * @throws IllegalStateException if unpositioned.
     */
    DirectBuffer key();

    /**
     * @return a view of the current value.
     * @throws IllegalStateException if unpositioned.
     */
    DirectBuffer value();
}
