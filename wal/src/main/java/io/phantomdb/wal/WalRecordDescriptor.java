package io.phantomdb.wal;

import java.nio.ByteOrder;

/**
 * The on-disk layout of one WAL record, format version {@value #FORMAT_VERSION}. Every record is the
 * payload of exactly one Chronicle Queue excerpt; all integers are little endian.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-------------------------------+-------------------------------+
 *  |     Format Version (u16)      |        Reserved (zero)        |  0
 *  +-------------------------------+-------------------------------+
 *  |              Record Length (i32, header to CRC inclusive)     |  4
 *  +---------------------------------------------------------------+
 *  |                        LSN (i64)                              |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                   Transaction Id (i64)                        | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                   Change Count (i32)                          | 24
 *  +---------------------------------------------------------------+
 *  |                   Changes (Change Count times)               ... 28
 * ...                                                              |
 *  +---------------------------------------------------------------+
 *  |          CRC32C (i32) of bytes [0, Record Length - 4)         |  Record Length - 4
 *  +---------------------------------------------------------------+
 *
 *  One change:
 *  +---------------------------------------------------------------+
 *  |                 Table or Index Id (i32)                       |  0
 *  +---------------+-----------------------------------------------+
 *  | Operation (i8)|  Key Length (i32) ...                         |  4
 *  +---------------+-----------------------------------------------+
 *  |  Key bytes (Key Length)                                      ...  9
 *  +---------------------------------------------------------------+
 *  |  Value Length (i32)                                           |  9 + Key Length
 *  +---------------------------------------------------------------+
 *  |  Value bytes (Value Length)                                  ...  13 + Key Length
 *  +---------------------------------------------------------------+
 * </pre>
 * The LSN is assigned by the {@link WalWriter}: 1 for the first record ever written, then each record's LSN
 * is its predecessor's plus one, with no gaps, across every segment of the log.
 * <p>
 * <b>Note:</b> constants only; safe from any thread.
 */
public final class WalRecordDescriptor
{
    /** Version written into every record; a reader rejects any other value as corruption. */
    public static final short FORMAT_VERSION = 1;

    /** Byte order of every integer in a record. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    /** Offset of the format version (u16). */
    public static final int VERSION_OFFSET = 0;
    /** Offset of the reserved u16; written as zero. */
    public static final int RESERVED_OFFSET = 2;
    /** Offset of the record length (i32), which counts the header, the changes and the CRC. */
    public static final int LENGTH_OFFSET = 4;
    /** Offset of the LSN (i64). */
    public static final int LSN_OFFSET = 8;
    /** Offset of the transaction id (i64). */
    public static final int TX_ID_OFFSET = 16;
    /** Offset of the change count (i32). */
    public static final int CHANGE_COUNT_OFFSET = 24;
    /** Length of the fixed header; the first change starts here. */
    public static final int HEADER_LENGTH = 28;
    /** Length of the CRC32C trailer. */
    public static final int CRC_LENGTH = 4;
    /** Smallest valid record: a header, no changes, the CRC. */
    public static final int MIN_RECORD_LENGTH = HEADER_LENGTH + CRC_LENGTH;

    /** Offset of the table or index id (i32) within a change. */
    public static final int CHANGE_TABLE_ID_OFFSET = 0;
    /** Offset of the operation (i8) within a change. */
    public static final int CHANGE_OPERATION_OFFSET = 4;
    /** Offset of the key length (i32) within a change; the key bytes follow it. */
    public static final int CHANGE_KEY_LENGTH_OFFSET = 5;
    /** Fixed bytes of a change besides its key and value bytes. */
    public static final int CHANGE_OVERHEAD = 13;

    /** Operation: insert or replace the value of a key. */
    public static final byte OP_PUT = 1;
    /** Operation: remove a key; the value is usually empty. */
    public static final byte OP_DELETE = 2;
    /** Operation: a schema change; key and value are the catalog's encoding. */
    public static final byte OP_DDL = 3;

    private WalRecordDescriptor()
    {
    }

    /**
     * @param operation an operation byte read from or to be written to a record.
     * @return true if it is one of {@link #OP_PUT}, {@link #OP_DELETE}, {@link #OP_DDL}.
     */
    public static boolean isValidOperation(final byte operation)
    {
        return operation >= OP_PUT && operation <= OP_DDL;
    }

    /**
     * @param keyLength   bytes of the key.
     * @param valueLength bytes of the value.
     * @return the encoded length of one change.
     */
    public static long changeLength(final int keyLength, final int valueLength)
    {
        return (long)CHANGE_OVERHEAD + keyLength + valueLength;
    }
}
