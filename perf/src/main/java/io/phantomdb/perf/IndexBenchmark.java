package io.phantomdb.perf;

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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The index workloads of lmdbjava/benchmarks, one JMH benchmark per workload, the store chosen by the
 * {@code store} parameter.
 * <p>
 * As in lmdbjava/benchmarks, one benchmark operation is a whole pass over the {@link Workload}'s
 * {@code n} entries, timed in {@link Mode#SampleTime} (milliseconds per pass); entries per second are
 * {@code n / time per pass}. Readers load their store once per trial (fork), outside the measurement;
 * {@code write} gets a new empty store before every invocation ({@link Level#Invocation} set-up and
 * tear-down, not timed) and times the load of all {@code n} entries including the store's commit.
 * Each pass checks that it saw all {@code n} entries, so a broken adapter fails instead of looking fast.
 * <p>
 * <b>Note:</b> single-threaded benchmarks; JMH runs each (benchmark, parameters) pair in its own fork.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx4g" })
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class IndexBenchmark
{
    /**
     * Look up every key in the workload's order.
     *
     * @param reader loaded store, any kind.
     * @param workload the data.
     * @param bh sink.
     * @return keys found.
     * @throws Exception if the store fails.
     */
    @Benchmark
    public int readKey(final PointReader reader, final Workload workload, final Blackhole bh) throws Exception
    {
        return reader.expectAll("readKey", reader.adapter.readKey(workload, bh));
    }

    /**
     * Cursor pass over every entry in ascending key order.
     *
     * @param reader loaded ordered store.
     * @param bh sink.
     * @return entries visited.
     * @throws Exception if the store fails.
     */
    @Benchmark
    public int readSeq(final OrderedReader reader, final Blackhole bh) throws Exception
    {
        return reader.expectAll("readSeq", reader.adapter.readSeq(bh));
    }

    /**
     * Cursor pass over every entry in descending key order.
     *
     * @param reader loaded ordered store.
     * @param bh sink.
     * @return entries visited.
     * @throws Exception if the store fails.
     */
    @Benchmark
    public int readRev(final OrderedReader reader, final Blackhole bh) throws Exception
    {
        return reader.expectAll("readRev", reader.adapter.readRev(bh));
    }

    /**
     * Load every entry into an empty store, in the workload's order, and commit.
     *
     * @param writer empty store.
     * @param workload the data.
     * @throws Exception if the store fails.
     */
    @Benchmark
    public void write(final Writer writer, final Workload workload) throws Exception
    {
        writer.adapter.load(workload);
    }

    /**
     * A store opened in its own scratch directory, and its disposal.
     * <p>
     * <b>Note:</b> owned by the benchmark thread.
     */
    public abstract static class StoreState
    {
        IndexStore adapter;
        private Path dir;
        private int n;

        final void open(final String name, final Workload workload) throws Exception
        {
            final StoreRegistry.StoreType type = StoreRegistry.get(name);
            n = workload.n;
            dir = ScratchDirectory.create(name);
            adapter = type.factory().get();
            adapter.open(dir, workload);
        }

        final void closeAndDelete() throws Exception
        {
            try
            {
                if (adapter != null)
                {
                    adapter.close();
                }
            }
            finally
            {
                adapter = null;
                ScratchDirectory.delete(dir);
                dir = null;
            }
        }

        final int expectAll(final String pass, final int seen)
        {
            if (seen != n)
            {
                throw new IllegalStateException(pass + " saw " + seen + " of " + n + " entries in " + adapter.getClass().getSimpleName());
            }
            return seen;
        }

        /**
         * Load the store once, outside the measurement, and prepare it for reads.
         *
         * @param name     the store.
         * @param workload the data.
         * @throws Exception if the store fails.
         */
        final void openLoaded(final String name, final Workload workload) throws Exception
        {
            open(name, workload);
            adapter.load(workload);
            adapter.prepareReads();
        }
    }

    /**
     * A loaded store of any kind, for {@code readKey}.
     * <p>
     * <b>Note:</b> owned by the benchmark thread.
     */
    @State(Scope.Benchmark)
    public static class PointReader extends StoreState
    {
        /** The store: every name in {@link StoreRegistry}. */
        @Param({ StoreRegistry.PHANTOM_BTREE, StoreRegistry.PHANTOM_LSM, StoreRegistry.PHANTOM_HASH,
            StoreRegistry.LMDB, StoreRegistry.ROCKSDB, StoreRegistry.MVSTORE, StoreRegistry.CHRONICLE_MAP,
            StoreRegistry.MAPDB })
        public String store;

        /**
         * @param workload the data.
         * @throws Exception if the store fails.
         */
        @Setup(Level.Trial)
        public void setUp(final Workload workload) throws Exception
        {
            openLoaded(this.store, workload);
        }

        /**
         * @throws Exception if the store fails to close.
         */
        @TearDown(Level.Trial)
        public void tearDown() throws Exception
        {
            closeAndDelete();
        }
    }

    /**
     * A loaded store with an ordered cursor, for {@code readSeq} and {@code readRev}.
     * <p>
     * <b>Note:</b> owned by the benchmark thread.
     */
    @State(Scope.Benchmark)
    public static class OrderedReader extends StoreState
    {
        /** The store: every ordered name in {@link StoreRegistry}. */
        @Param({ StoreRegistry.PHANTOM_BTREE, StoreRegistry.PHANTOM_LSM,
            StoreRegistry.LMDB, StoreRegistry.ROCKSDB, StoreRegistry.MVSTORE, StoreRegistry.MAPDB })
        public String store;

        /**
         * @param workload the data.
         * @throws Exception if the store fails.
         * @throws IllegalArgumentException if the store has no ordered cursor.
         */
        @Setup(Level.Trial)
        public void setUp(final Workload workload) throws Exception
        {
            if (!StoreRegistry.get(this.store).ordered())
            {
                throw new IllegalArgumentException(this.store + " has no ordered cursor: no readSeq/readRev");
            }
            openLoaded(this.store, workload);
        }

        /**
         * @throws Exception if the store fails to close.
         */
        @TearDown(Level.Trial)
        public void tearDown() throws Exception
        {
            closeAndDelete();
        }
    }

    /**
     * An empty store, new for every {@code write} invocation.
     * <p>
     * <b>Note:</b> owned by the benchmark thread.
     */
    @State(Scope.Benchmark)
    public static class Writer extends StoreState
    {
        /** The store: every name in {@link StoreRegistry}. */
        @Param({ StoreRegistry.PHANTOM_BTREE, StoreRegistry.PHANTOM_LSM, StoreRegistry.PHANTOM_HASH,
            StoreRegistry.LMDB, StoreRegistry.ROCKSDB, StoreRegistry.MVSTORE, StoreRegistry.CHRONICLE_MAP,
            StoreRegistry.MAPDB })
        public String store;

        /**
         * @param workload the data.
         * @throws Exception if the store cannot be created.
         */
        @Setup(Level.Invocation)
        public void setUp(final Workload workload) throws Exception
        {
            open(this.store, workload);
        }

        /**
         * @throws Exception if the store fails to close.
         */
        @TearDown(Level.Invocation)
        public void tearDown() throws Exception
        {
            closeAndDelete();
        }
    }
}
