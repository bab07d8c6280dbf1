package io.phantomdb.core.txn;

import io.phantomdb.index.ByteComparator;
import io.phantomdb.index.ByteCursor;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

import static io.phantomdb.core.txn.EngineKeyDescriptor.STORE_PREFIX_LENGTH;
import static io.phantomdb.core.txn.EngineKeyDescriptor.compareEngineToStore;

/**
 * Merges one keyspace of a pinned store with the transaction's {@link WriteSet}, both ways: puts shown (over
 * the stored value), deletes hidden, keys only locked for update ignored, never leaving the keyspace.
 * <p>
 * Each side has a position: the shared store cursor and an index into the sorted write set. Going forward both
 * sides rest at the smallest entry at or above the current key, going backward at the largest at or below; a
 * move steps the sides that sit on the current key, then takes the nearer of the two (the write set wins a tie).
 * The current key is copied, so the cursor can always find its place again: when the direction changes, or when
 * the shared store cursor, the pin or the write set changed under it (the {@link TxContext#stamp()} and
 * {@link WriteSet#modCount()} tell), both sides are re-sought at the current key.
 * <p>
 * <b>Note:</b> not thread safe: owned by the transaction's thread.
 */
final class MergedCursor
{
    private final TxContext context;
    private final WriteSet writes;
    private final StorageKind kind;
    private final int id;
    private final UnsafeBuffer current;
    private final UnsafeBuffer seekEngineKey;
    private final UnsafeBuffer lowStore = new UnsafeBuffer(new byte[STORE_PREFIX_LENGTH]);
    private final UnsafeBuffer highStore = new UnsafeBuffer(new byte[STORE_PREFIX_LENGTH]);
    private final UnsafeBuffer keyView = new UnsafeBuffer(0, 0);
    private int currentLength;
    private boolean positioned;
    private boolean forward = true;
    private boolean fromWrites;
    private boolean storeValid;
    private int writeIndex;
    private int stamp = -1;
    private int writesModCount = -1;

    MergedCursor(final TxContext context, final Keyspace keyspace, final int maxStoreKeyLength)
    {
        this.context = context;
        this.writes = context.writeSet;
        this.kind = keyspace.kind();
        this.id = keyspace.id();
        this.current = new UnsafeBuffer(new byte[maxStoreKeyLength]);
        this.seekEngineKey = new UnsafeBuffer(new byte[maxStoreKeyLength + 1]);
        lowStore.putInt(0, id, ByteOrder.BIG_ENDIAN);
        highStore.putInt(0, id + 1, ByteOrder.BIG_ENDIAN);
    }

    /**
     * @return the store key below every key of the keyspace (its 4-byte prefix).
     */
    DirectBuffer lowBound()
    {
        return lowStore;
    }

    /**
     * @return the store key above every key of the keyspace (the next id's prefix).
     */
    DirectBuffer highBound()
    {
        return highStore;
    }

    boolean isPositioned()
    {
        return positioned;
    }

    /**
     * @return the current store key (prefix included), valid until the next move.
     */
    DirectBuffer currentStoreKey()
    {
        return current;
    }

    int currentStoreKeyLength()
    {
        return currentLength;
    }

    boolean first()
    {
        forward = true;
        positionForward(lowStore, STORE_PREFIX_LENGTH);
        return settle(resolveForward());
    }

    boolean last()
    {
        forward = false;
        positionBackward(highStore, STORE_PREFIX_LENGTH);
        return settle(resolveBackward());
    }

    boolean seekCeiling(final DirectBuffer storeKey, final int length)
    {
        forward = true;
        positionForward(storeKey, length);
        return settle(resolveForward());
    }

    boolean seekFloor(final DirectBuffer storeKey, final int length)
    {
        forward = false;
        positionBackward(storeKey, length);
        return settle(resolveBackward());
    }

