package io.phantomdb.server.tools;

import io.phantomdb.core.table.Snapshot;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.TxCursor;
import org.agrona.DirectBuffer;

import java.util.zip.CRC32C;

/**
 * An order-sensitive checksum of a keyspace's entries: CRC32C over, per entry in key order, the key length
 * (4 bytes big-endian), the key, the value length and the value; together with the entry count. Two keyspaces
 * with the same count and checksum hold the same entries (up to CRC collisions).
 * <p>
 * <b>Note:</b> not thread safe; one instance per thread.
 */
public final class KeyspaceChecksum
{
    private final CRC32C crc = new CRC32C();
    private final byte[] lengthBytes = new byte[4];
    private byte[] scratch = new byte[256];
    private long entries;

    /**
     * Add one entry.
     *
     * @param key   the key bytes [0, capacity).
     * @param value the value bytes [0, capacity).
     */
    public void add(final DirectBuffer key, final DirectBuffer value)
    {
        addBytes(key);
        addBytes(value);
        entries++;
    }

    private void addBytes(final DirectBuffer buffer)
    {
        final int length = buffer.capacity();
        lengthBytes[0] = (byte)(length >>> 24);
        lengthBytes[1] = (byte)(length >>> 16);
        lengthBytes[2] = (byte)(length >>> 8);
        lengthBytes[3] = (byte)length;
        crc.update(lengthBytes, 0, 4);
        if (scratch.length < length)
        {
            scratch = new byte[Math.max(length, 2 * scratch.length)];
        }
        buffer.getBytes(0, scratch, 0, length);
        crc.update(scratch, 0, length);
    }

    /**
     * @return the checksum so far.
     */
    public long value()
    {
        return crc.getValue();
    }

    /**
     * @return the entries added so far.
     */
    public long entries()
    {
        return entries;
    }

    /**
     * @param snapshot a snapshot.
     * @param keyspace one of its keyspaces.
     * @return {@code entries:checksum-in-hex} of the keyspace in the snapshot.
     */
    public static String of(final Snapshot snapshot, final Keyspace keyspace)
    {
        final KeyspaceChecksum checksum = new KeyspaceChecksum();
        final TxCursor cursor = snapshot.cursor(keyspace);
        for (boolean more = cursor.first(); more; more = cursor.next())
        {
            checksum.add(cursor.key(), cursor.value());
        }
        return checksum.entries() + ":" + Long.toHexString(checksum.value());
    }
}
