package io.phantomdb.index.hash;

/**
 * The in-memory layout of one generation of an {@link OffHeapHashIndex}: a slot table and an entry
 * arena, both off-heap. Not persisted: the hash index is rebuilt from its table on open.
 * <pre>
 * Slot table: capacity (a power of two) 8-byte slots, each one atomic 64-bit word
 *   0                   31 32                  63   (bit)
 *  +----------------------+----------------------+
 *  | entry reference      | hash tag             |   reference = entry offset / 8
 *  +----------------------+----------------------+   tag       = high 32 bits of the key's XXH64
 *   reference 0          : EMPTY (the whole word is 0)
 *   reference 0xFFFFFFFF : TOMBSTONE (a deleted key; probing goes on past it)
 *
 * Entry arena: append-only; entries are 8-byte aligned and never change once a slot points at them.
 *   0                   4                   8
 *  +-------------------+-------------------+------------------------+---------------------+-----+
 *  | key length (int)  | value length (int)| key bytes              | value bytes         | pad |
 *  +-------------------+-------------------+------------------------+---------------------+-----+
 *   Offsets 0..7 of the arena are never used, so no entry has reference 0.
 * </pre>
 * The slot index of a key is the low bits of its hash; collisions probe linearly to the next slot.
 * <p>
 * <b>Note:</b> constants and pure functions only, safe from any thread.
 */
final class HashTableDescriptor
{
    /** Version of this layout. */
    static final int VERSION = 1;

    static final int SLOT_SHIFT = 3;
    static final int EMPTY_REFERENCE = 0;
    static final int TOMBSTONE_REFERENCE = -1;
    static final long EMPTY_SLOT = 0L;
    static final long TOMBSTONE_SLOT = 0xFFFF_FFFFL;

    static final int ENTRY_ALIGNMENT = 8;
    static final int ENTRY_SHIFT = 3;
    static final int KEY_LENGTH_OFFSET = 0;
    static final int VALUE_LENGTH_OFFSET = 4;
    static final int ENTRY_HEADER_LENGTH = 8;
    static final int FIRST_ENTRY_OFFSET = 8;

    static final int MIN_SLOT_CAPACITY = 16;
    static final int MAX_SLOT_CAPACITY = 1 << 27;
    static final int MIN_ARENA_CAPACITY = 64;
    static final int MAX_ARENA_CAPACITY = 1 << 30;

    private HashTableDescriptor()
    {
    }

    /**
     * @param keyLength   key bytes.
     * @param valueLength value bytes.
     * @return bytes the entry takes in the arena, padding included.
     */
    static int entrySize(final int keyLength, final int valueLength)
    {
        return (ENTRY_HEADER_LENGTH + keyLength + valueLength + ENTRY_ALIGNMENT - 1) & -ENTRY_ALIGNMENT;
    }

    /**
     * @param hash        the key's 64-bit hash.
     * @param entryOffset the entry's offset in the arena.
     * @return the slot word pointing at the entry.
     */
    static long slotWord(final long hash, final int entryOffset)
    {
        return (hash & 0xFFFF_FFFF_0000_0000L) | ((entryOffset >>> ENTRY_SHIFT) & 0xFFFF_FFFFL);
    }

    /**
     * @param word a slot word.
     * @return its entry reference, {@link #EMPTY_REFERENCE} or {@link #TOMBSTONE_REFERENCE}.
     */
    static int reference(final long word)
    {
        return (int)word;
    }

    /**
     * @param word a slot word.
     * @return its hash tag.
     */
    static int tag(final long word)
    {
        return (int)(word >>> 32);
    }

    /**
     * @param hash a 64-bit hash.
     * @return the tag a slot word for it carries.
     */
    static int tagOf(final long hash)
    {
        return (int)(hash >>> 32);
    }
}
