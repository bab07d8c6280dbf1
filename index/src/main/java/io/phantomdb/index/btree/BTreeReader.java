package io.phantomdb.index.btree;

import io.phantomdb.ClosedException;
import io.phantomdb.CorruptionException;
import io.phantomdb.index.ByteCursor;
import io.phantomdb.index.ByteMapReader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A reader of a {@link BTree}: pins one committed version and reads it without locks or allocation.
 * <p>
 * Pinning: read the published state, store its version in this reader's pin (a volatile store), then read
 * the state again; if it changed, retry. The store-then-load pair is sequentially consistent with the
 * writer's publish-then-scan, so the writer either sees the pin before reclaiming pages of that version
 * or the reader sees the newer state and pins that instead.
 * <p>
 * <b>Note:</b> not thread safe: one thread per reader. Never blocks the writer or other readers.
 */
public final class BTreeReader implements ByteMapReader
{
    static final long NOT_PINNED = Long.MAX_VALUE;
    static final int MAX_DEPTH = 32;
    private static final VarHandle PIN;

    static
    {
        try
        {
            PIN = MethodHandles.lookup().findVarHandle(BTreeReader.class, "pin", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final BTree tree;
    final NodeFlyweight node;
    final UnsafeBuffer valueView = new UnsafeBuffer(0, 0);
    final int segmentShift;
    final long segmentMask;
    final int pageShift;
    private final BTreeCursor cursor;
    @SuppressWarnings("unused")
    private volatile long pin = NOT_PINNED;
    CommittedState pinned;
    private boolean closed;

    BTreeReader(final BTree tree, final PageStore store)
    {
        this.tree = tree;
        this.node = new NodeFlyweight(store.file(), store.pageSize());
        this.segmentShift = store.segmentShift();
        this.segmentMask = store.segmentMask();
        this.pageShift = store.pageShift();
        this.cursor = new BTreeCursor(this, store);
    }

    long pinnedVersion()
    {
        return (long)PIN.getVolatile(this);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public long begin()
    {
        if (null != pinned)
        {
            throw new IllegalStateException("reader already pinned at version " + pinned.version);
        }
        if (closed)
        {
            throw new IllegalStateException("reader is closed");
        }
        CommittedState state;
        do
        {
            state = tree.state();
            PIN.setVolatile(this, state.version);
        }
        while (state != tree.state());
        if (tree.isClosed())
        {
            PIN.setVolatile(this, NOT_PINNED);
            throw new ClosedException(tree.name());
        }
        pinned = state;
        cursor.reset();
        return state.version;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void end()
    {
        if (null != pinned)
        {
            pinned = null;
            cursor.reset();
            PIN.setRelease(this, NOT_PINNED);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public DirectBuffer get(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        final CommittedState state = pinned;
        if (null == state)
        {
            throw new IllegalStateException("get() without begin(): no version pinned");
        }
        final NodeFlyweight node = this.node;
        long pageId = state.root;
        for (int depth = 0; ; depth++)
        {
            node.wrapChecked(state.segments, segmentShift, segmentMask, pageId, state.pageCount);
            if (node.isLeaf())
            {
                break;
            }
            if (depth == MAX_DEPTH)
            {
                throw tooDeep(node);
            }
            pageId = node.child(node.searchBranch(key, keyOffset, keyLength));
        }
        final int index = node.searchLeaf(key, keyOffset, keyLength);
        if (index < 0)
        {
            return null;
        }
        return wrapValue(node, index, valueView, state);
    }

    CorruptionException tooDeep(final NodeFlyweight node)
    {
        return node.corrupt(0, "expected a tree at most " + MAX_DEPTH + " levels deep actual deeper (a cycle?)");
    }

    UnsafeBuffer wrapValue(final NodeFlyweight node, final int index, final UnsafeBuffer view, final CommittedState state)
    {
        final int cell = node.cell(index);
        final int keyLength = node.keyLength(cell);
        final int valueField = node.valueField(cell);
        final int offset = node.valueOffset(cell, keyLength, valueField);
        if (NodeFlyweight.isOverflow(valueField))
        {
            OverflowRun.wrapValue(view, state.segments, segmentShift, segmentMask, pageShift, state.pageCount,
                tree.file(), node.buffer().getLong(offset), NodeFlyweight.valueLength(valueField));
        }
        else
        {
            view.wrap(node.buffer(), offset, valueField);
        }
        return view;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public ByteCursor cursor()
    {
        if (null == pinned)
        {
            throw new IllegalStateException("cursor() without begin(): no version pinned");
        }
        cursor.reset();
        return cursor;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void close()
    {
        if (!closed)
        {
            end();
            closed = true;
            tree.readers().remove(this);
        }
    }
}
