package io.phantomdb.index.lsm;

import io.phantomdb.index.ByteComparator;
import org.agrona.ExpandableDirectByteBuffer;

/**
 * Merges {@link EntryScanner}s into an {@link SsTableOutput} in internal order (key ascending, sequence
 * descending), dropping what no reader can see:
 * <ul>
 *   <li>entries above {@code maxSequence} (uncommitted when a tree closes);</li>
 *   <li>a repeated (key, sequence): the same key written twice in one commit, the first is the newest;</li>
 *   <li>for each key, every version older than the newest one at or below {@code horizon}, the oldest
 *       sequence any reader has pinned: every snapshot sees that version or a newer one;</li>
 *   <li>that version too if it is a tombstone and the output is the last level ({@code dropTombstones}).</li>
 * </ul>
 * <b>Note:</b> stateless; runs on the thread writing the file.
 */
final class EntryMerger
{
    private EntryMerger()
    {
    }

    /**
     * @param inputs        scanners, not yet advanced; on equal (key, sequence) the earlier input wins.
     * @param horizon       oldest pinned sequence, or {@code Long.MIN_VALUE} to keep every version.
     * @param dropTombstones true when writing the last level.
     * @param maxSequence   entries above it are skipped.
     * @param out           the destination.
     */
    static void merge(
        final EntryScanner[] inputs,
        final long horizon,
        final boolean dropTombstones,
        final long maxSequence,
        final SsTableOutput out)
    {
        final boolean[] live = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++)
        {
            live[i] = inputs[i].advance();
        }
        final ExpandableDirectByteBuffer lastKey = new ExpandableDirectByteBuffer(64);
        int lastKeyLength = -1;
        long lastSequence = 0;
        boolean horizonVersionSeen = false;

        while (true)
        {
            int best = -1;
            for (int i = 0; i < inputs.length; i++)
            {
                if (!live[i])
                {
                    continue;
                }
                if (best < 0 || compare(inputs[i], inputs[best]) < 0)
                {
                    best = i;
                }
            }
            if (best < 0)
            {
                return;
            }
            final EntryScanner in = inputs[best];
            final long sequence = in.sequence();
            if (sequence <= maxSequence)
            {
                final boolean sameKey = lastKeyLength >= 0 && 0 == ByteComparator.compare(
                    lastKey, 0, lastKeyLength, in.buffer(), in.keyOffset(), in.keyLength());
                if (!sameKey)
                {
                    lastKey.putBytes(0, in.buffer(), in.keyOffset(), in.keyLength());
                    lastKeyLength = in.keyLength();
                    horizonVersionSeen = false;
                }
                if (!sameKey || sequence != lastSequence)
                {
                    lastSequence = sequence;
                    boolean keep = true;
                    if (sequence <= horizon)
                    {
                        keep = !horizonVersionSeen &&
                            !(dropTombstones && SkipList.TOMBSTONE == in.valueLength());
                        horizonVersionSeen = true;
                    }
                    if (keep)
                    {
                        out.add(in.buffer(), in.keyOffset(), in.keyLength(), sequence, in.valueOffset(), in.valueLength());
                    }
                }
            }
            live[best] = in.advance();
        }
    }

    private static int compare(final EntryScanner a, final EntryScanner b)
    {
        final int cmp = ByteComparator.compare(a.buffer(), a.keyOffset(), a.keyLength(), b.buffer(), b.keyOffset(), b.keyLength());
        return 0 != cmp ? cmp : Long.compare(b.sequence(), a.sequence());
    }
}
