package io.phantomdb.index.hash;

import io.phantomdb.CorruptionException;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

import static io.phantomdb.index.hash.HashTableDescriptor.EMPTY_REFERENCE;
import static io.phantomdb.index.hash.HashTableDescriptor.EMPTY_SLOT;
import static io.phantomdb.index.hash.HashTableDescriptor.ENTRY_HEADER_LENGTH;
import static io.phantomdb.index.hash.HashTableDescriptor.ENTRY_SHIFT;
import static io.phantomdb.index.hash.HashTableDescriptor.FIRST_ENTRY_OFFSET;
import static io.phantomdb.index.hash.HashTableDescriptor.KEY_LENGTH_OFFSET;
import static io.phantomdb.index.hash.HashTableDescriptor.SLOT_SHIFT;
import static io.phantomdb.index.hash.HashTableDescriptor.TOMBSTONE_REFERENCE;
import static io.phantomdb.index.hash.HashTableDescriptor.TOMBSTONE_SLOT;
import static io.phantomdb.index.hash.HashTableDescriptor.VALUE_LENGTH_OFFSET;

/**
 * One generation of an {@link OffHeapHashIndex}: a slot table and an entry arena in direct memory, laid
 * out as {@link HashTableDescriptor} draws. The writer mutates only the current generation; a rebuild
 * copies the live entries into a new generation and the old one is frozen, then freed once no reader
 * can still be looking at it.
 * <p>
 * Reader safety: entries are written before a release store of the slot word that points at them and
 * never change afterwards; slot words change only by single atomic stores, and a slot never goes from
 * non-empty to empty while a live key's probe chain runs through it. So {@link #find} needs no lock and
 * sees, for each slot, the word before or after any one writer store. Every reference read from a slot
 * is bounds-checked before use.
 * <p>
 * <b>Note:</b> {@link #find} and {@link #wrapValue} are safe from any thread that holds the generation
 * alive (pinned); everything else is writer thread only.
 */
final class HashTable
{
    private final ByteBuffer slotMemory;
    private final ByteBuffer arenaMemory;
    private final UnsafeBuffer slots;
    private final UnsafeBuffer arena;
    private final int mask;
    private final int maxUsedSlots;
    private int arenaTail = FIRST_ENTRY_OFFSET;
    private int liveBytes;
    private int live;
    private int usedSlots;
    private int tombstones;
    private long retiredEpoch;
    private boolean freed;

    HashTable(final int slotCapacity, final int arenaCapacity, final float loadFactor)
    {
        slotMemory = ByteBuffer.allocateDirect(slotCapacity << SLOT_SHIFT);
        arenaMemory = ByteBuffer.allocateDirect(arenaCapacity);
        slots = new UnsafeBuffer(slotMemory);
        slots.verifyAlignment();
        arena = new UnsafeBuffer(arenaMemory);
        arena.verifyAlignment();
        mask = slotCapacity - 1;
        maxUsedSlots = Math.max(1, Math.min(mask, (int)(slotCapacity * (double)loadFactor)));
    }

    /**
     * Look up a key. Safe from any thread while this generation is pinned.
     *
     * @return the entry's arena offset, or -1 if the key is absent.
     * @throws CorruptionException if a slot points outside the arena.
     */
    int find(final long hash, final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        final int tag = HashTableDescriptor.tagOf(hash);
        int index = (int)hash & mask;
        for (int probes = 0; probes <= mask; probes++)
        {
            final long word = slots.getLongAcquire(index << SLOT_SHIFT);
            final int reference = HashTableDescriptor.reference(word);
            if (reference == EMPTY_REFERENCE)
            {
                return -1;
            }
            if (reference != TOMBSTONE_REFERENCE && HashTableDescriptor.tag(word) == tag)
            {
                final int entry = checkedEntryOffset(reference);
                if (keyEquals(entry, key, keyOffset, keyLength))
                {
                    return entry;
                }
            }
            index = (index + 1) & mask;
        }
        return -1;
    }

    /**
     * Point {@code view} at the value of the entry at {@code entry}, bounds-checked against the arena.
     * Safe from any thread while this generation is pinned.
     *
     * @throws CorruptionException if the entry runs past the arena.
     */
    void wrapValue(final UnsafeBuffer view, final int entry)
    {
        final int keyLength = arena.getInt(entry + KEY_LENGTH_OFFSET);
        final int valueLength = arena.getInt(entry + VALUE_LENGTH_OFFSET);
        final long valueOffset = (long)entry + ENTRY_HEADER_LENGTH + keyLength;
        if (keyLength < 0 || valueLength < 0 || valueOffset + valueLength > arena.capacity())
        {
            throw corrupt(entry, "entry key length " + keyLength + " value length " + valueLength +
                " runs past arena capacity " + arena.capacity());
        }
        view.wrap(arena, (int)valueOffset, valueLength);
    }

