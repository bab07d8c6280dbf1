package io.phantomdb.proptest.txn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What a run of a {@link Scenario} observed, in global step order: every begin (with its snapshot version),
 * every read with the values it returned, every write, and each outcome (commit version, 40001 conflict or
 * rollback); then the engine's state after all transactions ended. Values are strings: {@code I<k>} for the
 * initial value of key {@code k}, {@code T<t>.<op>} for the value op {@code op} of transaction {@code t}
 * wrote, {@code null} for absent.
 *
 * @param level          the isolation level every transaction used.
 * @param keys           size of the key space.
 * @param initial        committed state before the first transaction began.
 * @param initialVersion version of that state (the setup commit).
 * @param events         what happened, in step order.
 * @param finalState     the engine's committed state after the last step, read by a fresh transaction.
 */
record History(
    Level level, int keys, NavigableMap<Integer, String> initial, long initialVersion, List<Event> events,
    NavigableMap<Integer, String> finalState)
{
    enum Type
    {
        BEGIN, GET, PUT, DELETE, SCAN, CURSOR, LOCK, COMMIT, CONFLICT, ROLLBACK
    }

    /**
     * One key and the value a read returned for it.
     */
    record Entry(int key, String value)
    {
        @Override
        public String toString()
        {
            return "k" + key + "=" + value;
        }
    }

    /**
     * One observed step.
     *
     * @param step     global step index.
     * @param txn      transaction number (1-based).
     * @param type     what happened.
     * @param key      the key (low end of a scan).
     * @param keyTo    the high end of a scan.
     * @param reverse  scan direction.
     * @param value    value read by GET ({@code null}: absent) or written by PUT.
     * @param entries  what a SCAN returned, in cursor order; empty otherwise.
     * @param boundary for a SCAN, the first key outside the range the cursor stood on before stopping, or
     *                 {@link #NO_KEY} if it ran off the end.
     * @param version  snapshot version for BEGIN, commit version for COMMIT.
     * @param detail   for CONFLICT, the op that threw and the exception message.
     */
    record Event(
        int step, int txn, Type type, int key, int keyTo, boolean reverse, String value, List<Entry> entries, int boundary,
        long version, String detail)
    {
        static final int NO_KEY = -1;

        /**
         * @return true for GET, SCAN and CURSOR (an open or next of a long-lived cursor: it observed the keys
         * {@code key .. keyTo}, of which only the returned one, if any, is present).
         */
        boolean isRead()
        {
            return type == Type.GET || type == Type.SCAN || type == Type.CURSOR;
        }

        boolean isWrite()
        {
            return type == Type.PUT || type == Type.DELETE;
        }

        /**
         * What this read observed, key by key over its whole range: keys it did not return are observed
         * absent.
         */
        NavigableMap<Integer, String> observed()
        {
            final NavigableMap<Integer, String> seen = new TreeMap<>();
            for (int k = key; k <= keyTo; k++)
            {
                seen.put(k, null);
            }
            if (type == Type.GET)
            {
                seen.put(key, value);
            }
            for (final Entry entry : entries)
            {
                seen.put(entry.key(), entry.value());
            }
            return seen;
        }

        @Override
        public String toString()
        {
            final String head = String.format("#%-3d T%d ", step, txn);
            return head + switch (type)
            {
                case BEGIN -> "begin                snapshot=" + version;
                case GET -> String.format("%-20s -> %s", "get(k" + key + ")", value);
                case PUT -> "put(k" + key + ")=" + value;
                case DELETE -> "delete(k" + key + ")";
                case LOCK -> "lockForUpdate(k" + key + ")";
                case SCAN -> String.format("%-20s -> %s%s", (reverse ? "rscan(k" : "scan(k") + key + "..k" + keyTo + ")",
                    entries, boundary == NO_KEY ? " (ran off the end)" : " (stopped at k" + boundary + ")");
                case CURSOR -> String.format("%-20s -> %s", (null == detail ? "cursor" : detail) + " over k" + key + "..k" + keyTo,
                    entries.isEmpty() ? "nothing" : entries.get(0));
                case COMMIT -> "commit               -> v" + version;
                case CONFLICT -> "ABORTED 40001 at " + detail;
                case ROLLBACK -> "rollback";
            };
        }
    }

    History
    {
        initial = Collections.unmodifiableNavigableMap(new TreeMap<>(initial));
        events = List.copyOf(events);
        finalState = Collections.unmodifiableNavigableMap(new TreeMap<>(finalState));
    }

    @Override
    public String toString()
    {
        final StringBuilder out = new StringBuilder();
        out.append("History at ").append(level).append(", ").append(keys).append(" keys, initial state ").append(initial)
            .append(" at v").append(initialVersion).append('\n');
        for (final Event event : events)
        {
            out.append("  ").append(event).append('\n');
        }
        out.append("  final state read back: ").append(finalState);
        return out.toString();
    }

    /**
     * Collects the events of one run; the runner calls it in step order.
     */
    static final class Recorder
    {
        private final List<Event> events = new ArrayList<>();

        void begin(final int step, final int txn, final long snapshot)
        {
            add(step, txn, Type.BEGIN, 0, 0, null, List.of(), Event.NO_KEY, snapshot, null);
        }

        void get(final int step, final int txn, final int key, final String value)
        {
            add(step, txn, Type.GET, key, key, value, List.of(), Event.NO_KEY, 0, null);
        }

        void put(final int step, final int txn, final int key, final String value)
        {
            add(step, txn, Type.PUT, key, key, value, List.of(), Event.NO_KEY, 0, null);
        }

        void delete(final int step, final int txn, final int key)
        {
            add(step, txn, Type.DELETE, key, key, null, List.of(), Event.NO_KEY, 0, null);
        }

        void lock(final int step, final int txn, final int key)
        {
            add(step, txn, Type.LOCK, key, key, null, List.of(), Event.NO_KEY, 0, null);
        }

        void scan(final int step, final int txn, final TxnOp op, final List<Entry> entries, final int boundary)
        {
            events.add(new Event(step, txn, Type.SCAN, op.key(), op.keyTo(), op.reverse(), null, List.copyOf(entries), boundary, 0, null));
        }

        /**
         * @param how     "open(k<lo>)" or "next".
         * @param from    first key the move observed.
         * @param to      last key the move observed (the key it landed on, or the last key of the key space).
         * @param landed  the entry it landed on, or null.
         */
        void cursor(final int step, final int txn, final String how, final int from, final int to, final Entry landed)
        {
            add(step, txn, Type.CURSOR, from, to, null, null == landed ? List.of() : List.of(landed), Event.NO_KEY, 0, how);
        }

        void commit(final int step, final int txn, final long version)
        {
            add(step, txn, Type.COMMIT, 0, 0, null, List.of(), Event.NO_KEY, version, null);
        }

        /**
         * @param op the op that threw, or {@code null} if commit threw. The event covers the op's keys (a scan
         *           that threw covers every key, since how far it read is unknown); {@link Event#NO_KEY} for commit.
         */
        void conflict(final int step, final int txn, final TxnOp op, final String detail)
        {
            final int key = null == op ? Event.NO_KEY : op.kind() == TxnOp.Kind.SCAN ? Integer.MIN_VALUE : op.key();
            final int keyTo = null == op ? Event.NO_KEY : op.kind() == TxnOp.Kind.SCAN ? Integer.MAX_VALUE : op.keyTo();
            add(step, txn, Type.CONFLICT, key, keyTo, null, List.of(), Event.NO_KEY, 0, detail);
        }

        void rollback(final int step, final int txn)
        {
            add(step, txn, Type.ROLLBACK, 0, 0, null, List.of(), Event.NO_KEY, 0, null);
        }

        List<Event> events()
        {
            return events;
        }

        private void add(
            final int step, final int txn, final Type type, final int key, final int keyTo, final String value,
            final List<Entry> entries, final int boundary, final long version, final String detail)
        {
            events.add(new Event(step, txn, type, key, keyTo, false, value, entries, boundary, version, detail));
        }
    }

    /**
     * @return the state map as the checker uses it, from plain {@link Map}s of tests.
     */
    static NavigableMap<Integer, String> state(final Map<Integer, String> map)
    {
        return new TreeMap<>(map);
    }
}
