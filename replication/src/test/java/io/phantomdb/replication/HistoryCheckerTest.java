package io.phantomdb.replication;

import io.phantomdb.replication.HistoryChecker.Op;
import io.phantomdb.replication.HistoryChecker.Outcome;
import io.phantomdb.replication.HistoryChecker.Stored;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The fault test's checker finds each anomaly it claims to find.
 */
class HistoryCheckerTest
{
    private static final Op FIRST = new Op("m1", "c0", 0, 0, Outcome.ACKED, 100);
    private static final Op SECOND = new Op("m2", "c0", 1, 100, Outcome.ACKED, 200);

    @Test
    void shouldFindNoAnomalyWhenTheHistoryIsSerial()
    {
        final Map<String, Stored> state = state(FIRST, SECOND);
        state.put("1/c0", new Stored(200, "2"));
        assertEquals(List.of(), HistoryChecker.check(List.of(FIRST, SECOND), List.of(state, new HashMap<>(state))));
    }

    @Test
    void shouldFindALostAcknowledgedTransaction()
    {
        final Map<String, Stored> state = state(FIRST);
        state.put("1/c0", new Stored(100, "1"));
        final List<String> anomalies = HistoryChecker.check(List.of(FIRST, SECOND), List.of(state));
        assertTrue(anomalies.get(0).startsWith("lost: acknowledged"), anomalies.toString());
    }

    @Test
    void shouldFindATransactionAppliedTwice()
    {
        final Map<String, Stored> state = state(FIRST);
        state.put("2/m1", new Stored(300, "c0"));
        state.put("1/c0", new Stored(300, "2"));
        final List<String> anomalies = HistoryChecker.check(List.of(FIRST), List.of(state));
        assertTrue(anomalies.get(0).contains("is stored at position 300 (applied again?)"), anomalies.toString());
        assertTrue(anomalies.get(1).startsWith("counter c0 is Stored[version=300, value=2]"), anomalies.toString());
    }

    @Test
    void shouldFindALostUpdateThatIsNotSerializable()
    {
        final Op stale = new Op("m2", "c0", 0, 0, Outcome.ACKED, 200);
        final Map<String, Stored> state = state(FIRST, stale);
        state.put("1/c0", new Stored(200, "1"));
        final List<String> anomalies = HistoryChecker.check(List.of(FIRST, stale), List.of(state));
        assertTrue(anomalies.get(0).startsWith("not serializable in log order"), anomalies.toString());
    }

    @Test
    void shouldFindAnAbortedTransactionThatWasAppliedAndDivergentMembers()
    {
        final Op aborted = new Op("m2", "c0", 1, 100, Outcome.ABORTED, 0);
        final Map<String, Stored> state = state(FIRST);
        state.put("2/m2", new Stored(200, "c0"));
        state.put("1/c0", new Stored(100, "1"));
        final List<String> anomalies = HistoryChecker.check(List.of(FIRST, aborted), List.of(state, state(FIRST)));
        assertTrue(anomalies.get(0).startsWith("member dump 1 differs"), anomalies.toString());
        assertTrue(anomalies.get(1).startsWith("aborted Op[marker=m2"), anomalies.toString());
    }

    private static Map<String, Stored> state(final Op... ops)
    {
        final Map<String, Stored> state = new HashMap<>();
        for (final Op op : ops)
        {
            state.put("2/" + op.marker(), new Stored(op.position(), op.counter()));
        }
        return state;
    }
}
