package io.phantomdb.wal;

import io.phantomdb.PhantomException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
