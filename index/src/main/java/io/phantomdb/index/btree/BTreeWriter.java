package io.phantomdb.index.btree;

import org.agrona.DirectBuffer;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.UnsafeBuffer;

import static io.phantomdb.index.btree.BTreePageDescriptor.*;

/**
 * The single writer's edits: copy-on-write descent, inserts with page splits, deletes with merges, and
 * overflow runs. Pages written in the pending version (their header version equals it) are "dirty" and
 * edited in place; any other page is copied first and the copy's parent repointed, so committed versions
 * never change under readers.
 * <p>
 * <b>Note:</b> writer thread only.
 */
final class BTreeWriter
{
    private final PageStore store;
    private final PageReclaimer reclaimer;
    private final int pageSize;
    private final int usable;
    private final int maxCellWithSlot;
    private final NodeFlyweight node;
    private final NodeFlyweight other;
    private final NodeFlyweight parent;
    private final UnsafeBuffer scratch;
    private final UnsafeBuffer[] separators = new UnsafeBuffer[2];
    private final long[] pathPages = new long[BTreeReader.MAX_DEPTH + 1];
    private final int[] pathIndexes = new int[BTreeReader.MAX_DEPTH + 1];
    private final LongStack allocatedInPending = new LongStack();

    private long pendingVersion;
    private long root;
    private boolean dirty;

    private boolean entryIsLeaf;
    private DirectBuffer entryKey;
    private int entryKeyOffset;
    private int entryKeyLength;
    private DirectBuffer entryValue;
    private int entryValueOffset;
    private int entryValueLength;
    private long entryOverflow;
    private long entryChild;

    BTreeWriter(final PageStore store, final PageReclaimer reclaimer, final long committedVersion, final long root)
    {
        this.store = store;
        this.reclaimer = reclaimer;
        this.pageSize = store.pageSize();
        this.usable = usable(pageSize);
        this.maxCellWithSlot = BTreePageDescriptor.maxCellWithSlot(pageSize);
        this.node = new NodeFlyweight(store.file(), pageSize);
        this.other = new NodeFlyweight(store.file(), pageSize);
        this.parent = new NodeFlyweight(store.file(), pageSize);
        this.scratch = new UnsafeBuffer(new byte[pageSize]);
        this.separators[0] = new UnsafeBuffer(new byte[pageSize]);
        this.separators[1] = new UnsafeBuffer(new byte[pageSize]);
        this.pendingVersion = committedVersion + 1;
        this.root = root;
    }

    long root()
    {
        return root;
    }

    long pendingVersion()
    {
        return pendingVersion;
    }

    boolean hasUncommittedChanges()
    {
        return dirty;
    }

    /**
     * The pending version became committed; start the next one.
     */
    void committed()
    {
        reclaimer.committed(pendingVersion);
        pendingVersion++;
        dirty = false;
        allocatedInPending.clear();
    }

    /**
     * Discard the pending version: give back the pages it allocated and forget the pages it freed.
     *
     * @param committedRoot the root of the last committed version.
     */
    void rollback(final long committedRoot)
    {
        if (!dirty)
        {
            return;
        }
        reclaimer.dropQueuedFrom(pendingVersion);
        final LongHashSet free = new LongHashSet();
        final LongStack reusable = reclaimer.reusable();
        for (int i = 0; i < reusable.size(); i++)
        {
            free.add(reusable.get(i));
        }
        for (int i = 0; i < allocatedInPending.size(); i++)
        {
            final long pageId = allocatedInPending.get(i);
            if (free.add(pageId))
            {
                reusable.push(pageId);
            }
        }
        allocatedInPending.clear();
        root = committedRoot;
        dirty = false;
    }

    NodeFlyweight wrap(final NodeFlyweight flyweight, final long pageId)
    {
        return flyweight.wrap(store.segment(pageId), store.offset(pageId), pageId);
    }

    long allocate()
    {
        long pageId = reclaimer.allocate();
        if (pageId < 0)
        {
            pageId = store.extend(1, reclaimer.reusable());
        }
        allocatedInPending.push(pageId);
        return pageId;
    }

    private long makeDirty(final long pageId)
    {
        final long version = wrap(other, pageId).version();
        if (version == pendingVersion)
        {
            return pageId;
        }
        final long copy = allocate();
        store.segment(copy).putBytes(store.offset(copy), store.segment(pageId), store.offset(pageId), pageSize);
        wrap(other, copy).stampCopy(pendingVersion);
        reclaimer.free(pageId, version, pendingVersion);
        return copy;
    }

    private void freePage(final long pageId)
    {
        reclaimer.free(pageId, wrap(other, pageId).version(), pendingVersion);
    }

