package io.phantomdb.index.lsm;

import io.phantomdb.CorruptionException;
import io.phantomdb.PhantomException;
import io.phantomdb.index.ByteComparator;
import io.phantomdb.index.check.CheckReport;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import static io.phantomdb.index.lsm.SsTableDescriptor.*;

/**
 * Read-only verifier of an LSM tree directory for the offline {@code check} tool: the manifest (CRC, magic,
 * structure), and for every file it names the length, the footer (CRC, magic, version, section offsets), the key
 * index and bloom filter CRCs, every data block (CRC, entry count and offsets, entries in key order with
 * sequences descending per key, block first keys equal to the key index, blocks in key order with no key in two
 * blocks), the footer's entry count, maximum key and maximum sequence (not above the manifest's last committed
 * sequence), that every key of the file is in its bloom filter, and that files of one level below 0 do not
 * overlap. Files are mapped read-only; nothing is written or deleted (the tree deletes leftover files when it
 * opens; here they are only listed).
 * <p>
 * <b>Note:</b> not thread safe; run on one thread while no process writes the directory.
 */
public final class LsmFileCheck
{
    /** A progress line is printed every this many blocks of one file. */
    public static final int PROGRESS_BLOCKS = 20_000;

    private final Path directory;
    private final CheckReport report;
    private final CRC32C crc = new CRC32C();

    private LsmFileCheck(final Path directory, final CheckReport report)
    {
        this.directory = directory;
        this.report = report;
    }

    /**
     * Check an LSM tree directory.
     *
     * @param directory the tree's directory (holding {@code MANIFEST} and the {@code .sst} files).
     * @param report    receives the lines and problems.
     * @throws IOException if the directory cannot be listed.
     */
    public static void check(final Path directory, final CheckReport report) throws IOException
    {
        new LsmFileCheck(directory, report).run();
    }

    private void run() throws IOException
    {
        final Path manifestPath = directory.resolve(Manifest.FILE_NAME);
        final Manifest manifest;
        try
        {
            manifest = Manifest.read(directory);
        }
        catch (final CorruptionException ex)
        {
            report.problem(ex.file(), ex.offset(), "manifest: " + detail(ex) + "; its files cannot be located");
            return;
        }
        catch (final PhantomException ex)
        {
            report.problem(manifestPath, -1, ex.getMessage());
            return;
        }
        if (null == manifest)
        {
            report.info(directory + ": no manifest (an empty LSM tree)");
            return;
        }
        report.info(manifestPath + ": CRC ok, " + manifest.fileCount() + " files, last sequence " +
            manifest.lastSequence() + ", next file number " + manifest.nextFileNumber());
        final Set<String> named = new HashSet<>();
        final byte[][] levelLast = new byte[64][];
        for (int i = 0; i < manifest.fileCount(); i++)
        {
            final String name = fileName(manifest.fileNumber(i));
            named.add(name);
            final int level = manifest.level(i);
            final byte[][] range = checkFile(directory.resolve(name), level, manifest.fileLength(i),
                manifest.lastSequence());
            if (null != range && level > 0 && level < levelLast.length)
            {
                if (null != levelLast[level] && ByteComparator.compare(new UnsafeBuffer(levelLast[level]), 0,
                    levelLast[level].length, new UnsafeBuffer(range[0]), 0, range[0].length) >= 0)
                {
                    report.problem(directory.resolve(name), 0, "level " + level +
                        ": expected files with disjoint key ranges in key order actual overlapping the previous file");
                }
                levelLast[level] = range[1];
            }
        }
        try (Stream<Path> files = Files.list(directory))
        {
            files.map(p -> p.getFileName().toString())
                .filter(n -> (n.endsWith(FILE_SUFFIX) && !named.contains(n)) || Manifest.TEMP_FILE_NAME.equals(n))
                .sorted()
                .forEach(n -> report.info(directory.resolve(n) + ": not in the manifest (a leftover of a crash; " +
                    "deleted when the tree opens)"));
        }
    }

