package io.phantomdb.proptest.txn;

import io.phantomdb.proptest.txn.ReferenceDriver.Fault;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.Shrinkable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.phantomdb.proptest.txn.TxnOp.delete;
import static io.phantomdb.proptest.txn.TxnOp.get;
import static io.phantomdb.proptest.txn.TxnOp.lock;
import static io.phantomdb.proptest.txn.TxnOp.next;
import static io.phantomdb.proptest.txn.TxnOp.open;
import static io.phantomdb.proptest.txn.TxnOp.put;
import static io.phantomdb.proptest.txn.TxnOp.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shows that every check of {@link HistoryChecker} can fail: each known anomaly, produced by a
 * {@link ReferenceDriver} with one fault on a hand-picked schedule or written by hand as a history, is reported
 * by the check meant for it, while the fault-free driver passes the same schedule. A last test shows the
 * random generator reaches every anomaly of the faulty drivers within a few hundred scenarios (a jqwik
 * {@code @Example}, because jqwik generators only run inside jqwik).
 */
class HistoryCheckerTest
{
    private static final TreeSet<Integer> K0_K1 = new TreeSet<>(List.of(0, 1));

    @Test
    void shouldReportDirtyReadWhenReaderSeesUncommittedWrite()
    {
        final Scenario scenario = Scenario.explicit(4, K0_K1,
            List.of(new TxnScript(List.of(put(0)), true), new TxnScript(List.of(get(0)), true)),
            1, 1, 2, 2, 2, 1);
        assertCaught(scenario, Level.READ_COMMITTED, Fault.DIRTY_READS, "dirty read: T2 read k0=T1.0");
    }

    @Test
    void shouldReportFuzzyReadAndNonSnapshotReadWhenRepeatableReadSeesNewerCommit()
    {
        final Scenario scenario = Scenario.explicit(4, K0_K1,
            List.of(new TxnScript(List.of(get(0), get(0)), true), new TxnScript(List.of(put(0)), true)),
            1, 1, 2, 2, 2, 1, 1);
        assertCaught(scenario, Level.REPEATABLE_READ, Fault.READ_LATEST, "fuzzy read: T1 read k0=I0");
        assertCaught(scenario, Level.REPEATABLE_READ, Fault.READ_LATEST, "non-snapshot read: T1 read k0=T2.0");
    }

    @Test
    void shouldReportPhantomWhenRangeGainsAKey()
    {
        final Scenario scenario = Scenario.explicit(4, K0_K1,
            List.of(new TxnScript(List.of(scan(0, 3, false), scan(0, 3, true)), true), new TxnScript(List.of(put(2)), true)),
            1, 1, 2, 2, 2, 1, 1);
        assertCaught(scenario, Level.SERIALIZABLE, Fault.READ_LATEST, "phantom: T1 read k2=null");
    }

    @Test
    void shouldReportLostUpdateWhenBothWritersCommit()
    {
        final Scenario scenario = Scenario.explicit(4, K0_K1,
            List.of(new TxnScript(List.of(get(0), put(0)), true), new TxnScript(List.of(get(0), put(0)), true)),
            1, 2, 1, 2, 1, 2, 1, 2);
        assertCaught(scenario, Level.REPEATABLE_READ, Fault.NO_VALIDATION, "lost update: T1 and T2 both wrote or locked k0");
    }

    @Test
    void shouldReportNonSerializableWhenWriteSkewCommits()
    {
        final Scenario scenario = Scenario.explicit(4, K0_K1,
            List.of(new TxnScript(List.of(get(0), get(1), put(0)), true), new TxnScript(List.of(get(0), get(1), put(1)), true)),
            1, 2, 1, 2, 1, 2, 1, 2, 1, 2);
        assertCaught(scenario, Level.SERIALIZABLE, Fault.SERIALIZABLE_AS_SNAPSHOT, "not serializable");
    }

    @Test
    void shouldReportNonSerializableWhenPhantomWriteSkewCommits()
    {
        final Scenario scenario = Scenario.explicit(4, K0_K1,
            List.of(new TxnScript(List.of(scan(0, 3, false), put(2)), true), new TxnScript(List.of(scan(0, 3, true), put(3)), true)),
            1, 2, 1, 2, 1, 2, 1, 2);
        assertCaught(scenario, Level.SERIALIZABLE, Fault.SERIALIZABLE_AS_SNAPSHOT, "not serializable");
    }

