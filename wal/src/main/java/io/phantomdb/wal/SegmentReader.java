package io.phantomdb.wal;

import io.phantomdb.PhantomException;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.nio.file.Path;
import java.util.Collections;
import java.util.NavigableSet;

/**
 * Reads the records of one segment (one Chronicle Queue directory) in order with a tailer, validating each one.
 * The decoder views the mapped queue file directly; the view is valid until the next {@link #next()} or
 * {@link #close()}.
 * <p>
 * <b>Note:</b> not thread safe; one reader per thread, closed by that thread.
 */
final class SegmentReader implements AutoCloseable
{
    /** {@link #next()} found a valid record, now in {@link #decoder()}. */
    static final int RECORD = 1;
    /** {@link #next()} found no further complete excerpt. */
    static final int END = 2;
    /** {@link #next()} found an excerpt that is not a valid record; see {@link #badDetail()}. */
    static final int BAD = 3;

    private final Path directory;
    private final RollCycle rollCycle;
    private final int maxRecordLength;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final WalRecordDecoder decoder = new WalRecordDecoder();
    private DocumentContext document;
    private File file;
    private long position;
    private String badDetail;

    SegmentReader(final Path directory, final WalConfig config)
    {
        this.directory = directory;
        this.rollCycle = config.rollCycle();
        this.maxRecordLength = config.maxRecordLength();
        this.queue = openQueue(directory, config);
        try
        {
            this.tailer = queue.createTailer();
        }
        catch (final RuntimeException ex)
        {
            queue.close();
            throw new PhantomException("cannot read queue " + directory, ex);
        }
    }

    static SingleChronicleQueue openQueue(final Path directory, final WalConfig config)
    {
        try
        {
            return SingleChronicleQueueBuilder.binary(directory)
                .rollCycle(config.rollCycle())
                .blockSize(config.blockSize())
                .timeProvider(config.timeProvider())
                .build();
        }
        catch (final RuntimeException ex)
        {
            throw new PhantomException("cannot open queue " + directory, ex);
        }
    }

    /**
     * Positions the tailer so that the next record read is the one with {@code lsn}, using the first LSN of each
     * cycle file and Chronicle's index (one excerpt per record, so the sequence in a cycle is the LSN offset).
     * If no cycle file starts at or before {@code lsn}, the tailer goes to the start of the segment.
     *
     * @param lsn the record to read next.
     */
    void seekTo(final long lsn)
    {
        int bestCycle = Integer.MIN_VALUE;
        long bestFirst = 0;
        for (final long cycle : cycles())
        {
            final long first = firstLsnOfCycle((int)cycle);
            if (first > lsn)
            {
                break;
            }
            if (first > 0)
            {
                bestCycle = (int)cycle;
                bestFirst = first;
            }
        }
        closeDocument();
        if (Integer.MIN_VALUE == bestCycle)
        {
            tailer.toStart();
        }
        else if (!tailer.moveToIndex(rollCycle.toIndex(bestCycle, lsn - bestFirst)))
        {
            tailer.toEnd();
        }
    }

    /**
     * @return the cycles of the segment's queue files, ascending; empty if it has none.
     */
    NavigableSet<Long> cycles()
    {
        final int first = queue.firstCycle();
        final int last = queue.lastCycle();
        return first > last ? Collections.emptyNavigableSet() : queue.listCyclesBetween(first, last);
    }

    /**
     * Reads the first record of a cycle file and leaves the tailer after it.
     *
     * @param cycle the cycle.
     * @return its LSN, or -1 if the cycle has no valid first record.
     */
    long firstLsnOfCycle(final int cycle)
    {
        closeDocument();
        if (!tailer.moveToIndex(rollCycle.toIndex(cycle, 0)))
        {
            return -1;
        }
        return RECORD == next() ? decoder.lsn() : -1;
    }

    /**
     * @return {@link #RECORD}, {@link #END} or {@link #BAD}.
     */
    int next()
    {
        closeDocument();
        final DocumentContext dc = tailer.readingDocument();
        if (!dc.isPresent())
        {
            dc.close();
            return END;
        }
        document = dc;
        file = tailer.currentFile();
        final Bytes<?> bytes = dc.wire().bytes();
        position = bytes.readPosition();
        final long length = bytes.readRemaining();
        if (length > maxRecordLength)
        {
            badDetail = "excerpt of " + length + " bytes is longer than the maximum record length " + maxRecordLength;
            return BAD;
        }
        wrap(bytes, (int)length);
        badDetail = decoder.check();
        return null == badDetail ? RECORD : BAD;
    }

    /**
     * Views the excerpt in place. Chronicle maps a queue file in overlapping chunks and keeps each excerpt inside
     * one of them (the tests write records of the maximum length across chunk boundaries); should that ever not
     * hold, reading stops rather than guess.
     */
    private void wrap(final Bytes<?> bytes, final int length)
    {
        if (!bytes.bytesStore().inside(position, length))
        {
            throw new PhantomException("excerpt of " + length + " bytes at offset " + position + " of " + file +
                " is not contiguous in one mapping");
        }
        view.wrap(bytes.addressForRead(position), length);
        decoder.wrap(view, 0, length);
    }

    WalRecordDecoder decoder()
    {
        return decoder;
    }

    /**
     * @return the queue file of the excerpt last read, or the segment directory if none was read.
     */
    Path file()
    {
        return null == file ? directory : file.toPath();
    }

    /**
     * @return byte offset in {@link #file()} of the excerpt last read.
     */
    long position()
    {
        return position;
    }

    String badDetail()
    {
        return badDetail;
    }

    private void closeDocument()
    {
        if (null != document)
        {
            final DocumentContext dc = document;
            document = null;
            dc.close();
        }
    }

    public void close()
    {
        try
        {
            closeDocument();
        }
        finally
        {
            tailer.close();
            queue.close();
        }
    }
}
