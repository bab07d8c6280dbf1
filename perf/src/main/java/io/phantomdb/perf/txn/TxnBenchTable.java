package io.phantomdb.perf.txn;

import io.phantomdb.perf.BenchCommandLine;
import io.phantomdb.perf.ScratchDirectory;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code bin/phantomdb bench txn}: runs {@link TxnCommitBenchmark} through the JMH {@link Runner} for
 * every store, {@code sync=none} with 1 committer and {@code sync=always} with 1, 4 and 16 committers
 * (one JMH run per committer count, {@code threads(n)}), prints one table ({@link TxnResultTable}) and
 * the goal checks, and writes under the bench directory:
 * <ul>
 *   <li>{@code txn-results.md}: the command, settings, machine, table and goal checks;</li>
 *   <li>{@code txn-results.json}: JMH's raw JSON;</li>
 *   <li>{@code txn-latency.json}: per configuration the merged commit latency histogram (count,
 *       percentiles in ns, and the HdrHistogram itself, compressed and Base64) and conflict retries.</li>
 * </ul>
 * Forks inherit this JVM's arguments (JMH's default), so the {@code phantomdb.jvm.flags} and the bench
 * directory that {@code bin/phantomdb} passes reach them; the latency directory and heap are appended.
 * Exits 1 if a row has no result, 2 on a usage error.
 * <p>
 * <b>Note:</b> a command-line program; single-threaded.
 */
public final class TxnBenchTable
{
    private static final String[] FORK_HEAP = { "-Xms1g", "-Xmx4g" };

    private TxnBenchTable()
    {
    }

