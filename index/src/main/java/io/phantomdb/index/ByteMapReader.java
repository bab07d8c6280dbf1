package io.phantomdb.index;

import org.agrona.DirectBuffer;

/**
 * A reader of a {@link SortedByteMap}, owned by one thread and reused. {@link #begin()} pins the latest
 * committed version; every {@link #get} and the {@link #cursor()} then read that version, unchanged by
 * later commits, until {@link #end()} unpins it. Memory of a pinned version is never reclaimed.
 * <p>
 * Buffers returned by {@link #get} and by the cursor are views owned by this reader: valid until the
 * next call on this reader or its cursor, or {@link #end()}, whichever comes first. Copy to keep.
 * <p>
 * <b>Note:</b> not thread safe: one thread per reader. Readers of the same map on different threads
 * never block each other or the writer.
 */
public interface ByteMapReader extends AutoCloseable
{
    /**
     * Pin the latest committed version.
     *
     * @return the pinned version number.
     * @throws IllegalStateException if already pinned.
     * @throws io.phantomdb.ClosedException if the map is closed.
     */
    long begin();

    /**
     * Unpin the version pinned by {@link #begin()}. Idempotent.
     */
    void end();

    /**
     * Look up a key in the pinned version.
     *
     * @param key       buffer holding the key.
     * @param keyOffset offset of the key.
     * @param keyLength length of the key.
     * @return a view of the value, or null when the key is absent.
     * @throws IllegalStateException if no version is pinned.
     * @throws io.phantomdb.CorruptionException if a page or block on the way fails its check.
     */
    DirectBuffer get(DirectBuffer key, int keyOffset, int keyLength);

    /**
     * @return this reader's cursor over the pinned version (the same instance on every call), unpositioned.
     * @throws IllegalStateException if no version is pinned.
     */
    ByteCursor cursor();

    /**
     * Unpin if pinned and release this reader.
     */
    @Override
    void close();
}
