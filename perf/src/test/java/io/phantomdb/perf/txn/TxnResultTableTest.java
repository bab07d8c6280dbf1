package io.phantomdb.perf.txn;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TxnResultTableTest
{
    private static final TxnStoreRegistry.StoreType OURS = new TxnStoreRegistry.StoreType("ours", true, (dir, sync) -> null);

    @Test
    void shouldOrderRowsNoneFirstThenAlwaysByCommittersWhenConfigsAreBuilt()
    {
        assertEquals(List.of(
                new TxnResultTable.Config("none", 1, "sequential"),
                new TxnResultTable.Config("always", 1, "sequential"),
                new TxnResultTable.Config("always", 16, "sequential")),
            TxnResultTable.configs(List.of(1, 16), List.of("sequential")));
        assertEquals(List.of(new TxnResultTable.Config("always", 4, "random")), TxnResultTable.configs(List.of(4), List.of("random")));
    }

    @Test
    void shouldShowRatiosAndGoalsWhenPhantomDbAndPeersHaveResults()
    {
        final List<TxnStoreRegistry.StoreType> stores = List.of(
            OURS, TxnStoreRegistry.get(TxnStoreRegistry.MVSTORE), TxnStoreRegistry.get(TxnStoreRegistry.SQLITE));
        final List<TxnResultTable.Measurement> results = List.of(
            new TxnResultTable.Measurement("none", 1, "sequential", "ours", 2_000_000, 0.05, 400, 3_000, 9_000, 0, 3_000),
            new TxnResultTable.Measurement("none", 1, "sequential", "mvstore", 500_000, 0.1, 1_000, 20_000, 80_000, 120, 3_000),
            new TxnResultTable.Measurement("none", 1, "sequential", "sqlite", 100_000, Double.NaN, 9_000, 19_000, 190_000, 48, 3_000),
            new TxnResultTable.Measurement("always", 16, "sequential", "ours", 30_000, 0.1, 400_000, 900_000, 2_000_000, 0, 3_000),
            new TxnResultTable.Measurement("always", 16, "sequential", "sqlite", 20_000, 0.1, 500_000, 5_000_000, 9_000_000, 48, 3_000));
        final TxnResultTable table = new TxnResultTable(
            List.of(new TxnResultTable.Config("none", 1, "sequential"), new TxnResultTable.Config("always", 16, "sequential")),
            stores, results, true);

        assertEquals(String.join("\n",
            "sync    committers  keys        store          commits/s  p50 \u00b5s  p99 \u00b5s  p99.9 \u00b5s  timed  B/op  PhantomDB/store",
            "------  ----------  ----------  -------  ---------------  ------  ------  --------  -----  ----  ---------------",
            "none             1  sequential  ours     2,000,000 \u00b1  5%    0.40    3.00      9.00  3,000     0",
            "none             1  sequential  mvstore    500,000 \u00b1 10%    1.00    20.0      80.0  3,000   120            4.00x",
            "none             1  sequential  sqlite     100,000 \u00b1   ?    9.00    19.0     190.0  3,000    48           20.00x",
            "always          16  sequential  ours        30,000 \u00b1 10%   400.0   900.0     2,000  3,000     0",
            "always          16  sequential  mvstore                -       -       -         -      -     -                -",
            "always          16  sequential  sqlite      20,000 \u00b1 10%   500.0   5,000     9,000  3,000    48            1.50x",
            ""), table.toText());
        assertEquals(List.of(
                "sync=none, 1 committer, sequential keys: PhantomDB >= 1,000,000 commits/s: 2,000,000 commits/s: met",
                "sync=none, 1 committer, sequential keys: PhantomDB p99 < 5 \u00b5s: p99 3.00 \u00b5s: met",
                "sync=none, 1 committer, sequential keys: PhantomDB >= 5x mvstore: 4.00x: NOT met",
                "sync=always, 16 committers, sequential keys: PhantomDB >= 2x sqlite: 1.50x: NOT met"),
            table.goals());
        assertEquals(List.of("sync=always committers=16 sequential on mvstore"), table.missing());
        assertTrue(table.toMarkdown().startsWith(
            "| sync | committers | keys | store | commits/s | p50 \u00b5s | p99 \u00b5s | p99.9 \u00b5s | timed | B/op | PhantomDB/store |\n" +
            "|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|\n"), table.toMarkdown());
    }

    @Test
    void shouldSayNotMeasuredWhenPhantomDbIsNotInTheRun()
    {
        final TxnResultTable table = new TxnResultTable(
            List.of(new TxnResultTable.Config("none", 1, "random")),
            List.of(TxnStoreRegistry.get(TxnStoreRegistry.MVSTORE)),
            List.of(new TxnResultTable.Measurement("none", 1, "random", "mvstore", 500_000, 0.1, 1_000, 20_000, 80_000, Double.NaN, 3_000)),
            false);
        assertEquals("sync=none, 1 committer, random keys: PhantomDB >= 5x mvstore: not measured", table.goals().get(2));
        assertTrue(table.toText().contains("mvstore  500,000 \u00b1 10%    1.00    20.0      80.0  3,000                -\n"), table.toText());
    }
}
