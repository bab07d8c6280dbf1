package io.phantomdb.proptest.txn;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A small, obviously-correct in-memory MVCC engine (a list of committed write sets), with {@link Fault}s that
 * break one guarantee each. Without faults it must pass every check; with a fault, the schedule runner plus
 * the checker must catch it. That is how the test suite shows its checks can fail.
 * <p>
 * <b>Note:</b> not thread safe; one thread drives it.
 */
final class ReferenceDriver implements TxnDriver
{
    enum Fault
    {
        /** Reads see other transactions' uncommitted writes first. */
        DIRTY_READS,
        /** REPEATABLE_READ and SERIALIZABLE read the latest committed state instead of their snapshot. */
        READ_LATEST,
        /** No conflict validation at all: both writers of a key commit. */
        NO_VALIDATION,
        /** SERIALIZABLE validates only write-write conflicts, like snapshot isolation: write skew commits. */
        SERIALIZABLE_AS_SNAPSHOT,
        /** Any transaction that sees a concurrent commit of anything aborts. */
        SPURIOUS_ABORTS,
        /** Commit drops deletes. */
        LOSE_DELETES,
        /** READ_COMMITTED alternates between the latest state and its begin state. */
        NON_MONOTONIC_READ_COMMITTED,
        /** READ_COMMITTED: a long-lived cursor's next reads the latest state, not its latest statement's. */
        CURSOR_READS_LATEST,
        /** A finished transaction's handle keeps working instead of throwing IllegalStateException. */
        FINISHED_HANDLES_WORK
    }

    private record Commit(long version, Map<Integer, String> writes, Set<Integer> locks)
    {
    }

    private final Set<Fault> faults;
    private final List<Commit> commits = new ArrayList<>();
    private final List<Tx> active = new ArrayList<>();
    private long latest;

    ReferenceDriver(final Fault... faults)
    {
        this.faults = faults.length == 0 ? EnumSet.noneOf(Fault.class) : EnumSet.of(faults[0], faults);
    }

    @Override
    public long load(final NavigableMap<Integer, String> initial)
    {
        final Tx tx = begin(Level.SERIALIZABLE);
        initial.forEach(tx::put);
        return tx.commit();
    }

    @Override
    public Tx begin(final Level level)
    {
        final Tx tx = new Tx(level, latest);
        active.add(tx);
        return tx;
    }

    @Override
    public void close()
    {
    }

    private NavigableMap<Integer, String> stateAt(final long version)
    {
        final NavigableMap<Integer, String> state = new TreeMap<>();
        for (final Commit commit : commits)
        {
            if (commit.version() <= version)
            {
                commit.writes().forEach((key, value) -> apply(state, key, value));
            }
        }
        return state;
    }

    private static void apply(final NavigableMap<Integer, String> state, final int key, final String value)
    {
        if (null == value)
        {
            state.remove(key);
        }
        else
        {
            state.put(key, value);
        }
    }

    final class Tx implements TxnDriver.Txn
    {
        private final Level level;
        private final long snapshot;
        private final Map<Integer, String> writes = new LinkedHashMap<>();
        private final Set<Integer> locks = new HashSet<>();
        private final List<long[]> reads = new ArrayList<>();
        private final Map<Integer, Long> lockedAt = new LinkedHashMap<>();
        private int readCount;
        private long statement;
        private Integer cursorKey;
        private boolean finished;

        private void active()
        {
            if (finished && !faults.contains(Fault.FINISHED_HANDLES_WORK))
            {
                throw new IllegalStateException("transaction finished");
            }
        }

        Tx(final Level level, final long snapshot)
        {
            this.level = level;
            this.snapshot = snapshot;
            this.statement = snapshot;
        }

        @Override
        public long snapshotVersion()
        {
            return level == Level.READ_COMMITTED ? statement : snapshot;
        }

        private NavigableMap<Integer, String> view()
        {
            return view(true);
        }

