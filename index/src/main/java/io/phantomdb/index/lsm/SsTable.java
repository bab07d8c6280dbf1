package io.phantomdb.index.lsm;

import io.phantomdb.CorruptionException;
import io.phantomdb.PhantomException;
import io.phantomdb.index.ByteComparator;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

import static io.phantomdb.index.lsm.SsTableDescriptor.*;

/**
 * An open, memory-mapped SSTable. Opening verifies the footer, key index and bloom filter checksums; each
 * data block's checksum is verified the first time the block is read through this instance (see
 * {@link #wrapBlock}). Reference counted by the {@link Version}s holding it: when the last one lets go the
 * file is unmapped, and deleted if compaction has made it {@link #markObsolete() obsolete}.
 * <p>
 * <b>Note:</b> immutable after open and safe to read from any thread; the block-verified marks are a benign
 * race (a block may be verified twice, never zero times).
 */
final class SsTable
{
    private final Path path;
    private final long fileNumber;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;
    private final long fileLength;
    private final int blockCount;
    private final int indexOffset;
    private final long entryCount;
    private final long maxSequence;
    private final int maxKeyOffset;
    private final int maxKeyLength;
    private final BloomFilter bloom;
    private final byte[] verified;
    private final AtomicInteger references = new AtomicInteger(1);
    private volatile boolean obsolete;

    private SsTable(final Path path, final long fileNumber, final MappedByteBuffer mapped, final long fileLength)
    {
        this.path = path;
        this.fileNumber = fileNumber;
        this.mapped = mapped;
        this.buffer = new UnsafeBuffer(mapped);
        this.fileLength = fileLength;

        final int footer = (int)(fileLength - FOOTER_LENGTH);
        checkCrc("footer", footer, FOOTER_CRC_OFFSET);
        final long magic = buffer.getLong(footer + FOOTER_MAGIC_OFFSET, ORDER);
        if (MAGIC != magic)
        {
            throw new CorruptionException(path, footer, "expected magic " + Long.toHexString(MAGIC) +
                " actual " + Long.toHexString(magic));
        }
        final int version = buffer.getInt(footer + FOOTER_VERSION_OFFSET, ORDER);
        if (FORMAT_VERSION != version)
        {
            throw new CorruptionException(path, footer + FOOTER_VERSION_OFFSET,
                "expected format version " + FORMAT_VERSION + " actual " + version);
        }
        blockCount = buffer.getInt(footer + FOOTER_BLOCK_COUNT_OFFSET, ORDER);
        final long indexStart = buffer.getLong(footer + FOOTER_INDEX_OFFSET_OFFSET, ORDER);
        final int indexLength = buffer.getInt(footer + FOOTER_INDEX_LENGTH_OFFSET, ORDER);
        final long bloomStart = buffer.getLong(footer + FOOTER_BLOOM_OFFSET_OFFSET, ORDER);
        final int bloomLength = buffer.getInt(footer + FOOTER_BLOOM_LENGTH_OFFSET, ORDER);
        entryCount = buffer.getLong(footer + FOOTER_ENTRY_COUNT_OFFSET, ORDER);
        maxSequence = buffer.getLong(footer + FOOTER_MAX_SEQUENCE_OFFSET, ORDER);
        maxKeyOffset = buffer.getInt(footer + FOOTER_MAX_KEY_OFFSET_OFFSET, ORDER);
        maxKeyLength = buffer.getInt(footer + FOOTER_MAX_KEY_LENGTH_OFFSET, ORDER);
        if (blockCount < 1 || indexStart < 0 || indexLength < CRC_LENGTH || bloomLength < CRC_LENGTH ||
            indexStart + indexLength != bloomStart || bloomStart + bloomLength != footer ||
            (long)blockCount * INDEX_RECORD_LENGTH > indexLength ||
            maxKeyOffset < 0 || maxKeyLength < 0 || (long)maxKeyOffset + maxKeyLength > indexLength - CRC_LENGTH)
        {
            throw new CorruptionException(path, footer, "inconsistent footer: blockCount=" + blockCount +
                " indexOffset=" + indexStart + " indexLength=" + indexLength + " bloomOffset=" + bloomStart +
                " bloomLength=" + bloomLength + " footerOffset=" + footer);
        }
        indexOffset = (int)indexStart;
        checkCrc("key index", indexOffset, indexLength - CRC_LENGTH);
        checkCrc("bloom filter", (int)bloomStart, bloomLength - CRC_LENGTH);
        bloom = new BloomFilter(buffer, (int)bloomStart);
        verified = new byte[blockCount];
    }

