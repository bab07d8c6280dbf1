package io.phantomdb.index.btree;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * One committed version of the tree: what a reader pins. Published by the writer with a release store
 * (a volatile write of the reference); every field, and every page and segment it reaches, was written
 * before that store.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
final class CommittedState
{
    final long version;
    final long root;
    final long pageCount;
    final UnsafeBuffer[] segments;

    CommittedState(final long version, final long root, final long pageCount, final UnsafeBuffer[] segments)
    {
        this.version = version;
        this.root = root;
        this.pageCount = pageCount;
        this.segments = segments;
    }
}
