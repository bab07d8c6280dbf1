package io.phantomdb.index.btree;

import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.UnsafeBuffer;

import static io.phantomdb.index.btree.BTreePageDescriptor.*;

/**
 * Checks the invariants of a committed version: key order within and across pages, every key of a child
 * inside its parent's bounds, all leaves at one depth, no page over-full, non-root pages non-empty, a root
 * branch with at least two children, and (on request) that every page is either reachable, free or a
 * meta page. For tests and the {@code check} tool; not on any hot path.
 * <p>
 * <b>Note:</b> call from the writer thread, or while nothing writes.
 */
final class BTreeChecker
{
    /**
     * What a check found.
     *
     * @param entries  number of keys.
     * @param height   levels, 1 for a lone leaf.
     * @param pages    branch and leaf pages reachable.
     * @param overflow overflow pages reachable.
     * @param underfullLeaves non-root leaves under a quarter of the usable space.
     */
    record Stats(long entries, int height, long pages, long overflow, long underfullLeaves)
    {
    }

    private final BTree tree;
    private final PageStore store;
    private final int pageSize;
    private final LongHashSet reachable = new LongHashSet();
    private final UnsafeBuffer lastKey;
    private int lastKeyLength = -1;
    private long entries;
    private long pages;
    private long overflow;
    private long underfullLeaves;
    private int leafDepth = -1;

    private BTreeChecker(final BTree tree)
    {
        this.tree = tree;
        this.store = tree.store();
        this.pageSize = store.pageSize();
        this.lastKey = new UnsafeBuffer(new byte[pageSize]);
    }

    /**
     * Check the last committed version.
     *
     * @throws AssertionError naming the page and the broken invariant.
     */
    static Stats check(final BTree tree)
    {
        final BTreeChecker checker = new BTreeChecker(tree);
        final long root = tree.state().root;
        checker.visit(root, 0, null, 0, 0, null, 0, 0);
        return new Stats(checker.entries, checker.leafDepth + 1, checker.pages, checker.overflow, checker.underfullLeaves);
    }

    /**
     * Check the last committed version and that no page leaked: reachable, free and meta pages add up to
     * the page count with no page counted twice. Only meaningful with no uncommitted changes.
     */
    static Stats checkNoLeaks(final BTree tree, final LongStack freeListPages)
    {
        final BTreeChecker checker = new BTreeChecker(tree);
        checker.visit(tree.state().root, 0, null, 0, 0, null, 0, 0);
        final LongHashSet all = new LongHashSet();
        all.addAll(checker.reachable);
        final PageReclaimer reclaimer = tree.reclaimer();
        for (int i = 0; i < reclaimer.reusable().size(); i++)
        {
            addOnce(all, reclaimer.reusable().get(i), "reusable");
        }
        for (int i = 0; i < reclaimer.queuedCount(); i++)
        {
            addOnce(all, reclaimer.queuedPage(i), "queued");
        }
        for (int i = 0; null != freeListPages && i < freeListPages.size(); i++)
        {
            addOnce(all, freeListPages.get(i), "free-list");
        }
        final long expected = checker.store.pageCount() - FIRST_DATA_PAGE;
        if (all.size() != expected)
        {
            throw new AssertionError("expected " + expected + " data pages reachable or free actual " + all.size() +
                " (reachable " + checker.reachable.size() + ", free " + reclaimer.freeCount() + ")");
        }
        return new Stats(checker.entries, checker.leafDepth + 1, checker.pages, checker.overflow, checker.underfullLeaves);
    }

    private static void addOnce(final LongHashSet set, final long pageId, final String where)
    {
        if (!set.add(pageId))
        {
            throw new AssertionError("page " + pageId + " is both in use or free and " + where);
        }
    }

