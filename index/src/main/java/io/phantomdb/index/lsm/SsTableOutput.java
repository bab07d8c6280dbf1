package io.phantomdb.index.lsm;

import org.agrona.DirectBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The output of a flush or compaction: entries in internal order written to one or more SSTables, a new
 * file started at a key boundary once the current one reaches {@link LsmConfig#targetFileBytes()}. The
 * files of one output never overlap in keys.
 * <p>
 * <b>Note:</b> not thread safe; used by the thread writing the files.
 */
final class SsTableOutput implements AutoCloseable
{
    private final Path directory;
    private final AtomicLong nextFileNumber;
    private final LsmConfig config;
    private final List<Path> paths = new ArrayList<>();
    private final List<Long> numbers = new ArrayList<>();
    private final List<Long> lengths = new ArrayList<>();
    private SsTableWriter writer;

    SsTableOutput(final Path directory, final AtomicLong nextFileNumber, final LsmConfig config)
    {
        this.directory = directory;
        this.nextFileNumber = nextFileNumber;
        this.config = config;
    }

    /**
     * Append an entry; it must sort after the previous one.
     *
     * @param valueLength value length or {@link SkipList#TOMBSTONE}.
     */
    void add(
        final DirectBuffer buffer,
        final int keyOffset,
        final int keyLength,
        final long sequence,
        final int valueOffset,
        final int valueLength)
    {
        if (null != writer && writer.bytesWritten() >= config.targetFileBytes() &&
            writer.isNewKey(buffer, keyOffset, keyLength))
        {
            finishCurrent();
        }
        if (null == writer)
        {
            final long number = nextFileNumber.getAndIncrement();
            final Path path = directory.resolve(SsTableDescriptor.fileName(number));
            writer = new SsTableWriter(path, config.blockBytes(), config.bloomBitsPerKey());
            paths.add(path);
            numbers.add(number);
        }
        writer.add(buffer, keyOffset, keyLength, sequence, valueOffset, valueLength);
    }

    /**
     * Finish the last file and open every file written.
     *
     * @return the tables in key order, each holding one reference for the caller; empty if no entry was added.
     */
    SsTable[] finish()
    {
        if (null != writer)
        {
            finishCurrent();
        }
        final SsTable[] tables = new SsTable[paths.size()];
        try
        {
            for (int i = 0; i < tables.length; i++)
            {
                tables[i] = SsTable.open(paths.get(i), numbers.get(i), lengths.get(i));
            }
        }
        catch (final RuntimeException ex)
        {
            for (final SsTable table : tables)
            {
                if (null != table)
                {
                    table.release();
                }
            }
            throw ex;
        }
        return tables;
    }

    /**
     * Close a file left unfinished by a failure; the next open deletes it (no manifest names it).
     */
    @Override
    public void close()
    {
        if (null != writer)
        {
            final SsTableWriter unfinished = writer;
            writer = null;
            unfinished.close();
        }
    }

    private void finishCurrent()
    {
        final SsTableWriter finished = writer;
        writer = null;
        try
        {
            lengths.add(finished.finish());
        }
        finally
        {
            finished.close();
        }
    }
}
