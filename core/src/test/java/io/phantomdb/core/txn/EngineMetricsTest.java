package io.phantomdb.core.txn;

import io.phantomdb.wal.SyncPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.phantomdb.core.txn.TxTestSupport.KS;
import static io.phantomdb.core.txn.TxTestSupport.commitPut;
import static io.phantomdb.core.txn.TxTestSupport.smallConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineMetricsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldCountCommitsWalBytesSyncsAndCheckpointTimeWhenFileBacked()
    {
        try (Engine engine = Engine.open(dir, smallConfig().syncPolicy(SyncPolicy.ALWAYS)))
        {
            final EngineMetrics before = EngineMetrics.of(engine);
            for (int i = 0; i < 10; i++)
            {
                commitPut(engine, KS, "k" + i, "value-" + i);
            }
            engine.checkpoint();
            final EngineMetrics after = EngineMetrics.of(engine);
            assertEquals(10, after.commits() - before.commits(), after.toString());
            assertTrue(after.walBytes() - before.walBytes() >= 10 * "value-0".length(), after.toString());
            assertTrue(after.walSyncs() > before.walSyncs(), after.toString());
            assertTrue(after.checkpoints() > before.checkpoints(), after.toString());
            assertTrue(after.checkpointNanos() > before.checkpointNanos(), after.toString());
        }
    }

    @Test
    void shouldCountNoWalWhenInMemory()
    {
        try (Engine engine = Engine.inMemory(smallConfig()))
        {
            commitPut(engine, KS, "k", "v");
            final EngineMetrics metrics = EngineMetrics.of(engine);
            assertEquals(1, metrics.commits());
            assertEquals(0, metrics.walBytes());
            assertEquals(0, metrics.walSyncs());
        }
    }
}
