package io.phantomdb.replication;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a recorded client history of counter increments against the members' final states, in the spirit of
 * Jepsen's Elle: each transaction read one counter (value and version), wrote it + 1 and wrote a unique marker key
 * with its outcome. Checked:
 * <ul>
 *     <li>every member holds the same state;</li>
 *     <li>every acknowledged transaction is there at its acknowledged position, no aborted one is;</li>
 *     <li>serializability: replaying the committed transactions (acknowledged, and unknown-outcome ones whose marker
 *     exists) in log-position order, each one's read equals the model's value and version at that point (per-key
 *     version order), and the final model equals the members' counters - so no transaction was applied twice or
 *     lost, and none read a state it could not have read in that serial order.</li>
 * </ul>
 */
final class HistoryChecker
{
    /** Keyspace of the counters. */
    static final int COUNTERS = 1;
    /** Keyspace of the markers. */
    static final int MARKERS = 2;

    enum Outcome
    {
        ACKED, ABORTED, UNKNOWN
    }

    /**
     * One attempted transaction.
     *
     * @param marker      its unique marker key.
     * @param counter     the counter key it incremented.
     * @param readValue   the counter value it read.
     * @param readVersion the counter version it read.
     * @param outcome     what the client was told.
     * @param position    the acknowledged commit position (ACKED only).
     */
    record Op(String marker, String counter, long readValue, long readVersion, Outcome outcome, long position)
    {
    }

    /**
     * A stored entry of a member's dump.
     *
     * @param version the key's version.
     * @param value   its value as text.
     */
    record Stored(long version, String value)
    {
    }

    private HistoryChecker()
    {
    }

    /**
     * @param ops   the history.
     * @param dumps each member's user entries, keyed "keyspace/key".
     * @return the anomalies found, empty if none.
     */
    static List<String> check(final List<Op> ops, final List<Map<String, Stored>> dumps)
    {
        final List<String> anomalies = new ArrayList<>();
        final Map<String, Stored> state = dumps.get(0);
        for (int m = 1; m < dumps.size(); m++)
        {
            if (!dumps.get(m).equals(state))
            {
                anomalies.add("member dump " + m + " differs from member dump 0 (" + dumps.get(m).size() + " vs " +
                    state.size() + " entries)");
            }
        }
        final List<Op> committed = new ArrayList<>();
        final Map<Op, Long> positions = new HashMap<>();
        for (final Op op : ops)
        {
            final Stored marker = state.get(MARKERS + "/" + op.marker());
            switch (op.outcome())
            {
                case ACKED:
                    if (null == marker)
                    {
                        anomalies.add("lost: acknowledged " + op + " is missing");
                        continue;
                    }
                    if (marker.version() != op.position())
                    {
                        anomalies.add("acknowledged " + op + " is stored at position " + marker.version() +
                            " (applied again?)");
                    }
                    committed.add(op);
                    positions.put(op, marker.version());
                    break;
                case ABORTED:
                    if (null != marker)
                    {
                        anomalies.add("aborted " + op + " was applied at " + marker.version());
                    }
                    break;
                default:
                    if (null != marker)
                    {
                        committed.add(op);
                        positions.put(op, marker.version());
                    }
                    break;
            }
        }
        committed.sort(Comparator.comparingLong(positions::get));
        final Map<String, Stored> model = new HashMap<>();
        long previous = -1;
        for (final Op op : committed)
        {
            final long position = positions.get(op);
            if (position == previous)
            {
                anomalies.add("two transactions at position " + position);
            }
            previous = position;
            final Stored current = model.getOrDefault(op.counter(), new Stored(0, "0"));
            if (current.version() != op.readVersion() || Long.parseLong(current.value()) != op.readValue())
            {
                anomalies.add("not serializable in log order: " + op + " read v" + op.readVersion() + "=" +
                    op.readValue() + " but the serial state was " + current);
            }
            model.put(op.counter(), new Stored(position, Long.toString(op.readValue() + 1)));
        }
        for (final Map.Entry<String, Stored> entry : state.entrySet())
        {
            if (entry.getKey().startsWith(COUNTERS + "/"))
            {
                final String counter = entry.getKey().substring(2);
                final Stored expected = model.get(counter);
                if (!entry.getValue().equals(expected))
                {
                    anomalies.add("counter " + counter + " is " + entry.getValue() + " but the committed history " +
                        "gives " + expected);
                }
            }
        }
        return anomalies;
    }
}
