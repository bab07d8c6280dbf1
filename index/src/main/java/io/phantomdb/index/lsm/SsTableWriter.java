package io.phantomdb.index.lsm;

import io.phantomdb.PhantomException;
import io.phantomdb.index.ByteComparator;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.LongArrayList;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import static io.phantomdb.index.lsm.SsTableDescriptor.*;

/**
 * Writes one SSTable in the {@link SsTableDescriptor} format from entries added in internal order (key
 * ascending, sequence descending). {@link #finish()} writes the index, bloom filter and footer and forces
 * the file to disk; the file becomes part of the tree only when a manifest naming it is written.
 * <p>
 * <b>Note:</b> not thread safe; used by one thread (the agent, or the writer thread on close).
 */
final class SsTableWriter implements AutoCloseable
{
    private final Path path;
    private final FileChannel channel;
    private final int blockBytes;
    private final int bloomBitsPerKey;
    private final CRC32C crc = new CRC32C();

    private final ExpandableDirectByteBuffer block = new ExpandableDirectByteBuffer(8192);
    private final IntArrayList entryOffsets = new IntArrayList();
    private int blockLength;

    private final ExpandableDirectByteBuffer lastKey = new ExpandableDirectByteBuffer(64);
    private int lastKeyLength = -1;

    private final LongArrayList blockOffsets = new LongArrayList();
    private final IntArrayList blockLengths = new IntArrayList();
    private final IntArrayList firstKeyPositions = new IntArrayList();
    private final IntArrayList firstKeyLengths = new IntArrayList();
    private final ExpandableDirectByteBuffer firstKeys = new ExpandableDirectByteBuffer(4096);
    private int firstKeysLength;

    private final LongArrayList keyHashes = new LongArrayList();
    private long filePosition;
    private long entryCount;
    private long maxSequence;
    private boolean finished;

    /**
     * Create the file; it must not exist.
     *
     * @throws PhantomException if the file cannot be created.
     */
    SsTableWriter(final Path path, final int blockBytes, final int bloomBitsPerKey)
    {
        this.path = path;
        this.blockBytes = blockBytes;
        this.bloomBitsPerKey = bloomBitsPerKey;
        try
        {
            channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot create SSTable " + path, ex);
        }
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
        if (isNewKey(buffer, keyOffset, keyLength))
        {
            assert lastKeyLength < 0 || ByteComparator.compare(lastKey, 0, lastKeyLength, buffer, keyOffset, keyLength) < 0;
            if (blockLength >= blockBytes)
            {
                finishBlock();
            }
            keyHashes.addLong(BloomFilter.hash(buffer, keyOffset, keyLength));
            lastKey.putBytes(0, buffer, keyOffset, keyLength);
            lastKeyLength = keyLength;
        }
        if (entryOffsets.isEmpty())
        {
            firstKeyPositions.addInt(firstKeysLength);
            firstKeyLengths.addInt(keyLength);
            firstKeys.putBytes(firstKeysLength, buffer, keyOffset, keyLength);
            firstKeysLength += keyLength;
        }
        final int entry = blockLength;
        entryOffsets.addInt(entry);
        block.putInt(entry + ENTRY_KEY_LENGTH_OFFSET, keyLength, ORDER);
        block.putInt(entry + ENTRY_VALUE_LENGTH_OFFSET, valueLength, ORDER);
        block.putLong(entry + ENTRY_SEQUENCE_OFFSET, sequence, ORDER);
        block.putBytes(entry + ENTRY_HEADER_LENGTH, buffer, keyOffset, keyLength);
        if (valueLength > 0)
        {
            block.putBytes(entry + ENTRY_HEADER_LENGTH + keyLength, buffer, valueOffset, valueLength);
        }
        blockLength = entry + ENTRY_HEADER_LENGTH + keyLength + Math.max(0, valueLength);
        entryCount++;
        maxSequence = Math.max(maxSequence, sequence);
    }

    long entryCount()
    {
        return entryCount;
    }

    /**
     * @return bytes written so far plus the open block, a size estimate while writing.
     */
    long bytesWritten()
    {
        return filePosition + blockLength;
    }

    /**
     * @return true if this key differs from the last one added (a file may end before it).
     */
    boolean isNewKey(final DirectBuffer buffer, final int keyOffset, final int keyLength)
    {
        return lastKeyLength < 0 || 0 != ByteComparator.compare(lastKey, 0, lastKeyLength, buffer, keyOffset, keyLength);
    }

