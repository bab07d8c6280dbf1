package io.phantomdb.replication;

import java.util.Arrays;

/**
 * A key's value and version as one member or the leader saw it. The version is the log position of the transaction
 * that last wrote the key; an absent key has version 0 and a null value.
 * <p>
 * <b>Note:</b> immutable (the value array is owned by this object and not copied on access: do not modify it).
 *
 * @param version the key's version, 0 if absent.
 * @param value   the value, null if absent.
 */
public record VersionedValue(long version, byte[] value)
{
    /** An absent key. */
    public static final VersionedValue ABSENT = new VersionedValue(0, null);

    /**
     * @return true if the key exists.
     */
    public boolean exists()
    {
        return null != value;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof VersionedValue that && version == that.version && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode()
    {
        return 31 * Long.hashCode(version) + Arrays.hashCode(value);
    }

    @Override
    public String toString()
    {
        return null == value ? "absent" : "v" + version + ":" + value.length + "B";
    }
}
