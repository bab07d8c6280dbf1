package io.phantomdb.perf;

import io.phantomdb.index.hash.HashIndexConfig;
import io.phantomdb.index.hash.HashIndexReader;
import io.phantomdb.index.hash.OffHeapHashIndex;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;

/**
 * PhantomDB's off-heap hash index: point lookups only, so {@code readKey} and {@code write}. The
 * writer puts straight from the workload's off-heap value pool; reads go through a
 * {@link HashIndexReader} pinned with {@code begin()}, as a concurrent reader would. The index starts
 * at its default capacity, so {@code write} includes its resizes, like Chronicle Map's does not
 * (Chronicle Map is sized up front for N entries).
 * <p>
 * <b>Note:</b> not thread safe; the benchmark thread is both the index's writer and its only reader.
 */
public final class HashIndexStore implements IndexStore
{
    private final UnsafeBuffer key = new UnsafeBuffer(BufferUtil.allocateDirectAligned(Long.BYTES, Long.BYTES));
    private OffHeapHashIndex index;
    private HashIndexReader reader;

    /**
     * {@inheritDoc}
     */
    @Override
    public void open(final Path dir, final Workload workload)
    {
        index = OffHeapHashIndex.create(new HashIndexConfig().name("bench"));
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void load(final Workload workload)
    {
        final OffHeapHashIndex index = this.index;
        final UnsafeBuffer key = this.key;
        final UnsafeBuffer values = workload.valuePoolBuffer();
        for (final int k : workload.keys())
        {
            Workload.putKey(key, 0, k);
            index.put(key, 0, Workload.KEY_LENGTH, values, Workload.valueOffset(k), Workload.VALUE_LENGTH);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void prepareReads()
    {
        reader = index.newReader();
        reader.begin();
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int readKey(final Workload workload, final Blackhole bh)
    {
        final HashIndexReader reader = this.reader;
        final UnsafeBuffer key = this.key;
        int found = 0;
        for (final int k : workload.keys())
        {
            Workload.putKey(key, 0, k);
            final DirectBuffer value = reader.get(key, 0, Workload.KEY_LENGTH);
            if (value != null)
            {
                found++;
            }
            bh.consume(value);
        }
        return found;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void close()
    {
        if (reader != null)
        {
            reader.close();
            reader = null;
        }
        if (index != null)
        {
            index.close();
            index = null;
        }
    }
}
