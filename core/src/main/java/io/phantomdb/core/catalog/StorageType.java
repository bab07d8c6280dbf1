package io.phantomdb.core.catalog;

/**
 * Where a table's rows or an index's entries live. Tables are {@link #BTREE} or {@link #LSM}; an index
 * may also be {@link #HASH} ({@code USING HASH}), whose entries are kept durably in a B+tree keyspace
 * and only looked up by equality.
 * <p>
 * <b>Note:</b> an enum, immutable, safe to share between threads.
 */
public enum StorageType
{
    /** An ordered B+tree: the default. */
    BTREE(0),
    /** A log-structured merge tree, for write-heavy data. */
    LSM(1),
    /** A hash index: point lookups only; stored in a B+tree keyspace. */
    HASH(2);

    private final int code;

    StorageType(final int code)
    {
        this.code = code;
    }

    /**
     * @return the code stored in the catalog for this storage type.
     */
    public int code()
    {
        return code;
    }

    /**
     * @param code a code from {@link #code()}.
     * @return the storage type, or null if the code is unknown.
     */
    public static StorageType fromCode(final int code)
    {
        for (final StorageType type : values())
        {
            if (type.code == code)
            {
                return type;
            }
        }
        return null;
    }
}
