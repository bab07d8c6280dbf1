package io.phantomdb.perf;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * H2's MVStore: one file, auto-commit off, an {@code MVMap<Integer, byte[]>} (H2's own integer key
 * type, so keys are boxed {@link Integer}s and the map is in numeric order; values stored as byte arrays).
 * <p>
 * {@link #load} puts a fresh copy of each value (the map keeps the reference) and commits once.
 * {@code readKey} uses {@code get}; the cursor passes use {@code MVMap.cursor(null, null, reverse)}.
 * <p>
 * <b>Note:</b> not thread safe; the benchmark thread owns the store.
 */
public final class MvStoreStore implements IndexStore
{
    private MVStore store;
    private MVMap<Integer, byte[]> map;

    /**
     * {@inheritDoc}
     */
    @Override
    public void open(final Path dir, final Workload workload)
    {
        store = new MVStore.Builder()
            .fileName(dir.resolve("mvstore.db").toString())
            .autoCommitDisabled()
            .open();
        map = store.openMap("index", new MVMap.Builder<Integer, byte[]>().valueType(ByteArrayDataType.INSTANCE));
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void load(final Workload workload)
    {
        final MVMap<Integer, byte[]> map = this.map;
        final byte[] values = workload.valuePool();
        for (final int k : workload.keys())
        {
            final int offset = Workload.valueOffset(k);
            map.put(k, Arrays.copyOfRange(values, offset, offset + Workload.VALUE_LENGTH));
        }
        store.commit();
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
        final MVMap<Integer, byte[]> map = this.map;
        int found = 0;
        for (final int k : workload.keys())
        {
            final byte[] value = map.get(k);
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
        return pass(false, bh);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int readRev(final Blackhole bh)
    {
        return pass(true, bh);
    }

    private int pass(final boolean reverse, final Blackhole bh)
    {
        final Cursor<Integer, byte[]> cursor = map.cursor(null, null, reverse);
        int visited = 0;
        while (cursor.hasNext())
        {
            cursor.next();
            bh.consume(cursor.getValue());
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
        if (store != null)
        {
            store.close();
            store = null;
            map = null;
        }
    }
}
