package io.phantomdb.perf.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Command-line flags of {@link ParseBenchTable} ({@code bin/phantomdb bench parse ...}).
 *
 * @param full    longer warm-up and measurement ({@code --full}).
 * @param gc      add JMH's GC profiler and a bytes-per-parse column ({@code --gc}).
 * @param parsers the parsers to run, in table order ({@code --parsers a,b}, default: all).
 * <p>
 * <b>Note:</b> immutable, safe from any thread.
 */
public record ParseBenchArgs(boolean full, boolean gc, List<ParserUnderTest> parsers)
{
    /** Usage text. */
    public static final String USAGE = String.join("\n",
        "usage: bin/phantomdb bench parse [--full] [--gc] [--parsers a,b,...]",
        "  --full              longer runs: 3 x 5 s warm-up, 5 x 5 s measurement (default 2 x 1 s, 3 x 1 s)",
        "  --gc                add JMH's GC profiler; the table gets bytes allocated per parse (B/op)",
        "  --parsers LIST      only these parsers, comma-separated; known: " +
            String.join(",", ParserUnderTest.labels(List.of(ParserUnderTest.values()))));

    /**
     * Parse the flags.
     *
     * @param args command-line arguments.
     * @return the flags.
     * @throws IllegalArgumentException naming the offending argument if one is unknown or malformed.
     */
    public static ParseBenchArgs parse(final String... args)
    {
        boolean full = false;
        boolean gc = false;
        List<ParserUnderTest> parsers = List.of(ParserUnderTest.values());
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            switch (arg)
            {
                case "--full" -> full = true;
                case "--gc" -> gc = true;
                case "--parsers" ->
                {
                    if (++i >= args.length)
                    {
                        throw new IllegalArgumentException("--parsers needs a value");
                    }
                    parsers = parseParsers(args[i]);
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new ParseBenchArgs(full, gc, parsers);
    }

    private static List<ParserUnderTest> parseParsers(final String text)
    {
        final List<ParserUnderTest> wanted = new ArrayList<>();
        for (final String name : text.split(","))
        {
            wanted.add(ParserUnderTest.of(name));
        }
        final List<ParserUnderTest> parsers = new ArrayList<>();
        for (final ParserUnderTest parser : ParserUnderTest.values())
        {
            if (wanted.contains(parser))
            {
                parsers.add(parser);
            }
        }
        return List.copyOf(parsers);
    }
}
