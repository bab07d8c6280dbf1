package io.phantomdb.perf.parse;

import io.phantomdb.perf.TextTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of a parser benchmark run: one row per statement and parser, then one geometric-mean row
 * per parser over the statements; columns nanoseconds per parse (with JMH's relative error), bytes
 * allocated per parse when profiled, and the speed-up of PhantomDB over this parser (this parser's
 * time / PhantomDB's time: above 1.00x PhantomDB parses faster). Renders as aligned plain text or
 * Markdown.
 * <p>
 * Cells: {@value #MISSING} where there is no result (failed, or PhantomDB not in the run).
 * <p>
 * <b>Note:</b> immutable after construction, safe from any thread.
 */
public final class ParseResultTable
{
    /** Cell text where there is no result. */
    public static final String MISSING = "-";
    /** The statement column of the geometric-mean rows. */
    public static final String GEOMEAN = "geomean";

    /**
     * One statement and parser's result.
     *
     * @param statement     the statement.
     * @param parser        the parser.
     * @param nanosPerParse average time of one parse; NaN if no JMH result.
     * @param relativeError JMH's score error / score; NaN if unknown.
     * @param bytesPerParse {@code gc.alloc.rate.norm}; NaN if not profiled.
     */
    public record Measurement(ParseStatement statement, ParserUnderTest parser, double nanosPerParse, double relativeError, double bytesPerParse)
    {
    }

    private final List<String> header = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    /**
     * @param statements   the statements, in table order.
     * @param parsers      the parsers, in table order.
     * @param measurements the results (any order; absent ones show as {@value #MISSING}).
     * @param allocation   whether to show bytes per parse.
     */
    public ParseResultTable(
        final List<ParseStatement> statements, final List<ParserUnderTest> parsers, final List<Measurement> measurements,
        final boolean allocation)
    {
        final Map<String, Measurement> byKey = new HashMap<>();
        for (final Measurement m : measurements)
        {
            byKey.put(key(m.statement(), m.parser()), m);
        }
        final ParserUnderTest phantom = parsers.stream().filter(ParserUnderTest::phantomDb).findFirst().orElse(null);

        header.addAll(List.of("statement", "parser", "ns/parse"));
        if (allocation)
        {
            header.add("B/op");
        }
        header.add("PhantomDB speed-up");

        for (final ParseStatement s : statements)
        {
            final Measurement ours = phantom == null ? null : byKey.get(key(s, phantom));
            for (final ParserUnderTest p : parsers)
            {
                final Measurement m = byKey.get(key(s, p));
                if (m == null || Double.isNaN(m.nanosPerParse()))
                {
                    missing.add(s.name() + " on " + p.label());
                }
                final List<String> row = new ArrayList<>(List.of(s.name(), p.label(), m == null ? MISSING : nanos(m)));
                if (allocation)
                {
                    row.add(m == null || Double.isNaN(m.bytesPerParse()) ? MISSING : String.format(Locale.ROOT, "%,.0f", m.bytesPerParse()));
                }
                row.add(p.phantomDb() ? "" : ratio(ours == null ? Double.NaN : ours.nanosPerParse(), m == null ? Double.NaN : m.nanosPerParse()));
                rows.add(row);
            }
        }
        final double oursMean = phantom == null ? Double.NaN : geomean(statements, phantom, byKey, false);
        for (final ParserUnderTest p : parsers)
        {
            final double mean = geomean(statements, p, byKey, false);
            final List<String> row = new ArrayList<>(List.of(GEOMEAN, p.label(),
                Double.isNaN(mean) ? MISSING : String.format(Locale.ROOT, "%,.0f", mean)));
            if (allocation)
            {
                final double bytes = geomean(statements, p, byKey, true);
                row.add(Double.isNaN(bytes) ? MISSING : String.format(Locale.ROOT, "%,.0f", bytes));
            }
            row.add(p.phantomDb() ? "" : ratio(oursMean, mean));
            rows.add(row);
        }
    }

    /**
     * @return the rows that should have a result but have none.
     */
    public List<String> missing()
    {
        return List.copyOf(missing);
    }

    /**
     * @return the table as aligned plain text: names left-aligned, numbers right-aligned.
     */
    public String toText()
    {
        return TextTable.text(header, rows, ParseResultTable::leftAligned);
    }

    /**
     * @return the table as a Markdown (GitHub) table, numbers right-aligned.
     */
    public String toMarkdown()
    {
        return TextTable.markdown(header, rows, ParseResultTable::leftAligned);
    }

    private static boolean leftAligned(final int column)
    {
        return column <= 1;
    }

    private static String nanos(final Measurement m)
    {
        if (Double.isNaN(m.nanosPerParse()))
        {
            return MISSING;
        }
        final String error = Double.isFinite(m.relativeError()) ?
            String.format(Locale.ROOT, "\u00b1%3.0f%%", 100 * m.relativeError()) : "\u00b1   ?";
        return String.format(Locale.ROOT, "%,.0f", m.nanosPerParse()) + " " + error;
    }

    private static String ratio(final double oursNanos, final double theirNanos)
    {
        if (Double.isNaN(oursNanos) || Double.isNaN(theirNanos))
        {
            return MISSING;
        }
        return String.format(Locale.ROOT, "%.2fx", theirNanos / oursNanos);
    }

    private static double geomean(
        final List<ParseStatement> statements, final ParserUnderTest parser, final Map<String, Measurement> byKey, final boolean bytes)
    {
        double logSum = 0;
        for (final ParseStatement s : statements)
        {
            final Measurement m = byKey.get(key(s, parser));
            final double value = m == null ? Double.NaN : bytes ? m.bytesPerParse() : m.nanosPerParse();
            if (Double.isNaN(value) || value <= 0)
            {
                return Double.NaN;
            }
            logSum += Math.log(value);
        }
        return statements.isEmpty() ? Double.NaN : Math.exp(logSum / statements.size());
    }

    private static String key(final ParseStatement statement, final ParserUnderTest parser)
    {
        return statement.name() + '\u0000' + parser.label();
    }
}
