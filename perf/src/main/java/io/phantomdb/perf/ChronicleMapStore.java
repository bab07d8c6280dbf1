package io.phantomdb.perf;

import net.openhft.chronicle.map.ChronicleMap;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Chronicle Map (open-source), persisted to a file, sized for the workload with constant 4-byte keys
 * and 100-byte values, like lmdbjava/benchmarks' {@code Chronicle}. A hash map: no ordered cursor, so
 * only {@code readKey} and {@code write}.
 * <p>
 * {@link #load} copies each value into one reused array and {@code put}s it; {@code readKey} uses
 * {@code getUsing} into a preallocated array.
 * <p>
 * <b>Note:</b> not thread safe as used here; the benchmark thread owns the map.
 */
public final class ChronicleMapStore implements IndexStore
{
    private final byte[] key = new byte[Workload.KEY_LENGTH];
    private final byte[] value = new byte[Workload.VALUE_LENGTH];
    private ChronicleMap<byte[], byte[]> map;

    /**
     * {@inheritDoc}
     */
    @Override
    public void open(final Path dir, final Workload workload) throws IOException
    {
        map = ChronicleMap.of(byte[].class, byte[].class)
            .name("index")
            .constantKeySizeBySample(new byte[Workload.KEY_LENGTH])
            .constantValueSizeBySample(new byte[Workload.VALUE_LENGTH])
            .entries(workload.n)
            .createPersistedTo(dir.resolve("chronicle.map").toFile());
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void load(final Workload workload)
    {
        final ChronicleMap<byte[], byte[]> map = this.map;
        final byte[] key = this.key;
        final byte[] value = this.value;
        final byte[] values = workload.valuePool();
        for (final int k : workload.keys())
        {
            Workload.putKey(key, k);
            System.arraycopy(values, Workload.valueOffset(k), value, 0, Workload.VALUE_LENGTH);
            map.put(key, value);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void prepareReads()
    {
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int readKey(final Workload workload, final Blackhole bh)
    {
        final ChronicleMap<byte[], byte[]> map = this.map;
        final byte[] key = this.key;
        final byte[] value = this.value;
        int found = 0;
        for (final int k : workload.keys())
        {
            Workload.putKey(key, k);
            final byte[] v = map.getUsing(key, value);
            if (v != null)
            {
                found++;
            }
            bh.consume(v);
        }
        return found;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void close()
    {
        if (map != null)
        {
            map.close();
            map = null;
        }
    }
}
