package io.phantomdb.index.btree;

import io.phantomdb.index.ByteCursor;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The cursor of one {@link BTreeReader}: a stack of (page, index) from the root to a leaf of the pinned
 * version. Pages carry no sibling links (copy-on-write would have to copy neighbours), so moving past
 * the end of a leaf climbs the stack to the next subtree and descends it.
 * <p>
 * <b>Note:</b> not thread safe: owned by its reader's thread; views are valid until the cursor moves or
 * the reader unpins.
 */
final class BTreeCursor implements ByteCursor
{
    private final BTreeReader reader;
    private final NodeFlyweight node;
    private final UnsafeBuffer keyView = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer valueView = new UnsafeBuffer(0, 0);
    private final long[] pages = new long[BTreeReader.MAX_DEPTH + 1];
    private final int[] indexes = new int[BTreeReader.MAX_DEPTH + 1];
    private int leafLevel = -1;
    private boolean positioned;

    BTreeCursor(final BTreeReader reader, final PageStore store)
    {
        this.reader = reader;
        this.node = new NodeFlyweight(store.file(), store.pageSize());
    }

    void reset()
    {
        positioned = false;
        leafLevel = -1;
    }

    private CommittedState state()
    {
        final CommittedState state = reader.pinned;
        if (null == state)
        {
            throw new IllegalStateException("cursor used without a pinned version");
        }
        return state;
    }

    private NodeFlyweight wrap(final CommittedState state, final int level)
    {
        return node.wrapChecked(state.segments, reader.segmentShift, reader.segmentMask, pages[level], state.pageCount);
    }

    /**
     * Descend from {@code level} (already wrapped in {@link #node}) to a leaf, always taking the first
     * ({@code leftmost}) or last child, and position on the first or last entry of that leaf.
     */
    private boolean descendEdge(final CommittedState state, final int fromLevel, final boolean leftmost)
    {
        int level = fromLevel;
        while (!node.isLeaf())
        {
            if (level == BTreeReader.MAX_DEPTH)
            {
                throw reader.tooDeep(node);
            }
            final int count = node.count();
            if (0 == count)
            {
                throw node.corrupt(BTreePageDescriptor.COUNT_OFFSET, "expected a branch with children actual 0");
            }
            final int index = leftmost ? 0 : count - 1;
            indexes[level] = index;
            pages[level + 1] = node.child(index);
            level++;
            wrap(state, level);
        }
        leafLevel = level;
        final int count = node.count();
        if (0 == count)
        {
            positioned = false;
            return false;
        }
        indexes[level] = leftmost ? 0 : count - 1;
        positioned = true;
        return true;
    }

    @Override
    public boolean first()
    {
        final CommittedState state = state();
        pages[0] = state.root;
        wrap(state, 0);
        return descendEdge(state, 0, true);
    }

    @Override
    public boolean last()
    {
        final CommittedState state = state();
        pages[0] = state.root;
        wrap(state, 0);
        return descendEdge(state, 0, false);
    }

    /**
     * Descend to the leaf that would hold the key; leaves {@link #node} on it.
     *
     * @return the leaf search result.
     */
    private int seek(final CommittedState state, final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        pages[0] = state.root;
        int level = 0;
        wrap(state, 0);
        while (!node.isLeaf())
        {
            if (level == BTreeReader.MAX_DEPTH)
            {
                throw reader.tooDeep(node);
            }
            final int index = node.searchBranch(key, keyOffset, keyLength);
            indexes[level] = index;
            pages[level + 1] = node.child(index);
            level++;
            wrap(state, level);
        }
        leafLevel = level;
        return node.searchLeaf(key, keyOffset, keyLength);
    }

    @Override
    public boolean seekCeiling(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        final CommittedState state = state();
        final int result = seek(state, key, keyOffset, keyLength);
        final int index = result >= 0 ? result : -result - 1;
        if (index < node.count())
        {
            indexes[leafLevel] = index;
            positioned = true;
            return true;
        }
        indexes[leafLevel] = index - 1;
        positioned = true;
        return next();
    }

    @Override
    public boolean seekFloor(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        final CommittedState state = state();
        final int result = seek(state, key, keyOffset, keyLength);
        final int index = result >= 0 ? result : -result - 2;
        if (index >= 0)
        {
            indexes[leafLevel] = index;
            positioned = true;
            return true;
        }
        indexes[leafLevel] = 0;
        positioned = true;
        return prev();
    }

    @Override
    public boolean next()
    {
        if (!positioned)
        {
            return false;
        }
        final CommittedState state = state();
        final int leaf = leafLevel;
        if (indexes[leaf] + 1 < node.count())
        {
            indexes[leaf]++;
            return true;
        }
        for (int level = leaf - 1; level >= 0; level--)
        {
            wrap(state, level);
            if (indexes[level] + 1 < node.count())
            {
                final int index = ++indexes[level];
                pages[level + 1] = node.child(index);
                wrap(state, level + 1);
                return descendEdge(state, level + 1, true);
            }
        }
        wrap(state, leaf);
        positioned = false;
        return false;
    }

    @Override
    public boolean prev()
    {
        if (!positioned)
        {
            return false;
        }
        final CommittedState state = state();
        final int leaf = leafLevel;
        if (indexes[leaf] > 0)
        {
            indexes[leaf]--;
            return true;
        }
        for (int level = leaf - 1; level >= 0; level--)
        {
            wrap(state, level);
            if (indexes[level] > 0)
            {
                final int index = --indexes[level];
                pages[level + 1] = node.child(index);
                wrap(state, level + 1);
                return descendEdge(state, level + 1, false);
            }
        }
        wrap(state, leaf);
        positioned = false;
        return false;
    }

    @Override
    public DirectBuffer key()
    {
        checkPositioned();
        final int cell = node.cell(indexes[leafLevel]);
        keyView.wrap(node.buffer(), node.leafKeyOffset(cell), node.keyLength(cell));
        return keyView;
    }

    @Override
    public DirectBuffer value()
    {
        checkPositioned();
        return reader.wrapValue(node, indexes[leafLevel], valueView, state());
    }

    private void checkPositioned()
    {
        if (!positioned)
        {
            throw new IllegalStateException("cursor is not positioned");
        }
        state();
    }
}