    boolean next()
    {
        if (!positioned)
        {
            return false;
        }
        if (!forward || isStale())
        {
            forward = true;
            positionForward(current, currentLength);
        }
        if (storeValid && 0 == compareStore(current, currentLength))
        {
            storeValid = context.cursor(kind).next() && storeInKeyspace();
        }
        if (writeValid() && 0 == compareWrite(current, currentLength))
        {
            writeIndex++;
            skipLocksForward();
        }
        return settle(resolveForward());
    }

    boolean prev()
    {
        if (!positioned)
        {
            return false;
        }
        if (forward || isStale())
        {
            forward = false;
            positionBackward(current, currentLength);
        }
        if (storeValid && 0 == compareStore(current, currentLength))
        {
            storeValid = context.cursor(kind).prev() && storeInKeyspace();
        }
        if (writeValid() && 0 == compareWrite(current, currentLength))
        {
            writeIndex--;
            skipLocksBackward();
        }
        return settle(resolveBackward());
    }

    /**
     * @return a view of the current key without the keyspace prefix.
     */
    DirectBuffer key()
    {
        checkPositioned();
        keyView.wrap(current, STORE_PREFIX_LENGTH, currentLength - STORE_PREFIX_LENGTH);
        return keyView;
    }

    /**
     * @return a view of the current value.
     */
    DirectBuffer value()
    {
        checkPositioned();
        if (isStale())
        {
            if (forward)
            {
                positionForward(current, currentLength);
            }
            else
            {
                positionBackward(current, currentLength);
            }
            if (writeValid() && 0 == compareWrite(current, currentLength))
            {
                if (WriteSet.OP_PUT != writes.op(writes.entryAt(writeIndex)))
                {
                    throw new IllegalStateException("the cursor's current key was deleted by its transaction");
                }
                fromWrites = true;
            }
            else if (storeValid && 0 == compareStore(current, currentLength))
            {
                fromWrites = false;
            }
            else
            {
                throw new IllegalStateException("the cursor's current key is no longer visible");
            }
            stamp = context.bump();
            writesModCount = writes.modCount();
        }
        return fromWrites ? writes.valueView(writes.entryAt(writeIndex)) : context.cursor(kind).value();
    }

    private void checkPositioned()
    {
        if (!positioned)
        {
            throw new IllegalStateException("cursor is not positioned");
        }
    }

    private boolean isStale()
    {
        return stamp != context.stamp() || writesModCount != writes.modCount();
    }

    private boolean settle(final boolean found)
    {
        positioned = found;
        stamp = context.bump();
        writesModCount = writes.modCount();
        return found;
    }

    private void positionForward(final DirectBuffer storeKey, final int length)
    {
        final ByteCursor cursor = context.cursor(kind);
        storeValid = cursor.seekCeiling(storeKey, 0, length) && storeInKeyspace();
        writes.sort();
        writeIndex = writes.lowerBound(engineKey(storeKey, length), 0, length + 1);
        skipLocksForward();
    }

    private void positionBackward(final DirectBuffer storeKey, final int length)
    {
        final ByteCursor cursor = context.cursor(kind);
        storeValid = cursor.seekFloor(storeKey, 0, length) && storeInKeyspace();
        writes.sort();
        final DirectBuffer seek = engineKey(storeKey, length);
        final int lower = writes.lowerBound(seek, 0, length + 1);
        writeIndex = lower < writes.size() && 0 == compareEntry(lower, seek, length + 1) ? lower : lower - 1;
        skipLocksBackward();
    }

    private DirectBuffer engineKey(final DirectBuffer storeKey, final int length)
    {
        seekEngineKey.putByte(0, (byte)kind.ordinal());
        seekEngineKey.putBytes(1, storeKey, 0, length);
        return seekEngineKey;
    }

