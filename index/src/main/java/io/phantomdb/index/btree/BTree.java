package io.phantomdb.index.btree;

import io.phantomdb.ClosedException;
import io.phantomdb.index.ByteMapReader;
import io.phantomdb.index.SortedByteMap;
import org.agrona.DirectBuffer;

import java.nio.channels.FileChannel;
import java.nio.file.Path;

import static io.phantomdb.index.btree.BTreePageDescriptor.*;

/**
 * An off-heap copy-on-write B+tree: the default ordered index of PhantomDB.
 * <p>
 * Pages live in a {@link PageStore} of anonymous memory ({@link #createInMemory}) or a memory-mapped file
 * ({@link #open}). The writer builds a pending version by copying pages it changes (a page already
 * copied in the pending version is changed in place); {@link #commit()} publishes the new root as an
 * immutable {@link CommittedState} with a release store. Readers pin a version and read it without
 * locks; pages a version no longer uses are reused only after no pinned reader and, for files, no
 * durable meta can reach them. {@link #flush()} is a checkpoint: see {@link Checkpointer}.
 * <p>
 * Example:
 * <pre>{@code
 * try (BTree tree = BTree.open(Path.of("orders.btree"), BTreeConfig.defaults()))
 * {
 *     tree.put(key, 0, key.capacity(), value, 0, value.capacity());
 *     tree.commit();
 *     tree.flush();
 *     try (ByteMapReader reader = tree.newReader())
 *     {
 *         reader.begin();
 *         DirectBuffer found = reader.get(key, 0, key.capacity());
 *         reader.end();
 *     }
 * }
 * }</pre>
 * <p>
 * <b>Note:</b> {@link #put}, {@link #delete}, {@link #commit}, {@link #flush} and {@link #close} belong to
 * one writer thread at a time; {@link #newReader()} is thread safe; each reader belongs to one thread.
 */
public final class BTree implements SortedByteMap
{
    private final PageStore store;
    private final String name;
    private final ReaderRegistry readers = new ReaderRegistry();
    private final PageReclaimer reclaimer;
    private final BTreeWriter writer;
    private final Checkpointer checkpointer;
    private final int maxKeyLength;
    private final int maxValueLength;
    private volatile CommittedState state;
    private volatile boolean closed;

    private BTree(final PageStore store, final long version, final long root, final int durableSlot)
    {
        this.store = store;
        this.name = null == store.file() ? "in-memory B+tree" : "B+tree " + store.file();
        this.reclaimer = new PageReclaimer(readers, null != store.file());
        this.reclaimer.committed(version);
        this.writer = new BTreeWriter(store, reclaimer, version, root);
        this.checkpointer = null == store.file() ? null : new Checkpointer(store, reclaimer, version, durableSlot);
        this.maxKeyLength = BTreePageDescriptor.maxKeyLength(store.pageSize());
        this.maxValueLength = store.segmentSize() - HEADER_LENGTH;
        this.state = new CommittedState(version, root, store.pageCount(), store.segments());
    }

    /**
     * Create an empty tree in anonymous off-heap memory.
     *
     * @param config page and segment size.
     * @return the tree; the calling thread becomes its writer.
     */
    public static BTree createInMemory(final BTreeConfig config)
    {
        final PageStore store = PageStore.anonymous(config.pageSize(), config.segmentSize());
        final long root = store.extend((int)FIRST_DATA_PAGE + 1, new LongStack()) + FIRST_DATA_PAGE;
        final NodeFlyweight node = new NodeFlyweight(null, config.pageSize());
        node.wrap(store.segment(root), store.offset(root), root).init(TYPE_LEAF, 0);
        return new BTree(store, 0, root, 0);
    }

    /**
     * Open a tree in a file, creating it when missing or empty. An existing file is verified: its newest
     * meta page, then the checksum and structure of every page reachable from it.
     *
     * @param file   the file.
     * @param config page and segment size; must match an existing file's.
     * @return the tree; the calling thread becomes its writer.
     * @throws io.phantomdb.CorruptionException if the file fails a check.
     * @throws IllegalArgumentException if the file was created with other sizes.
     * @throws io.phantomdb.PhantomException if the file cannot be opened or mapped.
     */
    public static BTree open(final Path file, final BTreeConfig config)
    {
        final FileChannel channel = PageStore.openChannel(file);
        PageStore store = null;
        try
        {
            store = PageStore.mapped(file, channel, config.pageSize(), config.segmentSize());
            if (0 == store.mappedPages())
            {
                return create(store);
            }
            final FileVerifier verifier = new FileVerifier(store);
            verifier.readMeta();
            final LongStack freeIds = new LongStack();
            final LongStack listPages = new LongStack();
            verifier.verifyTree();
            verifier.loadFreeList(freeIds, listPages);
            final BTree tree = new BTree(store, verifier.version, verifier.root, verifier.slot);
            for (int i = 0; i < freeIds.size(); i++)
            {
                tree.reclaimer.release(freeIds.get(i));
            }
            for (int i = 0; i < listPages.size(); i++)
            {
                tree.checkpointer.previousListPages().push(listPages.get(i));
            }
            return tree;
        }
        catch (final RuntimeException ex)
        {
            if (null != store)
            {
                store.close(true);
            }
            else
            {
                closeQuietly(channel, ex);
            }
            throw ex;
        }
    }

