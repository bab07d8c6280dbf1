package io.phantomdb.index.lsm;

import io.phantomdb.CorruptionException;
import io.phantomdb.FileSync;
import io.phantomdb.PhantomException;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The list of live SSTables, replaced atomically on every change: written to {@value #TEMP_FILE_NAME},
 * forced, renamed over {@value #FILE_NAME}, then the directory is forced. Format version
 * {@link #FORMAT_VERSION}, little-endian:
 * <pre>
 *   0              4                8                     16                  24           28
 *   +--------------+----------------+---------------------+-------------------+------------+
 *   | magic (int)  | version (int)  | next file number    | last sequence     | file count |
 *   +--------------+----------------+---------------------+-------------------+------------+
 *   +-------------+---------------------+---------------------+
 *   | level (int) | file number (long)  | file length (long)  |   repeated file count times, 20 bytes each,
 *   +-------------+---------------------+---------------------+   level 0 newest first
 *   +--------------+
 *   | crc32c (int) |   over every byte before it
 *   +--------------+
 * </pre>
 * <b>Note:</b> immutable once read; {@link #write} is called by one thread at a time (the agent while the
 * tree runs, the writer thread on open and close).
 */
final class Manifest
{
    static final String FILE_NAME = "MANIFEST";
    static final String TEMP_FILE_NAME = "MANIFEST.tmp";
    static final int MAGIC = 0x4D4D_534C;
    static final int FORMAT_VERSION = 1;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int HEADER_LENGTH = 28;
    private static final int RECORD_LENGTH = 20;

    private final long nextFileNumber;
    private final long lastSequence;
    private final int[] levels;
    private final long[] fileNumbers;
    private final long[] fileLengths;

    private Manifest(
        final long nextFileNumber,
        final long lastSequence,
        final int[] levels,
        final long[] fileNumbers,
        final long[] fileLengths)
    {
        this.nextFileNumber = nextFileNumber;
        this.lastSequence = lastSequence;
        this.levels = levels;
        this.fileNumbers = fileNumbers;
        this.fileLengths = fileLengths;
    }

    long nextFileNumber()
    {
        return nextFileNumber;
    }

    long lastSequence()
    {
        return lastSequence;
    }

    int fileCount()
    {
        return levels.length;
    }

    int level(final int index)
    {
        return levels[index];
    }

    long fileNumber(final int index)
    {
        return fileNumbers[index];
    }

    long fileLength(final int index)
    {
        return fileLengths[index];
    }

    /**
     * @param directory the tree's directory.
     * @return the manifest, or null if the directory has none (a new tree).
     * @throws CorruptionException if the checksum or structure is wrong.
     */
    static Manifest read(final Path directory)
    {
        final Path path = directory.resolve(FILE_NAME);
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(path);
        }
        catch (final NoSuchFileException ex)
        {
            return null;
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot read " + path, ex);
        }
        if (bytes.length < HEADER_LENGTH + Integer.BYTES)
        {
            throw new CorruptionException(path, 0, "expected at least " + (HEADER_LENGTH + Integer.BYTES) +
                " bytes actual " + bytes.length);
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final int crcOffset = bytes.length - Integer.BYTES;
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, crcOffset);
        final int expected = buffer.getInt(crcOffset, ORDER);
        final int actual = (int)crc.getValue();
        if (expected != actual)
        {
            throw new CorruptionException(path, crcOffset, "expected crc " + Integer.toHexString(expected) +
                " actual " + Integer.toHexString(actual));
        }
        final int magic = buffer.getInt(0, ORDER);
        final int version = buffer.getInt(4, ORDER);
        if (MAGIC != magic || FORMAT_VERSION != version)
        {
            throw new CorruptionException(path, 0, "expected magic " + Integer.toHexString(MAGIC) + " version " +
                FORMAT_VERSION + " actual magic " + Integer.toHexString(magic) + " version " + version);
        }
        final int count = buffer.getInt(24, ORDER);
        if (count < 0 || (long)HEADER_LENGTH + (long)count * RECORD_LENGTH != crcOffset)
        {
            throw new CorruptionException(path, 24, "file count " + count + " does not match length " + bytes.length);
        }
        final int[] levels = new int[count];
        final long[] numbers = new long[count];
        final long[] lengths = new long[count];
        for (int i = 0; i < count; i++)
        {
            final int record = HEADER_LENGTH + i * RECORD_LENGTH;
            levels[i] = buffer.getInt(record, ORDER);
            numbers[i] = buffer.getLong(record + 4, ORDER);
            lengths[i] = buffer.getLong(record + 12, ORDER);
        }
        return new Manifest(buffer.getLong(8, ORDER), buffer.getLong(16, ORDER), levels, numbers, lengths);
    }

    /**
     * Atomically replace the manifest with the files of the given levels.
     *
     * @throws PhantomException if it cannot be written and forced.
     */
    static void write(
        final Path directory, final long nextFileNumber, final long lastSequence, final SsTable[][] levels)
    {
        int count = 0;
        for (final SsTable[] level : levels)
        {
            count += level.length;
        }
        final int length = HEADER_LENGTH + count * RECORD_LENGTH + Integer.BYTES;
        final ByteBuffer bytes = ByteBuffer.allocate(length).order(ORDER);
        bytes.putInt(MAGIC).putInt(FORMAT_VERSION).putLong(nextFileNumber).putLong(lastSequence).putInt(count);
        for (int level = 0; level < levels.length; level++)
        {
            for (final SsTable table : levels[level])
            {
                bytes.putInt(level).putLong(table.fileNumber()).putLong(table.fileLength());
            }
        }
        final CRC32C crc = new CRC32C();
        crc.update(bytes.array(), 0, length - Integer.BYTES);
        bytes.putInt((int)crc.getValue());
        bytes.flip();

        FileSync.replaceAtomically(directory.resolve(FILE_NAME), bytes);
    }
}
