package io.phantomdb.index.lsm;

import org.agrona.DirectBuffer;

/**
 * A forward scan over every stored entry of one source (all versions, tombstones included) in the internal
 * order: key ascending, sequence descending. Used by flushes and compactions.
 * <p>
 * <b>Note:</b> not thread safe; used by the thread that writes a file (the agent, or the writer on close).
 */
interface EntryScanner
{
    /**
     * @return true if moved to the next entry, false at the end.
     */
    boolean advance();

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
