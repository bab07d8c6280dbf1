package io.phantomdb.perf.txn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where the transaction benchmark's files go: under the system property {@value #BENCH_DIR_PROPERTY}
 * ({@code bin/phantomdb} sets it to {@code data/bench}) or else {@code java.io.tmpdir}.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
final class TxnScratch
{
    /** System property naming the bench directory. */
    static final String BENCH_DIR_PROPERTY = "phantomdb.bench.dir";

    private TxnScratch()
    {
    }

    static Path benchDir()
    {
        final Path dir = Paths.get(System.getProperty(BENCH_DIR_PROPERTY, System.getProperty("java.io.tmpdir")));
        try
        {
            return Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create bench directory " + dir, ex);
        }
    }

    static Path create(final String store)
    {
        final Path parent = benchDir();
        try
        {
            return Files.createTempDirectory(parent, "txn-" + store + "-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a directory in " + parent, ex);
        }
    }

    static void delete(final Path dir)
    {
        if (dir == null || !Files.exists(dir))
        {
            return;
        }
        try
        {
            Files.walkFileTree(dir, new SimpleFileVisitor<>()
            {
                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException
                {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(final Path d, final IOException ex) throws IOException
                {
                    if (ex != null)
                    {
                        throw ex;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + dir, ex);
        }
    }
}