    /**
     * Copy-on-write descent to the leaf for a key, recording the path.
     *
     * @return the level of the leaf.
     */
    private int descendForWrite(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        dirty = true;
        long pageId = makeDirty(root);
        root = pageId;
        int level = 0;
        pathPages[0] = pageId;
        while (!wrap(node, pageId).isLeaf())
        {
            if (level == BTreeReader.MAX_DEPTH)
            {
                throw node.corrupt(0, "expected a tree at most " + BTreeReader.MAX_DEPTH + " levels deep");
            }
            final int index = node.searchBranch(key, keyOffset, keyLength);
            final long child = node.child(index);
            final long dirtyChild = makeDirty(child);
            if (dirtyChild != child)
            {
                wrap(node, pageId).setChild(index, dirtyChild);
            }
            pathIndexes[level] = index;
            level++;
            pathPages[level] = dirtyChild;
            pageId = dirtyChild;
        }
        return level;
    }

    /**
     * @return true if the pending version holds the key.
     */
    boolean contains(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        long pageId = root;
        for (int level = 0; !wrap(node, pageId).isLeaf(); level++)
        {
            if (level == BTreeReader.MAX_DEPTH)
            {
                throw node.corrupt(0, "expected a tree at most " + BTreeReader.MAX_DEPTH + " levels deep");
            }
            pageId = node.child(node.searchBranch(key, keyOffset, keyLength));
        }
        return node.searchLeaf(key, keyOffset, keyLength) >= 0;
    }

    void put(
        final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength)
    {
        final int leafLevel = descendForWrite(key, keyOffset, keyLength);
        final long leaf = pathPages[leafLevel];
        int index = wrap(node, leaf).searchLeaf(key, keyOffset, keyLength);
        if (index >= 0)
        {
            freeValue(index);
            node.remove(index);
        }
        else
        {
            index = -index - 1;
        }
        entryIsLeaf = true;
        entryKey = key;
        entryKeyOffset = keyOffset;
        entryKeyLength = keyLength;
        entryValue = value;
        entryValueOffset = valueOffset;
        entryValueLength = valueLength;
        entryOverflow = SLOT_LENGTH + LEAF_CELL_HEADER_LENGTH + keyLength + valueLength > maxCellWithSlot ?
            writeOverflow(value, valueOffset, valueLength) : 0;
        insert(leafLevel, index);
        entryKey = null;
        entryValue = null;
    }

    void delete(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        if (!contains(key, keyOffset, keyLength))
        {
            return;
        }
        final int leafLevel = descendForWrite(key, keyOffset, keyLength);
        final int index = wrap(node, pathPages[leafLevel]).searchLeaf(key, keyOffset, keyLength);
        freeValue(index);
        node.remove(index);
        rebalance(leafLevel);
    }

    private long writeOverflow(final DirectBuffer value, final int valueOffset, final int valueLength)
    {
        final int pages = OverflowRun.pages(valueLength, pageSize);
        final long first = store.extend(pages, reclaimer.reusable());
        for (int i = 0; i < pages; i++)
        {
            allocatedInPending.push(first + i);
        }
        final UnsafeBuffer segment = store.segment(first);
        final int base = store.offset(first);
        wrap(other, first).init(TYPE_OVERFLOW, pendingVersion);
        segment.putInt(base + DATA_START_OFFSET, valueLength);
        segment.putInt(base + RUN_PAGES_OFFSET, pages);
        segment.putBytes(base + HEADER_LENGTH, value, valueOffset, valueLength);
        return first;
    }

    /**
     * Free the overflow run of entry {@code index} of the leaf in {@link #node}, if it has one.
     */
    private void freeValue(final int index)
    {
        final int cell = node.cell(index);
        final int keyLength = node.keyLength(cell);
        final int valueField = node.valueField(cell);
        if (NodeFlyweight.isOverflow(valueField))
        {
            final long first = node.buffer().getLong(node.valueOffset(cell, keyLength, valueField));
            final int pages = OverflowRun.pages(NodeFlyweight.valueLength(valueField), pageSize);
            final long version = store.segment(first).getLong(store.offset(first) + VERSION_OFFSET);
            for (int i = 0; i < pages; i++)
            {
                reclaimer.free(first + i, version, pendingVersion);
            }
        }
    }

    private int entryLength()
    {
        if (entryIsLeaf)
        {
            return LEAF_CELL_HEADER_LENGTH + entryKeyLength + (0 != entryOverflow ? OVERFLOW_POINTER_LENGTH : entryValueLength);
        }
        return BRANCH_CELL_HEADER_LENGTH + entryKeyLength;
    }