    /**
     * Write the index, bloom filter and footer and force the file to disk. Requires at least one entry.
     *
     * @return the file length.
     * @throws PhantomException if the file cannot be written.
     */
    long finish()
    {
        if (0 == entryCount)
        {
            throw new IllegalStateException("empty SSTable " + path);
        }
        finishBlock();
        final int blockCount = blockOffsets.size();
        final long indexOffset = filePosition;

        final int recordsLength = blockCount * INDEX_RECORD_LENGTH;
        final int maxKeyOffset = recordsLength + firstKeysLength;
        final int indexLength = maxKeyOffset + lastKeyLength + CRC_LENGTH;
        final ExpandableDirectByteBuffer out = new ExpandableDirectByteBuffer(indexLength);
        for (int i = 0; i < blockCount; i++)
        {
            final int record = i * INDEX_RECORD_LENGTH;
            out.putLong(record + INDEX_BLOCK_OFFSET_OFFSET, blockOffsets.getLong(i), ORDER);
            out.putInt(record + INDEX_BLOCK_LENGTH_OFFSET, blockLengths.getInt(i), ORDER);
            out.putInt(record + INDEX_KEY_OFFSET_OFFSET, recordsLength + firstKeyPositions.getInt(i), ORDER);
            out.putInt(record + INDEX_KEY_LENGTH_OFFSET, firstKeyLengths.getInt(i), ORDER);
            out.putInt(record + INDEX_KEY_LENGTH_OFFSET + 4, 0, ORDER);
        }
        out.putBytes(recordsLength, firstKeys, 0, firstKeysLength);
        out.putBytes(maxKeyOffset, lastKey, 0, lastKeyLength);
        writeWithCrc(out, indexLength);

        final long bloomOffset = filePosition;
        final int bloomLength = BloomFilter.sectionLength(keyHashes.size(), bloomBitsPerKey) + CRC_LENGTH;
        final ExpandableDirectByteBuffer bloom = new ExpandableDirectByteBuffer(bloomLength);
        BloomFilter.write(keyHashes, bloomBitsPerKey, bloom, 0);
        writeWithCrc(bloom, bloomLength);

        final ExpandableDirectByteBuffer footer = new ExpandableDirectByteBuffer(FOOTER_LENGTH);
        footer.putLong(FOOTER_MAGIC_OFFSET, MAGIC, ORDER);
        footer.putInt(FOOTER_VERSION_OFFSET, FORMAT_VERSION, ORDER);
        footer.putInt(FOOTER_BLOCK_COUNT_OFFSET, blockCount, ORDER);
        footer.putLong(FOOTER_INDEX_OFFSET_OFFSET, indexOffset, ORDER);
        footer.putInt(FOOTER_INDEX_LENGTH_OFFSET, indexLength, ORDER);
        footer.putInt(FOOTER_BLOOM_LENGTH_OFFSET, bloomLength, ORDER);
        footer.putLong(FOOTER_BLOOM_OFFSET_OFFSET, bloomOffset, ORDER);
        footer.putLong(FOOTER_ENTRY_COUNT_OFFSET, entryCount, ORDER);
        footer.putLong(FOOTER_MAX_SEQUENCE_OFFSET, maxSequence, ORDER);
        footer.putInt(FOOTER_MAX_KEY_OFFSET_OFFSET, maxKeyOffset, ORDER);
        footer.putInt(FOOTER_MAX_KEY_LENGTH_OFFSET, lastKeyLength, ORDER);
        footer.putInt(FOOTER_CRC_OFFSET + CRC_LENGTH, 0, ORDER);
        crc.reset();
        crc.update(footer.byteBuffer().duplicate().position(0).limit(FOOTER_CRC_OFFSET));
        footer.putInt(FOOTER_CRC_OFFSET, (int)crc.getValue(), ORDER);
        write(footer, FOOTER_LENGTH);

        try
        {
            channel.force(true);
            channel.close();
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot force SSTable " + path, ex);
        }
        finished = true;
        return filePosition;
    }

    /**
     * Close the file; if {@link #finish()} did not complete, the partial file is left for the next open to
     * delete (it is in no manifest).
     */
    @Override
    public void close()
    {
        if (!finished)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ex)
            {
                throw new PhantomException("cannot close SSTable " + path, ex);
            }
        }
    }

    private void finishBlock()
    {
        final int count = entryOffsets.size();
        if (0 == count)
        {
            return;
        }
        int position = blockLength;
        for (int i = 0; i < count; i++)
        {
            block.putInt(position, entryOffsets.getInt(i), ORDER);
            position += Integer.BYTES;
        }
        block.putInt(position, count, ORDER);
        position += Integer.BYTES;
        final int length = position + CRC_LENGTH;
        blockOffsets.addLong(filePosition);
        blockLengths.addInt(length);
        writeWithCrc(block, length);
        entryOffsets.clear();
        blockLength = 0;
    }

    private void writeWithCrc(final ExpandableDirectByteBuffer buffer, final int length)
    {
        crc.reset();
        crc.update(buffer.byteBuffer().duplicate().position(0).limit(length - CRC_LENGTH));
        buffer.putInt(length - CRC_LENGTH, (int)crc.getValue(), ORDER);
        write(buffer, length);
    }

    private void write(final ExpandableDirectByteBuffer buffer, final int length)
    {
        final ByteBuffer view = buffer.byteBuffer().duplicate().position(0).limit(length);
        try
        {
            while (view.hasRemaining())
            {
                filePosition += channel.write(view, filePosition);
            }
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot write SSTable " + path + " at offset " + filePosition, ex);
        }
    }
}
