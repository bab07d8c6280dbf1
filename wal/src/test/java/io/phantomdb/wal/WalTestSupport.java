package io.phantomdb.wal;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Deterministic records (content derived from the transaction id), a recording listener, and file surgery for
 * the WAL tests.
 */
final class WalTestSupport
{
    private WalTestSupport()
    {
    }

    static WalConfig config(final Path directory, final SyncPolicy policy, final Events events)
    {
        return new WalConfig()
            .directory(directory)
            .syncPolicy(policy)
            .blockSize(1L << 20)
            .listener(events);
    }

    static byte[] key(final long txId, final int change)
    {
        return ("k-" + txId + "-" + change).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] value(final long txId, final int change, final int length)
    {
        final byte[] value = new byte[length];
        for (int i = 0; i < length; i++)
        {
            value[i] = (byte)(txId * 31 + change * 7 + i);
        }
        return value;
    }

    static int changesOf(final long txId)
    {
        return 1 + (int)(txId % 4);
    }

    static int valueLengthOf(final long txId, final int change)
    {
        return (int)((txId * 13 + change * 101) % 300);
    }

    /**
     * Builds the record of transaction {@code txId}: {@link #changesOf} changes, the last one a DELETE without a value.
     */
    static WalRecordEncoder encode(final WalRecordEncoder encoder, final long txId)
    {
        encoder.begin(txId);
        final int changes = changesOf(txId);
        for (int c = 0; c < changes; c++)
        {
            final UnsafeBuffer key = new UnsafeBuffer(key(txId, c));
            if (c == changes - 1 && changes > 1)
            {
                encoder.addChange(c, WalRecordDescriptor.OP_DELETE, key, 0, key.capacity(), null, 0, 0);
            }
            else
            {
                final UnsafeBuffer value = new UnsafeBuffer(value(txId, c, valueLengthOf(txId, c)));
                encoder.addChange(c, WalRecordDescriptor.OP_PUT, key, 0, key.capacity(), value, 0, value.capacity());
            }
        }
        encoder.finish();
        return encoder;
    }

    /**
     * Checks a replayed record against {@link #encode} for its transaction id.
     */
    static void verify(final WalRecordDecoder record)
    {
        final long txId = record.txId();
        final int changes = changesOf(txId);
        assertEquals(changes, record.changeCount(), "changes of tx " + txId);
        for (int c = 0; c < changes; c++)
        {
            record.nextChange();
            assertEquals(c, record.tableId());
            final byte[] key = new byte[record.keyLength()];
            record.buffer().getBytes(record.keyOffset(), key);
            assertArrayEquals(key(txId, c), key);
            final byte[] value = new byte[record.valueLength()];
            record.buffer().getBytes(record.valueOffset(), value);
            if (c == changes - 1 && changes > 1)
            {
                assertEquals(WalRecordDescriptor.OP_DELETE, record.operation());
                assertEquals(0, value.length);
            }
            else
            {
                assertEquals(WalRecordDescriptor.OP_PUT, record.operation());
                assertArrayEquals(value(txId, c, valueLengthOf(txId, c)), value);
            }
        }
    }

    /**
     * Replays from {@code fromLsn}, verifies every record, and returns the LSNs seen.
     */
    static List<Long> replay(final WalConfig config, final long fromLsn)
    {
        final List<Long> lsns = new ArrayList<>();
        new WalReader(config).replay(fromLsn, record ->
        {
            verify(record);
            lsns.add(record.lsn());
        });
        return lsns;
    }

    static List<Long> range(final long from, final long to)
    {
        final List<Long> list = new ArrayList<>();
        for (long lsn = from; lsn <= to; lsn++)
        {
            list.add(lsn);
        }
        return list;
    }

    /**
     * Where a record lives on disk: the queue file and the byte offset of its first byte.
     */
    static final class Location
    {
        final Path file;
        final long position;
        final int length;

        Location(final Path file, final long position, final int length)
        {
            this.file = file;
            this.position = position;
            this.length = length;
        }
    }

    /**
     * Finds every record of one segment with Chronicle's tailer, in order.
     */
    static List<Location> locate(final Path segmentDirectory, final WalConfig config)
    {
        final List<Location> locations = new ArrayList<>();
        try (SegmentReader reader = new SegmentReader(segmentDirectory, config))
        {
            while (SegmentReader.END != reader.next())
            {
                locations.add(new Location(reader.file(), reader.position(), reader.decoder().length()));
            }
        }
        return locations;
    }

    static void overwrite(final Path file, final long position, final byte[] bytes) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.wrap(bytes), position);
            channel.force(false);
        }
    }

    static byte readByte(final Path file, final long position) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            return one.get(0);
        }
    }

    /**
     * Records listener events.
     */
    static final class Events implements WalEventListener
    {
        final List<String> tornTails = new ArrayList<>();
        final List<Path> retired = new ArrayList<>();

        public synchronized void onTornTail(final Path file, final long position, final long lastGoodLsn, final String detail)
        {
            tornTails.add(file + "@" + position + " last=" + lastGoodLsn + " " + detail);
        }

        public synchronized void onRetired(final Path path, final long checkpointLsn)
        {
            retired.add(path);
        }
    }
}
