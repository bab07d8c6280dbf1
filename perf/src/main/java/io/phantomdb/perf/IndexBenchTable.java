package io.phantomdb.perf;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code bin/phantomdb bench index}: runs {@link IndexBenchmark} through the JMH {@link Runner} for
 * every registered store, prints one side-by-side table ({@link ResultTable}) and writes it as
 * Markdown to {@code <bench dir>/index-results.md} with the raw JMH JSON in {@code index-results.json}.
 * <p>
 * Two JMH runs: {@code readKey}/{@code write} on every store, then {@code readSeq}/{@code readRev} on
 * the ordered stores only. Forks inherit this JVM's arguments (JMH's default), so the
 * {@code phantomdb.jvm.flags} that {@code bin/phantomdb} passes reach them; the heap is set with
 * {@code jvmArgsAppend}. Exits 1 if a cell that should have a result has none, 2 on a usage error.
 * <p>
 * <b>Note:</b> a command-line program; single-threaded.
 */
public final class IndexBenchTable
{
    private static final List<String> POINT = List.of("readKey", "write");
    private static final List<String> ORDERED = List.of("readSeq", "readRev");
    private static final String[] FORK_JVM_ARGS = { "-Xms1g", "-Xmx4g" };

    private IndexBenchTable()
    {
    }

    /**
     * @param argv see {@link BenchArgs#USAGE}.
     * @throws RunnerException if JMH cannot run.
     * @throws IOException     if the result files cannot be written.
     */
    public static void main(final String[] argv) throws RunnerException, IOException
    {
        final BenchArgs args = BenchCommandLine.parseOrExit("bench index", BenchArgs.USAGE, argv, BenchArgs::parse);
        if (null == args)
        {
            return;
        }

        final Path benchDir = ScratchDirectory.benchDir();
        final List<String> allStores = StoreRegistry.names(args.stores());
        final List<String> orderedStores = new ArrayList<>();
        for (final StoreRegistry.StoreType type : args.stores())
        {
            if (type.ordered())
            {
                orderedStores.add(type.name());
            }
        }

        final List<String> point = selected(POINT, args.include());
        final List<String> ordered = orderedStores.isEmpty() ? List.of() : selected(ORDERED, args.include());
        if (point.isEmpty() && ordered.isEmpty())
        {
            System.err.println("phantomdb bench index: nothing to run: --include '" + args.include() +
                "' selects no workload (readKey, readSeq, readRev, write) that applies to the chosen stores");
            System.exit(2);
            return;
        }
        final List<RunResult> results = new ArrayList<>();
        results.addAll(run(args, point, allStores));
        results.addAll(run(args, ordered, orderedStores));
        final List<String> workloads = new ArrayList<>(point);
        workloads.addAll(ordered);

        final Path json = benchDir.resolve("index-results.json");
        ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(results);

        final List<ResultTable.Measurement> measurements = new ArrayList<>();
        for (final RunResult result : results)
        {
            measurements.add(measurement(result));
        }
        final ResultTable table = new ResultTable(workloads, args.stores(), measurements, args.gc());
        final String title = "PhantomDB index benchmark: entries/s per store (higher is better)" +
            (hasPhantomDb(args.stores()) ? ", then PhantomDB store / peer" : "") +
            (args.gc() ? ", then bytes allocated per entry" : "") + "; N = " + args.n() +
            "; \u00b1 = JMH 99.9% confidence half-width";

        System.out.println();
        System.out.println(title);
        System.out.println(table.toText());
        if (!hasPhantomDb(args.stores()))
        {
            System.out.println("No PhantomDB store is registered yet (StoreRegistry): peers only, no ratio columns.");
        }

        final Path markdown = benchDir.resolve("index-results.md");
        Files.writeString(markdown, markdown(args, argv, title, table), StandardCharsets.UTF_8);
        System.out.println("Markdown: " + markdown);
        System.out.println("JMH JSON: " + json);

        if (!table.missing().isEmpty())
        {
            System.err.println("phantomdb bench index: no result for " + String.join("; ", table.missing()) +
                " (failed: see the JMH output above)");
            System.exit(1);
        }
    }

