package io.phantomdb.index.lsm;

import org.agrona.DirectBuffer;

/**
 * An {@link EntryCursor} over a memtable's skip list at a pinned sequence. Moving backwards searches from
 * the head again (the list has no back links), so {@link #prev()} costs a logarithmic search.
 * <p>
 * <b>Note:</b> owned by one reader thread; rebound to another memtable by {@link #reset}.
 */
final class MemTableCursor implements EntryCursor
{
    private SkipList list;
    private long pinned;
    private int node = SkipList.NULL;

    void reset(final MemTable memTable, final long pinnedSequence)
    {
        list = memTable.skipList();
        pinned = pinnedSequence;
        node = SkipList.NULL;
    }

    public boolean first()
    {
        return settleForward(list.nextAcquire(SkipList.HEAD, 0));
    }

    public boolean last()
    {
        final int last = list.findLast();
        if (SkipList.HEAD == last)
        {
            node = SkipList.NULL;
            return false;
        }
        return settleBackward(list.arena(), list.keyOffset(last), list.keyLength(last), list.keyPrefix(last));
    }

    public boolean seekCeiling(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        final long prefix = SkipList.prefix(key, keyOffset, keyLength);
        return settleForward(list.findGreaterOrEqual(key, keyOffset, keyLength, prefix, Long.MAX_VALUE));
    }

    public boolean seekFloor(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        final long prefix = SkipList.prefix(key, keyOffset, keyLength);
        return settleBackward(key, keyOffset, keyLength, prefix);
    }

    public boolean seekExact(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        final long prefix = SkipList.prefix(key, keyOffset, keyLength);
        final int found = list.findGreaterOrEqual(key, keyOffset, keyLength, prefix, pinned);
        if (SkipList.NULL != found && 0 == list.compareKey(found, key, keyOffset, keyLength, prefix))
        {
            node = found;
            return true;
        }
        node = SkipList.NULL;
        return false;
    }

    public boolean next()
    {
        if (SkipList.NULL == node)
        {
            return false;
        }
        return settleForward(skipKey(node));
    }

    public boolean prev()
    {
        if (SkipList.NULL == node)
        {
            return false;
        }
        final int current = node;
        final int less = list.findLessThan(list.arena(), list.keyOffset(current), list.keyLength(current),
            list.keyPrefix(current));
        if (SkipList.HEAD == less)
        {
            node = SkipList.NULL;
            return false;
        }
        return settleBackward(list.arena(), list.keyOffset(less), list.keyLength(less), list.keyPrefix(less));
    }

    public boolean isPositioned()
    {
        return SkipList.NULL != node;
    }

    public DirectBuffer buffer()
    {
        return list.arena();
    }

    public int keyOffset()
    {
        return list.keyOffset(node);
    }

    public int keyLength()
    {
        return list.keyLength(node);
    }

    public long sequence()
    {
        return list.sequence(node);
    }

    public int valueOffset()
    {
        return list.valueOffset(node);
    }

    public int valueLength()
    {
        return list.valueLength(node);
    }

    private boolean settleForward(final int start)
    {
        int candidate = start;
        while (SkipList.NULL != candidate)
        {
            int version = candidate;
            while (SkipList.NULL != version && list.sameKey(version, candidate))
            {
                if (list.sequence(version) <= pinned)
                {
                    node = version;
                    return true;
                }
                version = list.nextAcquire(version, 0);
            }
            candidate = version;
        }
        node = SkipList.NULL;
        return false;
    }

    /**
     * Position on the largest key at or below the given one that has a visible version.
     */
    private boolean settleBackward(final DirectBuffer key, final int keyOffset, final int keyLength, final long prefix)
    {
        DirectBuffer searchBuffer = key;
        int searchOffset = keyOffset;
        int searchLength = keyLength;
        long searchPrefix = prefix;
        while (true)
        {
            final int found = list.findGreaterOrEqual(searchBuffer, searchOffset, searchLength, searchPrefix, pinned);
            if (SkipList.NULL != found &&
                0 == list.compareKey(found, searchBuffer, searchOffset, searchLength, searchPrefix))
            {
                node = found;
                return true;
            }
            final int less = list.findLessThan(searchBuffer, searchOffset, searchLength, searchPrefix);
            if (SkipList.HEAD == less)
            {
                node = SkipList.NULL;
                return false;
            }
            searchBuffer = list.arena();
            searchOffset = list.keyOffset(less);
            searchLength = list.keyLength(less);
            searchPrefix = list.keyPrefix(less);
        }
    }

    private int skipKey(final int from)
    {
        int next = list.nextAcquire(from, 0);
        while (SkipList.NULL != next && list.sameKey(next, from))
        {
            next = list.nextAcquire(next, 0);
        }
        return next;
    }
}
