package io.phantomdb.server.tools;

import io.phantomdb.index.check.CheckReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code phantomdb check}: the offline checker ({@link DataDirectoryCheck}). Prints what it checked per file and
 * every problem with file and offset; exits 0 when clean, 1 when it found problems, 2 on wrong usage or an I/O
 * failure.
 * <p>
 * <b>Note:</b> run once per process from {@link #main(String[])}.
 */
@Command(name = "phantomdb check", mixinStandardHelpOptions = true,
    description = "Verify every checksum and index invariant of a data directory, offline (read only).")
public final class CheckCommand implements Callable<Integer>
{
    @Option(names = "--data", required = true, description = "Data directory to check.")
    private Path data;

    @Option(names = "--scratch", description = "Where the temporary copy for the engine-level checks goes " +
        "(default: the system temporary directory).")
    private Path scratch;

    /**
     * Parses the arguments, runs the check and exits with its status.
     *
     * @param args the command-line arguments.
     */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new CheckCommand()).execute(args));
    }

    @Override
    public Integer call()
    {
        final Path where = null == scratch ? Path.of(System.getProperty("java.io.tmpdir")) : scratch;
        final CheckReport report;
        try
        {
            report = DataDirectoryCheck.run(data, where, System.out::println);
        }
        catch (final IOException ex)
        {
            System.err.println("check: " + ex);
            return 2;
        }
        if (report.isClean())
        {
            System.out.println("check: " + data + " is clean");
            return 0;
        }
        System.out.println("check: " + report.problems().size() + " problem(s) found in " + data);
        return 1;
    }
}