    private void insertEntry(final NodeFlyweight target, final int index)
    {
        if (!entryIsLeaf)
        {
            target.insertBranch(index, entryKey, entryKeyOffset, entryKeyLength, entryChild);
        }
        else if (0 != entryOverflow)
        {
            target.insertLeafOverflow(index, entryKey, entryKeyOffset, entryKeyLength, entryValueLength, entryOverflow);
        }
        else
        {
            target.insertLeaf(index, entryKey, entryKeyOffset, entryKeyLength, entryValue, entryValueOffset, entryValueLength);
        }
    }

    /**
     * Insert the pending entry at {@code index} of the page at {@code level} of the path, splitting pages
     * up the path as needed.
     */
    private void insert(final int startLevel, final int startIndex)
    {
        int level = startLevel;
        int index = startIndex;
        while (true)
        {
            final long pageId = pathPages[level];
            wrap(node, pageId);
            final int length = entryLength();
            if (node.reserve(length, scratch))
            {
                insertEntry(node, index);
                return;
            }
            final boolean leaf = node.isLeaf();
            final long rightId = allocate();
            wrap(node, pageId);
            wrap(other, rightId).init(leaf ? TYPE_LEAF : TYPE_BRANCH, pendingVersion);
            final UnsafeBuffer separator = separators[level & 1];
            final int separatorLength;
            final int count = node.count();
            if (index == count && isRightEdge(level))
            {
                separatorLength = entryKeyLength;
                separator.putBytes(0, entryKey, entryKeyOffset, entryKeyLength);
                if (leaf)
                {
                    insertEntry(other, 0);
                }
                else
                {
                    other.insertBranch(0, separator, 0, 0, entryChild);
                }
            }
            else
            {
                final int split = chooseSplit(count, length, index);
                final boolean entryGoesLeft = index < split;
                final int moveFrom = entryGoesLeft ? split - 1 : split;
                for (int i = moveFrom; i < count; i++)
                {
                    other.appendCell(node, i);
                }
                node.truncate(moveFrom);
                node.compact(scratch);
                final NodeFlyweight target = entryGoesLeft ? node : other;
                if (!target.reserve(length, scratch))
                {
                    throw new IllegalStateException("split of page " + pageId + " left no room for an entry of " +
                        length + " bytes");
                }
                insertEntry(target, entryGoesLeft ? index : index - moveFrom);
                final int firstCell = other.cell(0);
                separatorLength = other.keyLength(firstCell);
                separator.putBytes(0, other.buffer(),
                    leaf ? other.leafKeyOffset(firstCell) : other.branchKeyOffset(firstCell), separatorLength);
                if (!leaf)
                {
                    other.clearFirstBranchKey(scratch);
                }
            }
            if (0 == level)
            {
                final long newRoot = allocate();
                wrap(node, newRoot).init(TYPE_BRANCH, pendingVersion);
                node.insertBranch(0, separator, 0, 0, pageId);
                node.insertBranch(1, separator, 0, separatorLength, rightId);
                root = newRoot;
                return;
            }
            entryIsLeaf = false;
            entryKey = separator;
            entryKeyOffset = 0;
            entryKeyLength = separatorLength;
            entryChild = rightId;
            level--;
            index = pathIndexes[level] + 1;
        }
    }

