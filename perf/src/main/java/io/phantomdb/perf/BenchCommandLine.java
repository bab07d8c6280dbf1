package io.phantomdb.perf;

import java.util.function.Function;

/**
 * The command-line handling every {@code bin/phantomdb bench ...} table shares: {@code --help} prints the
 * usage, a bad argument prints the reason and the usage and exits with status 2.
 * <p>
 * <b>Note:</b> stateless.
 */
public final class BenchCommandLine
{
    private BenchCommandLine()
    {
    }

    /**
     * @param command the command's name in messages, for example {@code bench sql}.
     * @param usage   the usage text.
     * @param argv    the arguments.
     * @param parser  reads the arguments; throws {@link IllegalArgumentException} naming a bad one.
     * @param <A>     the parsed arguments' type.
     * @return the parsed arguments, or null after {@code --help} (the caller then returns).
     */
    public static <A> A parseOrExit(
        final String command, final String usage, final String[] argv, final Function<String[], A> parser)
    {
        if (argv.length == 1 && ("--help".equals(argv[0]) || "-h".equals(argv[0])))
        {
            System.out.println(usage);
            return null;
        }
        try
        {
            return parser.apply(argv);
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("phantomdb " + command + ": " + ex.getMessage());
            System.err.println(usage);
            System.exit(2);
            return null;
        }
    }
}
