package io.phantomdb.index.hash;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Frees retired generations of an {@link OffHeapHashIndex} once no reader can still be looking at them
 * (epoch-based reclamation).
 * <p>
 * Protocol. The writer publishes a new generation with a volatile store, then {@link #retire retires}
 * the old one: it bumps the global epoch with a volatile store and stamps the old generation with the
 * new epoch. A reader pins by reading the epoch and storing it in its own volatile slot, and only then
 * reads the current generation. A retired generation is freed once every reader is idle or pinned at
 * an epoch at or after its stamp. Why that is safe, with Java volatiles being sequentially consistent:
 * a reader pinned at or after the stamp read the bumped epoch, so it also sees the newer generation;
 * a reader the writer saw idle stores its pin after that scan, so its later read of the current
 * generation comes after the writer's publication. Either way it cannot reach the freed one.
 * <p>
 * <b>Note:</b> {@link #register}/{@link #deregister} are thread safe; {@link #retire},
 * {@link #reclaim} and {@link #abandon} are writer thread only; {@link #epoch()} is safe from any thread.
 */
final class EpochReclaimer
{
    /** Pinned epoch of a reader that is not pinned. */
    static final long IDLE = Long.MAX_VALUE;

    private static final HashIndexReader[] NO_READERS = new HashIndexReader[0];

    private final ArrayDeque<HashTable> retired = new ArrayDeque<>();
    private volatile long epoch = 1;
    private volatile HashIndexReader[] readers = NO_READERS;

    /**
     * @return the current global epoch. Any thread.
     */
    long epoch()
    {
        return epoch;
    }

    /**
     * Add a reader to the scan. Thread safe.
     */
    synchronized void register(final HashIndexReader reader)
    {
        final HashIndexReader[] current = readers;
        final HashIndexReader[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = reader;
        readers = next;
    }

    /**
     * Remove a reader from the scan. Thread safe; a reader not registered is ignored.
     */
    synchronized void deregister(final HashIndexReader reader)
    {
        final HashIndexReader[] current = readers;
        for (int i = 0; i < current.length; i++)
        {
            if (current[i] == reader)
            {
                final HashIndexReader[] next = new HashIndexReader[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                readers = next;
                return;
            }
        }
    }

    /**
     * Retire a generation the writer has just replaced (its successor already published). Writer thread.
     */
    void retire(final HashTable table)
    {
        final long next = epoch + 1;
        epoch = next;
        table.retiredEpoch(next);
        retired.addLast(table);
    }

    /**
     * Free every retired generation no reader can reach. Writer thread.
     *
     * @return the number of retired generations still waiting.
     */
    int reclaim()
    {
        if (retired.isEmpty())
        {
            return 0;
        }
        final long minPinned = minPinnedEpoch();
        HashTable oldest;
        while (null != (oldest = retired.peekFirst()) && oldest.retiredEpoch() <= minPinned)
        {
            retired.pollFirst().free();
        }
        return retired.size();
    }

    /**
     * @return true if some retired generation waits to be freed. Writer thread.
     */
    boolean hasRetired()
    {
        return !retired.isEmpty();
    }

    /**
     * Forget retired generations that readers may still reach, on close: their direct memory is then
     * released by the garbage collector once the last reader drops its reference. Writer thread.
     */
    void abandon()
    {
        retired.clear();
    }

    /**
     * @return readers currently pinned. Any thread; a snapshot.
     */
    int pinnedReaders()
    {
        int pinned = 0;
        for (final HashIndexReader reader : readers)
        {
            pinned += reader.pinnedEpoch() != IDLE ? 1 : 0;
        }
        return pinned;
    }

    private long minPinnedEpoch()
    {
        long min = IDLE;
        for (final HashIndexReader reader : readers)
        {
            min = Math.min(min, reader.pinnedEpoch());
        }
        return min;
    }
}