    /**
     * @return true if the path down to {@code level} always took the last child: appending there means
     * ascending inserts, so the split leaves the left page full and starts a new right page.
     */
    private boolean isRightEdge(final int level)
    {
        for (int l = 0; l < level; l++)
        {
            if (pathIndexes[l] != wrap(parent, pathPages[l]).count() - 1)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Choose where to split the page in {@link #node} as if the new entry were already at {@code index}:
     * the first split whose left part reaches half of all bytes. Every cell is at most a quarter of the
     * usable space and all cells with the new one at most five quarters, so the left part is at most
     * seven eighths and the right part at most five eighths: both fit.
     *
     * @return how many of the (count + 1) entries go to the left page, between 1 and count.
     */
    private int chooseSplit(final int count, final int entryLength, final int index)
    {
        final int half = (node.usedBytes() + entryLength + SLOT_LENGTH) / 2;
        int bytes = 0;
        int split = count;
        for (int v = 0; v <= count; v++)
        {
            bytes += SLOT_LENGTH + (v == index ? entryLength : node.cellLength(v < index ? v : v - 1));
            if (bytes >= half)
            {
                split = v + 1;
                break;
            }
        }
        return Math.max(1, Math.min(split, count));
    }

    /**
     * After a delete, merge underfull pages into a sibling when both fit in one page, remove empty pages,
     * and shorten the tree while its root branch has one child.
     */
    private void rebalance(final int leafLevel)
    {
        for (int level = leafLevel; level > 0; level--)
        {
            final long pageId = pathPages[level];
            wrap(node, pageId);
            final int count = node.count();
            if (count > 0 && node.usedBytes() >= usable / 4)
            {
                break;
            }
            final boolean leaf = node.isLeaf();
            final int index = pathIndexes[level - 1];
            wrap(parent, pathPages[level - 1]);
            if (0 == count)
            {
                freePage(pageId);
                removeFromParent(index);
                continue;
            }
            if (parent.count() < 2)
            {
                continue;
            }
            final int leftIndex = index > 0 ? index - 1 : index;
            final long leftId = parent.child(leftIndex);
            final long rightId = parent.child(leftIndex + 1);
            final int parentCell = parent.cell(leftIndex + 1);
            final int separatorLength = leaf ? 0 : parent.keyLength(parentCell);
            final int combined = wrap(node, leftId).usedBytes() + wrap(other, rightId).usedBytes() + separatorLength;
            if (combined > usable)
            {
                if (leaf)
                {
                    borrow(leftIndex, leftId, rightId, index == leftIndex);
                }
                break;
            }
            final UnsafeBuffer separator = separators[0];
            separator.putBytes(0, parent.buffer(), parent.branchKeyOffset(parentCell), separatorLength);
            final long dirtyLeft = makeDirty(leftId);
            if (dirtyLeft != leftId)
            {
                parent.setChild(leftIndex, dirtyLeft);
            }
            wrap(node, dirtyLeft).compact(scratch);
            wrap(other, rightId);
            final int rightCount = other.count();
            int from = 0;
            if (!leaf)
            {
                node.insertBranch(node.count(), separator, 0, separatorLength, other.child(0));
                from = 1;
            }
            for (int i = from; i < rightCount; i++)
            {
                node.appendCell(other, i);
            }
            freePage(rightId);
            removeFromParent(leftIndex + 1);
        }
        while (!wrap(node, root).isLeaf() && node.count() <= 1)
        {
            final long oldRoot = root;
            if (0 == node.count())
            {
                node.init(TYPE_LEAF, pendingVersion);
                return;
            }
            root = node.child(0);
            freePage(oldRoot);
        }
    }

    /**
     * Move entries from a sibling leaf into an underfull leaf that cannot merge with it, until the leaf is
     * a quarter full, and replace the separator in the parent (in {@link #parent}). Skipped when it would
     * leave the sibling under a quarter or the parent without room for the new separator.
     *
     * @param targetIsLeft whether the underfull leaf is the left one of the pair.
     */
    private void borrow(final int leftIndex, final long leftId, final long rightId, final boolean targetIsLeft)
    {
        final long donorId = targetIsLeft ? rightId : leftId;
        final long targetId = targetIsLeft ? leftId : rightId;
        final int need = usable / 4 - wrap(node, targetId).usedBytes();
        final int donorCount = wrap(other, donorId).count();
        int moved = 0;
        int count = 0;
        while (moved < need && count < donorCount - 1)
        {
            moved += SLOT_LENGTH + other.cellLength(targetIsLeft ? count : donorCount - 1 - count);
            count++;
        }
        if (0 == count || other.usedBytes() - moved < usable / 4)
        {
            return;
        }
        final int separatorCell = other.cell(targetIsLeft ? count : donorCount - count);
        final int separatorLength = other.keyLength(separatorCell);
        final int oldLength = parent.keyLength(parent.cell(leftIndex + 1));
        if (parent.usedBytes() - oldLength + separatorLength > usable)
        {
            return;
        }
        final UnsafeBuffer separator = separators[0];
        separator.putBytes(0, other.buffer(), other.leafKeyOffset(separatorCell), separatorLength);
        final long dirtyDonor = makeDirty(donorId);
        if (dirtyDonor != donorId)
        {
            parent.setChild(targetIsLeft ? leftIndex + 1 : leftIndex, dirtyDonor);
        }
        wrap(node, targetId).compact(scratch);
        wrap(other, dirtyDonor);
        if (targetIsLeft)
        {
            for (int i = 0; i < count; i++)
            {
                node.appendCell(other, i);
            }
            for (int i = 0; i < count; i++)
            {
                other.remove(0);
            }
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                node.insertCell(i, other, donorCount - count + i);
            }
            other.truncate(donorCount - count);
        }
        parent.remove(leftIndex + 1);
        if (!parent.reserve(BRANCH_CELL_HEADER_LENGTH + separatorLength, scratch))
        {
            throw new IllegalStateException("no room in page " + parent.pageId() + " for a separator of " +
                separatorLength + " bytes");
        }
        parent.insertBranch(leftIndex + 1, separator, 0, separatorLength, targetIsLeft ? dirtyDonor : targetId);
    }

    private void removeFromParent(final int index)
    {
        parent.remove(index);
        if (0 == index && parent.count() > 0)
        {
            parent.clearFirstBranchKey(scratch);
        }
    }
}