    /**
     * @return the smallest and largest key of the file, or null if it could not be read far enough.
     */
    private byte[][] checkFile(final Path file, final int level, final long expectedLength, final long lastSequence)
    {
        final long length;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            length = channel.size();
            if (length != expectedLength)
            {
                report.problem(file, Math.min(length, expectedLength), "expected file length " + expectedLength +
                    " (manifest) actual " + length);
            }
            if (length < FOOTER_LENGTH || length > Integer.MAX_VALUE)
            {
                report.problem(file, 0, "expected a length in [" + FOOTER_LENGTH + ", 2 GiB) actual " + length);
                return null;
            }
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, length);
            try
            {
                return checkContents(file, level, new UnsafeBuffer(mapped), (int)length, lastSequence);
            }
            finally
            {
                IoUtil.unmap(mapped);
            }
        }
        catch (final IOException ex)
        {
            report.problem(file, -1, "expected a readable file named by the manifest actual " + ex);
            return null;
        }
    }

    private byte[][] checkContents(
        final Path file, final int level, final UnsafeBuffer buffer, final int length, final long lastSequence)
    {
        final int footer = length - FOOTER_LENGTH;
        if (!checkCrc(file, buffer, "footer", footer, FOOTER_CRC_OFFSET))
        {
            return null;
        }
        final long magic = buffer.getLong(footer + FOOTER_MAGIC_OFFSET, ORDER);
        final int version = buffer.getInt(footer + FOOTER_VERSION_OFFSET, ORDER);
        if (MAGIC != magic || FORMAT_VERSION != version)
        {
            report.problem(file, footer, "expected magic " + Long.toHexString(MAGIC) + " version " + FORMAT_VERSION +
                " actual " + Long.toHexString(magic) + " version " + version);
            return null;
        }
        final int blockCount = buffer.getInt(footer + FOOTER_BLOCK_COUNT_OFFSET, ORDER);
        final long indexStart = buffer.getLong(footer + FOOTER_INDEX_OFFSET_OFFSET, ORDER);
        final int indexLength = buffer.getInt(footer + FOOTER_INDEX_LENGTH_OFFSET, ORDER);
        final long bloomStart = buffer.getLong(footer + FOOTER_BLOOM_OFFSET_OFFSET, ORDER);
        final int bloomLength = buffer.getInt(footer + FOOTER_BLOOM_LENGTH_OFFSET, ORDER);
        final long entryCount = buffer.getLong(footer + FOOTER_ENTRY_COUNT_OFFSET, ORDER);
        final long maxSequence = buffer.getLong(footer + FOOTER_MAX_SEQUENCE_OFFSET, ORDER);
        final int maxKeyOffset = buffer.getInt(footer + FOOTER_MAX_KEY_OFFSET_OFFSET, ORDER);
        final int maxKeyLength = buffer.getInt(footer + FOOTER_MAX_KEY_LENGTH_OFFSET, ORDER);
        if (blockCount < 1 || indexStart < 0 || indexLength < CRC_LENGTH || bloomLength < CRC_LENGTH ||
            indexStart + indexLength != bloomStart || bloomStart + bloomLength != footer ||
            (long)blockCount * INDEX_RECORD_LENGTH > indexLength ||
            maxKeyOffset < 0 || maxKeyLength < 0 || (long)maxKeyOffset + maxKeyLength > indexLength - CRC_LENGTH)
        {
            report.problem(file, footer, "inconsistent footer: blockCount=" + blockCount + " indexOffset=" +
                indexStart + " indexLength=" + indexLength + " bloomOffset=" + bloomStart + " bloomLength=" +
                bloomLength + " footerOffset=" + footer);
            return null;
        }
        final int indexOffset = (int)indexStart;
        final boolean indexOk = checkCrc(file, buffer, "key index", indexOffset, indexLength - CRC_LENGTH);
        final boolean bloomOk = checkCrc(file, buffer, "bloom filter", (int)bloomStart, bloomLength - CRC_LENGTH);
        if (!indexOk)
        {
            return null;
        }
        if (maxSequence > lastSequence)
        {
            report.problem(file, footer + FOOTER_MAX_SEQUENCE_OFFSET, "expected a max sequence at most the " +
                "manifest's last sequence " + lastSequence + " actual " + maxSequence);
        }
        final BloomFilter bloom = bloomOk ? new BloomFilter(buffer, (int)bloomStart) : null;
        final Scan scan = new Scan(file, buffer);
        final int problemsBefore = report.problems().size();
        for (int b = 0; b < blockCount; b++)
        {
            final int record = indexOffset + b * INDEX_RECORD_LENGTH;
            final long offset = buffer.getLong(record + INDEX_BLOCK_OFFSET_OFFSET, ORDER);
            final int blockLength = buffer.getInt(record + INDEX_BLOCK_LENGTH_OFFSET, ORDER);
            final int keyOffset = indexOffset + buffer.getInt(record + INDEX_KEY_OFFSET_OFFSET, ORDER);
            final int keyLength = buffer.getInt(record + INDEX_KEY_LENGTH_OFFSET, ORDER);
            if (offset < 0 || blockLength < BLOCK_TRAILER_LENGTH + CRC_LENGTH || offset + blockLength > indexOffset)
            {
                report.problem(file, record, "block " + b + ": expected offset and length inside the data area [0, " +
                    indexOffset + ") actual offset " + offset + " length " + blockLength);
                continue;
            }
            if (!checkCrc(file, buffer, "data block " + b, (int)offset, blockLength - CRC_LENGTH))
            {
                scan.lastKey = null;
                continue;
            }
            scan.block(b, (int)offset, blockLength, keyOffset, keyLength, bloom);
            if (b > 0 && 0 == b % PROGRESS_BLOCKS)
            {
                report.info(file + ": " + b + " of " + blockCount + " blocks checked");
            }
        }
        if (scan.entries != entryCount && report.problems().size() == problemsBefore)
        {
            report.problem(file, footer + FOOTER_ENTRY_COUNT_OFFSET, "expected " + entryCount +
                " entries (footer) actual " + scan.entries + " in readable blocks");
        }
        if (null != scan.lastKey && report.problems().size() == problemsBefore && 0 != ByteComparator.compare(
            buffer, indexOffset + maxKeyOffset, maxKeyLength, new UnsafeBuffer(scan.lastKey), 0, scan.lastKey.length))
        {
            report.problem(file, footer + FOOTER_MAX_KEY_OFFSET_OFFSET, "expected the footer's max key to equal " +
                "the last key of the last block actual different");
        }
        if (scan.maxSequence > maxSequence)
        {
            report.problem(file, footer + FOOTER_MAX_SEQUENCE_OFFSET, "expected entry sequences at most " +
                maxSequence + " (footer) actual " + scan.maxSequence);
        }
        report.info(file + ": level " + level + ", " + blockCount + " blocks, " + scan.entries + " entries (" +
            scan.keys + " keys), max sequence " + maxSequence + ", bloom " + (bloomOk ? "ok" : "unreadable"));
        final byte[] first = scan.firstKey;
        return null == first || null == scan.lastKey ? null : new byte[][]{first, scan.lastKey};
    }

    private boolean checkCrc(
        final Path file, final UnsafeBuffer buffer, final String section, final int start, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(start, bytes);
        crc.reset();
        crc.update(bytes, 0, length);
        final int actual = (int)crc.getValue();
        final int expected = buffer.getInt(start + length, ORDER);
        if (expected != actual)
        {
            report.problem(file, start, section + ": expected (stored) CRC32C " + Integer.toHexString(expected) +
                " actual (computed) " + Integer.toHexString(actual));
            return false;
        }
        return true;
    }

    private static String detail(final CorruptionException ex)
    {
        final String message = ex.getMessage();
        final int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(colon + 2);
    }

    /**
     * The walk over one file's blocks: order, counts, bloom membership.
     */
    private final class Scan
    {
        private final Path file;
        private final UnsafeBuffer buffer;
        private byte[] firstKey;
        private byte[] lastKey;
        private long lastSequence;
        private long entries;
        private long keys;
        private long maxSequence;

        Scan(final Path file, final UnsafeBuffer buffer)
        {
            this.file = file;
            this.buffer = buffer;
        }

        void block(
            final int b,
            final int offset,
            final int length,
            final int indexKeyOffset,
            final int indexKeyLength,
            final BloomFilter bloom)
        {
            final int countOffset = offset + length - CRC_LENGTH - Integer.BYTES;
            final int count = buffer.getInt(countOffset, ORDER);
            final int offsetsStart = countOffset - count * Integer.BYTES;
            if (count < 1 || offsetsStart < offset + (long)count * ENTRY_HEADER_LENGTH)
            {
                report.problem(file, countOffset, "block " + b + ": expected an entry count that fits length " +
                    length + " actual " + count);
                lastKey = null;
                return;
            }
            for (int i = 0; i < count; i++)
            {
                final int entry = offset + buffer.getInt(offsetsStart + i * Integer.BYTES, ORDER);
                final int keyLength = entry + ENTRY_HEADER_LENGTH <= offsetsStart ?
                    buffer.getInt(entry + ENTRY_KEY_LENGTH_OFFSET, ORDER) : -1;
                final int valueLength = keyLength < 0 ? 0 : buffer.getInt(entry + ENTRY_VALUE_LENGTH_OFFSET, ORDER);
                if (entry < offset || keyLength < 0 || valueLength < -1 ||
                    (long)entry + ENTRY_HEADER_LENGTH + keyLength + Math.max(0, valueLength) > offsetsStart)
                {
                    report.problem(file, offsetsStart + i * Integer.BYTES, "block " + b + " entry " + i +
                        ": expected an entry inside the block actual offset " + (entry - offset) + " key length " +
                        keyLength + " value length " + valueLength);
                    lastKey = null;
                    return;
                }
                final long sequence = buffer.getLong(entry + ENTRY_SEQUENCE_OFFSET, ORDER);
                final int keyOffset = entry + ENTRY_HEADER_LENGTH;
                entries++;
                maxSequence = Math.max(maxSequence, sequence);
                if (0 == i && 0 != ByteComparator.compare(buffer, keyOffset, keyLength, buffer, indexKeyOffset,
                    indexKeyLength))
                {
                    report.problem(file, entry, "block " + b + ": expected its first key to equal the key index " +
                        "entry actual different");
                }
                final int cmp = null == lastKey ? 1 :
                    ByteComparator.compare(buffer, keyOffset, keyLength, new UnsafeBuffer(lastKey), 0, lastKey.length);
                if (cmp < 0 || (0 == cmp && 0 == i))
                {
                    report.problem(file, entry, "block " + b + " entry " + i + ": expected keys ascending (one key " +
                        "in one block) actual " + (0 == i ? "the block's first key not above the previous block's" :
                        "a key below the previous one"));
                }
                else if (0 == cmp && sequence >= lastSequence)
                {
                    report.problem(file, entry, "block " + b + " entry " + i + ": expected sequences descending " +
                        "for one key actual " + sequence + " after " + lastSequence);
                }
                if (0 != cmp)
                {
                    keys++;
                    if (null != bloom && !bloom.mightContain(BloomFilter.hash(buffer, keyOffset, keyLength)))
                    {
                        report.problem(file, entry, "block " + b + " entry " + i + ": expected the key in the bloom " +
                            "filter actual absent (lookups would miss it)");
                    }
                    lastKey = new byte[keyLength];
                    buffer.getBytes(keyOffset, lastKey);
                    if (null == firstKey)
                    {
                        firstKey = lastKey;
                    }
                }
                lastSequence = sequence;
            }
        }
    }
}
