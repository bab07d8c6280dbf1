package io.phantomdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * fsync of files and directories, with failures reported as {@link PhantomException} naming the path.
 * <p>
 * <b>Note:</b> stateless; safe from any thread.
 */
public final class FileSync
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
    public static void forceFilesAndDirectory(final Path directory)
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
    public static void forceDirectory(final Path directory)
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

    /**
     * Replaces a small file atomically and durably: writes {@code contents} to {@code <file>.tmp}, forces it,
     * renames it over {@code file}, then forces the directory. A crash leaves either the old file or the new
     * one, and perhaps a leftover {@code .tmp} for the owner to delete.
     *
     * @param file     the file to replace.
     * @param contents the new contents, from its position to its limit (consumed).
     * @throws PhantomException naming the path that could not be written, forced or renamed.
     */
    public static void replaceAtomically(final Path file, final ByteBuffer contents)
    {
        final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING))
        {
            while (contents.hasRemaining())
            {
                channel.write(contents);
            }
            channel.force(true);
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot write " + tmp, ex);
        }
        try
        {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot rename " + tmp + " to " + file, ex);
        }
        forceDirectory(file.toAbsolutePath().getParent());
    }
}
