package io.phantomdb.index.btree;

import java.util.Arrays;

/**
 * The readers of one tree and the versions they pin. Registration is copy-on-write under a lock (rare);
 * the writer scans the current array with plain loads of it and volatile loads of each pin.
 * <p>
 * <b>Note:</b> {@link #add} and {@link #remove} are thread safe; {@link #oldestPinned()} is for the
 * writer (and close), any thread may call it.
 */
final class ReaderRegistry
{
    private volatile BTreeReader[] readers = new BTreeReader[0];

    synchronized void add(final BTreeReader reader)
    {
        final BTreeReader[] current = readers;
        final BTreeReader[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = reader;
        readers = next;
    }

    synchronized void remove(final BTreeReader reader)
    {
        final BTreeReader[] current = readers;
        for (int i = 0; i < current.length; i++)
        {
            if (current[i] == reader)
            {
                final BTreeReader[] next = new BTreeReader[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - 1 - i);
                readers = next;
                return;
            }
        }
    }

    /**
     * @return the smallest version a reader has pinned, or {@link Long#MAX_VALUE} if none.
     */
    long oldestPinned()
    {
        long oldest = BTreeReader.NOT_PINNED;
        for (final BTreeReader reader : readers)
        {
            oldest = Math.min(oldest, reader.pinnedVersion());
        }
        return oldest;
    }

    /**
     * @return how many readers are pinned.
     */
    int pinnedCount()
    {
        int pinned = 0;
        for (final BTreeReader reader : readers)
        {
            if (reader.pinnedVersion() != BTreeReader.NOT_PINNED)
            {
                pinned++;
            }
        }
        return pinned;
    }
}
