package io.phantomdb.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where benchmark files go: per-trial temporary directories under the bench directory, the system
 * property {@value #BENCH_DIR_PROPERTY} ({@code bin/phantomdb} sets it to {@code data/bench}) or else
 * {@code java.io.tmpdir}.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
public final class ScratchDirectory
{
    /** System property naming the bench directory. */
    public static final String BENCH_DIR_PROPERTY = "phantomdb.bench.dir";

    private ScratchDirectory()
    {
    }

    /**
     * @return the bench directory, created if missing.
     * @throws UncheckedIOException if it cannot be created.
     */
    public static Path benchDir()
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

    /**
     * Create a new empty directory for one store instance.
     *
     * @param store name of the store, part of the directory name.
     * @return the new directory.
     * @throws UncheckedIOException if it cannot be created.
     */
    public static Path create(final String store)
    {
        final Path parent = benchDir();
        try
        {
            return Files.createTempDirectory(parent, "index-" + store + "-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a directory in " + parent, ex);
        }
    }

    /**
     * Delete a directory and everything under it; nothing if it is null or gone.
     *
     * @param dir the directory.
     * @throws UncheckedIOException if something cannot be deleted.
     */
    public static void delete(final Path dir)
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
