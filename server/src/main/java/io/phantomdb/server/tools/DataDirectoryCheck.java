package io.phantomdb.server.tools;

import io.phantomdb.CorruptionException;
import io.phantomdb.PhantomException;
import io.phantomdb.core.table.Database;
import io.phantomdb.core.table.IndexConsistencyCheck;
import io.phantomdb.core.table.Snapshot;
import io.phantomdb.core.txn.Engine;
import io.phantomdb.core.txn.EngineConfig;
import io.phantomdb.core.txn.RecoveryReport;
import io.phantomdb.index.btree.BTreeFileCheck;
import io.phantomdb.index.check.CheckReport;
import io.phantomdb.index.lsm.LsmFileCheck;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;

/**
 * The offline check of a data directory, in two parts.
 * <ol>
 *   <li>File level, on the original files, read only: {@code data.btree} with {@link BTreeFileCheck} and
 *       {@code lsm/} with {@link LsmFileCheck}; every problem is reported and the check goes on.</li>
 *   <li>Engine level, on a scratch copy of the directory (opening an engine writes: it replays the WAL,
 *       cuts a torn tail and checkpoints, so it never runs on the original): recovery reads and validates every
 *       WAL record after the last checkpoint up to the tail (CRC32C, lengths, LSN sequence), the catalog must
 *       decode, and {@link IndexConsistencyCheck} compares every secondary index with its table's rows in one
 *       snapshot. The scratch copy is deleted afterwards.</li>
 * </ol>
 * <p>
 * <b>Note:</b> runs on the calling thread; nothing may write the directory meanwhile.
 */
public final class DataDirectoryCheck
{
    private static final String BTREE_FILE = "data.btree";
    private static final String LSM_DIRECTORY = "lsm";
    private static final String WAL_DIRECTORY = "wal";

    private DataDirectoryCheck()
    {
    }

    /**
     * Check a data directory.
     *
     * @param data    the data directory.
     * @param scratch where the copy for the engine-level part is made (a new directory is created inside).
     * @param out     receives each line (summaries, progress, {@code PROBLEM ...} lines).
     * @return the report; {@link CheckReport#isClean()} tells the verdict.
     * @throws IOException if a file cannot be read or the copy cannot be made.
     */
    public static CheckReport run(final Path data, final Path scratch, final Consumer<String> out) throws IOException
    {
        final CheckReport report = new CheckReport(out);
        if (!Files.isDirectory(data))
        {
            report.problem(data, -1, "expected a data directory actual " + (Files.exists(data) ? "a file" : "nothing"));
            return report;
        }
        final Path btree = data.resolve(BTREE_FILE);
        if (Files.exists(btree) && inUse(btree))
        {
            report.problem(btree, -1, "expected a data directory no process has open actual locked (a running " +
                "server?): stop it first, or back it up online (docs/operations.md)");
            return report;
        }
        if (Files.exists(btree))
        {
            BTreeFileCheck.check(btree, report);
        }
        else
        {
            report.problem(btree, -1, "expected the B+tree file actual missing");
        }
        final Path lsm = data.resolve(LSM_DIRECTORY);
        if (Files.isDirectory(lsm))
        {
            LsmFileCheck.check(lsm, report);
        }
        if (!Files.isDirectory(data.resolve(WAL_DIRECTORY)))
        {
            report.problem(data.resolve(WAL_DIRECTORY), -1, "expected the WAL directory actual missing");
        }
        if (!report.isClean())
        {
            report.info("engine-level checks skipped: the files above have problems (opening would stop at the first)");
            return report;
        }
        Files.createDirectories(scratch);
        final Path copy = Files.createTempDirectory(scratch, "phantomdb-check-");
        try
        {
            report.info("copying " + data + " to " + copy + " for the WAL, catalog and index checks (" +
                copyTree(data, copy, out) + " bytes)");
            engineChecks(data, copy, report);
        }
        finally
        {
            deleteTree(copy);
        }
        return report;
    }

    private static void engineChecks(final Path data, final Path copy, final CheckReport report)
    {
        final Engine engine;
        try
        {
            engine = Engine.open(copy, new EngineConfig());
        }
        catch (final CorruptionException ex)
        {
            report.problem(original(ex.file(), copy, data), ex.offset(), "opening the engine: " +
                ex.getMessage().replace(copy.toString(), data.toString()));
            return;
        }
        catch (final PhantomException | IllegalArgumentException ex)
        {
            report.problem(data, -1, "opening the engine: " +
                ex.getMessage().replace(copy.toString(), data.toString()));
            return;
        }
        final RecoveryReport recovery = engine.lastRecovery();
        report.info(data.resolve(WAL_DIRECTORY) + ": readable to the tail; recovery " + recovery);
        try (Database database = Database.open(engine, data.toString()))
        {
            report.info("catalog: " + database.catalog().tables().size() + " tables, " +
                database.catalog().indexes().size() + " indexes, catalog version " + database.catalog().version());
            try (Snapshot snapshot = Snapshot.begin(database))
            {
                IndexConsistencyCheck.check(snapshot, data, report);
            }
        }
        catch (final CorruptionException ex)
        {
            report.problem(original(ex.file(), copy, data), ex.offset(), "reading the catalog or tables: " +
                ex.getMessage().replace(copy.toString(), data.toString()));
        }
    }

    private static boolean inUse(final Path btree) throws IOException
    {
        try (FileChannel channel = FileChannel.open(btree, StandardOpenOption.READ))
        {
            final FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (null == lock)
            {
                return true;
            }
            lock.release();
            return false;
        }
        catch (final OverlappingFileLockException ex)
        {
            return true;
        }
    }

    private static Path original(final Path file, final Path copy, final Path data)
    {
        return null != file && file.startsWith(copy) ? data.resolve(copy.relativize(file)) : data;
    }

    private static long copyTree(final Path from, final Path to, final Consumer<String> out) throws IOException
    {
        final long[] bytes = new long[1];
        Files.walkFileTree(from, new SimpleFileVisitor<>()
        {
            @Override
            public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attributes)
                throws IOException
            {
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes) throws IOException
            {
                if (attributes.size() > (256L << 20))
                {
                    out.accept("copying " + file + " (" + attributes.size() + " bytes)");
                }
                Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                bytes[0] += attributes.size();
                return FileVisitResult.CONTINUE;
            }
        });
        return bytes[0];
    }

    private static void deleteTree(final Path root) throws IOException
    {
        Files.walkFileTree(root, new SimpleFileVisitor<>()
        {
            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes) throws IOException
            {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(final Path dir, final IOException ex) throws IOException
            {
                if (null != ex)
                {
                    throw ex;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