    private void visit(
        final long pageId,
        final int depth,
        final UnsafeBuffer lower,
        final int lowerOffset,
        final int lowerLength,
        final UnsafeBuffer upper,
        final int upperOffset,
        final int upperLength)
    {
        if (pageId < FIRST_DATA_PAGE || pageId >= store.pageCount())
        {
            throw new AssertionError("page id " + pageId + " out of range");
        }
        if (!reachable.add(pageId))
        {
            throw new AssertionError("page " + pageId + " reachable twice");
        }
        pages++;
        final NodeFlyweight node = new NodeFlyweight(store.file(), pageSize);
        node.wrap(store.segment(pageId), store.offset(pageId), pageId);
        node.checkHeader();
        final boolean isRoot = 0 == depth;
        final int count = node.count();
        if (node.usedBytes() > usable(pageSize))
        {
            throw new AssertionError("page " + pageId + " over-full: " + node.usedBytes());
        }
        if (node.isLeaf())
        {
            if (leafDepth < 0)
            {
                leafDepth = depth;
            }
            else if (leafDepth != depth)
            {
                throw new AssertionError("leaf " + pageId + " at depth " + depth + " but others at " + leafDepth);
            }
            if (!isRoot && 0 == count)
            {
                throw new AssertionError("non-root leaf " + pageId + " is empty");
            }
            if (!isRoot && node.usedBytes() < usable(pageSize) / 4)
            {
                underfullLeaves++;
            }
            for (int i = 0; i < count; i++)
            {
                node.checkPrefix(i, LEAF_CELL_HEADER_LENGTH);
                final int cell = node.cell(i);
                final int keyLength = node.keyLength(cell);
                final int keyOffset = node.leafKeyOffset(cell);
                final UnsafeBuffer buffer = node.buffer();
                if (lastKeyLength >= 0 && compare(lastKey, 0, lastKeyLength, buffer, keyOffset, keyLength) >= 0)
                {
                    throw new AssertionError("leaf " + pageId + " entry " + i + " not after the previous key");
                }
                if (null != lower && compare(buffer, keyOffset, keyLength, lower, lowerOffset, lowerLength) < 0)
                {
                    throw new AssertionError("leaf " + pageId + " entry " + i + " below its lower bound");
                }
                if (null != upper && compare(buffer, keyOffset, keyLength, upper, upperOffset, upperLength) >= 0)
                {
                    throw new AssertionError("leaf " + pageId + " entry " + i + " not below its upper bound");
                }
                lastKey.putBytes(0, buffer, keyOffset, keyLength);
                lastKeyLength = keyLength;
                entries++;
                final int valueField = node.valueField(cell);
                if (NodeFlyweight.isOverflow(valueField))
                {
                    final long run = buffer.getLong(node.valueOffset(cell, keyLength, valueField));
                    final int runPages = OverflowRun.pages(NodeFlyweight.valueLength(valueField), pageSize);
                    for (int p = 0; p < runPages; p++)
                    {
                        if (!reachable.add(run + p))
                        {
                            throw new AssertionError("overflow page " + (run + p) + " reachable twice");
                        }
                    }
                    overflow += runPages;
                }
            }
            return;
        }
        if (count < (isRoot ? 2 : 1))
        {
            throw new AssertionError("branch " + pageId + " has " + count + " children");
        }
        final int firstCell = node.cell(0);
        if (0 != node.keyLength(firstCell))
        {
            throw new AssertionError("branch " + pageId + " entry 0 key is not empty");
        }
        for (int i = 0; i < count; i++)
        {
            node.wrap(store.segment(pageId), store.offset(pageId), pageId);
            node.checkPrefix(i, BRANCH_CELL_HEADER_LENGTH);
            final UnsafeBuffer buffer = node.buffer();
            UnsafeBuffer childLower = lower;
            int childLowerOffset = lowerOffset;
            int childLowerLength = lowerLength;
            if (i > 0)
            {
                final int cell = node.cell(i);
                childLower = buffer;
                childLowerOffset = node.branchKeyOffset(cell);
                childLowerLength = node.keyLength(cell);
                if (i > 1)
                {
                    final int previous = node.cell(i - 1);
                    if (compare(buffer, node.branchKeyOffset(previous), node.keyLength(previous),
                        childLower, childLowerOffset, childLowerLength) >= 0)
                    {
                        throw new AssertionError("branch " + pageId + " keys out of order at " + i);
                    }
                }
            }
            UnsafeBuffer childUpper = upper;
            int childUpperOffset = upperOffset;
            int childUpperLength = upperLength;
            if (i + 1 < count)
            {
                final int cell = node.cell(i + 1);
                childUpper = buffer;
                childUpperOffset = node.branchKeyOffset(cell);
                childUpperLength = node.keyLength(cell);
            }
            visit(node.child(i), depth + 1, childLower, childLowerOffset, childLowerLength,
                childUpper, childUpperOffset, childUpperLength);
        }
    }

    private static int compare(
        final UnsafeBuffer a, final int aOffset, final int aLength, final UnsafeBuffer b, final int bOffset, final int bLength)
    {
        return io.phantomdb.index.ByteComparator.compare(a, aOffset, aLength, b, bOffset, bLength);
    }
}
