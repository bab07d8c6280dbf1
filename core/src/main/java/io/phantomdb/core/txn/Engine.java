package io.phantomdb.core.txn;

import io.phantomdb.ClosedException;
import io.phantomdb.PhantomException;
import io.phantomdb.index.SortedByteMap;
import io.phantomdb.index.btree.BTree;
import io.phantomdb.index.btree.BTreeConfig;
import io.phantomdb.index.lsm.LsmTree;
import io.phantomdb.wal.SyncPolicy;
import io.phantomdb.wal.WalConfig;
import io.phantomdb.wal.WalEventListener;
import io.phantomdb.wal.WalWriter;
import org.agrona.concurrent.AgentRunner;
import org.jctools.queues.MpmcArrayQueue;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The transactional key/value engine: MVCC transactions over {@link Keyspace}s, committed by one writer thread
 * through a write-ahead log, with checkpoints and crash recovery.
 * <p>
 * Files under the engine's directory: {@code data.btree} (the B+tree holding every {@link StorageKind#BTREE}
 * keyspace; it is also the checkpoint), {@code lsm/} (the LSM tree of {@link StorageKind#LSM} keyspaces; an in-memory engine has none and
 * refuses LSM keyspaces with {@link IllegalArgumentException}) and {@code wal/} (the write-ahead log). See {@code docs/engine.md} for the design.
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
 * {@link #lastRecovery()}, the metrics and {@link #close()} may be called from any thread. Each
 * {@link Transaction} belongs to one thread at a time.
 */
public final class Engine implements AutoCloseable
{
    /** Most transactions that may be active at once. */
    public static final int MAX_ACTIVE_TRANSACTIONS = 4096;

    private static final System.Logger LOGGER = System.getLogger("io.phantomdb.core.txn");
    private static final String BTREE_FILE = "data.btree";
    private static final String WAL_DIRECTORY = "wal";
    private static final String LSM_DIRECTORY = "lsm";
    private static final long CLOSE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final String name;
    private final SortedByteMap[] stores;
    private final VersionClock clock;
    private final SnapshotRegistry registry = new SnapshotRegistry(MAX_ACTIVE_TRANSACTIONS);
    private final CommitQueue queue;
    private final WriterAgent writer;
    private final AgentRunner runner;
    private final MpmcArrayQueue<TxContext> pool = new MpmcArrayQueue<>(MAX_ACTIVE_TRANSACTIONS);
    private final AtomicLong transactionIds = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final RecoveryReport recovery;
    private final int maxKeyLength;
    private final int maxValueLength;
    private final int maxRecordLength;
    private volatile boolean closed;

    private Engine(
        final String name, final EngineConfig config, final SortedByteMap[] stores, final WalWriter wal,
        final long version, final RecoveryReport recovery, final int maxRecordLength)
    {
        this.name = name;
        this.stores = stores;
        this.recovery = recovery;
        this.clock = new VersionClock(version);
        this.queue = new CommitQueue(config.commitQueueCapacity(), config.commitQueueTimeoutMillis());
        this.writer = new WriterAgent(name, config, queue, registry, clock, stores, wal,
            null != recovery && recovery.recordsReplayed() > 0);
        int maxKey = Integer.MAX_VALUE;
        int maxValue = Integer.MAX_VALUE;
        for (final SortedByteMap store : stores)
        {
            if (null != store)
            {
                maxKey = Math.min(maxKey, store.maxKeyLength() - EngineKeyDescriptor.STORE_PREFIX_LENGTH);
                maxValue = Math.min(maxValue, store.maxValueLength());
            }
        }
        this.maxKeyLength = maxKey;
        this.maxValueLength = maxValue;
        this.maxRecordLength = maxRecordLength;
        this.runner = new AgentRunner(
            queue.idleStrategy(config.writerIdleStrategy().get()),
            ex -> LOGGER.log(Level.ERROR, name + " writer error", ex), null, writer);
        AgentRunner.startOnThread(runner, r ->
        {
            final Thread thread = new Thread(r, "phantomdb-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Open the engine in a directory, creating it when missing, and recover: open the B+tree at its last
     * checkpoint, replay the WAL after it, cut a torn tail. The recovery is logged ({@link System.Logger}
     * {@code io.phantomdb.core.txn}, INFO) and kept in {@link #lastRecovery()}.
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
        config.validate();
        if (config.inMemory())
        {
            return inMemory(config);
        }
        final long start = System.nanoTime();
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot create engine directory " + directory, ex);
        }
        final Path btreeFile = directory.resolve(BTREE_FILE);
        final BTree btree = BTree.open(btreeFile, BTreeConfig.of(config.btreePageSize(), config.btreeSegmentSize()));
        final SortedByteMap[] stores = new SortedByteMap[StorageKind.values().length];
        stores[StorageKind.BTREE.ordinal()] = btree;
        WalWriter wal = null;
        try
        {
            stores[StorageKind.LSM.ordinal()] = LsmTree.open(directory.resolve(LSM_DIRECTORY), config.lsmConfig());
            final TornTailRecorder tornTail = new TornTailRecorder();
            final WalConfig walConfig = walConfig(directory.resolve(WAL_DIRECTORY), config, tornTail);
            final Recovery recovered = Recovery.run(stores, walConfig, maxStoreKeyLength(stores), btreeFile);
            wal = WalWriter.open(walConfig);
            if (wal.nextLsn() < recovered.checkpointLsn())
            {
                throw new PhantomException("the WAL in " + walConfig.directory() + " ends before lsn " + wal.nextLsn() +
                    " but the checkpoint in " + btreeFile + " covers up to lsn " + recovered.checkpointLsn() +
                    ": the WAL was replaced or truncated");
            }
            final RecoveryReport report = new RecoveryReport(recovered.checkpointLsn(), recovered.checkpointVersion(),
                recovered.recordsReplayed(), wal.nextLsn() - 1, tornTail.cut, tornTail.file, tornTail.position,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            LOGGER.log(Level.INFO, "engine {0} recovered: {1}", directory, report);
            return new Engine("engine " + directory, config, stores, wal, recovered.lastVersion(), report,
                walConfig.maxRecordLength());
        }
        catch (final RuntimeException ex)
        {
            if (null != wal)
            {
                closeOnFailure(wal, ex);
            }
            for (final SortedByteMap store : stores)
            {
                if (null != store)
                {
                    closeOnFailure(store, ex);
                }
            }
            throw ex;
        }
    }

    private static int maxStoreKeyLength(final SortedByteMap[] stores)
    {
        int max = 0;
        for (final SortedByteMap store : stores)
        {
            if (null != store)
            {
                max = Math.max(max, store.maxKeyLength());
            }
        }
        return max;
    }

    private static void closeOnFailure(final AutoCloseable closeable, final RuntimeException failure)
    {
        try
        {
            closeable.close();
        }
        catch (final Exception ex)
        {
            failure.addSuppressed(ex);
        }
    }

    private static WalConfig walConfig(final Path directory, final EngineConfig config, final WalEventListener listener)
    {
        final WalConfig walConfig = new WalConfig().directory(directory).listener(listener);
        switch (config.syncPolicy())
        {
            case ALWAYS:
                // The writer forces once per group itself (WalWriter.sync) before it acknowledges anything.
                walConfig.syncPolicy(SyncPolicy.BATCH).batchMaxRecords(Integer.MAX_VALUE).batchWindowMicros(1_000_000);
                break;
            case BATCH:
                walConfig.syncPolicy(SyncPolicy.BATCH)
                    .batchMaxRecords(config.groupCommitMaxRecords())
                    .batchWindowMicros(config.groupCommitWindowMicros());
                break;
            default:
                walConfig.syncPolicy(SyncPolicy.NONE);
                break;
        }
        return walConfig.validate();
    }

    /**
     * Start an engine that keeps everything in anonymous memory: no files, no WAL; nothing survives close.
     *
     * @param config the settings; validated here ({@link EngineConfig#inMemory()} is implied).
     * @return the open engine.
     */
    public static Engine inMemory(final EngineConfig config)
    {
        config.validate();
        final SortedByteMap[] stores = new SortedByteMap[StorageKind.values().length];
        stores[StorageKind.BTREE.ordinal()] =
            BTree.createInMemory(BTreeConfig.of(config.btreePageSize(), config.btreeSegmentSize()));
        return new Engine("in-memory engine", config, stores, null, 0,
            new RecoveryReport(1, 0, 0, 0, false, null, -1, 0), Integer.MAX_VALUE);
    }

    /**
     * Begin a transaction. Any thread.
     *
     * @param level the isolation level.
     * @return a new active transaction; close it (or commit or roll back) when done.
     * @throws io.phantomdb.ClosedException  if the engine is closed or has failed.
     * @throws io.phantomdb.PhantomException if {@link #MAX_ACTIVE_TRANSACTIONS} are active.
     */
    public Transaction begin(final IsolationLevel level)
    {
        if (null == level)
        {
            throw new IllegalArgumentException("isolation level must be set");
        }
        checkOpen();
        TxContext context = pool.poll();
        if (null == context)
        {
            context = new TxContext(stores, registry, clock, maxKeyLength + EngineKeyDescriptor.ENGINE_PREFIX_LENGTH);
        }
        try
        {
            return new Transaction(this, context, transactionIds.incrementAndGet(), level);
        }
        catch (final RuntimeException ex)
        {
            release(context);
            throw ex;
        }
    }

    /**
     * @return the version of the last commit visible to new transactions (0 for an empty engine). Any thread.
     */
    public long lastCommittedVersion()
    {
        return clock.version();
    }

    /**
     * Run a checkpoint now on the writer thread and wait for it: flush the stores with the LSN they cover, then
     * retire the WAL before it. Any thread but the writer's. A no-op for an in-memory engine.
     *
     * @throws io.phantomdb.ClosedException  if the engine is closed or failed.
     * @throws io.phantomdb.PhantomException if the checkpoint fails (the engine then fails closed).
     */
    public void checkpoint()
    {
        checkOpen();
        final long ticket = writer.requestCheckpoint();
        while (!writer.checkpointDone(ticket))
        {
            writer.checkNotFailed();
            if (writer.isStopped())
            {
                throw new ClosedException(name);
            }
            LockSupport.parkNanos(CLOSE_POLL_NANOS);
        }
    }

    /**
     * @return what recovery did when this engine opened. Any thread.
     */
    public RecoveryReport lastRecovery()
    {
        return recovery;
    }

    /**
     * @return the longest key accepted (without the keyspace prefix), in bytes.
     */
    public int maxKeyLength()
    {
        return maxKeyLength;
    }

    /**
     * @return the longest value accepted, in bytes.
     */
    public int maxValueLength()
    {
        return maxValueLength;
    }

    /**
     * @return metric: transactions committed through the writer since open (read-only ones excluded).
     */
    public long commitCount()
    {
        return writer.committed();
    }

    /**
     * @return metric: commits refused with {@link TransactionConflictException} since open.
     */
    public long conflictCount()
    {
        return writer.conflicts();
    }

    /**
     * @return metric: forces of WAL files since open (0 in memory), as of the last published group.
     */
    public long walSyncCount()
    {
        return writer.walSyncs();
    }

    /**
     * @return metric: checkpoints taken since open.
     */
    public long checkpointCount()
    {
        return writer.checkpoints();
    }

    /**
     * @return metric: bytes of WAL records appended since open (0 in memory), as of the last published group.
     */
    public long walBytes()
    {
        return writer.walBytes();
    }

    /**
     * @return metric: nanoseconds spent in checkpoints since open (the final one at close excluded).
     */
    public long checkpointNanos()
    {
        return writer.checkpointNanos();
    }

    /**
     * Stop accepting transactions, commit what is queued, checkpoint, close the WAL and the stores. Idempotent;
     * a second concurrent call returns once the first finished. Transactions still active afterwards fail with
     * {@link io.phantomdb.ClosedException}; finish them before closing (closing with active transactions is
     * logged as a WARNING).
     *
     * @throws io.phantomdb.PhantomException if the final checkpoint failed (every acknowledged commit is still
     *                                       in the WAL).
     */
    @Override
    public void close()
    {
        if (!closing.compareAndSet(false, true))
        {
            while (!closed)
            {
                LockSupport.parkNanos(CLOSE_POLL_NANOS);
            }
            return;
        }
        RuntimeException failure = null;
        try
        {
            writer.requestShutdown();
            queue.wake();
            while (!writer.isStopped())
            {
                LockSupport.parkNanos(CLOSE_POLL_NANOS);
            }
            runner.close();
            failure = writer.failure();
        }
        finally
        {
            closed = true;
            TxContext context;
            while (null != (context = pool.poll()))
            {
                context.close();
            }
            final int active = registry.activeCount();
            for (final SortedByteMap store : stores)
            {
                if (null != store)
                {
                    try
                    {
                        closeStore(store, active);
                    }
                    catch (final RuntimeException ex)
                    {
                        if (null == failure)
                        {
                            failure = ex;
                        }
                        else if (failure != ex.getCause())
                        {
                            failure.addSuppressed(ex);
                        }
                    }
                }
            }
        }
        if (null != failure)
        {
            throw new PhantomException(name + " closed after a failure: " + failure.getMessage(), failure);
        }
    }

    private void closeStore(final SortedByteMap store, final int active)
    {
        try
        {
            store.close();
        }
        catch (final IllegalStateException ex)
        {
            if (0 == active)
            {
                throw ex;
            }
            LOGGER.log(Level.WARNING, "{0} closed with {1} transactions still active; they fail with " +
                "ClosedException: {2}", name, active, ex.getMessage());
        }
    }

    @Override
    public String toString()
    {
        return name + "{version=" + clock.version() + ", closed=" + closed + '}';
    }

    void checkOpen()
    {
        if (closed || closing.get())
        {
            throw new ClosedException(name);
        }
        writer.checkNotFailed();
    }

    /**
     * @param kind a storage kind.
     * @return true if this engine holds keyspaces of that kind (an in-memory engine holds BTREE only). Any thread.
     */
    public boolean supports(final StorageKind kind)
    {
        return null != stores[kind.ordinal()];
    }

    void checkKind(final Keyspace keyspace)
    {
        if (!supports(keyspace.kind()))
        {
            throw new IllegalArgumentException("keyspace " + keyspace.id() + " is " + keyspace.kind() +
                " but this engine has no " + keyspace.kind() + " store (an in-memory engine keeps BTREE keyspaces only)");
        }
    }

    int maxRecordLength()
    {
        return maxRecordLength;
    }

    long submit(final CommitRequest request)
    {
        queue.offer(request, writer);
        return request.await(writer);
    }

    void release(final TxContext context)
    {
        context.reset();
        if (closed || !pool.offer(context))
        {
            context.close();
        }
    }

    /**
     * Records the first torn tail the WAL reports, and logs every event as the WAL's default listener does.
     */
    private static final class TornTailRecorder implements WalEventListener
    {
        private boolean cut;
        private Path file;
        private long position = -1;

        @Override
        public void onTornTail(final Path file, final long position, final long lastGoodLsn, final String detail)
        {
            if (!cut)
            {
                cut = true;
                this.file = file;
                this.position = position;
            }
            WalEventListener.SYSTEM_LOGGER.onTornTail(file, position, lastGoodLsn, detail);
        }

        @Override
        public void onRetired(final Path path, final long checkpointLsn)
        {
            WalEventListener.SYSTEM_LOGGER.onRetired(path, checkpointLsn);
        }
    }
}
