package io.phantomdb.index.hash;

import io.phantomdb.ClosedException;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An off-heap hash index from byte keys to byte values, for point lookups: open addressing with linear
 * probing over a slot table of 64-bit words (hash tag and entry reference), and an append-only arena
 * holding the key and value bytes ({@link HashTableDescriptor} draws the layout). Keys are hashed with
 * {@link XxHash64}.
 * <p>
 * Deletes leave tombstones (or empty slots where no probe chain runs through). When live keys plus
 * tombstones would pass the load factor, or the arena is full, the writer builds a new generation
 * (slot table doubled as needed, arena compacted and grown as needed, tombstones dropped), publishes
 * it, and frees the old one once no pinned reader can reach it ({@link HashIndexReader}).
 * <p>
 * Not persisted: the hash index is rebuilt from its table on open.
 * <pre>{@code
 * try (OffHeapHashIndex index = OffHeapHashIndex.create(new HashIndexConfig().initialCapacity(1_000_000)))
 * {
 *     index.put(key, 0, 4, value, 0, 100);               // writer thread
 *     HashIndexReader reader = index.newReader();         // one per reader thread
 *     reader.begin();
 *     DirectBuffer found = reader.get(key, 0, 4);         // null if absent
 *     reader.end();
 * }
 * }</pre>
 * <p>
 * <b>Note:</b> single writer: {@link #put}, {@link #delete}, {@link #get}, {@link #size()}, the
 * statistics and {@link #close()} belong to one writer thread (asserted). {@link #newReader()} and
 * {@link #isClosed()} are thread safe; other threads read through their own {@link HashIndexReader},
 * lock-free and without blocking the writer.
 */
public final class OffHeapHashIndex implements AutoCloseable
{
    /** Seed of the key hash. */
    static final long SEED = 0x5048_414E_544F_4D21L;

    private static final int RECLAIM_INTERVAL_MASK = 63;
    private static final byte[] NO_BYTES = new byte[0];

    private final String name;
    private final float loadFactor;
    private final int initialSlotCapacity;
    private final int initialArenaBytes;
    private final int maxKeyLength;
    private final int maxValueLength;
    private final EpochReclaimer reclaimer = new EpochReclaimer();
    private final UnsafeBuffer writerView = new UnsafeBuffer(NO_BYTES);
    private HashTable writerTable;
    private volatile HashTable publishedTable;
    private volatile boolean closed;
    private int rebuilds;
    private int mutationsSinceReclaim;
    private Thread writerThread;

    private OffHeapHashIndex(final HashIndexConfig config)
    {
        name = config.name();
        loadFactor = config.loadFactor();
        initialSlotCapacity = slotCapacityFor(config.initialCapacity() + 1L, loadFactor, HashTableDescriptor.MIN_SLOT_CAPACITY);
        initialArenaBytes = config.initialArenaBytes();
        maxKeyLength = config.maxKeyLength();
        maxValueLength = config.maxValueLength();
        writerTable = new HashTable(initialSlotCapacity, initialArenaBytes, loadFactor);
        publishedTable = writerTable;
    }

    /**
     * Create an empty index.
     *
     * @param config settings; validated here.
     * @return the index; the first thread to mutate it becomes its writer thread.
     * @throws IllegalArgumentException if a setting is out of range.
     */
    public static OffHeapHashIndex create(final HashIndexConfig config)
    {
        return new OffHeapHashIndex(config.validate());
    }

    /**
     * Insert a key or replace its value. Writer thread only. Allocates nothing unless it rebuilds.
     *
     * @param key         buffer holding the key.
     * @param keyOffset   offset of the key.
     * @param keyLength   length of the key, 1 to {@link #maxKeyLength()}.
     * @param value       buffer holding the value.
     * @param valueOffset offset of the value.
     * @param valueLength length of the value, 0 to {@link #maxValueLength()}.
     * @throws IllegalArgumentException if a length is out of range.
     * @throws IllegalStateException if the index cannot grow further (slot table or arena at its maximum).
     * @throws ClosedException if the index is closed.
     */
    public void put(
        final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength)
    {
        HashTable table = writable();
        checkKeyLength(keyLength);
        if (valueLength < 0 || valueLength > maxValueLength)
        {
            throw new IllegalArgumentException("valueLength must be in [0, " + maxValueLength + "], got " + valueLength);
        }
        final long hash = XxHash64.hash(key, keyOffset, keyLength, SEED);
        final int entrySize = HashTableDescriptor.entrySize(keyLength, valueLength);
        if (!table.hasRoomFor(entrySize))
        {
            table = rebuild(table, entrySize);
        }
        table.put(hash, key, keyOffset, keyLength, value, valueOffset, valueLength);
        afterMutation();
    }

    /**
     * Delete a key if present. Writer thread only. Allocates nothing.
     *
     * @param key       buffer holding the key.
     * @param keyOffset offset of the key.
     * @param keyLength length of the key.
     * @return true if the key was present.
     * @throws IllegalArgumentException if the key length is out of range.
     * @throws ClosedException if the index is closed.
     */
    public boolean delete(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        final HashTable table = writable();
        checkKeyLength(keyLength);
        final boolean deleted = table.delete(XxHash64.hash(key, keyOffset, keyLength, SEED), key, keyOffset, keyLength);
        afterMutation();
        return deleted;
    }

    /**
     * Look up a key from the writer thread, without pinning. Other threads use a {@link HashIndexReader}.
     * Allocates nothing.
     *
     * @param key       buffer holding the key.
     * @param keyOffset offset of the key.
     * @param keyLength length of the key.
     * @return a view of the value, valid until the next call on this index (a stale view fails a bounds
     * check rather than reading freed memory once a rebuild has replaced the generation); null if absent.
     * @throws ClosedException if the index is closed.
     */
    public DirectBuffer get(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        final HashTable table = writable();
        final int entry = table.find(XxHash64.hash(key, keyOffset, keyLength, SEED), key, keyOffset, keyLength);
        if (entry < 0)
        {
            return null;
        }
        table.wrapValue(writerView, entry);
        return writerView;
    }

    /**
     * @return the number of keys. Writer thread.
     * @throws ClosedException if the index is closed.
     */
    public int size()
    {
        return writable().size();
    }

    /**
     * @return a new reader for the calling thread. Thread safe.
     * @throws ClosedException if the index is closed.
     */
    public HashIndexReader newReader()
    {
        if (closed)
        {
            throw new ClosedException(name);
        }
        final HashIndexReader reader = new HashIndexReader(this, reclaimer);
        reclaimer.register(reader);
        return reader;
    }

    /**
     * @return slots in the current slot table. Writer thread.
     */
    public int slotCapacity()
    {
        return writable().slotCapacity();
    }

    /**
     * @return bytes in the current entry arena. Writer thread.
     */
    public int arenaCapacity()
    {
        return writable().arenaCapacity();
    }

    /**
     * @return arena bytes held by replaced or deleted entries, reclaimed by the next rebuild. Writer thread.
     */
    public int garbageBytes()
    {
        return writable().garbageBytes();
    }

    /**
     * @return slots holding tombstones. Writer thread.
     */
    public int tombstones()
    {
        return writable().tombstones();
    }

    /**
     * @return generations built since creation (each a resize, compaction or tombstone purge). Writer thread.
     */
    public int rebuildCount()
    {
        return rebuilds;
    }

    /**
     * Free retired generations no reader can reach now, instead of waiting for the next mutations.
     * Writer thread.
     *
     * @return the number still waiting for pinned readers.
     */
    public int reclaim()
    {
        writable();
        return reclaimer.reclaim();
    }

    /**
     * @return the longest key accepted, in bytes.
     */
    public int maxKeyLength()
    {
        return maxKeyLength;
    }

    /**
     * @return the longest value accepted, in bytes.
     */
    public int maxValueLength()
    {
        return maxValueLength;
    }

    /**
     * @return true once {@link #close()} has been called. Thread safe.
     */
    public boolean isClosed()
    {
        return closed;
    }

    /**
     * Free all memory. Writer thread. Readers should have ended first: if one is still pinned, the
     * generations it may reach are left to the garbage collector, which frees them when the reader drops
     * them; its next {@code get} or {@code begin} throws {@link ClosedException}. Idempotent.
     */
    @Override
    public void close()
    {
        if (null == writerTable)
        {
            return;
        }
        assert onWriterThread() : "close called from " + Thread.currentThread() + ", writer is " + writerThread;
        final HashTable last = writerTable;
        writerTable = null;
        publishedTable = null;
        writerView.wrap(NO_BYTES);
        closed = true;
        reclaimer.retire(last);
        reclaimer.reclaim();
        reclaimer.abandon();
    }

    @Override
    public String toString()
    {
        return "OffHeapHashIndex{name=" + name + ", closed=" + closed + '}';
    }

    String name()
    {
        return name;
    }

    /**
     * @return the generation readers look up in, or null once closed. Any thread (volatile read: acquires
     * the contents of a newly built generation).
     */
    HashTable publishedTable()
    {
        return publishedTable;
    }

    int pinnedReaders()
    {
        return reclaimer.pinnedReaders();
    }

    private HashTable writable()
    {
        final HashTable table = writerTable;
        if (null == table)
        {
            throw new ClosedException(name);
        }
        assert onWriterThread() : "writer method called from " + Thread.currentThread() + ", writer is " + writerThread;
        return table;
    }

    private void checkKeyLength(final int keyLength)
    {
        if (keyLength < 1 || keyLength > maxKeyLength)
        {
            throw new IllegalArgumentException("keyLength must be in [1, " + maxKeyLength + "], got " + keyLength);
        }
    }

    private HashTable rebuild(final HashTable old, final int entrySize)
    {
        final int slots = slotCapacityFor(old.size() + 1L, loadFactor, initialSlotCapacity);
        final int arenaBytes = arenaCapacityFor(
            (long)HashTableDescriptor.FIRST_ENTRY_OFFSET + old.liveBytes() + entrySize, initialArenaBytes);
        final HashTable next = new HashTable(slots, arenaBytes, loadFactor);
        next.copyLiveEntriesFrom(old);
        writerTable = next;
        publishedTable = next; // volatile store: publishes the fully built generation to readers
        writerView.wrap(NO_BYTES); // it may point into the old generation, which may now be freed
        reclaimer.retire(old);
        rebuilds++;
        reclaimer.reclaim();
        return next;
    }

    private void afterMutation()
    {
        if ((++mutationsSinceReclaim & RECLAIM_INTERVAL_MASK) == 0 && reclaimer.hasRetired())
        {
            reclaimer.reclaim();
        }
    }

    private boolean onWriterThread()
    {
        final Thread current = Thread.currentThread();
        if (null == writerThread)
        {
            writerThread = current;
        }
        return writerThread == current;
    }

    private static int slotCapacityFor(final long entries, final float loadFactor, final int minimum)
    {
        final long needed = (long)Math.ceil(entries * 2.0 / loadFactor);
        if (needed > HashTableDescriptor.MAX_SLOT_CAPACITY)
        {
            throw new IllegalStateException("hash index full: " + entries + " entries need " + needed +
                " slots at load factor " + loadFactor + ", max " + HashTableDescriptor.MAX_SLOT_CAPACITY);
        }
        return Math.max(minimum, nextPowerOfTwo(needed));
    }

    private static int arenaCapacityFor(final long required, final int minimum)
    {
        if (required > HashTableDescriptor.MAX_ARENA_CAPACITY)
        {
            throw new IllegalStateException("hash index full: live entries need " + required +
                " arena bytes, max " + HashTableDescriptor.MAX_ARENA_CAPACITY);
        }
        return Math.max(minimum, Math.min(HashTableDescriptor.MAX_ARENA_CAPACITY, nextPowerOfTwo(required * 2)));
    }

    private static int nextPowerOfTwo(final long value)
    {
        return (int)Math.min(1L << 30, Long.highestOneBit(Math.max(1, value - 1)) << 1);
    }
}
