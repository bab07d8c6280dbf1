package io.phantomdb.core.txn;

import java.nio.file.Path;

/**
 * The transactional key/value engine: MVCC transactions over {@link Keyspace}s, committed by one writer thread
 * through a write-ahead log, with checkpoints and crash recovery.
 * <p>
 * Files under the engine's directory: {@code data.btree} (the B+tree holding every {@link StorageKind#BTREE}
 * keyspace; it is also the checkpoint), {@code lsm/} (the LSM tree of {@link StorageKind#LSM} keyspaces) and
 * {@code wal/} (the write-ahead log). See {@code docs/engine.md} for the design.
 * <pre>{@code
 * try (Engine engine = Engine.open(Path.of("data"), new EngineConfig()))
 * {
 *     Keyspace accounts = new Keyspace(1, StorageKind.BTREE);
 *     try (Transaction tx = engine.begin(IsolationLevel.SERIALIZABLE))
 *     {
 *         DirectBuffer balance = tx.get(accounts, key, 0, key.capacity());
 *         tx.put(accounts, key, 0, key.capacity(), newBalance, 0, 8);
 *         tx.commit();   // durable per the sync policy; may throw TransactionConflictException: retry
 *     }
 * }
 * }</pre>
 * <p>
 * <b>Note:</b> thread safe: {@link #begin}, {@link #lastCommittedVersion()}, {@link #checkpoint()},
 * {@link #lastRecovery()} and {@link #close()} may be called from any thread. Each {@link Transaction} belongs to
 * one thread at a time.
 */
public final class Engine implements AutoCloseable
{
    private Engine()
    {
    }

    /**
     * Open the engine in a directory, creating it when missing, and recover: open the B+tree at its last
     * checkpoint, replay the WAL after it, cut a torn tail.
     *
     * @param directory the engine's directory.
     * @param config    the settings; validated here.
     * @return the open engine; its writer thread is running.
     * @throws IllegalArgumentException          if the configuration is invalid.
     * @throws io.phantomdb.CorruptionException if a store or the WAL fails a check (naming the file and offset).
     * @throws io.phantomdb.PhantomException    on an I/O failure.
     */
    public static Engine open(final Path directory, final EngineConfig config)
    {
        throw new UnsupportedOperationException("not implemented yet: " + directory + ' ' + config);
    }

    /**
     * Start an engine that keeps everything in anonymous memory: no files, no WAL; nothing survives close.
     *
     * @param config the settings; validated here ({@link EngineConfig#inMemory()} is implied).
     * @return the open engine.
     */
    public static Engine inMemory(final EngineConfig config)
    {
        throw new UnsupportedOperationException("not implemented yet: " + config);
    }

    /**
     * Begin a transaction. Any thread.
     *
     * @param level the isolation level.
     * @return a new active transaction; close it (or commit or roll back) when done.
     * @throws io.phantomdb.ClosedException if the engine is closed or has failed.
     */
    public Transaction begin(final IsolationLevel level)
    {
        throw new UnsupportedOperationException("not implemented yet: " + level);
    }

    /**
     * @return the version of the last commit visible to new transactions (0 for an empty engine). Any thread.
     */
    public long lastCommittedVersion()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Run a checkpoint now on the writer thread and wait for it: flush the stores with the LSN they cover, then
     * retire the WAL before it. Any thread.
     *
     * @throws io.phantomdb.ClosedException  if the engine is closed.
     * @throws io.phantomdb.PhantomException if the checkpoint fails.
     */
    public void checkpoint()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * @return what recovery did when this engine opened. Any thread.
     */
    public RecoveryReport lastRecovery()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Stop accepting transactions, commit what is queued, checkpoint, close the WAL and the stores. Idempotent.
     * Transactions still active afterwards fail with {@link io.phantomdb.ClosedException}.
     */
    @Override
    public void close()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
