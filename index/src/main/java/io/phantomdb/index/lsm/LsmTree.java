package io.phantomdb.index.lsm;

import io.phantomdb.ClosedException;
import io.phantomdb.PhantomException;
import io.phantomdb.index.ByteComparator;
import io.phantomdb.index.ByteMapReader;
import io.phantomdb.index.SortedByteMap;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A log-structured merge tree over a directory: writes go to an off-heap memtable (a skip list in an arena),
 * full memtables are flushed by a background agent to immutable, memory-mapped SSTables, and the agent
 * compacts the files level by level. Implements {@link SortedByteMap}: one writer thread, lock-free readers
 * that see exactly the entries committed up to the sequence they pinned.
 * <p>
 * Back-pressure: when a memtable is full and {@link LsmConfig#maxPendingMemTables()} immutable memtables are
 * already waiting for the agent, {@link #put} and {@link #delete} wait (idling with the configured strategy)
 * until the agent has flushed one, for at most {@link LsmConfig#backPressureTimeoutMs()}; then they throw a
 * {@link PhantomException} having written nothing. This wait is the only way the agent can hold up the writer.
 * If the waiting memtables hold the writer's own uncommitted changes it does not wait (it could not be
 * flushed before the commit), so a transaction larger than the bound grows memory until it commits.
 * <p>
 * Durability: SSTables and the manifest are forced to disk; the memtable is not logged, so committed
 * changes not yet {@link #flush() flushed} are lost by a crash (the engine's WAL covers them).
 * <p>
 * <b>Note:</b> {@link #put}, {@link #delete}, {@link #commit}, {@link #flush} and {@link #close} are for one
 * writer thread at a time; {@link #newReader()} is thread safe; each {@link LsmReader} belongs to one thread.
 */
public final class LsmTree implements SortedByteMap
{
    private static final int MAX_KEY_LENGTH = 4096;

    private final Path directory;
    private final LsmConfig config;
    private final int maxKeyLength;
    private final int maxValueLength;
    private final AtomicReference<Version> current = new AtomicReference<>();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong nextFileNumber = new AtomicLong();
    private final AtomicLong flushedMemTables = new AtomicLong();
    private final AtomicReference<Throwable> agentError = new AtomicReference<>();
    private final CopyOnWriteArrayList<LsmReader> readers = new CopyOnWriteArrayList<>();
    private final IdleStrategy writerIdle;
    private final AgentRunner agentRunner;
    private volatile boolean closed;
    private volatile boolean agentStopRequested;
    private volatile boolean agentStopped;
    private volatile long readHorizon;

    private MemTable active;
    private long pendingSequence;
    private long pendingChanges;
    private long rotatedMemTables;
    private long backPressureWaits;

    private LsmTree(final Path directory, final LsmConfig config)
    {
        this.directory = directory;
        this.config = config;
        this.maxKeyLength = Math.min(MAX_KEY_LENGTH, config.memTableBytes() / 8);
        this.maxValueLength = Math.min(1 << 20, config.memTableBytes() / 2 - SkipList.maxNodeBytes(maxKeyLength, 0));
        this.writerIdle = config.idleStrategySupplier().get();

        final Manifest manifest = Manifest.read(directory);
        final SsTable[][] levels = Version.emptyLevels(config.maxLevels());
        long lastSequence = 0;
        final List<SsTable> opened = new ArrayList<>();
        try
        {
            if (null != manifest)
            {
                nextFileNumber.set(manifest.nextFileNumber());
                lastSequence = manifest.lastSequence();
                for (int i = 0; i < manifest.fileCount(); i++)
                {
                    final int level = manifest.level(i);
                    if (level < 0 || level >= levels.length)
                    {
                        throw new PhantomException("manifest in " + directory + " names level " + level +
                            " but maxLevels=" + levels.length);
                    }
                    final long number = manifest.fileNumber(i);
                    final SsTable table = SsTable.open(
                        directory.resolve(SsTableDescriptor.fileName(number)), number, manifest.fileLength(i));
                    opened.add(table);
                    final SsTable[] old = levels[level];
                    final SsTable[] grown = Arrays.copyOf(old, old.length + 1);
                    grown[old.length] = table;
                    levels[level] = grown;
                    lastSequence = Math.max(lastSequence, table.maxSequence());
                }
            }
            deleteLeftovers(manifest);
        }
        catch (final RuntimeException ex)
        {
            for (final SsTable table : opened)
            {
                table.release();
            }
            throw ex;
        }

        committed.set(lastSequence);
        readHorizon = lastSequence;
        pendingSequence = lastSequence + 1;
        active = new MemTable(config.memTableBytes());
        current.set(new Version(active, new MemTable[0], levels));
        active.release();
        for (final SsTable table : opened)
        {
            table.release();
        }
        agentRunner = new AgentRunner(config.idleStrategySupplier().get(), this::recordAgentError, null,
            new LsmAgent(this, config));
    }

    /**
     * Open the tree in a directory, creating the directory if missing, and start its agent thread.
     *
     * @param directory where the manifest and SSTables live.
     * @param config    validated here.
     * @return the open tree.
     * @throws IllegalArgumentException if the config is invalid.
     * @throws io.phantomdb.CorruptionException if the manifest or a file named by it fails its checks.
     * @throws PhantomException if the directory cannot be created or read.
     */
    public static LsmTree open(final Path directory, final LsmConfig config)
    {
        config.validate();
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot create " + directory, ex);
        }
        final LsmTree tree = new LsmTree(directory, config);
        AgentRunner.startOnThread(tree.agentRunner, runnable ->
        {
            final Thread thread = new Thread(runnable, "lsm-agent-" + directory.getFileName());
            thread.setDaemon(true);
            return thread;
        });
        return tree;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void put(
        final DirectBuffer key,
        final int keyOffset,
        final int keyLength,
        final DirectBuffer value,
        final int valueOffset,
        final int valueLength)
    {
        checkWritable();
        checkKeyLength(keyLength);
        if (valueLength < 0 || valueLength > maxValueLength)
        {
            throw new IllegalArgumentException("valueLength=" + valueLength + " outside [0, " + maxValueLength + "]");
        }
        insert(key, keyOffset, keyLength, value, valueOffset, valueLength);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void delete(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        checkWritable();
        checkKeyLength(keyLength);
        insert(key, keyOffset, keyLength, key, keyOffset, SkipList.TOMBSTONE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public long commit()
    {
        checkWritable();
        if (pendingChanges > 0)
        {
            // release: every node of this commit is linked before readers can pin its sequence
            committed.lazySet(pendingSequence);
            pendingSequence++;
            pendingChanges = 0;
        }
        return pendingSequence - 1;
    }

    /**
     * Flush every committed change in memtables to SSTables and wait until the agent has written them and the
     * manifest (a checkpoint). Uncommitted changes stay pending: they are copied to the new active memtable,
     * so the memtables holding them can be flushed without them. Writer thread only.
     *
     * @throws PhantomException if the agent failed or a file cannot be forced.
     */
    @Override
    public void flush()
    {
        checkWritable();
        final long target;
        if (pendingChanges > 0)
        {
            target = sealPendingMemTables();
        }
        else
        {
            if (active.entryCount() > 0)
            {
                rotate();
            }
            target = rotatedMemTables;
        }
        writerIdle.reset();
        while (flushedMemTables.get() < target)
        {
            checkAgentError();
            writerIdle.idle();
        }
    }

    /**
     * Rotate, copy the pending (uncommitted) entries of every immutable memtable holding some into the new
     * active memtable, oldest memtable first so later writes stay newer, then seal those memtables at the
     * committed sequence so the agent may flush them.
     *
     * @return the number of rotations the agent must have flushed for the checkpoint to be complete.
     */
    private long sealPendingMemTables()
    {
        final long sealAt = pendingSequence - 1;
        rotate();
        final long target = rotatedMemTables;
        final MemTable[] immutables = current.get().immutables();
        for (int i = immutables.length - 1; i >= 0; i--)
        {
            final MemTable memTable = immutables[i];
            if (memTable.maxSequence() == pendingSequence)
            {
                copyPending(memTable);
                memTable.seal(sealAt);
            }
        }
        return target;
    }

    private void copyPending(final MemTable from)
    {
        final EntryScanner scanner = from.scanner();
        int lastKeyOffset = -1;
        int lastKeyLength = 0;
        while (scanner.advance())
        {
            if (scanner.sequence() != pendingSequence)
            {
                continue;
            }
            final DirectBuffer buffer = scanner.buffer();
            if (lastKeyOffset >= 0 && 0 == ByteComparator.compare(
                buffer, lastKeyOffset, lastKeyLength, buffer, scanner.keyOffset(), scanner.keyLength()))
            {
                continue;
            }
            lastKeyOffset = scanner.keyOffset();
            lastKeyLength = scanner.keyLength();
            insert(buffer, lastKeyOffset, lastKeyLength, buffer, scanner.valueOffset(), scanner.valueLength());
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public LsmReader newReader()
    {
        checkOpen();
        final LsmReader reader = new LsmReader(this);
        readers.add(reader);
        return reader;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int maxKeyLength()
    {
        return maxKeyLength;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int maxValueLength()
    {
        return maxValueLength;
    }

    /**
     * @return the sequence readers pin now (the last committed one). Any thread.
     */
    public long committedSequence()
    {
        return committed.get();
    }

    /**
     * @return how many times the writer has had to wait for the agent (back-pressure). Writer thread.
     */
    public long backPressureWaits()
    {
        return backPressureWaits;
    }

    /**
     * @return the number of SSTables per level of the current version, level 0 first. Any thread.
     */
    public int[] filesPerLevel()
    {
        final Version version = pinCurrentVersion();
        try
        {
            final SsTable[][] levels = version.levels();
            final int[] counts = new int[levels.length];
            for (int i = 0; i < levels.length; i++)
            {
                counts[i] = levels[i].length;
            }
            return counts;
        }
        finally
        {
            version.release();
        }
    }

    /**
     * Stop the agent, flush every committed change still in memtables, write the manifest, and release
     * memory and files. Uncommitted changes are discarded. Idempotent. Writer thread only.
     *
     * @throws PhantomException if the agent had failed or the final flush fails; files are released anyway.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        agentStopRequested = true;
        writerIdle.reset();
        while (!agentStopped)
        {
            writerIdle.idle();
        }
        agentRunner.close();
        final Version version = current.get();
        try
        {
            checkAgentError();
            final MemTable[] immutables = version.immutables();
            for (int i = immutables.length - 1; i >= 0; i--)
            {
                flushMemTable(immutables[i]);
            }
            flushMemTable(active);
        }
        finally
        {
            current.getAndSet(null).release();
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        final Version version = current.get();
        return "LsmTree{" + directory + ", committed=" + committed.get() + ", closed=" + closed +
            (null == version ? "" : ", level0Files=" + version.levels()[0].length) + "}";
    }

    void checkOpen()
    {
        if (closed)
        {
            throw new ClosedException("LSM tree " + directory);
        }
    }

    boolean hasAgentFailed()
    {
        return null != agentError.get();
    }

    /**
     * Called by the agent at the start of each duty cycle.
     *
     * @return true if the tree is closing; the agent then does no more work, and the writer may proceed.
     */
    boolean agentShouldStop()
    {
        if (agentStopRequested)
        {
            agentStopped = true;
            return true;
        }
        return false;
    }

    Version currentVersion()
    {
        return current.get();
    }

    /**
     * @return the current version with a reference taken for the caller; allocates nothing.
     */
    Version pinCurrentVersion()
    {
        while (true)
        {
            final Version version = current.get();
            if (null == version)
            {
                throw new ClosedException("LSM tree " + directory);
            }
            if (version.tryAcquire())
            {
                return version;
            }
        }
    }

    void removeReader(final LsmReader reader)
    {
        readers.remove(reader);
    }

    /**
     * Write a memtable's committed entries to a new level-0 SSTable and install it. Agent thread, or the
     * writer thread once the agent has stopped.
     */
    void flushMemTable(final MemTable memTable)
    {
        final long maxSequence = committed.get();
        final SsTable[] tables = 0 == memTable.entryCount() ? Version.NO_TABLES :
            writeTables(new EntryScanner[]{ memTable.scanner() }, Long.MIN_VALUE, false, maxSequence);
        while (true)
        {
            final Version version = current.get();
            final Version next = version.withFlushedMemTable(memTable, tables);
            if (current.compareAndSet(version, next))
            {
                Manifest.write(directory, nextFileNumber.get(), maxSequence, next.levels());
                version.release();
                break;
            }
            next.release();
        }
        for (final SsTable table : tables)
        {
            table.release();
        }
        flushedMemTables.incrementAndGet();
    }

    /**
     * Merge level {@code level} into level {@code level + 1} and install the result. Agent thread.
     */
    void compact(final int level)
    {
        final Version version = pinCurrentVersion();
        try
        {
            final SsTable[][] levels = version.levels();
            final SsTable[] upper = levels[level];
            final SsTable[] lower = levels[level + 1];
            final EntryScanner[] inputs = new EntryScanner[upper.length + lower.length];
            for (int i = 0; i < upper.length; i++)
            {
                inputs[i] = new SsTableScanner(upper[i]);
            }
            for (int i = 0; i < lower.length; i++)
            {
                inputs[upper.length + i] = new SsTableScanner(lower[i]);
            }
            boolean lastLevel = true;
            for (int deeper = level + 2; deeper < levels.length; deeper++)
            {
                lastLevel &= 0 == levels[deeper].length;
            }
            final SsTable[] outputs = writeTables(inputs, gcHorizon(), lastLevel, Long.MAX_VALUE);
            while (true)
            {
                final Version latest = current.get();
                final Version next = latest.withCompaction(level, outputs);
                if (current.compareAndSet(latest, next))
                {
                    Manifest.write(directory, nextFileNumber.get(), committed.get(), next.levels());
                    for (final SsTable table : upper)
                    {
                        table.markObsolete();
                    }
                    for (final SsTable table : lower)
                    {
                        table.markObsolete();
                    }
                    latest.release();
                    break;
                }
                next.release();
            }
            for (final SsTable table : outputs)
            {
                table.release();
            }
        }
        finally
        {
            version.release();
        }
    }

    /**
     * @return the oldest sequence {@link LsmReader#beginAt(long)} still accepts: compaction may have dropped
     * versions below it. Any thread.
     */
    public long oldestReadableSequence()
    {
        return readHorizon;
    }

    /**
     * The sequence below which a compaction may drop versions, published as the new read horizon before it is
     * used. Agent thread.
     */
    private long gcHorizon()
    {
        final long candidate = oldestPinnedSequence();
        if (candidate > readHorizon)
        {
            // volatile store, then the pins are scanned again: a reader in beginAt either published its pin
            // before this second scan (and lowers the horizon) or reads this store and refuses its sequence
            readHorizon = candidate;
        }
        return Math.min(candidate, oldestPinnedSequence());
    }

    /**
     * @return the oldest sequence any reader has pinned, or the committed sequence if none. Agent thread.
     */
    private long oldestPinnedSequence()
    {
        // read the committed sequence before scanning the pins: see LsmReader.begin
        long oldest = committed.get();
        for (final LsmReader reader : readers)
        {
            oldest = Math.min(oldest, reader.pinnedSequence());
        }
        return oldest;
    }

    private SsTable[] writeTables(
        final EntryScanner[] inputs, final long horizon, final boolean dropTombstones, final long maxSequence)
    {
        try (SsTableOutput output = new SsTableOutput(directory, nextFileNumber, config))
        {
            EntryMerger.merge(inputs, horizon, dropTombstones, maxSequence, output);
            return output.finish();
        }
    }

    private void insert(
        final DirectBuffer key,
        final int keyOffset,
        final int keyLength,
        final DirectBuffer value,
        final int valueOffset,
        final int valueLength)
    {
        if (!active.insert(pendingSequence, key, keyOffset, keyLength, value, valueOffset, valueLength))
        {
            rotate();
            if (!active.insert(pendingSequence, key, keyOffset, keyLength, value, valueOffset, valueLength))
            {
                throw new IllegalStateException("entry of key length " + keyLength + " and value length " +
                    valueLength + " does not fit an empty memtable of " + config.memTableBytes() + " bytes");
            }
        }
        pendingChanges++;
    }

    /**
     * Make the active memtable immutable and start a new one, after waiting for back-pressure to clear.
     */
    private void rotate()
    {
        awaitBackPressure();
        final MemTable fresh = new MemTable(config.memTableBytes());
        while (true)
        {
            final Version version = current.get();
            final Version next = version.withActive(fresh);
            if (current.compareAndSet(version, next))
            {
                version.release();
                break;
            }
            next.release();
        }
        fresh.release();
        active = fresh;
        rotatedMemTables++;
    }

    private void awaitBackPressure()
    {
        final int maxPending = config.maxPendingMemTables();
        if (current.get().immutables().length < maxPending)
        {
            return;
        }
        backPressureWaits++;
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.backPressureTimeoutMs());
        writerIdle.reset();
        while (true)
        {
            final MemTable[] immutables = current.get().immutables();
            if (immutables.length < maxPending || immutables[immutables.length - 1].flushableAfter() > committed.get())
            {
                return;
            }
            checkAgentError();
            if (System.nanoTime() - deadline > 0)
            {
                throw new PhantomException("back-pressure: " + immutables.length + " memtables still waiting for " +
                    "the agent after " + config.backPressureTimeoutMs() + " ms in " + directory);
            }
            writerIdle.idle();
        }
    }

    private void checkKeyLength(final int keyLength)
    {
        if (keyLength < 1 || keyLength > maxKeyLength)
        {
            throw new IllegalArgumentException("keyLength=" + keyLength + " outside [1, " + maxKeyLength + "]");
        }
    }

    private void checkWritable()
    {
        checkOpen();
        checkAgentError();
    }

    private void checkAgentError()
    {
        final Throwable error = agentError.get();
        if (null != error)
        {
            throw new PhantomException("LSM agent failed in " + directory + ": " + error, error);
        }
    }

    private void recordAgentError(final Throwable error)
    {
        agentError.compareAndSet(null, error);
    }

    private void deleteLeftovers(final Manifest manifest)
    {
        final List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory))
        {
            for (final Path path : stream)
            {
                final String name = path.getFileName().toString();
                if (name.equals(Manifest.TEMP_FILE_NAME) ||
                    (name.endsWith(SsTableDescriptor.FILE_SUFFIX) && !isLive(manifest, name)))
                {
                    leftovers.add(path);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot list " + directory, ex);
        }
        for (final Path path : leftovers)
        {
            deleteFile(path);
        }
    }

    private static boolean isLive(final Manifest manifest, final String name)
    {
        if (null != manifest)
        {
            for (int i = 0; i < manifest.fileCount(); i++)
            {
                if (SsTableDescriptor.fileName(manifest.fileNumber(i)).equals(name))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static void deleteFile(final Path path)
    {
        try
        {
            Files.deleteIfExists(path);
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot delete " + path, ex);
        }
    }
}
