package io.phantomdb.index;

import org.agrona.DirectBuffer;

/**
 * An ordered map from byte keys to byte values held off-heap, ordered by {@link ByteComparator}.
 * <p>
 * Versioned, single writer: the writer thread calls {@link #put}, {@link #delete} and {@link #commit};
 * its changes become visible to readers only when {@link #commit()} publishes them as a new version,
 * all at once. Readers on any thread use their own {@link ByteMapReader} from {@link #newReader()},
 * never block, and see exactly one committed version while pinned.
 * <p>
 * <b>Note:</b> {@link #put}, {@link #delete}, {@link #commit}, {@link #flush} and {@link #close} must
 * be called from one writer thread at a time; {@link #newReader()} is thread safe.
 */
public interface SortedByteMap extends AutoCloseable
{
    /**
     * Insert or replace the value of a key in the pending version. Writer thread only.
     *
     * @param key         buffer holding the key.
     * @param keyOffset   offset of the key.
     * @param keyLength   length of the key, 1 or more, at most {@link #maxKeyLength()}.
     * @param value       buffer holding the value.
     * @param valueOffset offset of the value.
     * @param valueLength length of the value, 0 or more, at most {@link #maxValueLength()}.
     * @throws IllegalArgumentException if a length is out of range.
     * @throws io.phantomdb.ClosedException if the map is closed.
     * @throws io.phantomdb.PhantomException if storage cannot grow (disk full, address space).
     */
    void put(DirectBuffer key, int keyOffset, int keyLength, DirectBuffer value, int valueOffset, int valueLength);

    /**
     * Delete a key from the pending version, if present. Writer thread only.
     *
     * @param key       buffer holding the key.
     * @param keyOffset offset of the key.
     * @param keyLength length of the key.
     * @throws io.phantomdb.ClosedException if the map is closed.
     */
    void delete(DirectBuffer key, int keyOffset, int keyLength);

    /**
     * Publish every change since the last commit as one new version, atomically for readers.
     * Writer thread only. A commit with no changes still returns the current version.
     *
     * @return the version number now visible to readers; versions increase by commit.
     */
    long commit();

    /**
     * Make every committed version durable in the map's files (a checkpoint). A no-op for anonymous
     * memory. Writer thread only.
     *
     * @throws io.phantomdb.PhantomException if the files cannot be forced to disk.
     */
    void flush();

    /**
     * @return a new reader for the calling thread. Thread safe.
     */
    ByteMapReader newReader();

    /**
     * @return the longest key accepted, in bytes.
     */
    int maxKeyLength();

    /**
     * @return the longest value accepted, in bytes.
     */
    int maxValueLength();

    /**
     * Release memory and files. Uncommitted changes are discarded; committed ones that were not
     * {@link #flush() flushed} are flushed first when the map is file-backed. Writer thread only;
     * readers must have been closed.
     */
    @Override
    void close();
}
