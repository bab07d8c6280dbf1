/**
 * The write-ahead log: PhantomDB's record of every committed change, on Chronicle Queue.
 * <ul>
 *   <li>{@link io.phantomdb.wal.WalRecordDescriptor}: the record format; {@link io.phantomdb.wal.WalRecordEncoder}
 *       and {@link io.phantomdb.wal.WalRecordDecoder}: flyweights that write and read it without copying.</li>
 *   <li>{@link io.phantomdb.wal.WalWriter}: appends records, assigns LSNs, syncs by
 *       {@link io.phantomdb.wal.SyncPolicy}, recovers (cuts a torn tail) on open, retires old files.</li>
 *   <li>{@link io.phantomdb.wal.WalReader}: replays records from an LSN, validating each one.</li>
 *   <li>{@link io.phantomdb.wal.WalConfig}: the settings, validated once when the log opens.</li>
 * </ul>
 * On disk the log is a directory holding {@code wal.meta} (the segment table) and one Chronicle Queue directory
 * per writer session, {@code seg-NNNNNNNN/}; see {@code docs/wal.md}.
 * <p>
 * Threading: one writer thread owns the {@link io.phantomdb.wal.WalWriter}, its Chronicle appender, the file
 * channel it forces and {@code wal.meta}. Other threads read exactly one field of it, the durable LSN, which the
 * writer publishes with a volatile store after the fsync that made the records durable, so a thread that reads
 * {@code durableLsn() >= lsn} also sees that fsync as done. Waiters park on a monitor the writer notifies only
 * when someone waits. Replays run on any thread with their own queue instance, tailer and decoder.
 */
package io.phantomdb.wal;
