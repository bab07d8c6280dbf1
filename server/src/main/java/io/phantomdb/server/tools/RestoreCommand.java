package io.phantomdb.server.tools;

import io.phantomdb.PhantomException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code phantomdb restore}: rebuilds a data directory from a backup ({@link Restore}). Exits 0 on success, 1 if
 * the backup fails a check or the target is not empty without {@code --force}.
 * <p>
 * <b>Note:</b> run once per process from {@link #main(String[])}.
 */
@Command(name = "phantomdb restore", mixinStandardHelpOptions = true,
    description = "Rebuild a data directory from a backup made by phantomdb backup.")
public final class RestoreCommand implements Callable<Integer>
{
    @Option(names = "--from", required = true, description = "Backup directory.")
    private Path from;

    @Option(names = "--data", required = true, description = "Data directory to create.")
    private Path data;

    @Option(names = "--force", description = "Replace the contents of a non-empty data directory.")
    private boolean force;

    /**
     * Parses the arguments, runs the restore and exits with its status.
     *
     * @param args the command-line arguments.
     */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new RestoreCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        try
        {
            Restore.run(from, data, force, System.out::println);
            return 0;
        }
        catch (final IllegalArgumentException | PhantomException ex)
        {
            System.err.println("restore: " + ex.getMessage());
            return 1;
        }
    }
}
