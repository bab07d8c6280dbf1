package io.phantomdb.replication;

import org.agrona.BitUtil;

/**
 * The ingress and egress message formats of the replicated store, format version {@link #VERSION}. Every field is in
 * the platform's (little-endian) byte order; lengths are in bytes.
 * <pre>
 * request header (both types)               TXN entries (after the header)
 *  0 int  type: TXN (1) or READ (2)           readCount x  [int keyspace][int keyLength][long expectedVersion][key]
 *  4 int  format version                      writeCount x [int keyspace][int keyLength][int valueLength][key][value]
 *  8 long client id (random, per client)                    valueLength -1 is a delete
 * 16 long sequence (per client, from 1)     READ entries: readCount x [int keyspace][int keyLength][key]
 * 24 int  readCount
 * 28 int  writeCount (0 for READ)
 *
 * response                                   READ_OK entries: count x [long version][int valueLength][value]
 *  0 int  type: RESPONSE (3)                                  valueLength -1: absent (version 0)
 *  4 int  status (see the STATUS_ constants)  CONFLICT entry: [int readIndex][long currentVersion]
 *  8 long client id
 * 16 long sequence
 * 24 long log position the request was applied at (the commit version of a committed TXN)
 * 32 int  entry count
 * </pre>
 * SQL transactions (type SQL (4), same request header, readCount = statement count, writeCount 0) are laid out by
 * {@link io.phantomdb.replication.sql.SqlMessage}.
 * <p>
 * A key's version is the log position of the transaction that last wrote it; an absent key has version 0.
 * <p>
 * <b>Note:</b> constants only; thread safe.
 */
public final class MessageDescriptor
{
    /** Format version written in every request. */
    public static final int VERSION = 1;
    /** Request type: a transaction (read validations + writes). */
    public static final int TYPE_TXN = 1;
    /** Request type: a read through the log (linearizable). */
    public static final int TYPE_READ = 2;
    /** Request type: a SQL transaction to run on every member ({@link io.phantomdb.replication.sql.SqlMessage}). */
    public static final int TYPE_SQL = 4;
    /** Message type of every response. */
    public static final int TYPE_RESPONSE = 3;

    /** The transaction committed at the response's position. */
    public static final int STATUS_COMMITTED = 1;
    /** The transaction aborted: a key it read changed since (entry: read index, current version). */
    public static final int STATUS_CONFLICT = 2;
    /** A retried request older than the remembered window: it was applied once, its answer is gone. */
    public static final int STATUS_DUPLICATE_UNKNOWN = 3;
    /** The read's values follow. */
    public static final int STATUS_READ_OK = 4;
    /** The request was malformed or refused by the engine (entry: none); it changed nothing. */
    public static final int STATUS_REJECTED = 5;

    /** Offset of the type field. */
    public static final int TYPE_OFFSET = 0;
    /** Offset of the format version (requests) or status (responses). */
    public static final int VERSION_OFFSET = TYPE_OFFSET + BitUtil.SIZE_OF_INT;
    /** Offset of the status field of a response. */
    public static final int STATUS_OFFSET = VERSION_OFFSET;
    /** Offset of the client id. */
    public static final int CLIENT_ID_OFFSET = VERSION_OFFSET + BitUtil.SIZE_OF_INT;
    /** Offset of the sequence. */
    public static final int SEQUENCE_OFFSET = CLIENT_ID_OFFSET + BitUtil.SIZE_OF_LONG;
    /** Offset of a request's read count. */
    public static final int READ_COUNT_OFFSET = SEQUENCE_OFFSET + BitUtil.SIZE_OF_LONG;
    /** Offset of a request's write count. */
    public static final int WRITE_COUNT_OFFSET = READ_COUNT_OFFSET + BitUtil.SIZE_OF_INT;
    /** Length of a request header. */
    public static final int REQUEST_HEADER_LENGTH = WRITE_COUNT_OFFSET + BitUtil.SIZE_OF_INT;

    /** Offset of a response's log position. */
    public static final int POSITION_OFFSET = SEQUENCE_OFFSET + BitUtil.SIZE_OF_LONG;
    /** Offset of a response's entry count. */
    public static final int COUNT_OFFSET = POSITION_OFFSET + BitUtil.SIZE_OF_LONG;
    /** Length of a response header. */
    public static final int RESPONSE_HEADER_LENGTH = COUNT_OFFSET + BitUtil.SIZE_OF_INT;

    /** Length of a TXN read entry before its key. */
    public static final int READ_ENTRY_HEADER_LENGTH = 2 * BitUtil.SIZE_OF_INT + BitUtil.SIZE_OF_LONG;
    /** Length of a TXN write entry before its key. */
    public static final int WRITE_ENTRY_HEADER_LENGTH = 3 * BitUtil.SIZE_OF_INT;
    /** Length of a READ request entry before its key. */
    public static final int KEY_ENTRY_HEADER_LENGTH = 2 * BitUtil.SIZE_OF_INT;
    /** Length of a READ_OK entry before its value. */
    public static final int VALUE_ENTRY_HEADER_LENGTH = BitUtil.SIZE_OF_LONG + BitUtil.SIZE_OF_INT;

    private MessageDescriptor()
    {
    }

    /**
     * @param status a response status.
     * @return its name, for messages.
     */
    public static String statusName(final int status)
    {
        switch (status)
        {
            case STATUS_COMMITTED:
                return "COMMITTED";
            case STATUS_CONFLICT:
                return "CONFLICT";
            case STATUS_DUPLICATE_UNKNOWN:
                return "DUPLICATE_UNKNOWN";
            case STATUS_READ_OK:
                return "READ_OK";
            case STATUS_REJECTED:
                return "REJECTED";
            default:
                return "UNKNOWN(" + status + ")";
        }
    }
}
