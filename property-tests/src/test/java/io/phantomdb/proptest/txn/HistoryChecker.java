package io.phantomdb.proptest.txn;

import io.phantomdb.proptest.txn.History.Event;
import io.phantomdb.proptest.txn.History.Type;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a recorded {@link History} against the guarantees of its isolation level. Pure Java: it needs no
 * engine, so it is tested on hand-made and deliberately anomalous histories too. Every check returns the list
 * of violations it found, each a sentence naming the transactions, keys, values and steps involved.
 * <p>
 * Every value names its writer ({@code T<t>.<op>}, or {@code I<k>} for the initial state), so "which write did
 * this read see" is always known. The committed state at version {@code v} is the initial state with the write
 * sets of the transactions committed at versions {@code <= v} applied in version order.
 */
final class HistoryChecker
{
    /**
     * One transaction of the history and what it did.
     */
    static final class TxnView
    {
        final int txn;
        final List<Event> events = new ArrayList<>();
        Event begin;
        Event end;

        TxnView(final int txn)
        {
            this.txn = txn;
        }

        boolean committed()
        {
            return null != end && end.type() == Type.COMMIT;
        }

        boolean aborted()
        {
            return null != end && end.type() == Type.CONFLICT;
        }

        /**
         * @return true if it wrote and locked nothing: its commit returns its snapshot version.
         */
        boolean readOnly()
        {
            return events.stream().noneMatch(event -> event.isWrite() || event.type() == Type.LOCK);
        }

        /**
         * @return keys written or locked: what makes concurrent transactions touching them conflict.
         */
        Set<Integer> writtenOrLocked()
        {
            final Set<Integer> keys = new TreeSet<>(writeSet().keySet());
            keys.addAll(lockedKeys());
            return keys;
        }

        long snapshot()
        {
            return begin.version();
        }

        long commitVersion()
        {
            return end.version();
        }

        /**
         * @return key -> last value written (null: deleted), in order of first write.
         */
        Map<Integer, String> writeSet()
        {
            final Map<Integer, String> writes = new LinkedHashMap<>();
            for (final Event event : events)
            {
                if (event.isWrite())
                {
                    writes.put(event.key(), event.value());
                }
            }
            return writes;
        }

        Set<Integer> lockedKeys()
        {
            final Set<Integer> keys = new TreeSet<>();
            for (final Event event : events)
            {
                if (event.type() == Type.LOCK)
                {
                    keys.add(event.key());
                }
            }
            return keys;
        }

        @Override
        public String toString()
        {
            return "T" + txn;
        }
    }

    private final History history;
    private final Map<Integer, TxnView> txns = new TreeMap<>();
    private final List<TxnView> commitOrder = new ArrayList<>();

    HistoryChecker(final History history)
    {
        this.history = history;
        for (final Event event : history.events())
        {
            final TxnView view = txns.computeIfAbsent(event.txn(), TxnView::new);
            switch (event.type())
            {
                case BEGIN -> view.begin = event;
                case COMMIT, CONFLICT, ROLLBACK -> view.end = event;
                default -> view.events.add(event);
            }
        }
        for (final TxnView view : txns.values())
        {
            if (view.committed())
            {
                commitOrder.add(view);
            }
        }
        commitOrder.sort(Comparator.comparingLong(TxnView::commitVersion).thenComparing(TxnView::readOnly));
    }

    /**
     * Runs every check that applies to the history's level.
     */
    static List<String> check(final History history)
    {
        final HistoryChecker checker = new HistoryChecker(history);
        final List<String> violations = new ArrayList<>();
        violations.addAll(checker.checkVersions());
        violations.addAll(checker.checkScanOrder());
        violations.addAll(checker.checkFinalState());
        violations.addAll(checker.checkReadOwnWrites());
        violations.addAll(checker.checkNoDirtyReads());
        violations.addAll(checker.checkNoSpuriousAborts());
        switch (history.level())
        {
            case READ_COMMITTED ->
            {
                violations.addAll(checker.checkReadCommitted());
                violations.addAll(checker.checkReadCommittedLatest());
                violations.addAll(checker.checkReadCommittedLocks());
            }
            case REPEATABLE_READ ->
            {
                violations.addAll(checker.checkSnapshotReads());
                violations.addAll(checker.checkRepeatableReads());
                violations.addAll(checker.checkNoLostUpdates());
            }
            case SERIALIZABLE ->
            {
                violations.addAll(checker.checkSnapshotReads());
                violations.addAll(checker.checkRepeatableReads());
                violations.addAll(checker.checkNoLostUpdates());
                violations.addAll(checker.checkSerializable());
            }
        }
        return violations;
    }

