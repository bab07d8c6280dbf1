package io.phantomdb.core.txn;

import io.phantomdb.index.ByteComparator;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The key formats of the engine, version 1.
 * <pre>
 *   store key (what the B+tree and the LSM tree hold; ordered by ByteComparator):
 *   0        4 bytes  keyspace id, big-endian (so keyspaces sort by id and never interleave)
 *   4        n bytes  the caller's key, 1 or more bytes
 *
 *   engine key (write sets, read sets, the conflict detector): the store key behind one byte of kind
 *   0        1 byte   StorageKind ordinal (0 BTREE, 1 LSM)
 *   1        4 bytes  keyspace id, big-endian
 *   5        n bytes  the caller's key
 *
 *   WAL change "table id" (WalRecordDescriptor): keyspace id | (LSM ? 0x8000_0000 : 0); the change's key is
 *   the caller's key without any prefix.
 *
 *   checkpoint key, in the B+tree only: FF FF FF FF 'c' 'k' 'p' 't' (above every keyspace: ids are 0 or more)
 *   value, little-endian:
 *   0        4 bytes  format version = 1
 *   4        8 bytes  checkpoint LSN: the first WAL record the checkpoint does not contain
 *   12       8 bytes  the commit version the checkpoint holds
 * </pre>
 * A keyspace's store keys all lie strictly between its 4-byte prefix and the 4-byte prefix of the next id
 * (every store key is longer than 4 bytes), so those two short keys bound every scan of a keyspace and every
 * range recorded for it.
 * <p>
 * <b>Note:</b> constants and static helpers; thread safe.
 */
final class EngineKeyDescriptor
{
    /** Bytes of the keyspace id in front of a store key. */
    static final int STORE_PREFIX_LENGTH = 4;
    /** Bytes of kind and keyspace id in front of an engine key. */
    static final int ENGINE_PREFIX_LENGTH = 5;
    /** Bit of a WAL table id that marks an LSM keyspace. */
    static final int LSM_TABLE_BIT = 0x8000_0000;
    /** Format of the checkpoint value. */
    static final int CHECKPOINT_FORMAT_VERSION = 1;
    /** Length of the checkpoint value. */
    static final int CHECKPOINT_VALUE_LENGTH = 20;
    /** The checkpoint key. */
    static final byte[] CHECKPOINT_KEY = {(byte)0xFF, (byte)0xFF, (byte)0xFF, (byte)0xFF, 'c', 'k', 'p', 't'};

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private EngineKeyDescriptor()
    {
    }

    /**
     * Write the engine prefix (kind, keyspace id) at {@code offset}.
     */
    static void putEnginePrefix(final MutableDirectBuffer buffer, final int offset, final StorageKind kind, final int id)
    {
        buffer.putByte(offset, (byte)kind.ordinal());
        buffer.putInt(offset + 1, id, ByteOrder.BIG_ENDIAN);
    }

    /**
     * @return the keyspace id of a store key at {@code offset}.
     */
    static int keyspaceOfStoreKey(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset, ByteOrder.BIG_ENDIAN);
    }

    /**
     * @return true if the store key lies in keyspace {@code id}.
     */
    static boolean inKeyspace(final DirectBuffer key, final int length, final int id)
    {
        return length > STORE_PREFIX_LENGTH && key.getInt(0, ByteOrder.BIG_ENDIAN) == id;
    }

    /**
     * @return the WAL table id of a keyspace.
     */
    static int walTableId(final StorageKind kind, final int id)
    {
        return StorageKind.LSM == kind ? id | LSM_TABLE_BIT : id;
    }

    /**
     * @return the kind encoded in a WAL table id.
     */
    static StorageKind kindOfTableId(final int tableId)
    {
        return 0 != (tableId & LSM_TABLE_BIT) ? StorageKind.LSM : StorageKind.BTREE;
    }

    /**
     * @return the keyspace id encoded in a WAL table id.
     */
    static int keyspaceOfTableId(final int tableId)
    {
        return tableId & ~LSM_TABLE_BIT;
    }

    /**
     * Compare an engine key with a store key of the same kind.
     */
    static int compareEngineToStore(
        final DirectBuffer engine, final int engineOffset, final int engineLength,
        final DirectBuffer store, final int storeOffset, final int storeLength)
    {
        return ByteComparator.compare(engine, engineOffset + 1, engineLength - 1, store, storeOffset, storeLength);
    }

    /**
     * @return bytes in hexadecimal, at most 64 of them followed by "..." when longer.
     */
    static String hex(final DirectBuffer buffer, final int offset, final int length)
    {
        final int shown = Math.min(length, 64);
        final StringBuilder sb = new StringBuilder(shown * 2 + 3);
        for (int i = 0; i < shown; i++)
        {
            final int b = buffer.getByte(offset + i) & 0xFF;
            sb.append(HEX[b >>> 4]).append(HEX[b & 0xF]);
        }
        if (shown < length)
        {
            sb.append("...");
        }
        return sb.toString();
    }
}
