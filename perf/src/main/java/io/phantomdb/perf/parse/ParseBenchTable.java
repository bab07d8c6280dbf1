package io.phantomdb.perf.parse;

import io.phantomdb.perf.BenchCommandLine;
import io.phantomdb.perf.ScratchDirectory;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code bin/phantomdb bench parse}: runs {@link ParseBenchmark} through the JMH {@link Runner} for every
 * statement and parser in one run, prints the table ({@link ParseResultTable}), and writes under the
 * bench directory {@code parse-results.md} (command, settings, machine, table) and
 * {@code parse-results.json} (JMH's raw JSON). Exits 1 if a row has no result, 2 on a usage error.
 * <p>
 * <b>Note:</b> a command-line program; single-threaded.
 */
public final class ParseBenchTable
{
    private static final String[] FORK_HEAP = { "-Xms1g", "-Xmx1g" };

    private ParseBenchTable()
    {
    }

    /**
     * @param argv see {@link ParseBenchArgs#USAGE}.
     * @throws RunnerException if JMH cannot run.
     * @throws IOException     if the result files cannot be written.
     */
    public static void main(final String[] argv) throws RunnerException, IOException
    {
        final ParseBenchArgs args = BenchCommandLine.parseOrExit("bench parse", ParseBenchArgs.USAGE, argv, ParseBenchArgs::parse);
        if (null == args)
        {
            return;
        }

        final double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        final List<ParseStatement> statements = List.of(ParseStatement.values());
        final List<RunResult> results = run(args, statements);
        final Path benchDir = ScratchDirectory.benchDir();
        final Path json = benchDir.resolve("parse-results.json");
        ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(results);

        final List<ParseResultTable.Measurement> measurements = new ArrayList<>();
        for (final RunResult result : results)
        {
            measurements.add(measurement(result));
        }
        final ParseResultTable table = new ParseResultTable(statements, args.parsers(), measurements, args.gc());
        final String title = "SQL parse time: statement text to syntax tree, one thread, ns per parse " +
            "(\u00b1 = JMH 99.9% confidence half-width)" + (args.gc() ? ", bytes allocated per parse" : "") +
            ", PhantomDB speed-up = parser's time / PhantomDB's time";
        final String conditions = String.format(Locale.ROOT, "1-minute load average: %.2f before, %.2f after the run",
            loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        System.out.println();
        System.out.println(title);
        System.out.println(table.toText());
        System.out.println(conditions);
        final Path markdown = benchDir.resolve("parse-results.md");
        Files.writeString(markdown, markdown(args, argv, title, conditions, table), StandardCharsets.UTF_8);
        System.out.println("Markdown: " + markdown);
        System.out.println("JMH JSON: " + json);

        if (!table.missing().isEmpty())
        {
            System.err.println("phantomdb bench parse: no result for " + String.join("; ", table.missing()) +
                " (failed: see the JMH output above)");
            System.exit(1);
        }
    }

    private static List<RunResult> run(final ParseBenchArgs args, final List<ParseStatement> statements) throws RunnerException
    {
        if (args.parsers().isEmpty())
        {
            return List.of();
        }
        final List<String> names = new ArrayList<>();
        for (final ParseStatement s : statements)
        {
            names.add(s.name());
        }
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include("^" + Pattern.quote(ParseBenchmark.class.getName()) + "\\.parse$")
            .param("parser", ParserUnderTest.labels(args.parsers()).toArray(new String[0]))
            .param("statement", names.toArray(new String[0]))
            .forks(1)
            .warmupIterations(args.full() ? 3 : 2)
            .warmupTime(TimeValue.seconds(args.full() ? 5 : 1))
            .measurementIterations(args.full() ? 5 : 3)
            .measurementTime(TimeValue.seconds(args.full() ? 5 : 1))
            .jvmArgsAppend(FORK_HEAP)
            .shouldFailOnError(false);
        if (args.gc())
        {
            options.addProfiler(GCProfiler.class);
        }
        return new ArrayList<>(new Runner(options.build()).run());
    }

    /**
     * @param result a result of {@link ParseBenchmark#parse}.
     * @return the table's measurement.
     * @throws IllegalStateException if the score unit is not nanoseconds per operation.
     */
    static ParseResultTable.Measurement measurement(final RunResult result)
    {
        final ParserUnderTest parser = ParserUnderTest.of(Objects.requireNonNull(result.getParams().getParam("parser"), "parser"));
        final ParseStatement statement = ParseStatement.of(Objects.requireNonNull(result.getParams().getParam("statement"), "statement"));
        final Result<?> primary = result.getPrimaryResult();
        if (!"ns/op".equals(primary.getScoreUnit()))
        {
            throw new IllegalStateException("expected ns/op, got unit '" + primary.getScoreUnit() + "'");
        }
        double bytesPerParse = Double.NaN;
        for (final String label : result.getSecondaryResults().keySet())
        {
            if (label.endsWith("gc.alloc.rate.norm"))
            {
                bytesPerParse = result.getSecondaryResults().get(label).getScore();
            }
        }
        return new ParseResultTable.Measurement(
            statement, parser, primary.getScore(), primary.getScoreError() / primary.getScore(), bytesPerParse);
    }

    private static String markdown(
        final ParseBenchArgs args, final String[] argv, final String title, final String conditions, final ParseResultTable table)
    {
        final StringBuilder sb = new StringBuilder()
            .append("# SQL parser benchmark\n\n")
            .append("- Command: `bin/phantomdb bench parse").append(argv.length == 0 ? "" : " " + String.join(" ", argv)).append("`\n")
            .append("- Finished: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n')
            .append("- JMH: AverageTime, 1 fork per row, ")
            .append(args.full() ? "3 x 5 s warm-up, 5 x 5 s" : "2 x 1 s warm-up, 3 x 1 s").append(" measurement; fork heap ")
            .append(String.join(" ", FORK_HEAP)).append('\n')
            .append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version")).append('\n')
            .append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
            .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append('\n')
            .append("- Conditions: ").append(conditions).append("\n\n")
            .append(title).append("\n\n").append(table.toMarkdown()).append("\n\nStatements:\n\n");
        for (final ParseStatement s : ParseStatement.values())
        {
            sb.append("- ").append(s.name()).append(": `").append(s.sql()).append("`\n");
        }
        return sb.toString();
    }
}
