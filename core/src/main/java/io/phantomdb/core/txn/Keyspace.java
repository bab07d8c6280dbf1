package io.phantomdb.core.txn;

/**
 * A logical ordered map of byte keys to byte values inside an {@link Engine}. All keyspaces of one
 * {@link StorageKind} live in one shared store, each key prefixed by the 4-byte big-endian keyspace id,
 * so one pinned version of each store is a consistent snapshot of every keyspace.
 * <p>
 * Keyspace 0 is reserved for the catalog (the layer above uses it); other ids are chosen by the caller.
 * The engine does not register keyspaces: any id may be used with either kind, but one id must always be
 * used with the same kind.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 *
 * @param id   the keyspace id, 0 or more.
 * @param kind the store that holds it.
 */
public record Keyspace(int id, StorageKind kind)
{
    /** The id reserved for the catalog. */
    public static final int CATALOG_ID = 0;

    /** Bytes of the keyspace prefix in front of every stored key. */
    public static final int PREFIX_LENGTH = 4;

    /**
     * @param id   the keyspace id, 0 or more.
     * @param kind the store that holds it.
     * @throws IllegalArgumentException if {@code id} is negative or {@code kind} is null.
     */
    public Keyspace
    {
        if (id < 0)
        {
            throw new IllegalArgumentException("keyspace id must be 0 or more: " + id);
        }
        if (null == kind)
        {
            throw new IllegalArgumentException("keyspace " + id + " has no storage kind");
        }
    }
}