    /**
     * Commit versions of transactions that wrote or locked something grow with the order in which commit()
     * returned and exceed the initial version; a read-only transaction's commit returns its snapshot version.
     * Under REPEATABLE_READ and SERIALIZABLE every snapshot is the latest version committed when the
     * transaction began (a transaction begun after another one's commit() returned sees that commit).
     */
    List<String> checkVersions()
    {
        final List<String> violations = new ArrayList<>();
        long last = history.initialVersion();
        for (final Event event : history.events())
        {
            final TxnView view = txns.get(event.txn());
            if (event.type() == Type.COMMIT && view.readOnly())
            {
                if (history.level() != Level.READ_COMMITTED ? event.version() != view.snapshot() : event.version() > last)
                {
                    violations.add("read-only T" + event.txn() + " committed at step #" + event.step() + " returning v" +
                        event.version() + ", not its snapshot v" + view.snapshot() + " (latest committed v" + last + ")");
                }
            }
            else if (event.type() == Type.COMMIT)
            {
                if (event.version() <= last)
                {
                    violations.add("T" + event.txn() + " committed at v" + event.version() + " at step #" + event.step() +
                        ", not after the previous commit v" + last);
                }
                last = Math.max(last, event.version());
            }
            else if (event.type() == Type.BEGIN && history.level() != Level.READ_COMMITTED && event.version() != last)
            {
                violations.add("T" + event.txn() + " began at step #" + event.step() + " with snapshot v" + event.version() +
                    " but the latest committed version then was v" + last);
            }
        }
        return violations;
    }

    /**
     * A scan returns keys inside its range, each once, in cursor order.
     */
    List<String> checkScanOrder()
    {
        final List<String> violations = new ArrayList<>();
        for (final Event event : history.events())
        {
            if (event.type() == Type.CURSOR && !event.entries().isEmpty() && event.entries().get(0).key() < event.key())
            {
                violations.add("T" + event.txn() + " cursor " + event.detail() + " at step #" + event.step() + " landed on " +
                    event.entries() + ", not after k" + (event.key() - 1));
            }
            if (event.type() != Type.SCAN)
            {
                continue;
            }
            int previous = event.reverse() ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            for (final History.Entry entry : event.entries())
            {
                final boolean ordered = event.reverse() ? entry.key() < previous : entry.key() > previous;
                if (!ordered || entry.key() < event.key() || entry.key() > event.keyTo() || null == entry.value())
                {
                    violations.add("T" + event.txn() + " scan at step #" + event.step() + " returned " + event.entries() +
                        ": out of order, out of range or null value");
                    break;
                }
                previous = entry.key();
            }
        }
        return violations;
    }

    /**
     * The state read back after the run equals the initial state with every committed write set applied in
     * commit-version order: committed writes are durable, aborted and rolled-back ones leave no trace.
     */
    List<String> checkFinalState()
    {
        final NavigableMap<Integer, String> expected = stateAt(Long.MAX_VALUE);
        if (!expected.equals(history.finalState()))
        {
            return List.of("final state " + history.finalState() + " but committed write sets in version order " +
                commitOrder + " give " + expected);
        }
        return List.of();
    }

    /**
     * A read of a key the transaction wrote earlier returns its own last write (absent if it deleted it).
     */
    List<String> checkReadOwnWrites()
    {
        final List<String> violations = new ArrayList<>();
        for (final TxnView view : txns.values())
        {
            final Map<Integer, String> own = new TreeMap<>();
            for (final Event event : view.events)
            {
                if (event.isWrite())
                {
                    own.put(event.key(), event.value());
                }
                else if (event.isRead())
                {
                    event.observed().forEach((key, value) ->
                    {
                        if (own.containsKey(key) && !Objects.equals(own.get(key), value))
                        {
                            violations.add(view + " read k" + key + "=" + value + " at step #" + event.step() +
                                " but its own last write was " + own.get(key));
                        }
                    });
                }
            }
        }
        return violations;
    }