    /**
     * @return true if an entry of {@code entrySize} bytes and one more used slot fit. Writer thread.
     */
    boolean hasRoomFor(final int entrySize)
    {
        return arenaTail <= arena.capacity() - entrySize && usedSlots < maxUsedSlots;
    }

    /**
     * Insert or replace. The caller has checked {@link #hasRoomFor}. Writer thread.
     *
     * @return true if the key was new.
     */
    boolean put(
        final long hash, final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength)
    {
        final int tag = HashTableDescriptor.tagOf(hash);
        int index = (int)hash & mask;
        int free = -1;
        for (int probes = 0; probes <= mask; probes++)
        {
            final long word = slots.getLong(index << SLOT_SHIFT);
            final int reference = HashTableDescriptor.reference(word);
            if (reference == EMPTY_REFERENCE)
            {
                free = free < 0 ? index : free;
                break;
            }
            if (reference == TOMBSTONE_REFERENCE)
            {
                free = free < 0 ? index : free;
            }
            else if (HashTableDescriptor.tag(word) == tag && keyEquals(reference << ENTRY_SHIFT, key, keyOffset, keyLength))
            {
                liveBytes -= entrySizeAt(reference << ENTRY_SHIFT);
                final int entry = append(key, keyOffset, keyLength, value, valueOffset, valueLength);
                slots.putLongRelease(index << SLOT_SHIFT, HashTableDescriptor.slotWord(hash, entry));
                return false;
            }
            index = (index + 1) & mask;
        }
        if (free < 0)
        {
            throw new IllegalStateException("no free slot among " + (mask + 1) + " slots, used=" + usedSlots);
        }
        if (slots.getLong(free << SLOT_SHIFT) == TOMBSTONE_SLOT)
        {
            tombstones--;
        }
        else
        {
            usedSlots++;
        }
        live++;
        final int entry = append(key, keyOffset, keyLength, value, valueOffset, valueLength);
        slots.putLongRelease(free << SLOT_SHIFT, HashTableDescriptor.slotWord(hash, entry));
        return true;
    }

    /**
     * Delete a key: its slot becomes a tombstone, or empty when the next slot is empty (then any
     * tombstones just before it become empty too, as no probe chain can run through them). Writer thread.
     *
     * @return true if the key was present.
     */
    boolean delete(final long hash, final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        final int tag = HashTableDescriptor.tagOf(hash);
        int index = (int)hash & mask;
        for (int probes = 0; probes <= mask; probes++)
        {
            final long word = slots.getLong(index << SLOT_SHIFT);
            final int reference = HashTableDescriptor.reference(word);
            if (reference == EMPTY_REFERENCE)
            {
                return false;
            }
            if (reference != TOMBSTONE_REFERENCE && HashTableDescriptor.tag(word) == tag &&
                keyEquals(reference << ENTRY_SHIFT, key, keyOffset, keyLength))
            {
                liveBytes -= entrySizeAt(reference << ENTRY_SHIFT);
                live--;
                clearSlot(index);
                return true;
            }
            index = (index + 1) & mask;
        }
        return false;
    }

    /**
     * Copy every live entry of {@code from} into this fresh, unpublished generation. Writer thread.
     */
    void copyLiveEntriesFrom(final HashTable from)
    {
        for (int index = 0; index <= from.mask; index++)
        {
            final int reference = HashTableDescriptor.reference(from.slots.getLong(index << SLOT_SHIFT));
            if (reference != EMPTY_REFERENCE && reference != TOMBSTONE_REFERENCE)
            {
                final int source = reference << ENTRY_SHIFT;
                final int size = from.entrySizeAt(source);
                final int keyLength = from.arena.getInt(source + KEY_LENGTH_OFFSET);
                final long hash = XxHash64.hash(from.arena, source + ENTRY_HEADER_LENGTH, keyLength, OffHeapHashIndex.SEED);
                final int entry = arenaTail;
                arena.putBytes(entry, from.arena, source, size);
                arenaTail += size;
                liveBytes += size;
                int slot = (int)hash & mask;
                while (slots.getLong(slot << SLOT_SHIFT) != EMPTY_SLOT)
                {
                    slot = (slot + 1) & mask;
                }
                slots.putLong(slot << SLOT_SHIFT, HashTableDescriptor.slotWord(hash, entry));
                usedSlots++;
                live++;
            }
        }
    }

