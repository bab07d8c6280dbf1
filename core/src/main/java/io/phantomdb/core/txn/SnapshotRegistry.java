package io.phantomdb.core.txn;

import io.phantomdb.PhantomException;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The versions active transactions still validate against, one slot per pooled {@link TxContext}, so the
 * writer knows which commits the {@link ConflictDetector} may forget. Lock-free: a transaction stores its
 * version into its slot (a volatile store) before it checks that the published version did not move (see
 * {@link VersionClock}); the writer publishes, then scans. Either the scan sees the slot or the transaction
 * sees the newer version and retries, so a commit a snapshot needs is never pruned.
 * <p>
 * <b>Note:</b> {@link #allocate()} is thread safe; a slot is written only by the thread owning its context;
 * {@link #oldest} may be called from any thread (the writer calls it).
 */
final class SnapshotRegistry
{
    /** The value of a slot whose transaction needs nothing. */
    static final long IDLE = Long.MAX_VALUE;

    private final AtomicLongArray slots;
    private final AtomicInteger allocated = new AtomicInteger();

    /**
     * @param capacity the most transactions that may be active at once.
     */
    SnapshotRegistry(final int capacity)
    {
        slots = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++)
        {
            slots.set(i, IDLE);
        }
    }

    /**
     * @return a new slot, idle.
     * @throws PhantomException if every slot is taken.
     */
    int allocate()
    {
        final int slot = allocated.getAndIncrement();
        if (slot >= slots.length())
        {
            allocated.decrementAndGet();
            throw new PhantomException("too many concurrent transactions: at most " + slots.length() +
                " may be active at once");
        }
        return slot;
    }

    /**
     * Store the version a slot's transaction needs (volatile store: ordered before the caller's re-check).
     */
    void set(final int slot, final long version)
    {
        slots.set(slot, version);
    }

    /**
     * Mark a slot idle (release store).
     */
    void clear(final int slot)
    {
        slots.setRelease(slot, IDLE);
    }

    /**
     * @param published the version the writer published before this call.
     * @return the smallest version any active transaction needs, at most {@code published}.
     */
    long oldest(final long published)
    {
        long oldest = published;
        for (int i = 0, n = Math.min(allocated.get(), slots.length()); i < n; i++)
        {
            final long version = slots.get(i);
            if (version < oldest)
            {
                oldest = version;
            }
        }
        return oldest;
    }

    /**
     * @return slots holding a version (active transactions).
     */
    int activeCount()
    {
        int active = 0;
        for (int i = 0, n = Math.min(allocated.get(), slots.length()); i < n; i++)
        {
            if (IDLE != slots.get(i))
            {
                active++;
            }
        }
        return active;
    }
}
