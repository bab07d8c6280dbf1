package io.phantomdb.wal;

/**
 * When the {@link WalWriter} forces appended records to the storage device, and therefore when
 * {@link WalWriter#durableLsn()} advances.
 * <p>
 * <b>Note:</b> an enum; safe from any thread.
 */
public enum SyncPolicy
{
    /**
     * Every {@link WalWriter#append} forces the queue file before it returns; the record is durable when
     * {@code append} returns. Slowest; loses nothing that was acknowledged.
     */
    ALWAYS,

    /**
     * Group commit, the default: one force covers every record appended since the previous one. The writer forces
     * when {@link WalConfig#batchMaxRecords()} records are pending, or when the oldest pending record is
     * {@link WalConfig#batchWindowMicros()} old at the next {@code append} or {@link WalWriter#doWork()}. A
     * commit is acknowledged only once {@code durableLsn() >= lsn}, so nothing acknowledged is lost; latency is
     * bounded by the window plus the writer's duty cycle.
     */
    BATCH,

    /**
     * Never forces: records reach the OS page cache when appended and {@code durableLsn()} equals the last appended
     * LSN. Survives a process crash, not a power failure or kernel crash.
     */
    NONE
}