    private static void closeQuietly(final FileChannel channel, final RuntimeException failure)
    {
        try
        {
            channel.close();
        }
        catch (final java.io.IOException ex)
        {
            failure.addSuppressed(ex);
        }
    }

    private static BTree create(final PageStore store)
    {
        final long root = store.extend((int)FIRST_DATA_PAGE + 1, new LongStack()) + FIRST_DATA_PAGE;
        final NodeFlyweight node = new NodeFlyweight(store.file(), store.pageSize());
        node.wrap(store.segment(root), store.offset(root), root).init(TYPE_LEAF, 0);
        final BTree tree = new BTree(store, 0, root, 0);
        tree.checkpointer.stampNewPage(root);
        store.force();
        Checkpointer.writeMeta(store, new PageChecksum(), 0, 0, root, store.pageCount(), 0, 0);
        store.forceMeta();
        return tree;
    }

    CommittedState state()
    {
        return state;
    }

    boolean isClosed()
    {
        return closed;
    }

    String name()
    {
        return name;
    }

    Path file()
    {
        return store.file();
    }

    ReaderRegistry readers()
    {
        return readers;
    }

    PageStore store()
    {
        return store;
    }

    PageReclaimer reclaimer()
    {
        return reclaimer;
    }

    LongStack freeListPages()
    {
        return null == checkpointer ? null : checkpointer.previousListPages();
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw new ClosedException(name);
        }
    }

    /**
     * {@inheritDoc}
     * <p>
     * If it throws a {@link io.phantomdb.PhantomException} (storage cannot grow, a damaged page on the
     * way), every uncommitted change of the pending version is discarded, so a half-done split is never
     * committed; the tree stays at its last committed version.
     */
    @Override
    public void put(
        final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength)
    {
        checkOpen();
        checkKey(keyLength);
        if (valueLength < 0 || valueLength > maxValueLength)
        {
            throw new IllegalArgumentException("valueLength must be in [0, " + maxValueLength + "]: " + valueLength);
        }
        try
        {
            writer.put(key, keyOffset, keyLength, value, valueOffset, valueLength);
        }
        catch (final RuntimeException ex)
        {
            writer.rollback(state.root);
            throw ex;
        }
    }

    private void checkKey(final int keyLength)
    {
        if (keyLength < 1 || keyLength > maxKeyLength)
        {
            throw new IllegalArgumentException("keyLength must be in [1, " + maxKeyLength + "]: " + keyLength);
        }
    }

    /**
     * {@inheritDoc}
     * <p>
     * If it throws a {@link io.phantomdb.PhantomException}, every uncommitted change of the pending version
     * is discarded, as for {@link #put}.
     */
    @Override
    public void delete(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        checkOpen();
        checkKey(keyLength);
        try
        {
            writer.delete(key, keyOffset, keyLength);
        }
        catch (final RuntimeException ex)
        {
            writer.rollback(state.root);
            throw ex;
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public long commit()
    {
        checkOpen();
        if (!writer.hasUncommittedChanges())
        {
            return state.version;
        }
        final CommittedState next = new CommittedState(
            writer.pendingVersion(), writer.root(), store.pageCount(), store.segments());
        state = next; // release: every page of the version and every segment are written before this store
        writer.committed();
        return next.version;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the tree is file-backed and has uncommitted changes: commit them first
     *                               (a checkpoint writes one committed version and its free list).
     */
    @Override
    public void flush()
    {
        checkOpen();
        if (null == checkpointer)
        {
            return;
        }
        if (writer.hasUncommittedChanges())
        {
            throw new IllegalStateException("flush() with uncommitted changes in pending version " +
                writer.pendingVersion() + ": commit() first");
        }
        checkpointer.checkpoint(state);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public ByteMapReader newReader()
    {
        checkOpen();
        final BTreeReader reader = new BTreeReader(this, store);
        readers.add(reader);
        return reader;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int maxKeyLength()
    {
        return maxKeyLength;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int maxValueLength()
    {
        return maxValueLength;
    }

    /**
     * @return the last committed version. Any thread.
     */
    public long version()
    {
        return state.version;
    }

    /**
     * @return pages in use or free below the high-water mark, including the two meta pages. Writer thread.
     */
    public long pageCount()
    {
        return store.pageCount();
    }

    /**
     * @return free pages, reusable now or once readers and checkpoints allow. Writer thread.
     */
    public long freePageCount()
    {
        return reclaimer.freeCount();
    }

    /**
     * {@inheritDoc}
     * <p>
     * Closing while readers are still pinned throws {@link IllegalStateException} after flushing and closing
     * the file; the memory is then left to the garbage collector, which releases it only once the readers
     * drop it, so a reader never touches released memory.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        writer.rollback(state.root);
        if (null != checkpointer)
        {
            checkpointer.checkpoint(state);
        }
        closed = true; // volatile store, then the pin scan: a reader pinning concurrently sees closed or is seen
        final int pinned = readers.pinnedCount();
        store.close(0 == pinned);
        if (0 != pinned)
        {
            throw new IllegalStateException("closed " + name + " with " + pinned + " readers still pinned");
        }
    }

    @Override
    public String toString()
    {
        return name + "{version=" + state.version + ", root=" + state.root + ", pageCount=" + store.pageCount() + '}';
    }
}