    /**
     * No dirty or intermediate reads, at every level: a value written by another transaction is visible only
     * if that transaction committed before the read and the value is its final write to the key. Initial
     * values are visible only for keys that had them.
     */
    List<String> checkNoDirtyReads()
    {
        final List<String> violations = new ArrayList<>();
        for (final TxnView view : txns.values())
        {
            for (final Event event : view.events)
            {
                if (!event.isRead())
                {
                    continue;
                }
                event.observed().forEach((key, value) ->
                {
                    if (null == value)
                    {
                        return;
                    }
                    final int writer = writerOf(value);
                    if (writer == 0)
                    {
                        if (!value.equals(history.initial().get(key)))
                        {
                            violations.add(view + " read k" + key + "=" + value + " at step #" + event.step() +
                                ", a value k" + key + " never had");
                        }
                        return;
                    }
                    final TxnView w = txns.get(writer);
                    if (null == w || w.events.stream().noneMatch(e -> e.type() == Type.PUT && e.key() == key && value.equals(e.value())))
                    {
                        violations.add(view + " read k" + key + "=" + value + " at step #" + event.step() +
                            ", a value no transaction wrote to k" + key);
                        return;
                    }
                    if (writer == view.txn)
                    {
                        return;
                    }
                    if (!w.committed() || w.end.step() > event.step())
                    {
                        violations.add("dirty read: " + view + " read k" + key + "=" + value + " at step #" + event.step() +
                            " but T" + writer + (null == w.end ? " never ended" : w.committed() ?
                            " committed only at step #" + w.end.step() : " did not commit (" + w.end.type() + ")"));
                    }
                    else if (!Objects.equals(w.writeSet().get(key), value))
                    {
                        violations.add("intermediate read: " + view + " read k" + key + "=" + value + " at step #" +
                            event.step() + " but T" + writer + " committed k" + key + "=" + w.writeSet().get(key));
                    }
                });
            }
        }
        return violations;
    }

    /**
     * REPEATABLE_READ and SERIALIZABLE: every read (get and scan, key by key over the scanned range) equals the
     * committed state at the transaction's snapshot overlaid with its own earlier writes. Applies to aborted
     * transactions too.
     */
    List<String> checkSnapshotReads()
    {
        final List<String> violations = new ArrayList<>();
        for (final TxnView view : txns.values())
        {
            final NavigableMap<Integer, String> expected = stateAt(view.snapshot());
            for (final Event event : view.events)
            {
                if (event.isWrite())
                {
                    put(expected, event.key(), event.value());
                }
                else if (event.isRead())
                {
                    event.observed().forEach((key, value) ->
                    {
                        if (!Objects.equals(expected.get(key), value))
                        {
                            violations.add("non-snapshot read: " + view + " read k" + key + "=" + value + " at step #" +
                                event.step() + " but its snapshot v" + view.snapshot() + " plus its own writes has " +
                                expected.get(key));
                        }
                    });
                }
            }
        }
        return violations;
    }

    /**
     * REPEATABLE_READ and SERIALIZABLE: no fuzzy reads and no phantoms. Reading the same key twice (by get or
     * as part of a scanned range, absent counts) gives the same value unless the transaction wrote the key in
     * between.
     */
    List<String> checkRepeatableReads()
    {
        final List<String> violations = new ArrayList<>();
        for (final TxnView view : txns.values())
        {
            final Map<Integer, String> seen = new TreeMap<>();
            final Map<Integer, Integer> seenAt = new TreeMap<>();
            for (final Event event : view.events)
            {
                if (event.isWrite())
                {
                    seen.remove(event.key());
                }
                else if (event.isRead())
                {
                    event.observed().forEach((key, value) ->
                    {
                        if (seen.containsKey(key) && !Objects.equals(seen.get(key), value))
                        {
                            violations.add((null == value || null == seen.get(key) ? "phantom: " : "fuzzy read: ") + view +
                                " read k" + key + "=" + seen.get(key) + " at step #" + seenAt.get(key) + " then k" + key +
                                "=" + value + " at step #" + event.step() + " without writing it");
                        }
                        seen.put(key, value);
                        seenAt.put(key, event.step());
                    });
                }
            }
        }
        return violations;
    }

