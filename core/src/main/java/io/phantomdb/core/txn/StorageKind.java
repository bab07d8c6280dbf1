package io.phantomdb.core.txn;

/**
 * The store that holds a {@link Keyspace}: every keyspace of one kind shares one structure, its keys
 * prefixed by the 4-byte big-endian keyspace id.
 * <p>
 * <b>Note:</b> an enum; safe from any thread.
 */
public enum StorageKind
{
    /** The shared copy-on-write B+tree {@code data.btree}: the default, ordered, read-optimised. */
    BTREE,

    /** The shared LSM tree in {@code lsm/}: for write-heavy data. */
    LSM
}
