package io.phantomdb.core.txn;

/**
 * A snapshot of the engine's counters since open, for monitoring (the server's {@code /metrics}).
 *
 * @param commits     transactions committed through the writer (read-only ones excluded).
 * @param conflicts   commits refused with {@link TransactionConflictException}.
 * @param walSyncs    forces of WAL files (0 in memory).
 * @param checkpoints checkpoints taken.
 * @param walBytes    bytes of WAL records appended (0 in memory).
 * @param checkpointNanos time spent in checkpoints, in nanoseconds.
 * <p>
 * <b>Note:</b> immutable; the counters are read one after the other, not atomically together.
 */
public record EngineMetrics(
    long commits, long conflicts, long walSyncs, long checkpoints, long walBytes, long checkpointNanos)
{
    /**
     * @param engine the engine.
     * @return its counters now.
     */
    public static EngineMetrics of(final Engine engine)
    {
        return new EngineMetrics(
            engine.commitCount(), engine.conflictCount(), engine.walSyncCount(), engine.checkpointCount(),
            engine.walBytes(), engine.checkpointNanos());
    }
}
