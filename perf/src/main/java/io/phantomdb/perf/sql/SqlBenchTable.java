package io.phantomdb.perf.sql;

import io.phantomdb.perf.BenchCommandLine;
import io.phantomdb.perf.ScratchDirectory;
import io.phantomdb.perf.TextTable;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code bin/phantomdb bench sql}: runs {@link SqlBenchmark} (throughput) and {@link SqlBatchInsertBenchmark}
 * (single shots) through the JMH {@link Runner} for every selected store, prints one table (a row per
 * benchmark, a column per store, then PhantomDB / peer ratios) and writes {@code sql-results.md} and
 * JMH's {@code sql-results.json} to the bench directory. Forks inherit this JVM's arguments. Exits 1 if a
 * cell has no result, 2 on a usage error.
 * <p>
 * <b>Note:</b> a command-line program; single-threaded.
 */
public final class SqlBenchTable
{
    private static final String[] FORK_HEAP = { "-Xms1g", "-Xmx2g" };
    private static final String BATCH = "batchInsert";

    private SqlBenchTable()
    {
    }

    /**
     * @param argv see {@link SqlBenchArgs#USAGE}.
     * @throws RunnerException if JMH cannot run.
     * @throws IOException     if the result files cannot be written.
     */
    public static void main(final String[] argv) throws RunnerException, IOException
    {
        final SqlBenchArgs args = BenchCommandLine.parseOrExit("bench sql", SqlBenchArgs.USAGE, argv, SqlBenchArgs::parse);
        if (null == args)
        {
            return;
        }
        final Path benchDir = ScratchDirectory.benchDir();
        final double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        final List<String> throughput = new ArrayList<>(args.benchmarks());
        throughput.remove(BATCH);
        final List<RunResult> results = new ArrayList<>();
        if (!throughput.isEmpty() && !args.stores().isEmpty())
        {
            results.addAll(run(args, SqlBenchmark.class.getName(), throughput, false));
        }
        if (args.benchmarks().contains(BATCH) && !args.stores().isEmpty())
        {
            results.addAll(run(args, SqlBatchInsertBenchmark.class.getName(), List.of(BATCH), true));
        }
        final Path json = benchDir.resolve("sql-results.json");
        ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(results);

        final Map<String, double[]> scores = scores(results);
        final List<String> header = header(args);
        final List<List<String>> rows = rows(args, scores);
        final List<String> missing = missing(args, scores);
        final String title = "PhantomDB JDBC benchmark: prepared statements, one connection; ops/s (batchInsert: rows/s)" +
            ", \u00b1 = JMH 99.9% confidence half-width" + (args.gc() ? ", B/op = bytes allocated per operation" : "") +
            "; ratios are PhantomDB / peer (above 1: PhantomDB faster)";
        final String conditions = String.format(Locale.ROOT, "1-minute load average: %.2f before, %.2f after the run",
            loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println();
        System.out.println(title);
        System.out.println(TextTable.text(header, rows, c -> c == 0));
        System.out.println(conditions);
        final Path markdown = benchDir.resolve("sql-results.md");
        Files.writeString(markdown, markdown(args, argv, title, conditions, TextTable.markdown(header, rows, c -> c == 0)),
            StandardCharsets.UTF_8);
        System.out.println("Markdown: " + markdown);
        System.out.println("JMH JSON: " + json);
        if (!missing.isEmpty())
        {
            System.err.println("phantomdb bench sql: no result for " + String.join("; ", missing) +
                " (failed: see the JMH output above)");
            System.exit(1);
        }
    }

    private static List<RunResult> run(
        final SqlBenchArgs args, final String benchmarkClass, final List<String> methods, final boolean singleShot)
        throws RunnerException
    {
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include("^" + Pattern.quote(benchmarkClass) + "\\.(" + String.join("|", methods) + ")$")
            .param("store", args.stores().toArray(new String[0]))
            .forks(1)
            .jvmArgsAppend(FORK_HEAP)
            .shouldFailOnError(false);
        if (singleShot)
        {
            options.warmupIterations(args.full() ? 2 : 1).measurementIterations(args.full() ? 5 : 3);
        }
        else
        {
            options.warmupIterations(args.full() ? 2 : 1)
                .warmupTime(TimeValue.seconds(args.full() ? 3 : 1))
                .measurementIterations(args.full() ? 5 : 3)
                .measurementTime(TimeValue.seconds(args.full() ? 3 : 1));
        }
        if (args.gc())
        {
            options.addProfiler(GCProfiler.class);
        }
        return new ArrayList<>(new Runner(options.build()).run());
    }

    /**
     * @return per "benchmark/store": { ops (or rows) per second, relative error, bytes per op (NaN if unknown) }.
     */
    private static Map<String, double[]> scores(final List<RunResult> results)
    {
        final Map<String, double[]> scores = new HashMap<>();
        for (final RunResult result : results)
        {
            final String label = result.getParams().getBenchmark();
            final String benchmark = label.substring(label.lastIndexOf('.') + 1);
            final String store = result.getParams().getParam("store");
            final Result<?> primary = result.getPrimaryResult();
            double bytes = Double.NaN;
            for (final String key : result.getSecondaryResults().keySet())
            {
                if (key.endsWith("gc.alloc.rate.norm"))
                {
                    bytes = result.getSecondaryResults().get(key).getScore();
                }
            }
            final double error = primary.getScoreError() / primary.getScore();
            final double perSecond = BATCH.equals(benchmark) ?
                SqlBenchData.ROWS / (primary.getScore() / 1000.0) : primary.getScore();
            if (BATCH.equals(benchmark) && !Double.isNaN(bytes))
            {
                bytes /= SqlBenchData.ROWS;
            }
            scores.put(benchmark + "/" + store, new double[] { perSecond, error, bytes });
        }
        return scores;
    }

    private static List<String> header(final SqlBenchArgs args)
    {
        final List<String> header = new ArrayList<>();
        header.add("benchmark");
        for (final String store : args.stores())
        {
            header.add(store);
            if (args.gc())
            {
                header.add("B/op");
            }
        }
        for (final String[] pair : ratioPairs(args))
        {
            header.add(pair[0].substring("phantomdb-".length()) + "/" + pair[1]);
        }
        return header;
    }

    private static List<String[]> ratioPairs(final SqlBenchArgs args)
    {
        final List<String[]> pairs = new ArrayList<>();
        for (final String ours : args.stores())
        {
            for (final String peer : args.stores())
            {
                if (SqlStores.isPhantomDb(ours) && !SqlStores.isPhantomDb(peer))
                {
                    pairs.add(new String[] { ours, peer });
                }
            }
        }
        return pairs;
    }

    private static List<List<String>> rows(final SqlBenchArgs args, final Map<String, double[]> scores)
    {
        final List<List<String>> rows = new ArrayList<>();
        for (final String benchmark : args.benchmarks())
        {
            final List<String> row = new ArrayList<>();
            row.add(benchmark);
            for (final String store : args.stores())
            {
                final double[] score = scores.get(benchmark + "/" + store);
                row.add(score == null ? "-" : String.format(Locale.ROOT, "%,.0f \u00b1%.0f%%", score[0], score[1] * 100));
                if (args.gc())
                {
                    row.add(score == null || Double.isNaN(score[2]) ? "-" : String.format(Locale.ROOT, "%,.0f", score[2]));
                }
            }
            for (final String[] pair : ratioPairs(args))
            {
                final double[] ours = scores.get(benchmark + "/" + pair[0]);
                final double[] peer = scores.get(benchmark + "/" + pair[1]);
                row.add(ours == null || peer == null ? "-" : String.format(Locale.ROOT, "%.2fx", ours[0] / peer[0]));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> missing(final SqlBenchArgs args, final Map<String, double[]> scores)
    {
        final List<String> missing = new ArrayList<>();
        for (final String benchmark : args.benchmarks())
        {
            for (final String store : args.stores())
            {
                if (!scores.containsKey(benchmark + "/" + store))
                {
                    missing.add(benchmark + " on " + store);
                }
            }
        }
        return missing;
    }

    private static String markdown(
        final SqlBenchArgs args, final String[] argv, final String title, final String conditions, final String table)
    {
        final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
        return "# PhantomDB JDBC benchmark\n\n" +
            "- Command: `bin/phantomdb bench sql" + (argv.length == 0 ? "" : " " + String.join(" ", argv)) + "`\n" +
            "- Finished: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + '\n' +
            "- JMH: 1 fork per store and benchmark; " + (args.full() ?
                "2 x 3 s warm-up, 5 x 3 s measurement; batchInsert 2 + 5 single shots" :
                "1 x 1 s warm-up, 3 x 1 s measurement; batchInsert 1 + 3 single shots") +
            "; fork heap " + String.join(" ", FORK_HEAP) + '\n' +
            "- Data: kv " + SqlBenchData.ROWS + " rows; customers " + SqlBenchData.CUSTOMERS + ", orders " +
            SqlBenchData.CUSTOMERS * SqlBenchData.ORDERS_PER_CUSTOMER + " (index on customer_id); range " +
            SqlBenchData.RANGE + " rows; join " + SqlBenchData.ORDERS_PER_CUSTOMER + " rows\n" +
            "- Durability: PhantomDB file = WAL group commit, fsynced; SQLite = WAL, synchronous=FULL; " +
            "H2 = MVStore defaults (not fsynced per commit)\n" +
            "- JVM: " + System.getProperty("java.vm.name") + ' ' + System.getProperty("java.runtime.version") + '\n' +
            "- Machine: " + cpuModel() + ", " + os.getAvailableProcessors() + " CPUs, " + (os.getTotalMemorySize() >> 30) +
            " GiB RAM, " + System.getProperty("os.name") + ' ' + System.getProperty("os.version") + '\n' +
            "- Conditions: " + conditions + "\n\n" + title + "\n\n" + table;
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
