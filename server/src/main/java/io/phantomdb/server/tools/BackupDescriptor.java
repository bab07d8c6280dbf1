package io.phantomdb.server.tools;

/**
 * The backup format, version {@link #FORMAT_VERSION}: a directory holding {@link #DATA_FILE} and
 * {@link #MANIFEST_FILE}. All numbers in the data file are big-endian.
 * <pre>
 * data.pbk: chunks, each one keyspace's entries in key order (a keyspace spans one or more chunks, in order):
 *   +-------------+--------------+-------------+-------------+----------------+--------------+
 *   | magic (i32) | keyspace id  | kind (i8)   | entry count | payload length | crc32c of the|
 *   | "PBK1"      | (i32)        | 0 btree     | (i32)       | (i32)          | payload (i32)|
 *   |             |              | 1 lsm       |             |                |              |
 *   +-------------+--------------+-------------+-------------+----------------+--------------+
 *   | payload: entry count x ( key length (i32) | value length (i32) | key | value )         |
 *   +-----------------------------------------------------------------------------------------+
 *
 * BACKUP.properties (written last, atomically; a backup without it is incomplete):
 *   format=1, version=(commit version of the snapshot), created=(ISO instant), source=(data directory),
 *   data.bytes, data.crc32c (of the whole data file), keyspaces=(ids, comma separated),
 *   keyspace.ID.kind, keyspace.ID.entries, keyspace.ID.checksum (KeyspaceChecksum of its entries),
 *   table.NAME=(keyspace id), index.NAME=(keyspace id)
 * </pre>
 * <p>
 * <b>Note:</b> constants only; safe from any thread.
 */
public final class BackupDescriptor
{
    /** Format version. */
    public static final int FORMAT_VERSION = 1;
    /** Chunk magic, "PBK1". */
    public static final int CHUNK_MAGIC = 0x50424B31;
    /** Chunk header: magic, keyspace id, kind, entry count, payload length, crc32c. */
    public static final int CHUNK_HEADER_LENGTH = 4 + 4 + 1 + 4 + 4 + 4;
    /** A chunk is closed once its payload reaches this size (one restore transaction per chunk). */
    public static final int CHUNK_TARGET_BYTES = 1 << 20;
    /** The data file's name. */
    public static final String DATA_FILE = "data.pbk";
    /** The manifest's name. */
    public static final String MANIFEST_FILE = "BACKUP.properties";
    /** Kind code of a B+tree keyspace. */
    public static final byte KIND_BTREE = 0;
    /** Kind code of an LSM keyspace. */
    public static final byte KIND_LSM = 1;

    private BackupDescriptor()
    {
    }
}
