package io.phantomdb.index.lsm;

import io.phantomdb.index.ByteComparator;
import io.phantomdb.index.ByteCursor;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The {@link ByteCursor} of an {@link LsmReader}: merges the {@link EntryCursor}s of every memtable and
 * SSTable of the pinned version. For each key the version with the highest sequence wins; a winning
 * tombstone hides the key. On a change of direction every source is re-sought at the current key.
 * <p>
 * <b>Note:</b> owned by the reader's thread; allocates nothing once its key buffer has grown to the
 * longest key seen.
 */
final class MergingCursor implements ByteCursor
{
    private final ExpandableDirectByteBuffer currentKey = new ExpandableDirectByteBuffer(64);
    private final UnsafeBuffer keyView = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer valueView = new UnsafeBuffer(0, 0);
    private EntryCursor[] sources = new EntryCursor[0];
    private int count;
    private int currentKeyLength;
    private EntryCursor winner;
    private boolean forward;

    void reset(final EntryCursor[] sources, final int count)
    {
        this.sources = sources;
        this.count = count;
        this.winner = null;
    }

    public boolean first()
    {
        for (int i = 0; i < count; i++)
        {
            sources[i].first();
        }
        forward = true;
        return settleForward();
    }

    public boolean last()
    {
        for (int i = 0; i < count; i++)
        {
            sources[i].last();
        }
        forward = false;
        return settleBackward();
    }

    public boolean seekCeiling(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        for (int i = 0; i < count; i++)
        {
            sources[i].seekCeiling(key, keyOffset, keyLength);
        }
        forward = true;
        return settleForward();
    }

    public boolean seekFloor(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        for (int i = 0; i < count; i++)
        {
            sources[i].seekFloor(key, keyOffset, keyLength);
        }
        forward = false;
        return settleBackward();
    }

    public boolean next()
    {
        if (null == winner)
        {
            return false;
        }
        if (!forward)
        {
            for (int i = 0; i < count; i++)
            {
                sources[i].seekCeiling(currentKey, 0, currentKeyLength);
            }
            forward = true;
        }
        stepSourcesAtCurrentKey(true);
        return settleForward();
    }

    public boolean prev()
    {
        if (null == winner)
        {
            return false;
        }
        if (forward)
        {
            for (int i = 0; i < count; i++)
            {
                sources[i].seekFloor(currentKey, 0, currentKeyLength);
            }
            forward = false;
        }
        stepSourcesAtCurrentKey(false);
        return settleBackward();
    }

    public DirectBuffer key()
    {
        checkPositioned();
        keyView.wrap(currentKey, 0, currentKeyLength);
        return keyView;
    }

    public DirectBuffer value()
    {
        checkPositioned();
        valueView.wrap(winner.buffer(), winner.valueOffset(), winner.valueLength());
        return valueView;
    }

    private void checkPositioned()
    {
        if (null == winner)
        {
            throw new IllegalStateException("cursor is not positioned");
        }
    }

    private boolean settleForward()
    {
        while (true)
        {
            final EntryCursor best = pick(true);
            if (null == best)
            {
                winner = null;
                return false;
            }
            copyKey(best);
            if (SkipList.TOMBSTONE != best.valueLength())
            {
                winner = best;
                return true;
            }
            stepSourcesAtCurrentKey(true);
        }
    }

    private boolean settleBackward()
    {
        while (true)
        {
            final EntryCursor best = pick(false);
            if (null == best)
            {
                winner = null;
                return false;
            }
            copyKey(best);
            if (SkipList.TOMBSTONE != best.valueLength())
            {
                winner = best;
                return true;
            }
            stepSourcesAtCurrentKey(false);
        }
    }

    /**
     * @return among positioned sources, one at the smallest (forward) or largest key with the highest
     * sequence, or null if none is positioned.
     */
    private EntryCursor pick(final boolean smallest)
    {
        EntryCursor best = null;
        for (int i = 0; i < count; i++)
        {
            final EntryCursor source = sources[i];
            if (!source.isPositioned())
            {
                continue;
            }
            if (null == best)
            {
                best = source;
                continue;
            }
            final int cmp = ByteComparator.compare(source.buffer(), source.keyOffset(), source.keyLength(),
                best.buffer(), best.keyOffset(), best.keyLength());
            if ((smallest ? cmp < 0 : cmp > 0) || (0 == cmp && source.sequence() > best.sequence()))
            {
                best = source;
            }
        }
        return best;
    }

    private void stepSourcesAtCurrentKey(final boolean forwards)
    {
        for (int i = 0; i < count; i++)
        {
            final EntryCursor source = sources[i];
            if (source.isPositioned() && 0 == ByteComparator.compare(
                source.buffer(), source.keyOffset(), source.keyLength(), currentKey, 0, currentKeyLength))
            {
                if (forwards)
                {
                    source.next();
                }
                else
                {
                    source.prev();
                }
            }
        }
    }

    private void copyKey(final EntryCursor source)
    {
        currentKeyLength = source.keyLength();
        currentKey.putBytes(0, source.buffer(), source.keyOffset(), currentKeyLength);
    }
}