    private boolean resolveForward()
    {
        while (true)
        {
            final boolean write = writeValid();
            if (!write && !storeValid)
            {
                return false;
            }
            final int cmp = !write ? 1 : !storeValid ? -1 : compareWriteToStore();
            if (cmp > 0)
            {
                takeStore();
                return true;
            }
            if (WriteSet.OP_PUT == writes.op(writes.entryAt(writeIndex)))
            {
                takeWrite();
                return true;
            }
            if (0 == cmp)
            {
                storeValid = context.cursor(kind).next() && storeInKeyspace();
            }
            writeIndex++;
            skipLocksForward();
        }
    }

    private boolean resolveBackward()
    {
        while (true)
        {
            final boolean write = writeValid();
            if (!write && !storeValid)
            {
                return false;
            }
            final int cmp = !write ? -1 : !storeValid ? 1 : compareWriteToStore();
            if (cmp < 0)
            {
                takeStore();
                return true;
            }
            if (WriteSet.OP_PUT == writes.op(writes.entryAt(writeIndex)))
            {
                takeWrite();
                return true;
            }
            if (0 == cmp)
            {
                storeValid = context.cursor(kind).prev() && storeInKeyspace();
            }
            writeIndex--;
            skipLocksBackward();
        }
    }

    private void takeStore()
    {
        final DirectBuffer key = context.cursor(kind).key();
        currentLength = key.capacity();
        current.putBytes(0, key, 0, currentLength);
        fromWrites = false;
    }

    private void takeWrite()
    {
        final int entry = writes.entryAt(writeIndex);
        currentLength = writes.keyLength(entry) - 1;
        current.putBytes(0, writes.buffer(), writes.keyOffset(entry) + 1, currentLength);
        fromWrites = true;
    }

    private void skipLocksForward()
    {
        while (writeIndex >= 0 && writeIndex < writes.size() && WriteSet.OP_NONE == writes.op(writes.entryAt(writeIndex)))
        {
            writeIndex++;
        }
    }

    private void skipLocksBackward()
    {
        while (writeIndex >= 0 && writeIndex < writes.size() && WriteSet.OP_NONE == writes.op(writes.entryAt(writeIndex)))
        {
            writeIndex--;
        }
    }

    private boolean storeInKeyspace()
    {
        final DirectBuffer key = context.cursor(kind).key();
        return EngineKeyDescriptor.inKeyspace(key, key.capacity(), id);
    }

    private boolean writeValid()
    {
        if (writeIndex < 0 || writeIndex >= writes.size())
        {
            return false;
        }
        final int entry = writes.entryAt(writeIndex);
        final DirectBuffer buffer = writes.buffer();
        final int offset = writes.keyOffset(entry);
        return writes.keyLength(entry) > EngineKeyDescriptor.ENGINE_PREFIX_LENGTH &&
            buffer.getByte(offset) == (byte)kind.ordinal() &&
            buffer.getInt(offset + 1, ByteOrder.BIG_ENDIAN) == id;
    }

    private int compareWriteToStore()
    {
        final DirectBuffer key = context.cursor(kind).key();
        return compareWriteAt(writeIndex, key, key.capacity());
    }

    private int compareWriteAt(final int index, final DirectBuffer storeKey, final int length)
    {
        final int entry = writes.entryAt(index);
        return compareEngineToStore(writes.buffer(), writes.keyOffset(entry), writes.keyLength(entry), storeKey, 0, length);
    }

    private int compareEntry(final int index, final DirectBuffer engineKey, final int length)
    {
        final int entry = writes.entryAt(index);
        return ByteComparator.compare(writes.buffer(), writes.keyOffset(entry), writes.keyLength(entry), engineKey, 0, length);
    }

    private int compareWrite(final DirectBuffer storeKey, final int length)
    {
        return compareWriteAt(writeIndex, storeKey, length);
    }

    private int compareStore(final DirectBuffer storeKey, final int length)
    {
        final DirectBuffer key = context.cursor(kind).key();
        return ByteComparator.compare(key, 0, key.capacity(), storeKey, 0, length);
    }
}