    /**
     * REPEATABLE_READ and SERIALIZABLE: no lost updates, first committer wins. Two committed transactions that
     * wrote or locked (lockForUpdate) the same key are never concurrent: one committed at or before the other's
     * snapshot.
     */
    List<String> checkNoLostUpdates()
    {
        final List<String> violations = new ArrayList<>();
        for (int i = 0; i < commitOrder.size(); i++)
        {
            final TxnView first = commitOrder.get(i);
            for (int j = i + 1; j < commitOrder.size(); j++)
            {
                final TxnView second = commitOrder.get(j);
                if (second.snapshot() >= first.commitVersion())
                {
                    continue;
                }
                if (first.readOnly() || second.readOnly())
                {
                    continue;
                }
                final Set<Integer> both = first.writtenOrLocked();
                both.retainAll(second.writtenOrLocked());
                if (!both.isEmpty())
                {
                    violations.add("lost update: " + first + " and " + second + " both wrote or locked " + keys(both) + " and both committed (" +
                        first + " at v" + first.commitVersion() + ", " + second + " from snapshot v" + second.snapshot() +
                        " at v" + second.commitVersion() + ")");
                }
            }
        }
        return violations;
    }

    /**
     * SERIALIZABLE: the committed transactions, run one after another in commit-version order (a read-only
     * transaction, whose commit returns its snapshot version, right after the writer of that version) on a
     * {@link TreeMap}, return exactly the values they returned (every get and every scanned range) and leave the
     * final state the engine has. The engine promises commit order; if another order would explain the history,
     * the message says which.
     */
    List<String> checkSerializable()
    {
        final String inCommitOrder = replaySerially(commitOrder);
        if (null == inCommitOrder)
        {
            return List.of();
        }
        final List<List<TxnView>> orders = new ArrayList<>();
        permutations(new ArrayList<>(commitOrder), 0, orders);
        for (final List<TxnView> order : orders)
        {
            if (null == replaySerially(order))
            {
                return List.of("not serializable in commit order " + commitOrder + " (only in " + order + "): " + inCommitOrder);
            }
        }
        return List.of("not serializable: no serial order of the committed transactions " + commitOrder +
            " explains the history; in commit-version order: " + inCommitOrder);
    }

    /**
     * READ_COMMITTED: every read sees committed data, and per key never goes back in time. Each scan (one
     * statement) equals, outside the keys the transaction wrote, the committed state at one version not newer
     * than the latest commit at that step; and for each key the versions a transaction sees are non-decreasing.
     */
    List<String> checkReadCommitted()
    {
        final List<String> violations = new ArrayList<>();
        final List<Long> versions = new ArrayList<>();
        versions.add(history.initialVersion());
        commitOrder.forEach(view -> versions.add(view.commitVersion()));
        for (final TxnView view : txns.values())
        {
            final Set<Integer> written = new TreeSet<>();
            final Map<Integer, Long> floor = new TreeMap<>();
            for (final Event event : view.events)
            {
                if (event.isWrite())
                {
                    written.add(event.key());
                    continue;
                }
                if (!event.isRead())
                {
                    continue;
                }
                final long latest = latestCommittedBefore(event.step());
                final NavigableMap<Integer, String> observed = event.observed();
                observed.keySet().removeAll(written);
                boolean consistent = false;
                for (final long version : versions)
                {
                    if (version <= latest && matches(stateAt(version), observed))
                    {
                        consistent = true;
                        break;
                    }
                }
                if (!consistent)
                {
                    violations.add(view + " read " + observed + " at step #" + event.step() +
                        ", which is no committed state up to v" + latest);
                }
                observed.forEach((key, value) ->
                {
                    final long min = floor.getOrDefault(key, Long.MIN_VALUE);
                    long found = Long.MIN_VALUE;
                    for (final long version : versions)
                    {
                        if (version >= min && version <= latest && Objects.equals(stateAt(version).get(key), value))
                        {
                            found = version;
                            break;
                        }
                    }
                    if (found == Long.MIN_VALUE)
                    {
                        violations.add("non-monotonic read: " + view + " read k" + key + "=" + value + " at step #" + event.step() +
                            ", older than the version v" + min + " it had already seen for k" + key);
                    }
                    else
                    {
                        floor.put(key, found);
                    }
                });
            }
        }
        return violations;
    }

