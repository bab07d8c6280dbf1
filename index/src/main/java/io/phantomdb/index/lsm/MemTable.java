package io.phantomdb.index.lsm;

import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A memtable: the {@link SkipList} of recent writes in its own off-heap arena, with the bookkeeping the
 * tree needs (highest sequence written, entry count) and a reference count of the {@link Version}s that
 * hold it. The arena is freed when the last version holding it is released.
 * <p>
 * <b>Note:</b> the writer thread inserts while the memtable is active; after rotation it is immutable.
 * Readers and the agent read it through a pinned version from any thread.
 */
final class MemTable
{
    private final ByteBuffer memory;
    private final SkipList skipList;
    private final AtomicInteger references = new AtomicInteger(1);
    private volatile long maxSequence;
    private volatile long sealedSequence = Long.MAX_VALUE;
    private long entries;

    MemTable(final int capacity)
    {
        memory = ByteBuffer.allocateDirect(capacity);
        skipList = new SkipList(new UnsafeBuffer(memory));
    }

    SkipList skipList()
    {
        return skipList;
    }

    /**
     * Insert a put or, with {@link SkipList#TOMBSTONE} as value length, a tombstone. Writer thread only.
     *
     * @return false, having changed nothing, if the arena is full.
     */
    boolean insert(
        final long sequence,
        final DirectBuffer key,
        final int keyOffset,
        final int keyLength,
        final DirectBuffer value,
        final int valueOffset,
        final int valueLength)
    {
        final long prefix = SkipList.prefix(key, keyOffset, keyLength);
        if (!skipList.insert(sequence, key, keyOffset, keyLength, prefix, value, valueOffset, valueLength))
        {
            return false;
        }
        entries++;
        if (sequence > maxSequence)
        {
            maxSequence = sequence;
        }
        return true;
    }

    /**
     * @return the highest sequence inserted, 0 when empty; the agent flushes only once it is committed.
     */
    long maxSequence()
    {
        return maxSequence;
    }

    /**
     * Declare that every entry above the given sequence has been copied to a newer memtable, so this one may
     * be flushed once that sequence is committed. Writer thread, after rotation.
     */
    void seal(final long sequence)
    {
        sealedSequence = sequence;
    }

    /**
     * @return the sequence that must be committed before the agent may flush this memtable: its highest
     * sequence, or the sealed one if lower.
     */
    long flushableAfter()
    {
        return Math.min(maxSequence, sealedSequence);
    }

    /**
     * @return entries inserted. Writer thread, or any thread once immutable.
     */
    long entryCount()
    {
        return entries;
    }

    void acquire()
    {
        references.incrementAndGet();
    }

    void release()
    {
        final int remaining = references.decrementAndGet();
        if (0 == remaining)
        {
            BufferUtil.free(memory);
        }
        else if (remaining < 0)
        {
            throw new IllegalStateException("memtable released more often than acquired: references=" + remaining);
        }
    }

    /**
     * @return a scanner over every entry in order, for a flush. Agent or writer thread.
     */
    EntryScanner scanner()
    {
        return new Scanner(skipList);
    }

    private static final class Scanner implements EntryScanner
    {
        private final SkipList list;
        private int node = SkipList.HEAD;
        private boolean done;

        Scanner(final SkipList list)
        {
            this.list = list;
        }

        public boolean advance()
        {
            if (done)
            {
                return false;
            }
            node = list.nextAcquire(node, 0);
            done = SkipList.NULL == node;
            return !done;
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
    }
}
