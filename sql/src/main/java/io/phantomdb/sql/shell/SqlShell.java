package io.phantomdb.sql.shell;

import io.phantomdb.sql.jdbc.JdbcUrl;
import io.phantomdb.sql.jdbc.PhantomStatement;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code bin/phantomdb sql}: the interactive SQL shell over the embedded JDBC driver
 * ({@code jdbc:phantomdb:file:<directory>}), or over pgjdbc to a running server ({@code postgresql://...}).
 * <p>
 * Statements end with {@code ;} and may span lines. Queries print as aligned tables with a row count,
 * other statements print their command tag ({@code INSERT 0 1}), and with {@code \timing} on (the default
 * at a terminal) each statement's time. Errors print as {@code ERROR: <message> (SQLSTATE xxxxx)} on the
 * error stream, with the statement line and a caret under the position when known. Backslash commands at
 * the start of a line: {@code \d}, {@code \d NAME}, {@code \timing}, {@code \q}, {@code \?}.
 * <p>
 * At a terminal the shell reads through JLine with a history file ({@value #HISTORY_FILE} in the data
 * directory). Otherwise it runs standard input as a script, or the {@code -c} text, and stops at the first
 * failed statement with exit code 1 (with {@code --continue} it runs everything and still exits 1).
 * <p>
 * <b>Note:</b> runs on the calling thread; one shell per thread.
 */
public final class SqlShell
{
    /** The history file's name, in the data directory. */
    public static final String HISTORY_FILE = ".phantomdb_history";

    private static final String HELP = String.join("\n",
        "Statements end with ';' and may span several lines.",
        "  \\d          list tables, views and indexes",
        "  \\d NAME     describe a table or view: columns, types, nullability, defaults, indexes",
        "  \\timing     toggle printing each statement's time",
        "  \\q          quit",
        "  \\?          this help");

    private static final Logger ENGINE_LOG = Logger.getLogger("io.phantomdb");

    private final Connection connection;
    private final PrintStream out;
    private final PrintStream err;
    private final StatementScanner scanner = new StatementScanner();
    private boolean timing;
    private int failures;

    private SqlShell(final Connection connection, final PrintStream out, final PrintStream err, final boolean timing)
    {
        this.connection = connection;
        this.out = out;
        this.err = err;
        this.timing = timing;
    }

    /**
     * Runs the shell on the process's streams and exits with its status. The engine's informational log
     * lines (java.util.logging below {@code io.phantomdb}) are turned off so they do not mix with results.
     *
     * @param args see {@link ShellOptions#USAGE}.
     */
    public static void main(final String[] args)
    {
        ENGINE_LOG.setLevel(Level.WARNING);
        System.exit(run(args, System.in, System.out, System.err, System.console() != null));
    }

    /**
     * Runs the shell.
     *
     * @param args        see {@link ShellOptions#USAGE}.
     * @param in          the script when not interactive and without {@code -c}.
     * @param out         where results go.
     * @param err         where errors go.
     * @param interactive whether to read from the terminal through JLine (ignored with {@code -c}).
     * @return the exit status: 0 on success, 1 if a statement or command failed (or the database could not
     * open), 2 on a usage error.
     */
    public static int run(final String[] args, final InputStream in, final PrintStream out, final PrintStream err,
        final boolean interactive)
    {
        final ShellOptions options;
        try
        {
            options = ShellOptions.parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            err.println("phantomdb sql: " + ex.getMessage());
            err.println(ShellOptions.USAGE);
            return 2;
        }
        if (options.help())
        {
            out.println(ShellOptions.USAGE);
            return 0;
        }
        final boolean terminal = interactive && options.command() == null;
        try (Connection connection = null == options.serverUrl() ?
            DriverManager.getConnection(JdbcUrl.PREFIX + JdbcUrl.FILE + ":" + options.directory()) :
            ServerConnection.open(options.serverUrl(), System.getenv("PGPASSWORD")))
        {
            final SqlShell shell = new SqlShell(connection, out, err, terminal);
            if (terminal)
            {
                final String target = null == options.serverUrl() ?
                    options.directory().toAbsolutePath().toString() : ServerConnection.redact(options.serverUrl());
                out.println("PhantomDB SQL shell on " + target + ". Type \\? for help, \\q to quit.");
                try (LineSource source = new TerminalLineSource(options.directory().resolve(HISTORY_FILE)))
                {
                    shell.loop(source, true, true);
                }
                return 0;
            }
            try (LineSource source = options.command() != null ?
                StreamLineSource.of(options.command()) : StreamLineSource.of(in))
            {
                shell.loop(source, false, options.continueOnError());
            }
            return shell.failures == 0 ? 0 : 1;
        }
        catch (final SQLException ex)
        {
            ErrorFormatter.format(ex, null).forEach(err::println);
            return 1;
        }
        catch (final IOException ex)
        {
            err.println("ERROR: cannot read input: " + ex.getMessage());
            return 1;
        }
    }

    private void loop(final LineSource source, final boolean interactive, final boolean continueOnError) throws IOException
    {
        while (continueOnError || failures == 0)
        {
            final String line;
            try
            {
                line = source.readLine(scanner.hasPending() ? "phantomdb-> " : "phantomdb=> ");
            }
            catch (final CancellationException ex)
            {
                scanner.reset();
                continue;
            }
            if (line == null)
            {
                break;
            }
            if (!scanner.hasPending() && line.strip().startsWith("\\"))
            {
                if (!command(line.strip()))
                {
                    return;
                }
                continue;
            }
            for (final String statement : scanner.add(line))
            {
                execute(statement);
                if (!continueOnError && failures > 0)
                {
                    return;
                }
            }
        }
        if (!interactive && scanner.hasPending() && (continueOnError || failures == 0))
        {
            execute(scanner.takePending());
        }
    }

    private boolean command(final String line)
    {
        final String[] words = line.split("\\s+", 2);
        try
        {
            switch (words[0])
            {
                case "\\q":
                    return false;
                case "\\?":
                    out.println(HELP);
                    break;
                case "\\timing":
                    timing = words.length > 1 ? "on".equals(words[1].toLowerCase(Locale.ROOT)) : !timing;
                    out.println("Timing is " + (timing ? "on." : "off."));
                    break;
                case "\\d":
                    if (words.length > 1)
                    {
                        Describe.relation(connection, words[1].strip(), out);
                    }
                    else
                    {
                        Describe.relations(connection, out);
                    }
                    break;
                default:
                    failures++;
                    err.println("ERROR: invalid command " + words[0] + ". Try \\? for help.");
                    break;
            }
        }
        catch (final SQLException ex)
        {
            failures++;
            ErrorFormatter.format(ex, null).forEach(err::println);
        }
        return true;
    }

    private void execute(final String sql)
    {
        final long start = System.nanoTime();
        try (Statement statement = connection.createStatement())
        {
            boolean rows = statement.execute(sql);
            while (rows || statement.getUpdateCount() != -1)
            {
                if (rows)
                {
                    try (ResultSet rs = statement.getResultSet())
                    {
                        TablePrinter.print(rs, out);
                    }
                }
                else
                {
                    final String tag = statement.isWrapperFor(PhantomStatement.class) ?
                        statement.unwrap(PhantomStatement.class).commandTag() : null;
                    out.println(tag != null ? tag : "OK " + statement.getUpdateCount());
                }
                rows = statement.getMoreResults();
            }
            if (timing)
            {
                out.println(String.format(Locale.ROOT, "Time: %.3f ms", (System.nanoTime() - start) / 1e6));
            }
        }
        catch (final SQLException ex)
        {
            failures++;
            final List<String> lines = ErrorFormatter.format(ex, sql);
            lines.forEach(err::println);
        }
    }
}