    /**
     * READ_COMMITTED: each statement (get, a cursor: a scan or opening the long-lived one, lockForUpdate) re-pins
     * the latest committed version when it starts and reads it overlaid with the transaction's own writes; a
     * {@code next} of the open cursor continues in the version of the transaction's latest statement.
     */
    List<String> checkReadCommittedLatest()
    {
        final List<String> violations = new ArrayList<>();
        for (final TxnView view : txns.values())
        {
            final Map<Integer, String> own = new LinkedHashMap<>();
            long pinned = view.snapshot();
            for (final Event event : view.events)
            {
                final boolean next = event.type() == Type.CURSOR && "next".equals(event.detail());
                if (event.isWrite())
                {
                    own.put(event.key(), event.value());
                    continue;
                }
                if (event.isRead() && !next || event.type() == Type.LOCK)
                {
                    pinned = latestCommittedBefore(event.step());
                }
                if (event.isRead())
                {
                    final long version = pinned;
                    final NavigableMap<Integer, String> expected = stateAt(version);
                    own.forEach((key, value) -> put(expected, key, value));
                    event.observed().forEach((key, value) ->
                    {
                        if (!Objects.equals(expected.get(key), value))
                        {
                            violations.add("stale read: " + view + " read k" + key + "=" + value + " at step #" + event.step() +
                                " but the committed version v" + version + (next ? " of its latest statement" : " latest at the statement") +
                                " plus its own writes has " + expected.get(key));
                        }
                    });
                }
            }
        }
        return violations;
    }

    /**
     * READ_COMMITTED: lockForUpdate makes the first committer win. A transaction that locked a key and committed
     * had no other transaction commit a write or lock of that key between the lock and its commit.
     */
    List<String> checkReadCommittedLocks()
    {
        final List<String> violations = new ArrayList<>();
        for (final TxnView view : commitOrder)
        {
            for (final Event event : view.events)
            {
                if (event.type() != Type.LOCK)
                {
                    continue;
                }
                for (final TxnView other : commitOrder)
                {
                    if (other != view && other.end.step() > event.step() && other.end.step() < view.end.step() &&
                        other.writtenOrLocked().contains(event.key()))
                    {
                        violations.add("lock ignored: " + view + " locked k" + event.key() + " at step #" + event.step() +
                            " and committed at step #" + view.end.step() + " though " + other + " committed a write or lock of k" +
                            event.key() + " at step #" + other.end.step() + " in between");
                    }
                }
            }
        }
        return violations;
    }

    /**
     * Every level: a transaction aborted with 40001 had a real conflict, i.e. a transaction that committed
     * after it began and before the abort wrote or locked a key in its footprint. The footprint under
     * SERIALIZABLE is every key it read (a scan covers its range up to the key where the cursor stopped), wrote
     * or locked, plus the op that threw; under the other levels only the keys it wrote or locked and the op that
     * threw.
     */
    List<String> checkNoSpuriousAborts()
    {
        final List<String> violations = new ArrayList<>();
        for (final TxnView view : txns.values())
        {
            if (!view.aborted())
            {
                continue;
            }
            final List<long[]> footprint = new ArrayList<>();
            for (final Event event : view.events)
            {
                if (event.isWrite() || event.type() == Type.LOCK)
                {
                    footprint.add(new long[] {event.key(), event.key()});
                }
                else if (event.type() == Type.GET && history.level() == Level.SERIALIZABLE)
                {
                    footprint.add(new long[] {event.key(), event.key()});
                }
                else if (event.type() == Type.CURSOR && history.level() == Level.SERIALIZABLE)
                {
                    footprint.add(new long[] {event.key(), Long.MAX_VALUE});
                }
                else if (event.type() == Type.SCAN && history.level() == Level.SERIALIZABLE)
                {
                    final boolean open = event.boundary() == Event.NO_KEY;
                    footprint.add(event.reverse() ?
                        new long[] {open ? Long.MIN_VALUE : event.boundary(), event.keyTo()} :
                        new long[] {event.key(), open ? Long.MAX_VALUE : event.boundary()});
                }
            }
            if (view.end.key() != Event.NO_KEY)
            {
                footprint.add(new long[] {view.end.key(), view.end.keyTo()});
            }
            boolean conflicted = false;
            for (final TxnView other : commitOrder)
            {
                if (other.end.step() < view.begin.step() || other.end.step() > view.end.step())
                {
                    continue;
                }
                for (final int key : other.writtenOrLocked())
                {
                    for (final long[] range : footprint)
                    {
                        conflicted |= key >= range[0] && key <= range[1];
                    }
                }
            }
            if (!conflicted)
            {
                violations.add("spurious abort: " + view + " aborted at step #" + view.end.step() + " (" + view.end.detail() +
                    ") but no transaction that committed after it began (step #" + view.begin.step() + ") wrote or locked a key it " +
                    (history.level() == Level.SERIALIZABLE ? "read, wrote or locked" : "wrote or locked"));
            }
        }
        return violations;
    }

