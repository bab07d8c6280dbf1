package io.phantomdb.core.txn;

import io.phantomdb.index.ByteComparator;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A transaction's buffered writes: one entry per engine key (see {@link EngineKeyDescriptor}) holding the last
 * operation on it (put with its value, delete, or none when the key was only locked for update) and whether it
 * was locked, and at which version. Entries live off-heap in one expandable arena; a later write of a key
 * appends a new entry and repoints the index at it.
 * <p>
 * The index is a sorted array of entry offsets plus a small sorted tail of recent inserts, merged into the
 * array when full or before ordered access ({@link #sort()}), so random inserts cost amortised O(n / 32) and
 * ascending ones O(1). {@link #modCount()} changes on every mutation so cursors notice stale positions.
 * <pre>
 *   entry layout (native order):
 *   0   4   engine key length
 *   4   4   value length (0 unless op = PUT)
 *   8   1   op: 0 none (locked only), 1 put, 2 delete
 *   9   1   locked: 1 if lockForUpdate was called on the key
 *   10  8   lock version: the version the lock was taken at (READ_COMMITTED)
 *   18  k   engine key
 *   18+k v  value
 * </pre>
 * <b>Note:</b> not thread safe: owned by the transaction's thread; the writer thread reads it only while the
 * transaction waits for its commit (the commit queue orders the hand-over).
 */
final class WriteSet
{
    static final byte OP_NONE = 0;
    static final byte OP_PUT = 1;
    static final byte OP_DELETE = 2;

    private static final int KEY_LENGTH_OFFSET = 0;
    private static final int VALUE_LENGTH_OFFSET = 4;
    private static final int OP_OFFSET = 8;
    private static final int LOCKED_OFFSET = 9;
    private static final int LOCK_VERSION_OFFSET = 10;
    private static final int HEADER_LENGTH = 18;
    private static final int TAIL_CAPACITY = 32;
    private static final int RETAINED_ARENA_BYTES = 1 << 20;
    private static final int INITIAL_ARENA_BYTES = 4096;

    private ExpandableDirectByteBuffer arena = new ExpandableDirectByteBuffer(INITIAL_ARENA_BYTES);
    private final UnsafeBuffer valueView = new UnsafeBuffer(0, 0);
    private int arenaLength;
    private int[] sorted = new int[64];
    private int sortedCount;
    private final int[] tail = new int[TAIL_CAPACITY];
    private int tailCount;
    private int[] scratch = new int[64];
    private int modCount;
    private int changeCount;
    private int lockCount;
    private long encodedLength;

    /**
     * Record a put of an engine key.
     */
    void put(final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength)
    {
        final int entry = append(key, keyOffset, keyLength, OP_PUT, valueLength);
        arena.putBytes(entry + HEADER_LENGTH + keyLength, value, valueOffset, valueLength);
        link(entry, key, keyOffset, keyLength, 0);
    }

    /**
     * Record a delete of an engine key.
     */
    void delete(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        final int entry = append(key, keyOffset, keyLength, OP_DELETE, 0);
        link(entry, key, keyOffset, keyLength, 0);
    }

    /**
     * Mark an engine key locked for update at {@code version}; an earlier lock of the key keeps its version.
     */
    void lock(final DirectBuffer key, final int keyOffset, final int keyLength, final long version)
    {
        final int existing = find(key, keyOffset, keyLength);
        if (existing >= 0)
        {
            if (0 == arena.getByte(existing + LOCKED_OFFSET))
            {
                arena.putByte(existing + LOCKED_OFFSET, (byte)1);
                arena.putLong(existing + LOCK_VERSION_OFFSET, version);
                lockCount++;
            }
            modCount++;
            return;
        }
        final int entry = append(key, keyOffset, keyLength, OP_NONE, 0);
        link(entry, key, keyOffset, keyLength, version);
    }

    private int append(final DirectBuffer key, final int keyOffset, final int keyLength, final byte op, final int valueLength)
    {
        final int entry = arenaLength;
        arena.putInt(entry + KEY_LENGTH_OFFSET, keyLength);
        arena.putInt(entry + VALUE_LENGTH_OFFSET, valueLength);
        arena.putByte(entry + OP_OFFSET, op);
        arena.putByte(entry + LOCKED_OFFSET, (byte)0);
        arena.putLong(entry + LOCK_VERSION_OFFSET, 0);
        arena.putBytes(entry + HEADER_LENGTH, key, keyOffset, keyLength);
        arenaLength = entry + HEADER_LENGTH + keyLength + valueLength;
        return entry;
    }

    private void link(final int entry, final DirectBuffer key, final int keyOffset, final int keyLength,
        final long newLockVersion)
    {
        modCount++;
        final byte op = arena.getByte(entry + OP_OFFSET);
        int index = search(sorted, sortedCount, key, keyOffset, keyLength);
        if (index >= 0)
        {
            replace(sorted, index, entry, op);
            return;
        }
        index = search(tail, tailCount, key, keyOffset, keyLength);
        if (index >= 0)
        {
            replace(tail, index, entry, op);
            return;
        }
        if (OP_NONE == op)
        {
            arena.putByte(entry + LOCKED_OFFSET, (byte)1);
            arena.putLong(entry + LOCK_VERSION_OFFSET, newLockVersion);
            lockCount++;
        }
        else
        {
            changeCount++;
            encodedLength += changeBytes(entry);
        }
        if (TAIL_CAPACITY == tailCount)
        {
            sort();
            index = search(sorted, sortedCount, key, keyOffset, keyLength);
            insertAt(-index - 1, entry);
            return;
        }
        final int at = -index - 1;
        System.arraycopy(tail, at, tail, at + 1, tailCount - at);
        tail[at] = entry;
        tailCount++;
    }

    private void insertAt(final int at, final int entry)
    {
        if (sortedCount == sorted.length)
        {
            sorted = java.util.Arrays.copyOf(sorted, sorted.length * 2);
        }
        System.arraycopy(sorted, at, sorted, at + 1, sortedCount - at);
        sorted[at] = entry;
        sortedCount++;
    }

    private void replace(final int[] index, final int at, final int entry, final byte op)
    {
        final int old = index[at];
        final byte oldOp = arena.getByte(old + OP_OFFSET);
        if (0 != arena.getByte(old + LOCKED_OFFSET))
        {
            arena.putByte(entry + LOCKED_OFFSET, (byte)1);
            arena.putLong(entry + LOCK_VERSION_OFFSET, arena.getLong(old + LOCK_VERSION_OFFSET));
        }
        if (OP_NONE != oldOp)
        {
            encodedLength -= changeBytes(old);
            changeCount--;
        }
        if (OP_NONE != op)
        {
            encodedLength += changeBytes(entry);
            changeCount++;
        }
        index[at] = entry;
    }

    private long changeBytes(final int entry)
    {
        return 13L + keyLength(entry) + valueLength(entry);
    }

    private int search(final int[] index, final int count, final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        int low = 0;
        int high = count - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final int entry = index[mid];
            final int cmp = ByteComparator.compare(
                arena, entry + HEADER_LENGTH, arena.getInt(entry + KEY_LENGTH_OFFSET), key, keyOffset, keyLength);
            if (cmp < 0)
            {
                low = mid + 1;
            }
            else if (cmp > 0)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        return -(low + 1);
    }

    /**
     * @return the entry of an engine key, or -1 if the transaction has not written or locked it.
     */
    int find(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        int index = search(sorted, sortedCount, key, keyOffset, keyLength);
        if (index >= 0)
        {
            return sorted[index];
        }
        index = search(tail, tailCount, key, keyOffset, keyLength);
        return index >= 0 ? tail[index] : -1;
    }

    /**
     * Merge the tail into the sorted index so {@link #entryAt} and {@link #lowerBound} see every entry.
     */
    void sort()
    {
        if (0 == tailCount)
        {
            return;
        }
        final int total = sortedCount + tailCount;
        if (scratch.length < total)
        {
            scratch = new int[Math.max(total, scratch.length * 2)];
        }
        int from = 0;
        int k = 0;
        for (int j = 0; j < tailCount; j++)
        {
            final int entry = tail[j];
            final int at = insertionPoint(from, entry);
            final int run = at - from;
            System.arraycopy(sorted, from, scratch, k, run);
            k += run;
            from = at;
            scratch[k++] = entry;
        }
        System.arraycopy(sorted, from, scratch, k, sortedCount - from);
        final int[] swap = sorted;
        sorted = scratch;
        scratch = swap.length >= total ? swap : new int[total];
        sortedCount = total;
        tailCount = 0;
    }

    /**
     * Binary search of the sorted index from a position on: tail entries are merged by galloping, so
     * a merge costs O(tail * log n) comparisons plus one block copy instead of n comparisons.
     */
    private int insertionPoint(final int from, final int entry)
    {
        int low = from;
        int high = sortedCount - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            if (compareEntries(sorted[mid], entry) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low;
    }

    private int compareEntries(final int a, final int b)
    {
        return ByteComparator.compare(arena, a + HEADER_LENGTH, arena.getInt(a + KEY_LENGTH_OFFSET),
            arena, b + HEADER_LENGTH, arena.getInt(b + KEY_LENGTH_OFFSET));
    }

    /**
     * @return index (after {@link #sort()}) of the first entry whose engine key is at or above the given one.
     */
    int lowerBound(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        final int index = search(sorted, sortedCount, key, keyOffset, keyLength);
        return index >= 0 ? index : -index - 1;
    }

    /**
     * @return entries in the sorted index; every entry after {@link #sort()}.
     */
    int size()
    {
        return sortedCount;
    }

    /**
     * @return the entry at a position of the sorted index.
     */
    int entryAt(final int index)
    {
        return sorted[index];
    }

    /**
     * @return the arena holding entries; keys and values are addressed by the offsets below.
     */
    DirectBuffer buffer()
    {
        return arena;
    }

    byte op(final int entry)
    {
        return arena.getByte(entry + OP_OFFSET);
    }

    boolean locked(final int entry)
    {
        return 0 != arena.getByte(entry + LOCKED_OFFSET);
    }

    long lockVersion(final int entry)
    {
        return arena.getLong(entry + LOCK_VERSION_OFFSET);
    }

    int keyOffset(final int entry)
    {
        return entry + HEADER_LENGTH;
    }

    int keyLength(final int entry)
    {
        return arena.getInt(entry + KEY_LENGTH_OFFSET);
    }

    int valueOffset(final int entry)
    {
        return entry + HEADER_LENGTH + keyLength(entry);
    }

    int valueLength(final int entry)
    {
        return arena.getInt(entry + VALUE_LENGTH_OFFSET);
    }

    /**
     * @return a view of an entry's value, valid until the next mutation.
     */
    DirectBuffer valueView(final int entry)
    {
        valueView.wrap(arena, valueOffset(entry), valueLength(entry));
        return valueView;
    }

    /**
     * @return keys with a put or a delete (the changes a WAL record will carry).
     */
    int changeCount()
    {
        return changeCount;
    }

    /**
     * @return keys locked for update.
     */
    int lockCount()
    {
        return lockCount;
    }

    /**
     * @return true if nothing was written or locked.
     */
    boolean isEmpty()
    {
        return 0 == changeCount && 0 == lockCount;
    }

    /**
     * @return an upper bound of the bytes the changes take in a WAL record.
     */
    long encodedLength()
    {
        return encodedLength;
    }

    /**
     * @return changes on every mutation.
     */
    int modCount()
    {
        return modCount;
    }

    /**
     * Forget every entry; an arena that grew past 1 MiB is released.
     */
    void clear()
    {
        if (arena.capacity() > RETAINED_ARENA_BYTES)
        {
            arena = new ExpandableDirectByteBuffer(INITIAL_ARENA_BYTES);
        }
        arenaLength = 0;
        sortedCount = 0;
        tailCount = 0;
        changeCount = 0;
        lockCount = 0;
        encodedLength = 0;
        modCount++;
    }
}
