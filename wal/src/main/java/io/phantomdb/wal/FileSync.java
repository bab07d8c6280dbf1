package io.phantomdb.wal;

import io.phantomdb.PhantomException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * fsync of files and directories, with failures reported as {@link PhantomException} naming the path.
 * <p>
 * <b>Note:</b> stateless; safe from any thread.
 */
final class FileSync
{
    private FileSync()
    {
    }

    /**
     * Forces every file directly in a directory, then the directory itself: used once for a new segment, so that
     * the queue's {@code metadata.cq4t} and directory entries survive a power failure.
     *
     * @param directory to force.
     * @throws PhantomException naming the path that could not be forced.
     */
    static void forceFilesAndDirectory(final Path directory)
    {
        try (Stream<Path> paths = Files.list(directory))
        {
            for (final Path file : (Iterable<Path>)paths.filter(Files::isRegularFile)::iterator)
            {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
                {
                    channel.force(true);
                }
                catch (final IOException ex)
                {
                    throw new PhantomException("cannot fsync " + file, ex);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot list " + directory, ex);
        }
        forceDirectory(directory);
    }

    /**
     * Forces a directory so that files created, renamed or deleted in it survive a power failure (Linux, macOS).
     *
     * @param directory to force.
     * @throws PhantomException if the directory cannot be opened or forced.
     */
    static void forceDirectory(final Path directory)
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot fsync directory " + directory, ex);
        }
    }
}
