package io.phantomdb.replication;

import org.agrona.DirectBuffer;

/**
 * A 64-bit FNV-1a hash of a sequence of (keyspace, key, value) entries, for comparing members' states: feed it every
 * entry of one snapshot in a fixed order, then read {@link #value()}.
 * <p>
 * <b>Note:</b> not thread safe: one visit at a time.
 */
public final class EntryChecksum implements ReplicatedStore.EntryVisitor
{
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long hash = FNV_OFFSET;

    @Override
    public void onEntry(
        final int keyspace, final DirectBuffer key, final int keyOffset, final int keyLength, final DirectBuffer value,
        final int valueOffset, final int valueLength)
    {
        long h = mix(hash, keyspace);
        h = mix(h, keyLength);
        for (int i = 0; i < keyLength; i++)
        {
            h = (h ^ (key.getByte(keyOffset + i) & 0xFF)) * FNV_PRIME;
        }
        h = mix(h, valueLength);
        for (int i = 0; i < valueLength; i++)
        {
            h = (h ^ (value.getByte(valueOffset + i) & 0xFF)) * FNV_PRIME;
        }
        hash = h;
    }

    /**
     * @return the hash of the entries seen so far.
     */
    public long value()
    {
        return hash;
    }

    private static long mix(final long hash, final int value)
    {
        long h = hash;
        for (int shift = 0; shift < 32; shift += 8)
        {
            h = (h ^ ((value >>> shift) & 0xFF)) * FNV_PRIME;
        }
        return h;
    }
}