    @Test
    void shouldReportSpuriousAbortWhenDisjointWriterAborts()
    {
        final Scenario scenario = Scenario.explicit(4, K0_K1,
            List.of(new TxnScript(List.of(put(0)), true), new TxnScript(List.of(get(1), put(1)), true)),
            1, 2, 1, 2, 2, 1, 2);
        assertCaught(scenario, Level.SERIALIZABLE, Fault.SPURIOUS_ABORTS, "spurious abort: T2");
        assertCaught(scenario, Level.REPEATABLE_READ, Fault.SPURIOUS_ABORTS, "spurious abort: T2");
    }

    @Test
    void shouldReportFinalStateWhenCommittedDeleteIsLost()
    {
        final Scenario scenario = Scenario.explicit(4, K0_K1,
            List.of(new TxnScript(List.of(delete(0)), true), new TxnScript(List.of(get(0)), true)),
            1, 1, 1, 2, 2, 2);
        assertCaught(scenario, Level.READ_COMMITTED, Fault.LOSE_DELETES, "final state {0=I0, 1=I1}");
        assertCaught(scenario, Level.SERIALIZABLE, Fault.LOSE_DELETES, "non-snapshot read: T2 read k0=I0");
    }

    @Test
    void shouldReportNonMonotonicReadWhenReadCommittedGoesBackInTime()
    {
        final Scenario scenario = Scenario.explicit(4, K0_K1,
            List.of(new TxnScript(List.of(get(0), get(0), get(0)), true), new TxnScript(List.of(put(0)), true)),
            1, 2, 2, 2, 1, 1, 1, 1);
        assertCaught(scenario, Level.READ_COMMITTED, Fault.NON_MONOTONIC_READ_COMMITTED, "non-monotonic read: T1 read k0=I0");
        assertCaught(scenario, Level.READ_COMMITTED, Fault.NON_MONOTONIC_READ_COMMITTED, "stale read: T1 read k0=I0");
    }

    @Test
    void shouldReportStaleReadWhenReadCommittedCursorSkipsAheadOfItsStatement()
    {
        final Scenario scenario = Scenario.explicit(4, new TreeSet<>(List.of(0, 1, 2)),
            List.of(new TxnScript(List.of(open(0), next(), get(3), next()), true), new TxnScript(List.of(put(1), put(2)), true)),
            1, 1, 2, 2, 2, 2, 1, 1, 1, 1);
        assertCaught(scenario, Level.READ_COMMITTED, Fault.CURSOR_READS_LATEST, "stale read: T1 read k1=T2.0 at step #6");
    }

    @Test
    void shouldFailTheRunWhenAFinishedHandleStillWorks()
    {
        final Scenario scenario = Scenario.explicit(4, K0_K1,
            List.of(new TxnScript(List.of(put(0)), true), new TxnScript(List.of(get(0)), true)),
            1, 1, 1, 2, 2, 2);
        try (ReferenceDriver correct = new ReferenceDriver())
        {
            ScheduleRunner.run(correct, scenario, Level.SERIALIZABLE);
        }
        try (ReferenceDriver faulty = new ReferenceDriver(Fault.FINISHED_HANDLES_WORK))
        {
            final AssertionError error = assertThrows(AssertionError.class, () -> ScheduleRunner.run(faulty, scenario, Level.SERIALIZABLE));
            assertTrue(error.getMessage().contains("T1 had finished but its get(k0) at step #3 did not throw IllegalStateException"),
                error::getMessage);
        }
    }

    @Test
    void shouldReportIgnoredLockWhenReadCommittedLockerCommitsAfterConcurrentWriter()
    {
        final Scenario scenario = Scenario.explicit(4, K0_K1,
            List.of(new TxnScript(List.of(lock(0), put(0)), true), new TxnScript(List.of(put(0)), true)),
            1, 1, 2, 2, 2, 1, 1);
        assertCaught(scenario, Level.READ_COMMITTED, Fault.NO_VALIDATION, "lock ignored: T1 locked k0");
        assertCaught(scenario, Level.REPEATABLE_READ, Fault.NO_VALIDATION, "lost update: T2 and T1 both wrote or locked k0");
    }

