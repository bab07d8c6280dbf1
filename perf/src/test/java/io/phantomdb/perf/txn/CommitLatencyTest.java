package io.phantomdb.perf.txn;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommitLatencyTest
{
    @Test
    void shouldMergeThreadsByConfigurationWhenHistogramsAreReadBack(@TempDir final Path dir)
    {
        final String label = CommitLatency.label("rocksdb", "always", "random", 2);
        final Histogram a = CommitLatency.newHistogram();
        final Histogram b = CommitLatency.newHistogram();
        final Histogram other = CommitLatency.newHistogram();
        for (int i = 1; i <= 1000; i++)
        {
            a.recordValue(i * 1_000L);
            b.recordValue(i * 1_000L + 1_000_000L);
        }
        other.recordValue(42);
        CommitLatency.write(dir, label, 0, a, 3);
        CommitLatency.write(dir, label, 1, b, 4);
        CommitLatency.write(dir, CommitLatency.label("sqlite", "none", "sequential", 1), 0, other, 0);

        final Map<String, CommitLatency.Merged> merged = CommitLatency.readAll(dir);

        assertEquals(2, merged.size());
        final CommitLatency.Merged m = merged.get("rocksdb-always-random-2");
        assertEquals(2000, m.histogram().getTotalCount());
        assertEquals(7, m.retries());
        assertEquals(2, m.files());
        assertEquals(1_000_000, m.histogram().getValueAtPercentile(50.0), 1_000);
        assertEquals(1, merged.get("sqlite-none-sequential-1").histogram().getTotalCount());
    }

    @Test
    void shouldReturnNothingWhenTheDirectoryIsMissing(@TempDir final Path dir)
    {
        assertEquals(Map.of(), CommitLatency.readAll(dir.resolve("none")));
    }
}