    /**
     * Map and verify an SSTable.
     *
     * @param path           the file.
     * @param fileNumber     its number in the manifest.
     * @param expectedLength the length the manifest recorded, or -1 if unknown.
     * @return the open table, holding one reference for the caller.
     * @throws CorruptionException if the length, footer, index or bloom filter fails its check.
     * @throws PhantomException    if the file cannot be read.
     */
    static SsTable open(final Path path, final long fileNumber, final long expectedLength)
    {
        final MappedByteBuffer mapped;
        final long length;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            length = channel.size();
            if (expectedLength >= 0 && length != expectedLength)
            {
                throw new CorruptionException(path, Math.min(length, expectedLength),
                    "expected file length " + expectedLength + " actual " + length);
            }
            if (length < FOOTER_LENGTH)
            {
                throw new CorruptionException(path, 0, "expected at least " + FOOTER_LENGTH +
                    " bytes (footer) actual file length " + length);
            }
            if (length > Integer.MAX_VALUE)
            {
                throw new PhantomException("SSTable " + path + " is " + length + " bytes, more than 2 GiB");
            }
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, length);
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot map SSTable " + path, ex);
        }
        try
        {
            return new SsTable(path, fileNumber, mapped, length);
        }
        catch (final RuntimeException ex)
        {
            IoUtil.unmap(mapped);
            throw ex;
        }
    }

    long fileNumber()
    {
        return fileNumber;
    }

    long fileLength()
    {
        return fileLength;
    }

    long maxSequence()
    {
        return maxSequence;
    }

    int blockCount()
    {
        return blockCount;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return false if the key is certainly not in this file (outside its key range or not in the bloom filter).
     */
    boolean mightContain(final DirectBuffer key, final int keyOffset, final int keyLength, final long hash)
    {
        final int record = indexOffset;
        if (ByteComparator.compare(buffer, indexOffset + buffer.getInt(record + INDEX_KEY_OFFSET_OFFSET, ORDER),
            buffer.getInt(record + INDEX_KEY_LENGTH_OFFSET, ORDER), key, keyOffset, keyLength) > 0)
        {
            return false;
        }
        if (ByteComparator.compare(buffer, indexOffset + maxKeyOffset, maxKeyLength, key, keyOffset, keyLength) < 0)
        {
            return false;
        }
        return bloom.mightContain(hash);
    }

    /**
     * @return the index of the last block whose first key is at or below the given key, or -1 if the key is
     * below the file's smallest key.
     */
    int findBlock(final DirectBuffer key, final int keyOffset, final int keyLength)
    {
        int low = 0;
        int high = blockCount - 1;
        int found = -1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final int record = indexOffset + mid * INDEX_RECORD_LENGTH;
            final int cmp = ByteComparator.compare(
                buffer, indexOffset + buffer.getInt(record + INDEX_KEY_OFFSET_OFFSET, ORDER),
                buffer.getInt(record + INDEX_KEY_LENGTH_OFFSET, ORDER), key, keyOffset, keyLength);
            if (cmp <= 0)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return found;
    }

    /**
     * Point a flyweight at a data block, verifying its checksum on the first read through this instance.
     *
     * @throws CorruptionException if the block's checksum or bounds are wrong.
     */
    void wrapBlock(final int blockIndex, final BlockFlyweight block)
    {
        final int record = indexOffset + blockIndex * INDEX_RECORD_LENGTH;
        final long offset = buffer.getLong(record + INDEX_BLOCK_OFFSET_OFFSET, ORDER);
        final int length = buffer.getInt(record + INDEX_BLOCK_LENGTH_OFFSET, ORDER);
        if (offset < 0 || length < BLOCK_TRAILER_LENGTH + CRC_LENGTH || offset + length > indexOffset)
        {
            throw new CorruptionException(path, record, "block " + blockIndex + " has offset " + offset +
                " and length " + length + " outside the data area [0, " + indexOffset + ")");
        }
        if (0 == verified[blockIndex])
        {
            checkCrc("data block " + blockIndex, (int)offset, length - CRC_LENGTH);
            final int count = buffer.getInt((int)offset + length - CRC_LENGTH - Integer.BYTES, ORDER);
            if (count < 1 || (long)count * (Integer.BYTES + ENTRY_HEADER_LENGTH) > length)
            {
                throw new CorruptionException(path, offset, "block " + blockIndex + " has entry count " + count +
                    " for length " + length);
            }
            verified[blockIndex] = 1;
        }
        block.wrap(buffer, (int)offset, length);
    }

    void acquire()
    {
        references.incrementAndGet();
    }

    /**
     * Drop a reference; the last one unmaps the file and deletes it if obsolete.
     *
     * @throws PhantomException if an obsolete file cannot be deleted.
     */
    void release()
    {
        final int remaining = references.decrementAndGet();
        if (remaining < 0)
        {
            throw new IllegalStateException("SSTable " + path + " released more often than acquired: " + remaining);
        }
        if (0 == remaining)
        {
            IoUtil.unmap(mapped);
            if (obsolete)
            {
                try
                {
                    Files.deleteIfExists(path);
                }
                catch (final IOException ex)
                {
                    throw new PhantomException("cannot delete obsolete SSTable " + path, ex);
                }
            }
        }
    }

    /**
     * Delete the file once the last version holding it is released. Agent thread.
     */
    void markObsolete()
    {
        obsolete = true;
    }

    private void checkCrc(final String section, final int offset, final int length)
    {
        final CRC32C crc = new CRC32C();
        crc.update(mapped.slice(offset, length));
        final int expected = buffer.getInt(offset + length, ORDER);
        final int actual = (int)crc.getValue();
        if (expected != actual)
        {
            throw new CorruptionException(path, offset, section + ": expected crc " +
                Integer.toHexString(expected) + " actual " + Integer.toHexString(actual));
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return "SsTable{" + path.getFileName() + ", entries=" + entryCount + ", blocks=" + blockCount +
            ", bytes=" + fileLength + "}";
    }
}
