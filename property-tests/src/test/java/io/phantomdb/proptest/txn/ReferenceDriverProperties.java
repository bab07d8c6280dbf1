package io.phantomdb.proptest.txn;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The checker against the fault-free {@link ReferenceDriver}: a correct engine must pass every check at every
 * level on every generated schedule. This guards the checker against false alarms, so that a failure against
 * PhantomDB is the engine's.
 */
class ReferenceDriverProperties
{
    @Property(tries = 300)
    void shouldPassEveryCheckWhenTheEngineIsCorrect(@ForAll final Level level, @ForAll("overlapping") final Scenario scenario)
    {
        try (ReferenceDriver driver = new ReferenceDriver())
        {
            final History history = ScheduleRunner.run(driver, scenario, level);
            final List<String> violations = HistoryChecker.check(history);
            assertEquals(List.of(), violations, () -> scenario + "\n" + history);
        }
    }

    @Property(tries = 100)
    void shouldCommitEveryTransactionWhenKeysAreDisjoint(@ForAll final Level level, @ForAll("disjoint") final Scenario scenario)
    {
        try (ReferenceDriver driver = new ReferenceDriver())
        {
            final History history = ScheduleRunner.run(driver, scenario, level);
            assertEquals(List.of(), TxnChecks.disjointViolations(history), () -> scenario + "\n" + history);
        }
    }

    @Provide
    Arbitrary<Scenario> overlapping()
    {
        return TxnScenarios.overlapping();
    }

    @Provide
    Arbitrary<Scenario> disjoint()
    {
        return TxnScenarios.disjoint();
    }
}
