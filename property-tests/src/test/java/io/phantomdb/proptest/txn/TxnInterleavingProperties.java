package io.phantomdb.proptest.txn;

import io.phantomdb.core.txn.Engine;
import io.phantomdb.core.txn.EngineConfig;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.StorageKind;
import io.phantomdb.wal.SyncPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * PhantomDB transactions against the isolation model: jqwik generates 2 to 5 transactions of 1 to 6 ops (get,
 * put, delete, forward and reverse range scans, lockForUpdate) over 4 to 8 keys and an interleaving of their
 * steps; {@link ScheduleRunner} runs it on one thread against a fresh in-memory engine and {@link HistoryChecker}
 * checks the recorded history for the level. A storage kind an in-memory engine lacks (LSM) runs on disk. On failure the message lists the violations, the scenario and
 * the history step by step; jqwik prints the seed (rerun with {@code @Property(seed = "...")}) and shrinks
 * towards fewer, shorter transactions and a serial schedule.
 */
class TxnInterleavingProperties
{
    private static final long TRY_MILLIS = 30_000;

    @Property(tries = 500)
    void serializableHistoriesShouldBeEquivalentToCommitOrder(
        @ForAll("kinds") final StorageKind kind, @ForAll @IntRange(min = 1, max = 1000) final int keyspace,
        @ForAll("overlapping") final Scenario scenario)
    {
        check(kind, keyspace, scenario, Level.SERIALIZABLE);
    }

    @Property(tries = 500)
    void repeatableReadHistoriesShouldBeSnapshotIsolated(
        @ForAll("kinds") final StorageKind kind, @ForAll @IntRange(min = 1, max = 1000) final int keyspace,
        @ForAll("overlapping") final Scenario scenario)
    {
        check(kind, keyspace, scenario, Level.REPEATABLE_READ);
    }

    @Property(tries = 300)
    void readCommittedHistoriesShouldReadTheLatestCommittedState(
        @ForAll("kinds") final StorageKind kind, @ForAll @IntRange(min = 1, max = 1000) final int keyspace,
        @ForAll("overlapping") final Scenario scenario)
    {
        check(kind, keyspace, scenario, Level.READ_COMMITTED);
    }

    @Property(tries = 200)
    void shouldCommitEveryTransactionWhenKeysAreDisjoint(
        @ForAll final Level level, @ForAll("kinds") final StorageKind kind, @ForAll @IntRange(min = 1, max = 1000) final int keyspace,
        @ForAll("disjoint") final Scenario scenario)
    {
        final History history = run(kind, keyspace, scenario, level);
        report(kind, keyspace, scenario, history, TxnChecks.disjointViolations(history));
    }

    /**
     * Larger schedules: up to 8 transactions of up to 10 ops over up to 12 keys, so a transaction validates
     * against many commits since its snapshot with several read ranges, and long transactions span many
     * short ones.
     */
    @Property(tries = 250)
    void largerSchedulesShouldHoldAtEveryLevel(
        @ForAll final Level level, @ForAll("kinds") final StorageKind kind, @ForAll("larger") final Scenario scenario)
    {
        check(kind, 1, scenario, level);
    }

    @Provide
    Arbitrary<Scenario> larger()
    {
        return TxnScenarios.overlapping(12, 8, 10);
    }

    /**
     * One transaction over two keyspaces: keys below half the key space in one, the rest in another with the
     * same key bytes, of the same store or (on disk) of the B+tree and the LSM tree. The snapshot and conflict
     * checks hold across both: one pinned version is a consistent snapshot of every keyspace, and conflicts are
     * per keyspace and key.
     */
    @Property(tries = 150)
    void historiesShouldHoldWhenTransactionsSpanTwoKeyspaces(
        @ForAll("snapshotLevels") final Level level, @ForAll("kinds") final StorageKind second,
        @ForAll @IntRange(min = 1, max = 500) final int keyspace, @ForAll("overlapping") final Scenario scenario)
    {
        final Keyspace first = new Keyspace(keyspace, StorageKind.BTREE);
        final Keyspace other = new Keyspace(keyspace + 10, second);
        final History history = Bounded.call(() ->
        {
            try (EngineDriver driver = EngineDriver.twoKeyspaces(first, other, scenario.keys() / 2))
            {
                return ScheduleRunner.run(driver, scenario, level);
            }
        }, TRY_MILLIS, () -> level + " on keyspaces " + first + " and " + other + ", split at k" + scenario.keys() / 2 + "\n" + scenario);
        collectStatistics(history);
        report(second, keyspace, scenario, history, HistoryChecker.check(history));
    }

