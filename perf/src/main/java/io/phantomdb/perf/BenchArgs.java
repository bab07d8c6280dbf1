package io.phantomdb.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Command-line flags of {@link IndexBenchTable} ({@code bin/phantomdb bench index ...}).
 *
 * @param n       entries per store ({@code --n}, default 1,000,000).
 * @param full    longer warm-up and measurement ({@code --full}).
 * @param gc      add JMH's GC profiler and the bytes-per-entry columns ({@code --gc}).
 * @param include regex over benchmark names such as {@code io.phantomdb.perf.IndexBenchmark.readKey}
 *                ({@code --include}, default: all).
 * @param stores  the stores to run, in column order ({@code --stores a,b}, default: all registered).
 * <p>
 * <b>Note:</b> immutable, safe from any thread.
 */
public record BenchArgs(int n, boolean full, boolean gc, Pattern include, List<StoreRegistry.StoreType> stores)
{
    /** Default number of entries. */
    public static final int DEFAULT_N = 1_000_000;

    /** Usage text. */
    public static final String USAGE = String.join("\n",
        "usage: bin/phantomdb bench index [--n N] [--full] [--gc] [--include REGEX] [--stores a,b,...]",
        "  --n N            entries per store (default " + DEFAULT_N + ")",
        "  --full           longer runs: 3 x 5 s warm-up, 5 x 5 s measurement (default 2 x 1 s, 3 x 1 s)",
        "  --gc             add JMH's GC profiler; the table gets bytes allocated per entry (B/op)",
        "  --include REGEX  only benchmarks whose name matches, e.g. 'readKey|write'",
        "  --stores LIST    only these stores, comma-separated; known: " +
            String.join(",", StoreRegistry.names(StoreRegistry.all())));

    /**
     * Parse the flags.
     *
     * @param args command-line arguments.
     * @return the flags.
     * @throws IllegalArgumentException naming the offending argument if one is unknown or malformed.
     */
    public static BenchArgs parse(final String... args)
    {
        int n = DEFAULT_N;
        boolean full = false;
        boolean gc = false;
        Pattern include = Pattern.compile(".*");
        List<StoreRegistry.StoreType> stores = StoreRegistry.all();
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            switch (arg)
            {
                case "--full" -> full = true;
                case "--gc" -> gc = true;
                case "--n" -> n = parseN(value(args, ++i, arg));
                case "--include" -> include = parseRegex(value(args, ++i, arg));
                case "--stores" -> stores = parseStores(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new BenchArgs(n, full, gc, include, stores);
    }

    private static String value(final String[] args, final int i, final String flag)
    {
        if (i >= args.length)
        {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int parseN(final String text)
    {
        final int n;
        try
        {
            n = Integer.parseInt(text.replace("_", "").replace(",", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("--n must be a positive integer: '" + text + "'", ex);
        }
        if (n < 1)
        {
            throw new IllegalArgumentException("--n must be a positive integer: '" + text + "'");
        }
        return n;
    }

    private static Pattern parseRegex(final String text)
    {
        try
        {
            return Pattern.compile(text);
        }
        catch (final PatternSyntaxException ex)
        {
            throw new IllegalArgumentException("--include is not a valid regex: '" + text + "'", ex);
        }
    }

    private static List<StoreRegistry.StoreType> parseStores(final String text)
    {
        final List<String> wanted = List.of(text.split(","));
        for (final String name : wanted)
        {
            StoreRegistry.get(name.trim());
        }
        final List<StoreRegistry.StoreType> stores = new ArrayList<>();
        for (final StoreRegistry.StoreType type : StoreRegistry.all())
        {
            if (wanted.stream().anyMatch(w -> w.trim().equals(type.name())))
            {
                stores.add(type);
            }
        }
        return List.copyOf(stores);
    }
}