    /**
     * @return the committed state at {@code version}.
     */
    NavigableMap<Integer, String> stateAt(final long version)
    {
        final NavigableMap<Integer, String> state = new TreeMap<>(history.initial());
        for (final TxnView view : commitOrder)
        {
            if (view.commitVersion() <= version)
            {
                view.writeSet().forEach((key, value) -> put(state, key, value));
            }
        }
        return state;
    }

    /**
     * @return null if running {@code order} serially reproduces every read and the final state, else the first
     * difference.
     */
    private String replaySerially(final List<TxnView> order)
    {
        final NavigableMap<Integer, String> model = new TreeMap<>(history.initial());
        for (final TxnView view : order)
        {
            for (final Event event : view.events)
            {
                if (event.isWrite())
                {
                    put(model, event.key(), event.value());
                }
                else if (event.isRead())
                {
                    final NavigableMap<Integer, String> observed = event.observed();
                    if (!matches(model, observed))
                    {
                        final NavigableMap<Integer, String> expected = new TreeMap<>();
                        observed.keySet().forEach(key -> expected.put(key, model.get(key)));
                        return view + " read " + observed + " at step #" + event.step() + " but serially after " +
                            order.subList(0, order.indexOf(view)) + " it would read " + expected;
                    }
                }
            }
        }
        if (!model.equals(history.finalState()))
        {
            return "the final state would be " + model + " not " + history.finalState();
        }
        return null;
    }

    private long latestCommittedBefore(final int step)
    {
        long latest = history.initialVersion();
        for (final TxnView view : commitOrder)
        {
            if (view.end.step() < step)
            {
                latest = Math.max(latest, view.commitVersion());
            }
        }
        return latest;
    }

    private static boolean matches(final NavigableMap<Integer, String> state, final NavigableMap<Integer, String> observed)
    {
        for (final Map.Entry<Integer, String> entry : observed.entrySet())
        {
            if (!Objects.equals(state.get(entry.getKey()), entry.getValue()))
            {
                return false;
            }
        }
        return true;
    }

    private static void put(final NavigableMap<Integer, String> state, final int key, final String value)
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

    /**
     * @return the transaction number that wrote {@code value} ({@code T<t>.<op>}), or 0 for an initial value.
     */
    static int writerOf(final String value)
    {
        if (value.startsWith("T") && value.indexOf('.') > 1)
        {
            try
            {
                return Integer.parseInt(value.substring(1, value.indexOf('.')));
            }
            catch (final NumberFormatException ignore)
            {
                return -1;
            }
        }
        return 0;
    }

    private static String keys(final Set<Integer> keys)
    {
        return String.join(",", keys.stream().map(k -> "k" + k).toList());
    }

    private static <T> void permutations(final List<T> items, final int from, final List<List<T>> out)
    {
        if (from == items.size())
        {
            out.add(new ArrayList<>(items));
            return;
        }
        for (int i = from; i < items.size(); i++)
        {
            java.util.Collections.swap(items, from, i);
            permutations(items, from + 1, out);
            java.util.Collections.swap(items, from, i);
        }
    }
}