    int size()
    {
        return live;
    }

    int slotCapacity()
    {
        return mask + 1;
    }

    int arenaCapacity()
    {
        return arena.capacity();
    }

    int liveBytes()
    {
        return liveBytes;
    }

    int garbageBytes()
    {
        return arenaTail - FIRST_ENTRY_OFFSET - liveBytes;
    }

    int tombstones()
    {
        return tombstones;
    }

    long retiredEpoch()
    {
        return retiredEpoch;
    }

    void retiredEpoch(final long epoch)
    {
        retiredEpoch = epoch;
    }

    /**
     * Release the direct memory. Writer thread, and only once no reader can reach this generation.
     */
    void free()
    {
        if (!freed)
        {
            freed = true;
            BufferUtil.free(slotMemory);
            BufferUtil.free(arenaMemory);
        }
    }

    boolean isFreed()
    {
        return freed;
    }

    private void clearSlot(final int index)
    {
        if (slots.getLong(((index + 1) & mask) << SLOT_SHIFT) != EMPTY_SLOT)
        {
            slots.putLongRelease(index << SLOT_SHIFT, TOMBSTONE_SLOT);
            tombstones++;
            return;
        }
        slots.putLongRelease(index << SLOT_SHIFT, EMPTY_SLOT);
        usedSlots--;
        int previous = (index - 1) & mask;
        while (slots.getLong(previous << SLOT_SHIFT) == TOMBSTONE_SLOT)
        {
            slots.putLongRelease(previous << SLOT_SHIFT, EMPTY_SLOT);
            tombstones--;
            usedSlots--;
            previous = (previous - 1) & mask;
        }
    }

    private int append(
        final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength)
    {
        final int entry = arenaTail;
        arena.putInt(entry + KEY_LENGTH_OFFSET, keyLength);
        arena.putInt(entry + VALUE_LENGTH_OFFSET, valueLength);
        arena.putBytes(entry + ENTRY_HEADER_LENGTH, key, keyOffset, keyLength);
        arena.putBytes(entry + ENTRY_HEADER_LENGTH + keyLength, value, valueOffset, valueLength);
        final int size = HashTableDescriptor.entrySize(keyLength, valueLength);
        arenaTail += size;
        liveBytes += size;
        return entry;
    }

    private int entrySizeAt(final int entry)
    {
        return HashTableDescriptor.entrySize(
            arena.getInt(entry + KEY_LENGTH_OFFSET), arena.getInt(entry + VALUE_LENGTH_OFFSET));
    }

    private int checkedEntryOffset(final int reference)
    {
        final long entry = (long)reference << ENTRY_SHIFT;
        if (entry < FIRST_ENTRY_OFFSET || entry > arena.capacity() - ENTRY_HEADER_LENGTH)
        {
            throw corrupt(entry, "slot reference " + reference + " outside arena capacity " + arena.capacity());
        }
        return (int)entry;
    }

    private boolean keyEquals(final int entry, final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        if (arena.getInt(entry + KEY_LENGTH_OFFSET) != keyLength)
        {
            return false;
        }
        final int start = entry + ENTRY_HEADER_LENGTH;
        if ((long)start + keyLength > arena.capacity())
        {
            throw corrupt(entry, "key length " + keyLength + " runs past arena capacity " + arena.capacity());
        }
        int i = 0;
        for (; i + Long.BYTES <= keyLength; i += Long.BYTES)
        {
            if (arena.getLong(start + i) != key.getLong(keyOffset + i))
            {
                return false;
            }
        }
        if (i + Integer.BYTES <= keyLength)
        {
            if (arena.getInt(start + i) != key.getInt(keyOffset + i))
            {
                return false;
            }
            i += Integer.BYTES;
        }
        for (; i < keyLength; i++)
        {
            if (arena.getByte(start + i) != key.getByte(keyOffset + i))
            {
                return false;
            }
        }
        return true;
    }

    private static CorruptionException corrupt(final long offset, final String detail)
    {
        return new CorruptionException(null, offset, "hash index " + detail);
    }
}
