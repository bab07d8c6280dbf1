package io.phantomdb.sql.shell;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The command line of {@code bin/phantomdb sql}.
 * <p>
 * <b>Note:</b> immutable, safe from any thread.
 *
 * @param directory       the data directory to open (and, for a server, where the history file lives).
 * @param serverUrl       the JDBC URL of a PhantomDB (or PostgreSQL) server to connect to instead, or null.
 * @param command         the SQL of {@code -c}, or null to read statements from the input.
 * @param continueOnError {@code --continue}: a failed statement in a script or {@code -c} does not stop the run.
 * @param help            {@code --help}: print the usage and exit.
 */
public record ShellOptions(Path directory, String serverUrl, String command, boolean continueOnError, boolean help)
{
    /** System property with the default data directory ({@code bin/phantomdb} sets it). */
    public static final String DIRECTORY_PROPERTY = "phantomdb.sql.dir";
    /** The default data directory when neither an argument nor the property names one. */
    public static final String DEFAULT_DIRECTORY = "data/db";

    /** Usage text. */
    public static final String USAGE = String.join("\n",
        "usage: bin/phantomdb sql [DIRECTORY | postgresql://[USER[:PASSWORD]@]HOST[:PORT][/DB]] [-c SQL] [--continue]",
        "  DIRECTORY      data directory (default: $PHANTOMDB_DATA/db, or data/db in the repository)",
        "  postgresql://  a running server (bin/phantomdb serve) instead; the password may also come from PGPASSWORD",
        "  -c SQL         run the statements in SQL and exit",
        "  --continue     in a script or -c, go on after a failed statement (the exit code is still 1)",
        "Without -c, statements come from the terminal (interactive, with history) or from standard input.");

    /**
     * @param args command-line arguments.
     * @return the options.
     * @throws IllegalArgumentException naming the offending argument.
     */
    public static ShellOptions parse(final String... args)
    {
        Path directory = null;
        String serverUrl = null;
        String command = null;
        boolean continueOnError = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            switch (arg)
            {
                case "-c":
                case "--command":
                    if (i + 1 >= args.length)
                    {
                        throw new IllegalArgumentException(arg + " needs the SQL to run");
                    }
                    command = args[++i];
                    break;
                case "--continue":
                    continueOnError = true;
                    break;
                case "-h":
                case "--help":
                    help = true;
                    break;
                default:
                    if (arg.startsWith("-") || directory != null || serverUrl != null)
                    {
                        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                    }
                    if (arg.startsWith("postgresql://") || arg.startsWith("postgres://"))
                    {
                        serverUrl = arg;
                    }
                    else
                    {
                        directory = Paths.get(arg);
                    }
                    break;
            }
        }
        if (directory == null)
        {
            directory = Paths.get(System.getProperty(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY));
        }
        return new ShellOptions(directory, serverUrl, command, continueOnError, help);
    }
}
