package io.phantomdb.server.tools;

import io.phantomdb.PhantomException;
import io.phantomdb.core.PhantomDB;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code phantomdb backup}: opens the data directory and writes a consistent logical backup of one snapshot
 * ({@link Backup}). A directory that a running server holds is locked; back that one up from inside the server's
 * process (docs/operations.md). Exits 0 on success, 1 on failure.
 * <p>
 * <b>Note:</b> run once per process from {@link #main(String[])}.
 */
@Command(name = "phantomdb backup", mixinStandardHelpOptions = true,
    description = "Write a consistent backup of a data directory (one snapshot) into a new directory.")
public final class BackupCommand implements Callable<Integer>
{
    @Option(names = "--data", required = true, description = "Data directory to back up.")
    private Path data;

    @Option(names = "--to", required = true, description = "Backup directory to create (must be empty or absent).")
    private Path to;

    /**
     * Parses the arguments, runs the backup and exits with its status.
     *
     * @param args the command-line arguments.
     */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new BackupCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        if (!Files.isDirectory(data))
        {
            System.err.println("backup: " + data + " is not a data directory");
            return 1;
        }
        final PhantomDB db;
        try
        {
            db = PhantomDB.open(data);
        }
        catch (final PhantomException | IllegalStateException ex)
        {
            System.err.println("backup: cannot open " + data + " (" + ex.getMessage() + "); if a server is running " +
                "on it, back it up online: POST /api/backup?to=DIR on its HTTP port (docs/operations.md)");
            return 1;
        }
        try (db)
        {
            Backup.run(db, to, System.out::println);
            return 0;
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("backup: " + ex.getMessage());
            return 1;
        }
    }
}
