package io.phantomdb.wal;

import io.phantomdb.CorruptionException;
import io.phantomdb.FileSync;
import io.phantomdb.PhantomException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The segment table in {@code wal.meta}: which segment directories make up the log and which LSNs each holds.
 * Every writer session appends to a segment of its own; when the next session opens, it seals the previous
 * segment at its last valid record ({@link #seal}), which is how a torn tail is cut: bytes after a sealed
 * segment's last LSN are never read again. The file is replaced atomically (write, force, rename, force dir).
 * <pre>
 *  +---------------------------------------------------------------+
 *  |  Magic (i32) 0x4C415750 "PWAL"                                 |  0
 *  |  Version (i32) = 1                                             |  4
 *  |  Entry Count (i32)                                             |  8
 *  +---------------------------------------------------------------+
 *  |  per entry: Segment Number (i32), First LSN (i64),             |  12 + 20 * i
 *  |             Last LSN (i64, -1 while the segment is open)       |
 *  +---------------------------------------------------------------+
 *  |  CRC32C (i32) of all preceding bytes                           |  12 + 20 * count
 *  +---------------------------------------------------------------+
 * </pre>
 * All integers little endian. Entries are in segment order; each entry's first LSN is its predecessor's last
 * LSN plus one; a segment with no records has last LSN = first LSN - 1.
 * <p>
 * <b>Note:</b> not thread safe: the writer owns its instance; a reader loads its own copy.
 */
final class WalMeta
{
    static final String FILE_NAME = "wal.meta";
    static final long OPEN = -1;
    static final String SEGMENT_PREFIX = "seg-";

    private static final int MAGIC = 0x4C415750;
    private static final int VERSION = 1;
    private static final int HEADER_LENGTH = 12;
    private static final int ENTRY_LENGTH = 20;

    private final Path directory;
    private int count;
    private int[] segments = new int[8];
    private long[] firstLsns = new long[8];
    private long[] lastLsns = new long[8];

    private WalMeta(final Path directory)
    {
        this.directory = directory;
    }

    /**
     * @param directory the WAL directory.
     * @return the table stored there, or an empty one if the log is new.
     * @throws CorruptionException if the file fails a check.
     * @throws PhantomException    if it cannot be read.
     */
    static WalMeta load(final Path directory)
    {
        final WalMeta meta = new WalMeta(directory);
        final Path file = directory.resolve(FILE_NAME);
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(file);
        }
        catch (final NoSuchFileException ex)
        {
            return meta;
        }
        catch (final IOException ex)
        {
            throw new PhantomException("cannot read " + file, ex);
        }
        meta.decode(file, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        return meta;
    }

    private void decode(final Path file, final ByteBuffer buffer)
    {
        final int size = buffer.capacity();
        if (size < HEADER_LENGTH + Integer.BYTES)
        {
            throw new CorruptionException(file, 0, "expected at least " + (HEADER_LENGTH + Integer.BYTES) + " bytes actual " + size);
        }
        final int crcOffset = size - Integer.BYTES;
        final CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, crcOffset);
        final int actualCrc = (int)crc.getValue();
        final int expectedCrc = buffer.getInt(crcOffset);
        if (expectedCrc != actualCrc)
        {
            throw new CorruptionException(file, crcOffset, "expected crc " + Integer.toHexString(expectedCrc) +
                " actual " + Integer.toHexString(actualCrc));
        }
        if (MAGIC != buffer.getInt(0) || VERSION != buffer.getInt(4))
        {
            throw new CorruptionException(file, 0, "expected magic " + Integer.toHexString(MAGIC) + " version " + VERSION +
                " actual " + Integer.toHexString(buffer.getInt(0)) + " version " + buffer.getInt(4));
        }
        final int entries = buffer.getInt(8);
        if (entries < 0 || HEADER_LENGTH + (long)entries * ENTRY_LENGTH != crcOffset)
        {
            throw new CorruptionException(file, 8, "entry count " + entries + " does not match file length " + size);
        }
        for (int i = 0; i < entries; i++)
        {
            final int at = HEADER_LENGTH + i * ENTRY_LENGTH;
            final int segment = buffer.getInt(at);
            final long first = buffer.getLong(at + 4);
            final long last = buffer.getLong(at + 12);
            checkEntry(file, at, segment, first, last, i == entries - 1);
            append(segment, first, last);
        }
    }

    private void checkEntry(final Path file, final int at, final int segment, final long first, final long last, final boolean isLast)
    {
        final boolean previous = count > 0;
        if (segment < 1 || first < 1 || (OPEN == last ? !isLast : last < first - 1) ||
            (previous && (segment <= segments[count - 1] || first != lastLsns[count - 1] + 1)))
        {
            throw new CorruptionException(file, at, "inconsistent entry segment=" + segment + " firstLsn=" + first +
                " lastLsn=" + last + (previous ? " after segment=" + segments[count - 1] + " lastLsn=" + lastLsns[count - 1] : ""));
        }
    }

    /**
     * Replaces {@code wal.meta} atomically and durably.
     *
     * @throws PhantomException if the file cannot be written, forced or renamed.
     */
    void store()
    {
        final ByteBuffer buffer = ByteBuffer.allocate(HEADER_LENGTH + count * ENTRY_LENGTH + Integer.BYTES)
            .order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC).putInt(VERSION).putInt(count);
        for (int i = 0; i < count; i++)
        {
            buffer.putInt(segments[i]).putLong(firstLsns[i]).putLong(lastLsns[i]);
        }
        final CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int)crc.getValue()).flip();

        FileSync.replaceAtomically(directory.resolve(FILE_NAME), buffer);
    }

    int size()
    {
        return count;
    }

    int segment(final int i)
    {
        return segments[i];
    }

    long firstLsn(final int i)
    {
        return firstLsns[i];
    }

    long lastLsn(final int i)
    {
        return lastLsns[i];
    }

    boolean isOpen(final int i)
    {
        return OPEN == lastLsns[i];
    }

    Path segmentDirectory(final int i)
    {
        return segmentDirectory(directory, segments[i]);
    }

    static Path segmentDirectory(final Path walDirectory, final int segment)
    {
        return walDirectory.resolve(String.format(SEGMENT_PREFIX + "%08d", segment));
    }

    /**
     * @return LSN of the last record of the log as sealed so far, 0 if none; only meaningful when no entry is open.
     */
    long lastSealedLsn()
    {
        return 0 == count ? 0 : lastLsns[count - 1];
    }

    void seal(final int i, final long lastLsn)
    {
        lastLsns[i] = lastLsn;
    }

    void append(final int segment, final long firstLsn, final long lastLsn)
    {
        if (count == segments.length)
        {
            segments = Arrays.copyOf(segments, count * 2);
            firstLsns = Arrays.copyOf(firstLsns, count * 2);
            lastLsns = Arrays.copyOf(lastLsns, count * 2);
        }
        segments[count] = segment;
        firstLsns[count] = firstLsn;
        lastLsns[count] = lastLsn;
        count++;
    }

    void removeFirst(final int n)
    {
        System.arraycopy(segments, n, segments, 0, count - n);
        System.arraycopy(firstLsns, n, firstLsns, 0, count - n);
        System.arraycopy(lastLsns, n, lastLsns, 0, count - n);
        count -= n;
    }
}