    @Test
    void shouldReportStaleSnapshotIntermediateReadDamagedValueAndUnorderedScanInHandMadeHistory()
    {
        final History.Recorder recorder = new History.Recorder();
        recorder.begin(0, 1, 1);
        recorder.put(1, 1, 0, "T1.0");
        recorder.put(2, 1, 0, "T1.1");
        recorder.commit(3, 1, 2);
        recorder.begin(4, 2, 1);
        recorder.get(5, 2, 0, "T1.0");
        recorder.get(5, 2, 1, "T1.0!damaged");
        recorder.scan(6, 2, scan(0, 3, false), List.of(new History.Entry(1, "I1"), new History.Entry(0, "T1.1")), 2);
        recorder.commit(7, 2, 3);
        final TreeMap<Integer, String> initial = new TreeMap<>();
        initial.put(0, "I0");
        initial.put(1, "I1");
        final TreeMap<Integer, String> finalState = new TreeMap<>(initial);
        finalState.put(0, "T1.1");
        final History history = new History(Level.REPEATABLE_READ, 4, initial, 1, recorder.events(), finalState);
        final List<String> violations = HistoryChecker.check(history);
        assertContains(violations, "T2 began at step #4 with snapshot v1 but the latest committed version then was v2", history);
        assertContains(violations, "intermediate read: T2 read k0=T1.0", history);
        assertContains(violations, "T2 read k1=T1.0!damaged at step #5, a value no transaction wrote to k1", history);
        assertContains(violations, "T2 scan at step #6 returned [k1=I1, k0=T1.1]: out of order", history);
        assertContains(violations, "fuzzy read: T2 read k0=T1.0 at step #5 then k0=T1.1", history);
    }

    @Example
    void shouldFindEveryFaultFromGeneratedScenarios()
    {
        final Arbitrary<Scenario> scenarios = TxnScenarios.overlapping();
        final Random random = new Random(20261124L);
        final List<Object[]> cases = List.of(
            new Object[] {Level.READ_COMMITTED, Fault.DIRTY_READS},
            new Object[] {Level.REPEATABLE_READ, Fault.READ_LATEST},
            new Object[] {Level.REPEATABLE_READ, Fault.NO_VALIDATION},
            new Object[] {Level.SERIALIZABLE, Fault.SERIALIZABLE_AS_SNAPSHOT},
            new Object[] {Level.SERIALIZABLE, Fault.SPURIOUS_ABORTS},
            new Object[] {Level.READ_COMMITTED, Fault.LOSE_DELETES},
            new Object[] {Level.READ_COMMITTED, Fault.NON_MONOTONIC_READ_COMMITTED},
            new Object[] {Level.READ_COMMITTED, Fault.CURSOR_READS_LATEST});
        for (final Object[] c : cases)
        {
            final Level level = (Level)c[0];
            final Fault fault = (Fault)c[1];
            int found = 0;
            for (int i = 0; i < 500 && found == 0; i++)
            {
                final Shrinkable<Scenario> scenario = scenarios.generator(100).next(random);
                try (ReferenceDriver driver = new ReferenceDriver(fault))
                {
                    found += HistoryChecker.check(ScheduleRunner.run(driver, scenario.value(), level)).isEmpty() ? 0 : 1;
                }
            }
            assertTrue(found > 0, "500 generated scenarios at " + level + " did not reveal " + fault);
        }
    }

    private static void assertCaught(final Scenario scenario, final Level level, final Fault fault, final String expected)
    {
        try (ReferenceDriver correct = new ReferenceDriver())
        {
            final History history = ScheduleRunner.run(correct, scenario, level);
            assertEquals(List.of(), HistoryChecker.check(history), () -> "fault-free driver: " + scenario + "\n" + history);
        }
        try (ReferenceDriver faulty = new ReferenceDriver(fault))
        {
            final History history = ScheduleRunner.run(faulty, scenario, level);
            assertContains(HistoryChecker.check(history), expected, history);
        }
    }

    private static void assertContains(final List<String> violations, final String expected, final History history)
    {
        assertTrue(violations.stream().anyMatch(v -> v.startsWith(expected)),
            () -> "expected a violation starting with \"" + expected + "\" but got " + violations + "\n" + history);
    }
}
