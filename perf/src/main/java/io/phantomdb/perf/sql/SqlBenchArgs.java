package io.phantomdb.perf.sql;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Command-line flags of {@link SqlBenchTable} ({@code bin/phantomdb bench sql ...}).
 * <p>
 * <b>Note:</b> immutable, safe from any thread.
 *
 * @param full    longer warm-up and measurement ({@code --full}).
 * @param gc      add JMH's GC profiler and bytes-per-operation columns ({@code --gc}).
 * @param stores  the stores to run, in table order ({@code --stores a,b}, default: all).
 * @param include the benchmarks to run: a regular expression found in their names ({@code --include}).
 */
public record SqlBenchArgs(boolean full, boolean gc, List<String> stores, Pattern include)
{
    /** The benchmarks, in table order. */
    public static final List<String> BENCHMARKS = List.of("pointSelect", "rangeSelect", "join", "insert", "batchInsert");

    /** Usage text. */
    public static final String USAGE = String.join("\n",
        "usage: bin/phantomdb bench sql [--full] [--gc] [--stores a,b,...] [--include REGEX]",
        "  --full              longer runs: 2 x 3 s warm-up, 5 x 3 s measurement (default 1 x 1 s, 3 x 1 s);",
        "                      batchInsert: 2 + 5 single shots (default 1 + 3)",
        "  --gc                add JMH's GC profiler; the table gets bytes allocated per operation",
        "  --stores LIST       only these stores, comma-separated; known: " + String.join(",", SqlStores.ALL),
        "  --include REGEX     only benchmarks whose name matches (found anywhere); known: " + String.join(",", BENCHMARKS));

    /**
     * @param args command-line arguments.
     * @return the flags.
     * @throws IllegalArgumentException naming the offending argument.
     */
    public static SqlBenchArgs parse(final String... args)
    {
        boolean full = false;
        boolean gc = false;
        List<String> stores = SqlStores.ALL;
        Pattern include = Pattern.compile(".*");
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            switch (arg)
            {
                case "--full" -> full = true;
                case "--gc" -> gc = true;
                case "--stores" -> stores = SqlStores.parse(value(args, ++i, arg));
                case "--include" -> include = pattern(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new SqlBenchArgs(full, gc, stores, include);
    }

    /**
     * @return the benchmarks {@link #include} selects, in table order.
     */
    public List<String> benchmarks()
    {
        return BENCHMARKS.stream().filter(b -> include.matcher(b).find()).toList();
    }

    private static Pattern pattern(final String regex)
    {
        try
        {
            return Pattern.compile(regex);
        }
        catch (final PatternSyntaxException ex)
        {
            throw new IllegalArgumentException("--include: bad regular expression '" + regex + "': " + ex.getDescription(), ex);
        }
    }

    private static String value(final String[] args, final int i, final String flag)
    {
        if (i >= args.length)
        {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }
}
