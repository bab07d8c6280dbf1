package io.phantomdb.perf.cluster;

import com.sun.management.OperatingSystemMXBean;
import io.phantomdb.core.txn.Engine;
import io.phantomdb.core.txn.EngineConfig;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.StorageKind;
import io.phantomdb.core.txn.Transaction;
import io.phantomdb.replication.ClusterClient;
import io.phantomdb.replication.ClusterMember;
import io.phantomdb.replication.LocalCluster;
import io.phantomdb.replication.ReplicationConfig;
import io.phantomdb.wal.SyncPolicy;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Committed single-row transactions (8-byte key, 100-byte value) per second and their latency (HdrHistogram,
 * microseconds) for: the embedded engine in memory (what each member runs), the embedded engine on disk with
 * {@code sync=none}, and a 3-member cluster on loopback in this JVM (one {@link ClusterClient}, acknowledged after the
 * cluster committed). Then the failover time: with committers running, the leader is closed; the time until the
 * client follows a new leader and one more commit is acknowledged. The last column is the CPU time of the whole
 * process (every thread of every member, engine and client) per commit: with 2 cores, 2,000,000 divided by it bounds
 * the commits per second.
 * <p>
 * A plain timed loop rather than JMH: a cluster's start (three members, an election) and a failover do not fit JMH's
 * iteration model. Each configuration warms up for 2 s, then runs {@code --seconds} (5).
 * <p>
 * <b>Note:</b> a program entry point; not for use as a library.
 */
