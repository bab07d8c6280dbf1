package io.phantomdb.index.hash;

import io.phantomdb.ClosedException;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A reader of an {@link OffHeapHashIndex} for one thread, reused across lookups. {@link #begin()} pins
 * the index's memory so nothing this reader can reach is freed; {@link #get} then looks up keys in
 * the latest state; {@link #end()} unpins. Each {@code get} returns the value before or after any one
 * writer operation, never a mix. Keep pins short: generations retired while a reader is pinned are
 * freed only after it unpins.
 * <pre>{@code
 * reader.begin();
 * try
 * {
 *     DirectBuffer value = reader.get(key, 0, 4);
 *     ...
 * }
 * finally
 * {
 *     reader.end();
 * }
 * }</pre>
 * The buffer {@code get} returns is a view owned by this reader, valid until its next {@code get} or
 * {@link #end()}; after {@code end()} it is re-pointed at an empty array, so a stale use fails a bounds
 * check rather than reading freed memory. Copy to keep.
 * <p>
 * <b>Note:</b> not thread safe: one thread per reader. Readers never block each other or the writer.
 */
public final class HashIndexReader implements AutoCloseable
{
    private static final VarHandle PINNED_EPOCH;
    private static final byte[] NO_BYTES = new byte[0];

    static
    {
        try
        {
            PINNED_EPOCH = MethodHandles.lookup().findVarHandle(HashIndexReader.class, "pinnedEpoch", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final OffHeapHashIndex index;
    private final EpochReclaimer reclaimer;
    private final UnsafeBuffer valueView = new UnsafeBuffer(NO_BYTES);
    private volatile long pinnedEpoch = EpochReclaimer.IDLE;
    private boolean pinned;
    private boolean closed;

    HashIndexReader(final OffHeapHashIndex index, final EpochReclaimer reclaimer)
    {
        this.index = index;
        this.reclaimer = reclaimer;
    }

    /**
     * Pin the index's memory for this thread.
     *
     * @return the pinned epoch.
     * @throws IllegalStateException if already pinned or this reader is closed.
     * @throws ClosedException if the index is closed.
     */
    public long begin()
    {
        if (pinned)
        {
            throw new IllegalStateException("reader already pinned at epoch " + pinnedEpoch);
        }
        if (closed)
        {
            throw new IllegalStateException("reader is closed");
        }
        final long epoch = reclaimer.epoch();
        pinnedEpoch = epoch; // volatile store: ordered before the reads of the index below (StoreLoad)
        if (index.isClosed())
        {
            PINNED_EPOCH.setRelease(this, EpochReclaimer.IDLE);
            throw new ClosedException(index.name());
        }
        pinned = true;
        return epoch;
    }

    /**
     * Unpin. Idempotent. Views returned by {@link #get} are invalid from here on.
     */
    public void end()
    {
        if (pinned)
        {
            pinned = false;
            valueView.wrap(NO_BYTES);
            PINNED_EPOCH.setRelease(this, EpochReclaimer.IDLE); // release: every read of the index happens before
        }
    }

    /**
     * Look up a key in the latest state of the index. Allocates nothing.
     *
     * @param key       buffer holding the key.
     * @param keyOffset offset of the key.
     * @param keyLength length of the key.
     * @return a view of the value, or null if the key is absent.
     * @throws IllegalStateException if not pinned.
     * @throws ClosedException if the index is closed.
     * @throws io.phantomdb.CorruptionException if an entry reference is out of bounds (a bug, never expected).
     */
    public DirectBuffer get(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        if (!pinned)
        {
            throw new IllegalStateException("reader not pinned: call begin() first");
        }
        final HashTable table = index.publishedTable();
        if (null == table)
        {
            throw new ClosedException(index.name());
        }
        final int entry = table.find(XxHash64.hash(key, keyOffset, keyLength, OffHeapHashIndex.SEED), key, keyOffset, keyLength);
        if (entry < 0)
        {
            return null;
        }
        table.wrapValue(valueView, entry);
        return valueView;
    }

    /**
     * @return true between {@link #begin()} and {@link #end()}.
     */
    public boolean isPinned()
    {
        return pinned;
    }

    /**
     * Unpin if pinned and release this reader. Idempotent.
     */
    @Override
    public void close()
    {
        if (!closed)
        {
            end();
            closed = true;
            reclaimer.deregister(this);
        }
    }

    long pinnedEpoch()
    {
        return pinnedEpoch;
    }
}
