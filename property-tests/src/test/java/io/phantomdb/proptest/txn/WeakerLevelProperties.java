package io.phantomdb.proptest.txn;

import io.phantomdb.core.txn.StorageKind;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;

import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static io.phantomdb.proptest.txn.TxnOp.get;
import static io.phantomdb.proptest.txn.TxnOp.put;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline (generator, runner, PhantomDB, checker) can fail: histories the real engine produces at a
 * weaker level are rejected by the checks of a stronger one. READ_COMMITTED runs judged as REPEATABLE_READ show
 * fuzzy reads; REPEATABLE_READ runs judged as SERIALIZABLE show write skew.
 */
class WeakerLevelProperties
{
    @Example
    void repeatableReadChecksShouldRejectReadCommittedFuzzyRead()
    {
        final Scenario fuzzy = Scenario.explicit(4, new TreeSet<>(List.of(0, 1)),
            List.of(new TxnScript(List.of(get(0), get(0)), true), new TxnScript(List.of(put(0)), true)),
            1, 1, 2, 2, 2, 1, 1);
        final History history = runAs(fuzzy, Level.READ_COMMITTED, Level.REPEATABLE_READ);
        final List<String> violations = HistoryChecker.check(history);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("fuzzy read: T1 read k0=I0")), () -> violations + "\n" + history);
    }

    @Example
    void serializableChecksShouldRejectRepeatableReadWriteSkew()
    {
        final Scenario skew = Scenario.explicit(2, new TreeSet<>(List.of(0, 1)),
            List.of(new TxnScript(List.of(get(0), get(1), put(0)), true), new TxnScript(List.of(get(0), get(1), put(1)), true)),
            1, 2, 1, 2, 1, 2, 1, 2, 1, 2);
        final History history = runAs(skew, Level.REPEATABLE_READ, Level.SERIALIZABLE);
        final List<String> violations = HistoryChecker.check(history);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("not serializable")), () -> violations + "\n" + history);
    }

    /**
     * Documented READ_COMMITTED cursor behaviour on the engine: a commit between opening a cursor and its next
     * is not seen (the next continues in the open's version) until a later statement (a get) re-pins; at the
     * snapshot levels the cursor stays on the snapshot.
     */
    @Example
    void longLivedCursorShouldContinueInItsLatestStatementVersion()
    {
        final Scenario scenario = Scenario.explicit(4, new TreeSet<>(List.of(0, 1, 2)),
            List.of(new TxnScript(List.of(TxnOp.open(0), TxnOp.next(), get(3), TxnOp.next()), true),
                new TxnScript(List.of(put(1), put(2)), true)),
            1, 1, 2, 2, 2, 2, 1, 1, 1, 1);
        for (final Level level : Level.values())
        {
            final History history = runAs(scenario, level, level);
            final List<String> seen = history.events().stream()
                .filter(e -> e.type() == History.Type.CURSOR && "next".equals(e.detail())).map(e -> e.entries().toString()).toList();
            final List<String> expected = level == Level.READ_COMMITTED ? List.of("[k1=I1]", "[k2=T2.1]") : List.of("[k1=I1]", "[k2=I2]");
            assertTrue(seen.equals(expected) && HistoryChecker.check(history).isEmpty(),
                () -> "expected nexts " + expected + " got " + seen + ", " + HistoryChecker.check(history) + "\n" + history);
        }
    }

    @Example
    void generatedSchedulesShouldRevealEachWeakerLevel()
    {
        final Arbitrary<Scenario> scenarios = TxnScenarios.overlapping();
        final Random random = new Random(20261124L);
        for (final Level[] pair : new Level[][] {
            {Level.READ_COMMITTED, Level.REPEATABLE_READ}, {Level.REPEATABLE_READ, Level.SERIALIZABLE}})
        {
            int revealed = 0;
            int tries = 0;
            while (revealed == 0 && tries++ < 300)
            {
                revealed += HistoryChecker.check(runAs(scenarios.generator(100).next(random).value(), pair[0], pair[1])).isEmpty() ? 0 : 1;
            }
            System.out.println(pair[0] + " judged as " + pair[1] + ": first violation after " + tries + " generated schedules");
            assertTrue(revealed > 0, "300 schedules run at " + pair[0] + " all passed the " + pair[1] + " checks");
        }
    }

    private static History runAs(final Scenario scenario, final Level run, final Level judge)
    {
        final History history;
        try (EngineDriver driver = new EngineDriver(StorageKind.BTREE, 1))
        {
            history = ScheduleRunner.run(driver, scenario, run);
        }
        return new History(judge, history.keys(), history.initial(), history.initialVersion(), history.events(), history.finalState());
    }
}