public final class ClusterBench
{
    private static final int KS = 1;
    private static final int VALUE_LENGTH = 100;
    private static final long WARMUP_NS = TimeUnit.SECONDS.toNanos(2);
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);

    private ClusterBench()
    {
    }

    /**
     * @param args {@code [--seconds S] [--committers 1,4,16] [--failovers N] [--park-us P]} (P: longest idle park of
     *             every Aeron thread, 1000 by default).
     * @throws Exception on any failure.
     */
    public static void main(final String[] args) throws Exception
    {
        long seconds = 5;
        int[] committers = {1, 4, 16};
        int failovers = 3;
        long parkMicros = 1_000;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--seconds" -> seconds = Long.parseLong(args[++i]);
                case "--committers" -> committers = Stream.of(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--failovers" -> failovers = Integer.parseInt(args[++i]);
                case "--park-us" -> parkMicros = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        final Path dir = Path.of(System.getProperty("phantomdb.bench.dir", "data/bench"))
            .resolve("cluster-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(dir);
        final long runNs = TimeUnit.SECONDS.toNanos(seconds);
        final List<String> rows = new ArrayList<>();
        try
        {
            final double[] embedded = new double[committers.length];
            for (int c = 0; c < committers.length; c++)
            {
                try (Engine engine = Engine.inMemory(new EngineConfig()))
                {
                    final Result result = run(committers[c], runNs, (id, seq, key, value) -> commit(engine, key, value));
                    embedded[c] = result.perSecond;
                    rows.add(result.row("embedded, in memory", committers[c], 1.0));
                }
            }
            for (final int n : committers)
            {
                final Path engineDir = dir.resolve("embedded-" + n);
                try (Engine engine = Engine.open(engineDir, new EngineConfig().syncPolicy(SyncPolicy.NONE)))
                {
                    final Result result = run(n, runNs, (id, seq, key, value) -> commit(engine, key, value));
                    rows.add(result.row("embedded, disk, sync=none", n, Double.NaN));
                }
            }
            final ReplicationConfig config = new ReplicationConfig().members(3).host("localhost")
                .basePort(LocalCluster.freeBasePort(3)).dataDir(dir.resolve("cluster"))
                .idleMaxParkNs(TimeUnit.MICROSECONDS.toNanos(parkMicros));
            try (LocalCluster cluster = LocalCluster.start(config))
            {
                cluster.awaitLeader(60 * SECOND_NS);
                try (ClusterClient client = ClusterClient.connect(cluster.config(), dir.resolve("client"),
                    30 * SECOND_NS))
                {
                    for (int c = 0; c < committers.length; c++)
                    {
                        final Result result = run(committers[c], runNs, (id, seq, key, value) ->
                            client.put(KS, key.byteArray(), value.byteArray()));
                        rows.add(result.row("3-member cluster, loopback", committers[c], result.perSecond / embedded[c]));
                    }
                    final List<Long> times = failovers(cluster, client, failovers);
                    printTable(rows);
                    final List<Long> sorted = new ArrayList<>(times);
                    sorted.sort(Comparator.naturalOrder());
                    System.out.println();
                    System.out.println("failover (leader closed -> client on the new leader -> next commit " +
                        "acknowledged), ms: " + times + (sorted.isEmpty() ? "" : ", median " + sorted.get(sorted.size() / 2) + ", max " +
                        sorted.get(sorted.size() - 1)));
                }
            }
        }
        finally
        {
            delete(dir);
        }
    }

    private static void commit(final Engine engine, final UnsafeBuffer key, final UnsafeBuffer value)
    {
        try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            tx.put(new Keyspace(KS, StorageKind.BTREE), key, 0, key.capacity(), value, 0, value.capacity());
            tx.commit();
        }
    }

    private static List<Long> failovers(final LocalCluster cluster, final ClusterClient client, final int count)
        throws InterruptedException
    {
        final List<Long> times = new ArrayList<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong lastAck = new AtomicLong();
        final List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++)
        {
            final int id = t;
            final Thread thread = new Thread(() ->
            {
                long seq = 0;
                final byte[] value = new byte[VALUE_LENGTH];
                while (running.get())
                {
                    try
                    {
                        client.put(KS, key(id, seq++).byteArray(), value);
                        lastAck.set(System.nanoTime());
                    }
                    catch (final RuntimeException ignored)
                    {
                        // a timeout during the failover: keep committing
                    }
                }
            }, "failover-committer-" + t);
            thread.start();
            threads.add(thread);
        }
        try
        {
            for (int i = 0; i < count; i++)
            {
                Thread.sleep(1_000);
                final ClusterMember leader = cluster.awaitLeader(60 * SECOND_NS);
                final int leaderId = leader.memberId();
                final long killedAt = System.nanoTime();
                cluster.stopMember(leaderId);
                while (client.leaderMemberId() == leaderId)
                {
                    Thread.sleep(1);
                }
                final long followed = System.nanoTime();
                while (lastAck.get() - followed <= 0)
                {
                    Thread.sleep(1);
                }
                times.add(TimeUnit.NANOSECONDS.toMillis(lastAck.get() - killedAt));
                cluster.startMember(leaderId).awaitApplied(client.lastCommitPosition(), 60 * SECOND_NS);
            }
        }
        finally
        {
            running.set(false);
            for (final Thread thread : threads)
            {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            }
        }
        return times;
    }

    private static Result run(final int committers, final long runNs, final Committer committer)
        throws InterruptedException
    {
        final Histogram[] histograms = new Histogram[committers];
        final long[] counts = new long[committers];
        final Thread[] threads = new Thread[committers];
        final long start = System.nanoTime();
        final long measureFrom = start + WARMUP_NS;
        final CpuClock cpu = new CpuClock(measureFrom, end(measureFrom, runNs));
        final long end = end(measureFrom, runNs);
        cpu.start();
        for (int t = 0; t < committers; t++)
        {
            final int id = t;
            histograms[t] = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            threads[t] = new Thread(() ->
            {
                final UnsafeBuffer value = new UnsafeBuffer(new byte[VALUE_LENGTH]);
                long seq = 0;
                long now = System.nanoTime();
                while (now < end)
                {
                    final UnsafeBuffer key = key(id, seq++);
                    committer.commit(id, seq, key, value);
                    final long after = System.nanoTime();
                    if (now >= measureFrom)
                    {
                        histograms[id].recordValue(after - now);
                        counts[id]++;
                    }
                    now = after;
                }
            }, "committer-" + t);
            threads[t].start();
        }
        for (final Thread thread : threads)
        {
            thread.join();
        }
        cpu.join();
        final Histogram merged = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long total = 0;
        for (int t = 0; t < committers; t++)
        {
            merged.add(histograms[t]);
            total += counts[t];
        }
        return new Result(total * (double)SECOND_NS / runNs, merged, total == 0 ? 0 : cpu.cpuNanos() / 1e3 / total);
    }

    private static long end(final long measureFrom, final long runNs)
    {
        return measureFrom + runNs;
    }

    private static UnsafeBuffer key(final int committer, final long seq)
    {
        final UnsafeBuffer key = new UnsafeBuffer(new byte[8]);
        key.putLong(0, ((long)committer << 48) | seq, ByteOrder.BIG_ENDIAN);
        return key;
    }

    private static void printTable(final List<String> rows)
    {
        System.out.println("| store | committers | commits/s | p50 us | p99 us | p99.9 us | x embedded in memory | " +
            "CPU us/commit |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private static void delete(final Path dir)
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Commits one row.
     */
    @FunctionalInterface
    private interface Committer
    {
        void commit(int id, long seq, UnsafeBuffer key, UnsafeBuffer value);
    }

    /**
     * One configuration's throughput and latency.
     */
    private record Result(double perSecond, Histogram histogram, double cpuMicrosPerCommit)
    {
        String row(final String store, final int committers, final double ratio)
        {
            return String.format(Locale.ROOT, "| %s | %d | %,.0f | %.1f | %.1f | %.1f | %s | %.1f |", store, committers,
                perSecond, histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
                histogram.getValueAtPercentile(99.9) / 1e3,
                Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.3f", ratio), cpuMicrosPerCommit);
        }
    }

    /**
     * The CPU time this whole process used during the timed window (every thread: committers, engine writers, Aeron
     * agents of all members), sampled by a helper thread at the window's start and end.
     */
    private static final class CpuClock extends Thread
    {
        private final long from;
        private final long to;
        private volatile long cpuNanos;

        CpuClock(final long from, final long to)
        {
            super("cpu-clock");
            this.from = from;
            this.to = to;
            setDaemon(true);
        }

        @Override
        public void run()
        {
            final OperatingSystemMXBean os = (OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
            sleepUntil(from);
            final long begin = os.getProcessCpuTime();
            sleepUntil(to);
            cpuNanos = os.getProcessCpuTime() - begin;
        }

        long cpuNanos()
        {
            return cpuNanos;
        }

        private static void sleepUntil(final long deadline)
        {
            long now;
            while ((now = System.nanoTime()) < deadline)
            {
                LockSupport.parkNanos(deadline - now);
            }
        }
    }
}
