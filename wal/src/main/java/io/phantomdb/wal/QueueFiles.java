package io.phantomdb.wal;

import io.phantomdb.FileSync;

import io.phantomdb.PhantomException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletion of retired queue files and segment directories.
 * <p>
 * <b>Note:</b> stateless; called by the writer thread from {@link WalWriter#retireBefore} and {@link WalWriter#open}.
 */
final class QueueFiles
{
    private QueueFiles()
    {
    }

    /**
     * Deletes every queue file of a segment that is followed by a file whose first LSN is at or below
     * {@code checkpointLsn}: all its records are older than the checkpoint. The last file is always kept.
     */
    static void retireCycles(final Path segmentDirectory, final WalConfig config, final long checkpointLsn)
    {
        final List<Path> files = new ArrayList<>();
        int keepFrom = 0;
        try (SegmentReader reader = new SegmentReader(segmentDirectory, config))
        {
            for (final long cycle : reader.cycles())
            {
                final long first = reader.firstLsnOfCycle((int)cycle);
                if (first > checkpointLsn)
                {
                    break;
                }
                if (first > 0)
                {
                    files.add(reader.file());
                    keepFrom = files.size() - 1;
                }
            }
        }
        for (int i = 0; i < keepFrom; i++)
        {
            final Path file = files.get(i);
            try
            {
                Files.delete(file);
            }
            catch (final IOException ex)
            {
                throw new PhantomException("cannot delete retired WAL file " + file, ex);
            }
            config.listener().onRetired(file, checkpointLsn);
        }
        if (keepFrom > 0)
        {
            FileSync.forceDirectory(segmentDirectory);
        }
    }

    /**
     * @return some segment directory in the WAL directory, or null if there is none.
     */
    static Path anySegment(final Path walDirectory)
    {
        try (Stream<Path> paths = Files.list(walDirectory))
        {
            return paths.filter(p -> p.getFileName().toString().startsWith(WalMeta.SEGMENT_PREFIX)).findAny().orElse(null);
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot list WAL directory " + walDirectory, ex);
        }
    }

    /**
     * Deletes a directory and everything in it, then forces its parent.
     */
    static void deleteTree(final Path directory)
    {
        try (Stream<Path> paths = Files.walk(directory))
        {
            for (final Path path : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(path);
            }
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot delete retired WAL segment " + directory, ex);
        }
        FileSync.forceDirectory(directory.getParent());
    }
}
