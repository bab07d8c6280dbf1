package io.phantomdb.perf.txn;

import io.phantomdb.perf.ScratchDirectory;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Control;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.infra.ThreadParams;
import org.openjdk.jmh.runner.IterationType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Single-row transactions: each operation writes one 8-byte key with a {@value TxnStore#VALUE_LENGTH}-byte
 * value in its own transaction and commits it, on the store named by {@code store}, with the durability
 * of {@code sync}; JMH's thread count is the number of concurrent committers.
 * <p>
 * Throughput is JMH's ({@link Mode#Throughput}, commits per second summed over the committer threads).
 * Latency: each committer thread times every commit that starts inside JMH's measured window with
 * {@link System#nanoTime()} into its own HdrHistogram, reset at every warm-up iteration so only
 * measurement iterations count, and writes it at the end of the trial for {@link TxnBenchTable} to
 * merge ({@link CommitLatency}).
 * <p>
 * Every trial opens a new store in a new directory under the bench directory and deletes it after.
 * Keys: {@code sequential} gives committer {@code i} of {@code n} the keys {@code i, i+n, i+2n, ...}
 * (together ascending, never the same key twice); {@code random} draws each key from a per-committer
 * seeded {@link SplittableRandom} over all longs (collisions, and so write conflicts, are negligible).
 * <p>
 * <b>Note:</b> the store and its committers are created by the trial set-up thread; each
 * {@link CommitterState} and its committer then belong to one benchmark thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx4g" })
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Threads(1)
@State(Scope.Benchmark)
public class TxnCommitBenchmark
{
    /** Key order parameter: keys ascending across committers. */
    public static final String SEQUENTIAL = "sequential";
    /** Key order parameter: uniformly random longs. */
    public static final String RANDOM = "random";

    /** The store, a {@link TxnStoreRegistry} name. */
    @Param({ TxnStoreRegistry.PHANTOMDB, TxnStoreRegistry.MVSTORE, TxnStoreRegistry.ROCKSDB, TxnStoreRegistry.SQLITE })
    public String store;

    /** What a commit waits for: {@code none} or {@code always} ({@link SyncMode}). */
    @Param({ SyncMode.NONE_PARAM, SyncMode.ALWAYS_PARAM })
    public String sync;

    /** Key order: {@value #SEQUENTIAL} or {@value #RANDOM}. */
    @Param({ SEQUENTIAL, RANDOM })
    public String order;

    private Path dir;
    private TxnStore txnStore;
    private TxnStore.Committer[] committers;

    /**
     * Open a new store and one committer per benchmark thread.
     *
     * @param params JMH's parameters (the thread count).
     * @throws Exception if the store cannot be opened.
     */
    @Setup(Level.Trial)
    public void open(final BenchmarkParams params) throws Exception
    {
        if (!SEQUENTIAL.equals(order) && !RANDOM.equals(order))
        {
            throw new IllegalArgumentException("order must be " + SEQUENTIAL + " or " + RANDOM + ": '" + order + "'");
        }
        final TxnStoreRegistry.StoreType type = TxnStoreRegistry.get(store);
        dir = Files.createTempDirectory(ScratchDirectory.benchDir(), "txn-" + store + "-");
        txnStore = type.opener().open(dir, SyncMode.fromParam(sync));
        committers = new TxnStore.Committer[params.getThreads()];
        for (int i = 0; i < committers.length; i++)
        {
            committers[i] = txnStore.newCommitter();
        }
    }

    /**
     * Close the store (and its committers) and delete its directory.
     *
     * @throws Exception if the store fails to close.
     */
    @TearDown(Level.Trial)
    public void close() throws Exception
    {
        try
        {
            if (txnStore != null)
            {
                txnStore.close();
            }
        }
        finally
        {
            ScratchDirectory.delete(dir);
        }
    }

    /**
     * One single-row transaction, timed into the committer's histogram if it starts inside JMH's
     * measured window: not the commits JMH runs, uncounted, while it synchronizes the threads at the
     * start and end of an iteration (a commit that starts inside the window and ends after it counts).
     *
     * @param committer this thread's committer.
     * @param control   JMH's iteration control (the measured window).
     * @return retries after write conflicts (normally 0), so the work is not dead code.
     * @throws Exception if the store fails.
     */
    @Benchmark
    public int commit(final CommitterState committer, final Control control) throws Exception
    {
        final long key = committer.nextKey();
        final boolean measured = control.startMeasurement && !control.stopMeasurement;
        final long start = System.nanoTime();
        final int retries = committer.committer.commit(key);
        final long nanos = System.nanoTime() - start;
        if (measured)
        {
            committer.record(nanos, retries);
        }
        return retries;
    }

    /**
     * One committer thread: its committer, its keys, its latency histogram.
     * <p>
     * <b>Note:</b> owned by one benchmark thread.
     */
    @State(Scope.Thread)
    public static class CommitterState
    {
        private final Histogram histogram = CommitLatency.newHistogram();
        private TxnStore.Committer committer;
        private SplittableRandom random;
        private long next;
        private long stride;
        private long retries;
        private boolean measuring;

        /**
         * Take this thread's committer and key sequence.
         *
         * @param bench  the benchmark state with the open store.
         * @param thread JMH's thread index and count.
         */
        @Setup(Level.Trial)
        public void setUp(final TxnCommitBenchmark bench, final ThreadParams thread)
        {
            committer = bench.committers[thread.getThreadIndex()];
            random = RANDOM.equals(bench.order) ? new SplittableRandom(0x5eed_0000L + thread.getThreadIndex()) : null;
            next = thread.getThreadIndex();
            stride = thread.getThreadCount();
        }

        /**
         * Drop what warm-up recorded: reset at every warm-up iteration and at the first measurement one.
         *
         * @param iteration JMH's iteration parameters.
         */
        @Setup(Level.Iteration)
        public void iteration(final IterationParams iteration)
        {
            if (iteration.getType() == IterationType.WARMUP || !measuring)
            {
                histogram.reset();
                retries = 0;
            }
            measuring = iteration.getType() == IterationType.MEASUREMENT;
        }

        /**
         * Write this thread's histogram for {@link TxnBenchTable}.
         *
         * @param bench  the benchmark parameters.
         * @param thread JMH's thread index and count.
         */
        @TearDown(Level.Trial)
        public void save(final TxnCommitBenchmark bench, final ThreadParams thread)
        {
            CommitLatency.write(
                CommitLatency.dir(),
                CommitLatency.label(bench.store, bench.sync, bench.order, thread.getThreadCount()),
                thread.getThreadIndex(),
                histogram,
                retries);
        }

        long nextKey()
        {
            if (random != null)
            {
                return random.nextLong();
            }
            final long key = next;
            next += stride;
            return key;
        }

        void record(final long nanos, final int retried)
        {
            histogram.recordValue(Math.min(nanos, CommitLatency.MAX_NANOS));
            retries += retried;
        }
    }
}
