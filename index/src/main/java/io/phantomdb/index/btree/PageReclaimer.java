package io.phantomdb.index.btree;

import java.util.Arrays;

/**
 * Free pages and when they may be reused. A page freed while building pending version {@code f} is still
 * part of versions before {@code f}; it becomes reusable once (1) version {@code f} is committed, (2) no
 * reader is pinned to a version before {@code f}, and (3) for a file, when the page was written at or before
 * the durable meta's version, the durable meta is at version {@code f} or later (so a crash cannot bring back
 * a tree that uses it). A page written after the durable meta is in no durable tree, so (3) does not apply to
 * it: without that, every copy-on-write path copied between two checkpoints would stay allocated until the
 * next one and the file would grow by the pages of every commit. Pages born in the pending version and freed
 * in it were never visible or durable and are reusable at once.
 * <p>
 * Freed pages wait in two FIFO queues tagged with their freeing version (tags never decrease in each): one for
 * pages the durable tree may still use, one for pages it cannot; reusable ones sit on a stack.
 * <p>
 * <b>Note:</b> writer thread only; reads readers' pins through {@link ReaderRegistry}.
 */
final class PageReclaimer
{
    private final ReaderRegistry readers;
    private final boolean durable;
    private final LongStack reusable = new LongStack();
    private final FreedQueue inDurableTree = new FreedQueue();
    private final FreedQueue afterDurableTree = new FreedQueue();
    private long committedVersion;
    private long durableVersion;
    private long lastFailedScanVersion = -1;

    PageReclaimer(final ReaderRegistry readers, final boolean durable)
    {
        this.readers = readers;
        this.durable = durable;
    }

    void committed(final long version)
    {
        committedVersion = version;
    }

    void durable(final long version)
    {
        durableVersion = version;
        lastFailedScanVersion = -1;
    }

    /**
     * Free a page that pending version {@code pendingVersion} no longer uses.
     *
     * @param pageId         the page.
     * @param pageVersion    the version that wrote it.
     * @param pendingVersion the version being built.
     */
    void free(final long pageId, final long pageVersion, final long pendingVersion)
    {
        if (pageVersion == pendingVersion)
        {
            reusable.push(pageId);
        }
        else if (durable && pageVersion > durableVersion)
        {
            afterDurableTree.enqueue(pageId, pendingVersion);
        }
        else
        {
            enqueue(pageId, pendingVersion);
        }
    }

    /**
     * Queue a page the durable tree may still use (or any page, for anonymous memory).
     *
     * @param pageId       the page.
     * @param freedVersion the pending version that stopped using it.
     */
    void enqueue(final long pageId, final long freedVersion)
    {
        inDurableTree.enqueue(pageId, freedVersion);
    }

    /**
     * Forget queued pages freed by {@code version} or later: a discarded pending version still uses them.
     */
    void dropQueuedFrom(final long version)
    {
        inDurableTree.dropFrom(version);
        afterDurableTree.dropFrom(version);
    }

    /**
     * @return a reusable page id, or -1 when none is safe to reuse now.
     */
    long allocate()
    {
        if (reusable.isEmpty() && queuedCount() > 0 && lastFailedScanVersion != committedVersion)
        {
            final long visibleLimit = Math.min(committedVersion, readers.oldestPinned());
            afterDurableTree.drainUpTo(visibleLimit, reusable);
            inDurableTree.drainUpTo(durable ? Math.min(visibleLimit, durableVersion) : visibleLimit, reusable);
            if (reusable.isEmpty())
            {
                lastFailedScanVersion = committedVersion;
            }
        }
        return reusable.isEmpty() ? -1 : reusable.pop();
    }

    /**
     * Give back a page taken by {@link #allocate()} or one never used: immediately reusable.
     */
    void release(final long pageId)
    {
        reusable.push(pageId);
    }

    LongStack reusable()
    {
        return reusable;
    }

    int queuedCount()
    {
        return inDurableTree.size() + afterDurableTree.size();
    }

    /**
     * @param index 0 to {@link #queuedCount()} - 1.
     * @return the queued page at that index, the pages the durable tree may use first.
     */
    long queuedPage(final int index)
    {
        final int inTree = inDurableTree.size();
        return index < inTree ? inDurableTree.page(index) : afterDurableTree.page(index - inTree);
    }

    int freeCount()
    {
        return reusable.size() + queuedCount();
    }

    /**
     * Freed pages in the order they were freed, each with the pending version that freed it.
     */
    private static final class FreedQueue
    {
        private long[] pages = new long[64];
        private long[] versions = new long[64];
        private int head;
        private int tail;

        void enqueue(final long pageId, final long freedVersion)
        {
            if (tail == pages.length)
            {
                final int size = tail - head;
                if (head > pages.length / 2)
                {
                    System.arraycopy(pages, head, pages, 0, size);
                    System.arraycopy(versions, head, versions, 0, size);
                }
                else
                {
                    pages = Arrays.copyOfRange(pages, head, head + size * 2);
                    versions = Arrays.copyOfRange(versions, head, head + size * 2);
                }
                head = 0;
                tail = size;
            }
            pages[tail] = pageId;
            versions[tail++] = freedVersion;
        }

        void dropFrom(final long version)
        {
            while (tail > head && versions[tail - 1] >= version)
            {
                tail--;
            }
        }

        void drainUpTo(final long limit, final LongStack into)
        {
            while (head < tail && versions[head] <= limit)
            {
                into.push(pages[head++]);
            }
        }

        int size()
        {
            return tail - head;
        }

        long page(final int index)
        {
            return pages[head + index];
        }
    }
}
