package io.phantomdb.perf;

import io.phantomdb.index.ByteCursor;
import io.phantomdb.index.ByteMapReader;
import io.phantomdb.index.SortedByteMap;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Drives any PhantomDB {@link SortedByteMap}: the writer puts straight from the workload's off-heap
 * value pool and commits once; a {@link ByteMapReader} pinned with {@code begin()} serves
 * {@code get} and the cursor passes; values are consumed as the views the reader returns.
 * <p>
 * A concrete PhantomDB store is this class plus a factory, registered in {@link StoreRegistry}, e.g.
 * {@code new SortedByteMapStore(dir -> BTree.open(dir.resolve("btree.db"), config))}.
 * {@link #prepareReads()} calls {@link SortedByteMap#flush()} so that, as for the peers, no
 * checkpoint work is left to compete with the read passes.
 * <p>
 * <b>Note:</b> not thread safe; the benchmark thread is both the map's writer and its only reader.
 */
public final class SortedByteMapStore implements IndexStore
{
    private final Function<Path, SortedByteMap> factory;
    private final UnsafeBuffer key = new UnsafeBuffer(BufferUtil.allocateDirectAligned(Long.BYTES, Long.BYTES));
    private SortedByteMap map;
    private ByteMapReader reader;

    /**
     * @param factory opens an empty map in the given (empty, existing) directory.
     */
    public SortedByteMapStore(final Function<Path, SortedByteMap> factory)
    {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void open(final Path dir, final Workload workload)
    {
        map = Objects.requireNonNull(factory.apply(dir), "factory returned null");
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void load(final Workload workload)
    {
        final SortedByteMap map = this.map;
        final UnsafeBuffer key = this.key;
        final UnsafeBuffer values = workload.valuePoolBuffer();
        for (final int k : workload.keys())
        {
            Workload.putKey(key, 0, k);
            map.put(key, 0, Workload.KEY_LENGTH, values, Workload.valueOffset(k), Workload.VALUE_LENGTH);
        }
        map.commit();
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void prepareReads()
    {
        map.flush();
        reader = map.newReader();
        reader.begin();
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int readKey(final Workload workload, final Blackhole bh)
    {
        final ByteMapReader reader = this.reader;
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
    public int readSeq(final Blackhole bh)
    {
        final ByteCursor cursor = reader.cursor();
        int visited = 0;
        for (boolean more = cursor.first(); more; more = cursor.next())
        {
            bh.consume(cursor.value());
            visited++;
        }
        return visited;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int readRev(final Blackhole bh)
    {
        final ByteCursor cursor = reader.cursor();
        int visited = 0;
        for (boolean more = cursor.last(); more; more = cursor.prev())
        {
            bh.consume(cursor.value());
            visited++;
        }
        return visited;
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
        if (map != null)
        {
            map.close();
            map = null;
        }
    }
}
