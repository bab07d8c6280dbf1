package io.phantomdb.wal;

import io.phantomdb.FileSync;

import io.phantomdb.PhantomException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Forces the queue file the appender is writing to. Chronicle Queue writes through a shared memory mapping, so the
 * data sits in the page cache; {@link FileChannel#force(boolean) force(false)} (fdatasync) on the same file
 * writes those dirty pages, the queue header and the file length to the device. Chronicle's own
 * {@code ExcerptAppender.sync()} is not used: it does nothing unless a {@code SyncMode} is set and only logs a
 * failed {@code msync}, whereas a failed force here must fail the commit.
 * <p>
 * <b>Note:</b> not thread safe; owned by the writer thread.
 */
final class CycleFileSync implements AutoCloseable
{
    private final Path segmentDirectory;
    private FileChannel channel;
    private Path file;
    private int cycle = Integer.MIN_VALUE;
    private long syncCount;

    CycleFileSync(final Path segmentDirectory)
    {
        this.segmentDirectory = segmentDirectory;
    }

    /**
     * @return the cycle of the file being forced, or {@link Integer#MIN_VALUE} before the first append.
     */
    int cycle()
    {
        return cycle;
    }

    /**
     * The appender moved to a new cycle file: force the previous one if it holds records not yet forced, then
     * track the new one and force the directory so the new file's entry is durable.
     */
    void switchTo(final int newCycle, final Path newFile, final boolean forcePrevious)
    {
        if (forcePrevious)
        {
            force();
        }
        closeChannel();
        try
        {
            channel = FileChannel.open(newFile, StandardOpenOption.READ);
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot open " + newFile + " to sync it", ex);
        }
        file = newFile;
        cycle = newCycle;
        FileSync.forceDirectory(segmentDirectory);
    }

    /**
     * fdatasync of the current queue file.
     *
     * @throws PhantomException naming the file if the force fails.
     */
    void force()
    {
        try
        {
            channel.force(false);
            syncCount++;
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot fsync " + file, ex);
        }
    }

    long syncCount()
    {
        return syncCount;
    }

    private void closeChannel()
    {
        if (null != channel)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ex)
            {
                throw new PhantomException("cannot close " + file, ex);
            }
            channel = null;
        }
    }

    public void close()
    {
        closeChannel();
    }
}
