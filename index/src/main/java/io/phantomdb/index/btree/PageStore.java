package io.phantomdb.index.btree;

import io.phantomdb.PhantomException;
import org.agrona.BufferUtil;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Fixed-size pages in fixed-size segments of anonymous off-heap memory or of a memory-mapped file.
 * Page {@code id} lives in segment {@code id / pagesPerSegment}. Segments are only ever added, never
 * remapped or released before {@link #close()}, so a page address a reader obtained stays valid.
 * <p>
 * The writer grows the store by replacing {@link #segments()} with a longer copy; readers take the
 * array from the committed state they pinned (published with a release store by the tree), so the
 * array and every segment in it are safely published to them.
 * <p>
 * <b>Note:</b> growth, {@link #force()} and {@link #close()} are writer-thread only; {@link UnsafeBuffer}s
 * of segments may be read from any thread that obtained them through a published state.
 */
final class PageStore
{
    private final Path file;
    private final FileChannel channel;
    private final int pageSize;
    private final int pageShift;
    private final int segmentSize;
    private final int segmentShift;
    private final long segmentMask;
    private ByteBuffer[] byteBuffers = new ByteBuffer[0];
    private UnsafeBuffer[] segments = new UnsafeBuffer[0];
    private long pageCount;

    private PageStore(final Path file, final FileChannel channel, final int pageSize, final int segmentSize)
    {
        this.file = file;
        this.channel = channel;
        this.pageSize = pageSize;
        this.pageShift = Integer.numberOfTrailingZeros(pageSize);
        this.segmentSize = segmentSize;
        this.segmentShift = Integer.numberOfTrailingZeros(segmentSize / pageSize);
        this.segmentMask = (segmentSize / pageSize) - 1;
    }

    static PageStore anonymous(final int pageSize, final int segmentSize)
    {
        return new PageStore(null, null, pageSize, segmentSize);
    }

    static PageStore mapped(final Path file, final FileChannel channel, final int pageSize, final int segmentSize)
    {
        final PageStore store = new PageStore(file, channel, pageSize, segmentSize);
        try
        {
            final long size = channel.size();
            final long existing = (size + segmentSize - 1) / segmentSize;
            for (int i = 0; i < existing; i++)
            {
                store.addSegment();
            }
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot map " + file, ex);
        }
        return store;
    }

    static FileChannel openChannel(final Path file)
    {
        try
        {
            final FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            final FileLock lock;
            try
            {
                lock = channel.tryLock();
            }
            catch (final OverlappingFileLockException ex)
            {
                channel.close();
                throw new IllegalStateException(file + " is already open in this process", ex);
            }
            catch (final IOException ex)
            {
                channel.close();
                throw ex;
            }
            if (null == lock)
            {
                channel.close();
                throw new IllegalStateException(file + " is locked by another process");
            }
            return channel;
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot open " + file, ex);
        }
    }

    Path file()
    {
        return file;
    }

    int pageSize()
    {
        return pageSize;
    }

    int segmentSize()
    {
        return segmentSize;
    }

    int pagesPerSegment()
    {
        return segmentSize / pageSize;
    }

    long mappedPages()
    {
        return (long)segments.length << segmentShift;
    }

    long pageCount()
    {
        return pageCount;
    }

    void pageCount(final long pageCount)
    {
        this.pageCount = pageCount;
    }

    UnsafeBuffer[] segments()
    {
        return segments;
    }

    UnsafeBuffer segment(final long pageId)
    {
        return segments[(int)(pageId >>> segmentShift)];
    }

    int segmentShift()
    {
        return segmentShift;
    }

    int offset(final long pageId)
    {
        return (int)((pageId & segmentMask) << pageShift);
    }

    int pageShift()
    {
        return pageShift;
    }

    long segmentMask()
    {
        return segmentMask;
    }

    ByteBuffer byteBuffer(final long pageId)
    {
        return byteBuffers[(int)(pageId >>> segmentShift)];
    }

    long fileOffset(final long pageId)
    {
        return pageId << pageShift;
    }

    /**
     * Take {@code pages} consecutive pages from the high-water mark, all in one segment, adding segments
     * as needed. Pages skipped at the end of a segment to keep the run in one segment are returned to
     * the caller through {@code skipped}.
     *
     * @param pages   number of consecutive pages, at most pages per segment.
     * @param skipped receives the ids of skipped pages.
     * @return the first page id of the run.
     */
    long extend(final int pages, final LongStack skipped)
    {
        final long perSegment = pagesPerSegment();
        long first = pageCount;
        final long inSegment = first & segmentMask;
        if (inSegment + pages > perSegment)
        {
            final long next = first - inSegment + perSegment;
            for (long id = first; id < next; id++)
            {
                skipped.push(id);
            }
            first = next;
        }
        while (first + pages > mappedPages())
        {
            addSegment();
        }
        pageCount = first + pages;
        return first;
    }

    private void addSegment()
    {
        final int index = segments.length;
        final ByteBuffer buffer;
        if (null == channel)
        {
            buffer = ByteBuffer.allocateDirect(segmentSize);
        }
        else
        {
            try
            {
                buffer = channel.map(FileChannel.MapMode.READ_WRITE, (long)index * segmentSize, segmentSize);
            }
            catch (final IOException | RuntimeException ex)
            {
                throw new PhantomException("cannot grow " + file + " to " + ((long)(index + 1) * segmentSize) + " bytes", ex);
            }
        }
        final ByteBuffer[] newByteBuffers = Arrays.copyOf(byteBuffers, index + 1);
        newByteBuffers[index] = buffer;
        final UnsafeBuffer[] newSegments = Arrays.copyOf(segments, index + 1);
        newSegments[index] = new UnsafeBuffer(buffer);
        byteBuffers = newByteBuffers;
        segments = newSegments;
    }

    /**
     * Force every mapped segment to disk. No-op for anonymous memory.
     */
    void force()
    {
        if (null != channel)
        {
            for (final ByteBuffer buffer : byteBuffers)
            {
                ((MappedByteBuffer)buffer).force();
            }
        }
    }

    /**
     * Force the meta pages to disk.
     */
    void forceMeta()
    {
        if (null != channel)
        {
            ((MappedByteBuffer)byteBuffers[0]).force(0, 2 * pageSize);
        }
    }

    /**
     * Release the channel and, when {@code releaseMemory}, unmap or free every segment. When readers may
     * still hold segments the memory is left to the garbage collector, which frees it only once no
     * reader references it.
     *
     * @param releaseMemory whether no reader can touch the memory any more.
     */
    void close(final boolean releaseMemory)
    {
        if (releaseMemory)
        {
            for (final ByteBuffer buffer : byteBuffers)
            {
                if (null == channel)
                {
                    BufferUtil.free(buffer);
                }
                else
                {
                    IoUtil.unmap((MappedByteBuffer)buffer);
                }
            }
        }
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
        }
    }
}
