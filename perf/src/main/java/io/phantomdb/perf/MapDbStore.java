package io.phantomdb.perf;

import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.Iterator;

/**
 * MapDB 3 {@link BTreeMap} with byte-array keys and values in a memory-mapped file, transactions off
 * and concurrency disabled, set up like lmdbjava/benchmarks' {@code MapDb}.
 * <p>
 * {@link #load} copies each value into one reused array and {@code put}s it (MapDB serializes it); no
 * commit, as there are no transactions. {@code readKey} uses {@code get}; the cursor passes use
 * {@code valueIterator()} and {@code descendingValueIterator()}.
 * <p>
 * <b>Note:</b> not thread safe as used here; the benchmark thread owns the database.
 */
public final class MapDbStore implements IndexStore
{
    private final byte[] key = new byte[Workload.KEY_LENGTH];
    private final byte[] value = new byte[Workload.VALUE_LENGTH];
    private DB db;
    private BTreeMap<byte[], byte[]> map;

    /**
     * {@inheritDoc}
     */
    @Override
    public void open(final Path dir, final Workload workload)
    {
        db = DBMaker.fileDB(dir.resolve("mapdb.db").toFile())
            .fileMmapEnable()
            .concurrencyDisable()
            .allocateStartSize((long)workload.n * Workload.VALUE_LENGTH)
            .make();
        map = db.treeMap("index", Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY).createOrOpen();
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void load(final Workload workload)
    {
        final BTreeMap<byte[], byte[]> map = this.map;
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
        final BTreeMap<byte[], byte[]> map = this.map;
        final byte[] key = this.key;
        int found = 0;
        for (final int k : workload.keys())
        {
            Workload.putKey(key, k);
            final byte[] value = map.get(key);
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
        return pass(map.valueIterator(), bh);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int readRev(final Blackhole bh)
    {
        return pass(map.descendingValueIterator(), bh);
    }

    private static int pass(final Iterator<byte[]> values, final Blackhole bh)
    {
        int visited = 0;
        while (values.hasNext())
        {
            bh.consume(values.next());
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
        if (db != null)
        {
            db.close();
            db = null;
            map = null;
        }
    }
}
