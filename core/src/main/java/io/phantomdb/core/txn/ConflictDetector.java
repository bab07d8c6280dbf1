package io.phantomdb.core.txn;

import io.phantomdb.index.ByteComparator;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * Decides, on the writer thread and without locks, whether a transaction may commit, from the keys written
 * (or locked for update) by every transaction committed after the oldest snapshot still in use.
 * <p>
 * Each commit is kept as a {@link CommitRecord}: its version and its engine keys in sorted order (a write set
 * is sorted before it is handed over, so this is a copy). Records sit in a ring in version order; they are
 * reused once {@link #pruneUpTo} drops them, so steady state allocates nothing.
 * <p>
 * Rules, for a transaction with snapshot S (see {@link IsolationLevel}):
 * <ul>
 * <li>REPEATABLE_READ and SERIALIZABLE: every key it wrote or locked must not be in a record newer than S
 * (first committer wins).</li>
 * <li>SERIALIZABLE: in addition no record newer than S may hold a key inside any range of its read set (point
 * reads are ranges [k, k]; cursor traversals record the whole range they observed), which catches write skew
 * and phantoms.</li>
 * <li>READ_COMMITTED: only keys it locked for update are checked, against records newer than the version the
 * lock was taken at; plain writes are not checked (last committer wins).</li>
 * </ul>
 * Cost: for each record newer than S, one binary search per written key and per read range.
 * <p>
 * <b>Note:</b> not thread safe: owned by the writer thread.
 */
final class ConflictDetector
{
    private CommitRecord[] ring = new CommitRecord[64];
    private int head;
    private int size;

    /**
     * @param request the transaction to check.
     * @return null if it may commit, otherwise the conflict to complete it with.
     */
    TransactionConflictException validate(final CommitRequest request)
    {
        final WriteSet writes = request.writeSet();
        final IsolationLevel level = request.isolation();
        final long snapshot = request.snapshotVersion();
        final boolean readCommitted = IsolationLevel.READ_COMMITTED == level;
        if (readCommitted && 0 == writes.lockCount())
        {
            return null;
        }
        final long since = readCommitted ? request.minLockVersion() : snapshot;
        final ReadSet reads = IsolationLevel.SERIALIZABLE == level ? request.readSet() : null;
        final DirectBuffer wb = writes.buffer();
        final int mask = ring.length - 1;
        for (int i = size - 1; i >= 0; i--)
        {
            final CommitRecord record = ring[(head + i) & mask];
            if (record.version <= since)
            {
                break;
            }
            for (int w = 0, n = writes.size(); w < n; w++)
            {
                final int entry = writes.entryAt(w);
                final long entrySince;
                if (readCommitted)
                {
                    if (!writes.locked(entry))
                    {
                        continue;
                    }
                    entrySince = writes.lockVersion(entry);
                }
                else
                {
                    entrySince = snapshot;
                }
                if (record.version > entrySince &&
                    record.contains(wb, writes.keyOffset(entry), writes.keyLength(entry)))
                {
                    return conflict(
                        writes.locked(entry) && WriteSet.OP_NONE == writes.op(entry) ?
                            "write conflict on a key locked for update" : "write-write conflict",
                        wb, writes.keyOffset(entry), writes.keyLength(entry), entrySince, record.version);
                }
            }
            if (null != reads)
            {
                final DirectBuffer rb = reads.buffer();
                for (int r = 0, n = reads.count(); r < n; r++)
                {
                    final int found = record.ceiling(rb, reads.lowOffset(r), reads.lowLength(r));
                    if (found < record.count && ByteComparator.compare(
                        record.keys, record.offsets[found], record.lengths[found],
                        rb, reads.highOffset(r), reads.highLength(r)) <= 0)
                    {
                        return conflict(
                            "read-write conflict (a key it read or a range it scanned was written)",
                            record.keys, record.offsets[found], record.lengths[found], snapshot, record.version);
                    }
                }
            }
        }
        return null;
    }

    private static TransactionConflictException conflict(
        final String what, final DirectBuffer key, final int offset, final int length, final long since,
        final long version)
    {
        final int keyspace = EngineKeyDescriptor.keyspaceOfStoreKey(key, offset + 1);
        final String hex = EngineKeyDescriptor.hex(key, offset + EngineKeyDescriptor.ENGINE_PREFIX_LENGTH,
            length - EngineKeyDescriptor.ENGINE_PREFIX_LENGTH);
        return new TransactionConflictException(what, keyspace, hex, since, version);
    }

    /**
     * Remember the keys of a transaction committed at {@code version} (versions increase call by call).
     *
     * @param version the commit version.
     * @param writes  its write set, sorted.
     */
    void record(final long version, final WriteSet writes)
    {
        if (size == ring.length)
        {
            final CommitRecord[] grown = new CommitRecord[ring.length * 2];
            for (int i = 0; i < size; i++)
            {
                grown[i] = ring[(head + i) & (ring.length - 1)];
            }
            ring = grown;
            head = 0;
        }
        final int slot = (head + size) & (ring.length - 1);
        CommitRecord record = ring[slot];
        if (null == record)
        {
            record = new CommitRecord();
            ring[slot] = record;
        }
        record.fill(version, writes);
        size++;
    }

    /**
     * Forget every commit at or below {@code version}: no active snapshot is older than it.
     *
     * @param version the oldest version any active transaction still validates against.
     */
    void pruneUpTo(final long version)
    {
        final int mask = ring.length - 1;
        while (size > 0 && ring[head].version <= version)
        {
            head = (head + 1) & mask;
            size--;
        }
    }

    /**
     * @return commits currently remembered.
     */
    int retained()
    {
        return size;
    }

    /**
     * One commit's version and its sorted engine keys.
     */
    static final class CommitRecord
    {
        private final ExpandableArrayBuffer keys = new ExpandableArrayBuffer(256);
        private int[] offsets = new int[16];
        private int[] lengths = new int[16];
        private int count;
        private long version;

        void fill(final long version, final WriteSet writes)
        {
            this.version = version;
            final int n = writes.size();
            if (offsets.length < n)
            {
                offsets = new int[Math.max(n, offsets.length * 2)];
                lengths = new int[offsets.length];
            }
            int at = 0;
            final DirectBuffer wb = writes.buffer();
            for (int i = 0; i < n; i++)
            {
                final int entry = writes.entryAt(i);
                final int length = writes.keyLength(entry);
                keys.putBytes(at, wb, writes.keyOffset(entry), length);
                offsets[i] = at;
                lengths[i] = length;
                at += length;
            }
            count = n;
        }

        boolean contains(final DirectBuffer key, final int offset, final int length)
        {
            final int index = ceiling(key, offset, length);
            return index < count && 0 == ByteComparator.compare(keys, offsets[index], lengths[index], key, offset, length);
        }

        int ceiling(final DirectBuffer key, final int offset, final int length)
        {
            int low = 0;
            int high = count - 1;
            while (low <= high)
            {
                final int mid = (low + high) >>> 1;
                final int cmp = ByteComparator.compare(keys, offsets[mid], lengths[mid], key, offset, length);
                if (cmp < 0)
                {
                    low = mid + 1;
                }
                else if (cmp > 0)
                {
                    high = mid - 1;
                }
                else
                {
                    return mid;
                }
            }
            return low;
        }
    }
}