    @Provide
    Arbitrary<Level> snapshotLevels()
    {
        return Arbitraries.of(Level.REPEATABLE_READ, Level.SERIALIZABLE);
    }

    /**
     * On disk (WAL with sync policy NONE), with a checkpoint after every commit and every fourth step while other
     * transactions are open: the serializable checks hold, and after close and reopen the engine holds exactly
     * the committed state, nothing of aborted or rolled-back transactions.
     */
    @Property(tries = 30)
    void serializableHistoriesShouldHoldAndSurviveReopenWhenOnDisk(
        @ForAll("kinds") final StorageKind kind, @ForAll("overlapping") final Scenario scenario)
    {
        final Path dir = EngineDriver.temporaryDirectory();
        try
        {
            final EngineConfig config = EngineDriver.config().syncPolicy(SyncPolicy.NONE);
            final History history = Bounded.call(() ->
            {
                try (EngineDriver driver = new EngineDriver(Engine.open(dir, config), kind, 1))
                {
                    return ScheduleRunner.run(driver, scenario, Level.SERIALIZABLE, true);
                }
            }, TRY_MILLIS, scenario::toString);
            final List<String> violations = new ArrayList<>(HistoryChecker.check(history));
            final NavigableMap<Integer, String> recovered = Bounded.call(() ->
            {
                try (EngineDriver reopened = new EngineDriver(Engine.open(dir, config), kind, 1))
                {
                    return reopened.read(scenario.keys());
                }
            }, TRY_MILLIS, () -> "reopen of " + dir);
            if (!recovered.equals(history.finalState()))
            {
                violations.add("after reopen the state is " + recovered + ", before close it was " + history.finalState());
            }
            report(kind, 1, scenario, history, violations);
        }
        finally
        {
            EngineDriver.deleteRecursively(dir);
        }
    }

    /**
     * The kinds the engine has, in-memory ones four times as often: a try on disk costs some 20 times more.
     */
    @Provide
    Arbitrary<StorageKind> kinds()
    {
        final List<Tuple.Tuple2<Integer, StorageKind>> weighted = new ArrayList<>();
        for (final StorageKind kind : EngineKinds.all())
        {
            weighted.add(Tuple.of(EngineKinds.inMemory(kind) ? 4 : 1, kind));
        }
        return Arbitraries.frequency(weighted);
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

    private static void check(final StorageKind kind, final int keyspace, final Scenario scenario, final Level level)
    {
        final History history = run(kind, keyspace, scenario, level);
        collectStatistics(history);
        report(kind, keyspace, scenario, history, HistoryChecker.check(history));
    }

    private static History run(final StorageKind kind, final int keyspace, final Scenario scenario, final Level level)
    {
        return Bounded.call(() ->
        {
            try (EngineDriver driver = new EngineDriver(kind, keyspace))
            {
                return ScheduleRunner.run(driver, scenario, level);
            }
        }, TRY_MILLIS, () -> level + " on keyspace " + keyspace + " " + kind + "\n" + scenario);
    }

    /**
     * Shows in the jqwik report how often the schedules produce what the checks are about: aborts, scans,
     * transactions overlapping in time.
     */
    private static void collectStatistics(final History history)
    {
        int aborts = 0;
        int open = 0;
        boolean overlap = false;
        boolean scans = false;
        for (final History.Event event : history.events())
        {
            switch (event.type())
            {
                case BEGIN -> overlap |= ++open > 1;
                case COMMIT, ROLLBACK -> open--;
                case CONFLICT ->
                {
                    open--;
                    aborts++;
                }
                case SCAN -> scans = true;
                default ->
                {
                }
            }
        }
        Statistics.label("40001 aborts").collect(Math.min(aborts, 2) + (aborts >= 2 ? "+" : ""));
        Statistics.label("concurrent transactions").collect(overlap);
        Statistics.label("has a scan").collect(scans);
    }

    static void report(
        final StorageKind kind, final int keyspace, final Scenario scenario, final History history, final List<String> violations)
    {
        if (!violations.isEmpty())
        {
            final StringBuilder message = new StringBuilder();
            message.append(violations.size()).append(" violation(s) on keyspace ").append(keyspace).append(' ').append(kind).append(":\n");
            violations.forEach(violation -> message.append("  - ").append(violation).append('\n'));
            message.append(scenario).append('\n').append(history);
            fail(message.toString());
        }
    }
}
