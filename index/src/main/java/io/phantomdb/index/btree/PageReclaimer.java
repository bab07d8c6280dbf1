package io.phantomdb.index.btree;

import java.util.Arrays;

/**
 * Free pages and when they may be reused. A page freed while building pending version {@code f} is still
 * part of versions before {@code f}; it becomes reusable once (1) version {@code f} is committed, (2) no
 * reader is pinned to a version before {@code f}, and (3) for a file, the durable meta is at version
 * {@code f} or later (so a crash cannot bring back a tree that uses it). Pages born in the pending version
 * and freed in it were never visible or durable and are reusable at once.
 * <p>
 * Freed pages wait in a FIFO queue tagged with their freeing version (tags never decrease); reusable ones
 * sit on a stack.
 * <p>
 * <b>Note:</b> writer thread only; reads readers' pins through {@link ReaderRegistry}.
 */
final class PageReclaimer
{
    private final ReaderRegistry readers;
    private final boolean durable;
    private final LongStack reusable = new LongStack();
    private long[] queuedPages = new long[64];
    private long[] queuedVersions = new long[64];
    private int head;
    private int tail;
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
        else
        {
            enqueue(pageId, pendingVersion);
        }
    }

    void enqueue(final long pageId, final long freedVersion)
    {
        if (tail == queuedPages.length)
        {
            final int size = tail - head;
            if (head > queuedPages.length / 2)
            {
                System.arraycopy(queuedPages, head, queuedPages, 0, size);
                System.arraycopy(queuedVersions, head, queuedVersions, 0, size);
            }
            else
            {
                queuedPages = Arrays.copyOfRange(queuedPages, head, head + size * 2);
                queuedVersions = Arrays.copyOfRange(queuedVersions, head, head + size * 2);
            }
            head = 0;
            tail = size;
        }
        queuedPages[tail] = pageId;
        queuedVersions[tail++] = freedVersion;
    }

    /**
     * Forget queued pages freed by {@code version} or later: a discarded pending version still uses them.
     */
    void dropQueuedFrom(final long version)
    {
        while (tail > head && queuedVersions[tail - 1] >= version)
        {
            tail--;
        }
    }

    /**
     * @return a reusable page id, or -1 when none is safe to reuse now.
     */
    long allocate()
    {
        if (reusable.isEmpty() && head < tail && lastFailedScanVersion != committedVersion)
        {
            long limit = Math.min(committedVersion, readers.oldestPinned());
            if (durable)
            {
                limit = Math.min(limit, durableVersion);
            }
            while (head < tail && queuedVersions[head] <= limit)
            {
                reusable.push(queuedPages[head++]);
            }
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
        return tail - head;
    }

    long queuedPage(final int index)
    {
        return queuedPages[head + index];
    }

    int freeCount()
    {
        return reusable.size() + queuedCount();
    }
}