    /**
     * @param argv see {@link TxnBenchArgs#USAGE}.
     * @throws RunnerException if JMH cannot run.
     * @throws IOException     if the result files cannot be written.
     */
    public static void main(final String[] argv) throws RunnerException, IOException
    {
        final TxnBenchArgs args = BenchCommandLine.parseOrExit("bench txn", TxnBenchArgs.USAGE, argv, TxnBenchArgs::parse);
        if (null == args)
        {
            return;
        }

        final Path benchDir = ScratchDirectory.benchDir();
        final Path latencyDir = benchDir.resolve("txn-latency");
        ScratchDirectory.delete(latencyDir);
        Files.createDirectories(latencyDir);

        final double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        final List<String> stores = TxnStoreRegistry.names(args.stores());
        final List<RunResult> results = new ArrayList<>();
        for (final int committers : args.committers())
        {
            final List<String> syncs = committers == 1 ?
                List.of(SyncMode.NONE_PARAM, SyncMode.ALWAYS_PARAM) : List.of(SyncMode.ALWAYS_PARAM);
            results.addAll(run(args, committers, syncs, stores, latencyDir));
        }

        final Path json = benchDir.resolve("txn-results.json");
        ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(results);
        final Map<String, CommitLatency.Merged> latencies = CommitLatency.readAll(latencyDir);
        final Path latencyJson = benchDir.resolve("txn-latency.json");
        Files.writeString(latencyJson, latencyJson(latencies), StandardCharsets.UTF_8);

        final List<TxnResultTable.Measurement> measurements = new ArrayList<>();
        for (final RunResult result : results)
        {
            measurements.add(measurement(result, latencies));
        }
        final TxnResultTable table = new TxnResultTable(
            TxnResultTable.configs(args.committers(), args.orders()), args.stores(), measurements, args.gc());
        final boolean phantom = args.stores().stream().anyMatch(TxnStoreRegistry.StoreType::phantomDb);
        final String title = "PhantomDB transaction commits: single-row transactions (8-byte key, " + TxnStore.VALUE_LENGTH +
            "-byte value), commits/s over all committers (\u00b1 = JMH 99.9% confidence half-width), commit latency" +
            " percentiles" + (args.gc() ? ", bytes allocated per commit" : "") +
            (phantom ? ", PhantomDB / store in commits/s" : "");

        System.out.println();
        System.out.println(title);
        System.out.println(table.toText());
        for (final String goal : table.goals())
        {
            System.out.println("goal: " + goal);
        }
        if (!phantom)
        {
            System.out.println("PhantomDB is not in this run (TxnStoreRegistry): peers only.");
        }
        final String conditions = conditions(loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(conditions);
        final Path markdown = benchDir.resolve("txn-results.md");
        Files.writeString(markdown, markdown(args, argv, title, conditions, table), StandardCharsets.UTF_8);
        System.out.println("Markdown: " + markdown);
        System.out.println("JMH JSON: " + json);
        System.out.println("Latency histograms: " + latencyJson);

        if (!table.missing().isEmpty())
        {
            System.err.println("phantomdb bench txn: no result for " + String.join("; ", table.missing()) +
                " (failed: see the JMH output above)");
            System.exit(1);
        }
    }

    private static List<RunResult> run(
        final TxnBenchArgs args, final int committers, final List<String> syncs, final List<String> stores, final Path latencyDir)
        throws RunnerException
    {
        if (stores.isEmpty() || args.orders().isEmpty())
        {
            return List.of();
        }
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include("^" + Pattern.quote(TxnCommitBenchmark.class.getName()) + "\\.commit$")
            .param("store", stores.toArray(new String[0]))
            .param("sync", syncs.toArray(new String[0]))
            .param("order", args.orders().toArray(new String[0]))
            .threads(committers)
            .forks(1)
            .warmupIterations(args.full() ? 3 : 1)
            .warmupTime(TimeValue.seconds(args.full() ? 5 : 1))
            .measurementIterations(args.full() ? 5 : 3)
            .measurementTime(TimeValue.seconds(args.full() ? 5 : 1))
            .jvmArgsAppend(FORK_HEAP[0], FORK_HEAP[1], "-D" + CommitLatency.DIR_PROPERTY + "=" + latencyDir)
            .shouldFailOnError(false);
        if (args.gc())
        {
            options.addProfiler(GCProfiler.class);
        }
        return new ArrayList<>(new Runner(options.build()).run());
    }

    /**
     * Combine one JMH result with the latencies its fork recorded.
     *
     * @param result    a result of {@link TxnCommitBenchmark#commit}.
     * @param latencies merged histograms by {@link CommitLatency#label}.
     * @return the measurement; percentiles NaN if the fork left no histogram.
     * @throws IllegalStateException if the score unit is not operations per second.
     */
    static TxnResultTable.Measurement measurement(final RunResult result, final Map<String, CommitLatency.Merged> latencies)
    {
        final String store = Objects.requireNonNull(result.getParams().getParam("store"), "store");
        final String sync = Objects.requireNonNull(result.getParams().getParam("sync"), "sync");
        final String order = Objects.requireNonNull(result.getParams().getParam("order"), "order");
        final int committers = result.getParams().getThreads();
        final Result<?> primary = result.getPrimaryResult();
        if (!"ops/s".equals(primary.getScoreUnit()))
        {
            throw new IllegalStateException("expected ops/s, got unit '" + primary.getScoreUnit() + "'");
        }
        double bytesPerOp = Double.NaN;
        for (final String label : result.getSecondaryResults().keySet())
        {
            if (label.endsWith("gc.alloc.rate.norm"))
            {
                bytesPerOp = result.getSecondaryResults().get(label).getScore();
            }
        }
        final CommitLatency.Merged merged = latencies.get(CommitLatency.label(store, sync, order, committers));
        final Histogram h = merged == null || merged.histogram().getTotalCount() == 0 ? null : merged.histogram();
        return new TxnResultTable.Measurement(
            sync, committers, order, store, primary.getScore(), primary.getScoreError() / primary.getScore(),
            h == null ? Double.NaN : h.getValueAtPercentile(50.0),
            h == null ? Double.NaN : h.getValueAtPercentile(99.0),
            h == null ? Double.NaN : h.getValueAtPercentile(99.9),
            bytesPerOp,
            h == null ? -1 : h.getTotalCount());
    }

    private static String latencyJson(final Map<String, CommitLatency.Merged> latencies)
    {
        final StringBuilder sb = new StringBuilder("{\n");
        String separator = "";
        for (final Map.Entry<String, CommitLatency.Merged> e : latencies.entrySet())
        {
            final Histogram h = e.getValue().histogram();
            final ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
            final int length = h.encodeIntoCompressedByteBuffer(buffer);
            final byte[] bytes = new byte[length];
            buffer.flip();
            buffer.get(bytes);
            sb.append(separator).append(String.format(Locale.ROOT,
                "  \"%s\": {\"unit\": \"ns\", \"count\": %d, \"min\": %d, \"mean\": %.1f, \"p50\": %d, \"p90\": %d, " +
                    "\"p99\": %d, \"p99.9\": %d, \"p99.99\": %d, \"max\": %d, \"retries\": %d, \"threads\": %d, " +
                    "\"hdrHistogramCompressedBase64\": \"%s\"}",
                e.getKey(), h.getTotalCount(), h.getMinValue(), h.getMean(), h.getValueAtPercentile(50.0),
                h.getValueAtPercentile(90.0), h.getValueAtPercentile(99.0), h.getValueAtPercentile(99.9),
                h.getValueAtPercentile(99.99), h.getMaxValue(), e.getValue().retries(), e.getValue().files(),
                Base64.getEncoder().encodeToString(bytes)));
            separator = ",\n";
        }
        return sb.append("\n}\n").toString();
    }

    private static String conditions(final double loadBefore, final double loadAfter)
    {
        return String.format(Locale.ROOT, "1-minute load average: %.2f before, %.2f after the run", loadBefore, loadAfter) +
            (Boolean.getBoolean("jmh.ignoreLock") ?
                "; JMH lock ignored (-Djmh.ignoreLock=true): other benchmarks may have run at the same time" : "");
    }

    private static String markdown(
        final TxnBenchArgs args, final String[] argv, final String title, final String conditions, final TxnResultTable table)
    {
        final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
        final StringBuilder sb = new StringBuilder()
            .append("# PhantomDB transaction commit benchmark\n\n")
            .append("- Command: `bin/phantomdb bench txn").append(argv.length == 0 ? "" : " " + String.join(" ", argv)).append("`\n")
            .append("- Finished: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n')
            .append("- JMH: Throughput, 1 fork per configuration, ")
            .append(args.full() ? "3 x 5 s warm-up, 5 x 5 s" : "1 x 1 s warm-up, 3 x 1 s").append(" measurement; fork heap ")
            .append(String.join(" ", FORK_HEAP)).append("; latencies: every commit of the measurement iterations\n")
            .append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version")).append('\n')
            .append("- Machine: ").append(cpuModel()).append(", ").append(os.getAvailableProcessors()).append(" CPUs, ")
            .append(os.getTotalMemorySize() >> 30).append(" GiB RAM, ").append(System.getProperty("os.name")).append(' ')
            .append(System.getProperty("os.version")).append('\n')
            .append("- Conditions: ").append(conditions).append("\n\n")
            .append(title).append("\n\n").append(table.toMarkdown()).append('\n');
        for (final String goal : table.goals())
        {
            sb.append("- goal: ").append(goal).append('\n');
        }
        return sb.toString();
    }

    private static String cpuModel()
    {
        try
        {
            for (final String line : Files.readAllLines(Paths.get("/proc/cpuinfo"), StandardCharsets.UTF_8))
            {
                if (line.startsWith("model name"))
                {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        catch (final IOException | RuntimeException ignored)
        {
            // not Linux: fall through to the architecture
        }
        return System.getProperty("os.arch");
    }
}
