package io.phantomdb.index.lsm;

import org.agrona.DirectBuffer;

/**
 * A cursor over one source (a memtable or an SSTable) at a pinned sequence: it stops only on keys that have
 * a version visible at that sequence, and presents that newest visible version, tombstones included. The
 * {@link MergingCursor} combines several of them.
 * <p>
 * <b>Note:</b> owned by one reader thread.
 */
interface EntryCursor
{
    boolean first();

    boolean last();

    boolean seekCeiling(DirectBuffer key, int keyOffset, int keyLength);

    boolean seekFloor(DirectBuffer key, int keyOffset, int keyLength);

    boolean next();

    boolean prev();

    /**
     * Position on the visible version of exactly this key.
     *
     * @return true if the key has a visible version (possibly a tombstone) in this source.
     */
    boolean seekExact(DirectBuffer key, int keyOffset, int keyLength);

    boolean isPositioned();

    DirectBuffer buffer();

    int keyOffset();

    int keyLength();

    long sequence();

    int valueOffset();

    /**
     * @return the value length, or {@link SkipList#TOMBSTONE}.
     */
    int valueLength();
}