        /**
         * @param statement true for a statement (get, cursor, lockForUpdate), which re-pins under READ_COMMITTED;
         *                  false for a next of an open cursor, which continues in the latest statement's version.
         */
        private NavigableMap<Integer, String> view(final boolean statement)
        {
            if (statement || faults.contains(Fault.CURSOR_READS_LATEST))
            {
                this.statement = latest;
            }
            final boolean latestState = level == Level.READ_COMMITTED || faults.contains(Fault.READ_LATEST);
            final boolean goBack =
                level == Level.READ_COMMITTED && faults.contains(Fault.NON_MONOTONIC_READ_COMMITTED) && readCount++ % 2 == 1;
            final NavigableMap<Integer, String> state = stateAt(latestState && !goBack ? this.statement : snapshot);
            if (faults.contains(Fault.DIRTY_READS))
            {
                for (final Tx other : active)
                {
                    if (other != this)
                    {
                        other.writes.forEach((key, value) -> apply(state, key, value));
                    }
                }
            }
            writes.forEach((key, value) -> apply(state, key, value));
            return state;
        }

        @Override
        public String get(final int key)
        {
            active();
            reads.add(new long[] {key, key});
            return view().get(key);
        }

        @Override
        public void put(final int key, final String value)
        {
            active();
            writes.put(key, value);
        }

        @Override
        public void delete(final int key)
        {
            active();
            writes.put(key, null);
        }

        @Override
        public ScanResult scan(final int lo, final int hi, final boolean reverse)
        {
            active();
            final NavigableMap<Integer, String> state = view();
            final List<History.Entry> entries = new ArrayList<>();
            final NavigableMap<Integer, String> range = state.subMap(lo, true, hi, true);
            (reverse ? range.descendingMap() : range).forEach((key, value) -> entries.add(new History.Entry(key, value)));
            final Integer boundary = reverse ? state.lowerKey(lo) : state.higherKey(hi);
            reads.add(reverse ?
                new long[] {null == boundary ? Long.MIN_VALUE : boundary, hi} :
                new long[] {lo, null == boundary ? Long.MAX_VALUE : boundary});
            return new ScanResult(entries, null == boundary ? History.Event.NO_KEY : boundary);
        }

        @Override
        public History.Entry open(final int key)
        {
            active();
            return land(key, view().ceilingEntry(key));
        }

        @Override
        public History.Entry next()
        {
            active();
            if (null == cursorKey)
            {
                return null;
            }
            return land(cursorKey + 1, view(false).higherEntry(cursorKey));
        }

        private History.Entry land(final int from, final Map.Entry<Integer, String> entry)
        {
            reads.add(new long[] {from, null == entry ? Long.MAX_VALUE : entry.getKey()});
            cursorKey = null == entry ? null : entry.getKey();
            return null == entry ? null : new History.Entry(entry.getKey(), entry.getValue());
        }

        @Override
        public void lockForUpdate(final int key)
        {
            active();
            locks.add(key);
            lockedAt.putIfAbsent(key, latest);
            statement = latest;
        }

        @Override
        public long commit()
        {
            active();
            finished = true;
            active.remove(this);
            if (writes.isEmpty() && locks.isEmpty())
            {
                return snapshotVersion();
            }
            for (final Commit commit : commits)
            {
                if (commit.version() > snapshot && conflicts(commit))
                {
                    throw new ConflictException("reference: conflict with v" + commit.version(), null);
                }
            }
            final Map<Integer, String> applied = new LinkedHashMap<>(writes);
            if (faults.contains(Fault.LOSE_DELETES))
            {
                applied.values().removeIf(value -> null == value);
            }
            commits.add(new Commit(++latest, applied, Set.copyOf(locks)));
            return latest;
        }

        private boolean conflicts(final Commit commit)
        {
            if (faults.contains(Fault.SPURIOUS_ABORTS))
            {
                return true;
            }
            if (faults.contains(Fault.NO_VALIDATION))
            {
                return false;
            }
            final Set<Integer> theirs = new HashSet<>(commit.writes().keySet());
            theirs.addAll(commit.locks());
            for (final int key : theirs)
            {
                if (level == Level.READ_COMMITTED)
                {
                    if (lockedAt.containsKey(key) && commit.version() > lockedAt.get(key) || writes.containsKey(key) && commit.locks().contains(key))
                    {
                        return true;
                    }
                    continue;
                }
                if (writes.containsKey(key) || locks.contains(key))
                {
                    return true;
                }
                if (level == Level.SERIALIZABLE && !faults.contains(Fault.SERIALIZABLE_AS_SNAPSHOT))
                {
                    for (final long[] range : reads)
                    {
                        if (key >= range[0] && key <= range[1])
                        {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        @Override
        public void rollback()
        {
            active();
            finished = true;
            active.remove(this);
        }

        @Override
        public void close()
        {
            finished = true;
            active.remove(this);
        }
    }
}