    private static List<String> selected(final List<String> methods, final Pattern include)
    {
        final List<String> selected = new ArrayList<>();
        for (final String method : methods)
        {
            if (include.matcher(IndexBenchmark.class.getName() + "." + method).find())
            {
                selected.add(method);
            }
        }
        return selected;
    }

    private static List<RunResult> run(final BenchArgs args, final List<String> methods, final List<String> stores)
        throws RunnerException
    {
        if (methods.isEmpty() || stores.isEmpty())
        {
            return List.of();
        }
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include("^" + Pattern.quote(IndexBenchmark.class.getName()) + "\\.(" + String.join("|", methods) + ")$")
            .param("n", Integer.toString(args.n()))
            .param("store", stores.toArray(new String[0]))
            .forks(1)
            .warmupIterations(args.full() ? 3 : 2)
            .warmupTime(TimeValue.seconds(args.full() ? 5 : 1))
            .measurementIterations(args.full() ? 5 : 3)
            .measurementTime(TimeValue.seconds(args.full() ? 5 : 1))
            .jvmArgsAppend(FORK_JVM_ARGS)
            .shouldFailOnError(false);
        if (args.gc())
        {
            options.addProfiler(GCProfiler.class);
        }
        return new ArrayList<>(new Runner(options.build()).run());
    }

    /**
     * Convert one JMH result (time per pass over N entries) to entries per second and bytes per entry.
     *
     * @param result a result of {@link IndexBenchmark}.
     * @return the measurement.
     * @throws IllegalStateException if the score unit is not a time per operation.
     */
    static ResultTable.Measurement measurement(final RunResult result)
    {
        final String benchmark = result.getParams().getBenchmark();
        final String workload = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        final int n = Integer.parseInt(result.getParams().getParam("n"));
        final String store = Objects.requireNonNull(result.getParams().getParam("store"), "store");
        final String order = Objects.requireNonNull(result.getParams().getParam("order"), "order");
        final Result<?> primary = result.getPrimaryResult();
        final double secondsPerPass = primary.getScore() * secondsPerUnit(primary.getScoreUnit());
        double bytesPerEntry = Double.NaN;
        for (final String label : result.getSecondaryResults().keySet())
        {
            if (label.endsWith("gc.alloc.rate.norm"))
            {
                bytesPerEntry = result.getSecondaryResults().get(label).getScore() / n;
            }
        }
        final double relativeError = primary.getScoreError() / primary.getScore();
        return new ResultTable.Measurement(workload, store, order, n / secondsPerPass, relativeError, bytesPerEntry);
    }

    private static double secondsPerUnit(final String unit)
    {
        return switch (unit)
        {
            case "s/op" -> 1.0;
            case "ms/op" -> 1e-3;
            case "us/op" -> 1e-6;
            case "ns/op" -> 1e-9;
            default -> throw new IllegalStateException("expected a time per operation, got unit '" + unit + "'");
        };
    }

    private static boolean hasPhantomDb(final List<StoreRegistry.StoreType> stores)
    {
        return stores.stream().anyMatch(StoreRegistry.StoreType::phantomDb);
    }

    private static String markdown(final BenchArgs args, final String[] argv, final String title, final ResultTable table)
    {
        final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
        return "# PhantomDB index benchmark\n\n" +
            "- Command: `bin/phantomdb bench index" + (argv.length == 0 ? "" : " " + String.join(" ", argv)) + "`\n" +
            "- Finished: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n" +
            "- N = " + args.n() + " entries, 4-byte big-endian int keys, " + Workload.VALUE_LENGTH + "-byte values\n" +
            "- JMH: 1 fork, " + (args.full() ? "3 x 5 s warm-up, 5 x 5 s" : "2 x 1 s warm-up, 3 x 1 s") +
            " measurement, SampleTime of one pass over N entries; fork heap " + String.join(" ", FORK_JVM_ARGS) + "\n" +
            "- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n" +
            "- Machine: " + cpuModel() + ", " + os.getAvailableProcessors() + " CPUs, " +
            (os.getTotalMemorySize() >> 30) + " GiB RAM, " + System.getProperty("os.name") + " " +
            System.getProperty("os.version") + "\n\n" +
            title + "\n\n" + table.toMarkdown();
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
