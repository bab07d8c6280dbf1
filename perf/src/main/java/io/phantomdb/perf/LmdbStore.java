package io.phantomdb.perf;

import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.lmdbjava.Cursor;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.DirectBufferProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.Txn;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;

/**
 * LMDB through lmdbjava with the zero-copy Agrona {@link DirectBufferProxy}, set up like
 * lmdbjava/benchmarks' {@code LmdbJavaAgrona}: {@code MDB_WRITEMAP}, {@code MDB_NOSYNC},
 * {@code MDB_NOMETASYNC}, the default memcmp key order (big-endian keys, so no {@code MDB_INTEGERKEY}).
 * <p>
 * {@link #load} puts every entry in one write transaction with plain puts: unlike lmdbjava/benchmarks
 * it does not use {@code MDB_APPEND} for sequential keys, since no other store gets a sorted-input hint.
 * Reads share one read transaction and one cursor opened in {@link #prepareReads()}; values are
 * consumed as the views LMDB returns (pointers into the map).
 * <p>
 * <b>Note:</b> not thread safe; the benchmark thread owns the environment and its transactions.
 */
public final class LmdbStore implements IndexStore
{
    private static final long MIN_MAP_SIZE = 64L << 20;
    private static final long BYTES_PER_ENTRY_BOUND = 512;

    private final UnsafeBuffer key = new UnsafeBuffer(BufferUtil.allocateDirectAligned(Workload.KEY_LENGTH, Long.BYTES));
    private final UnsafeBuffer value = new UnsafeBuffer(0, 0);
    private Env<DirectBuffer> env;
    private Dbi<DirectBuffer> db;
    private Txn<DirectBuffer> readTxn;
    private Cursor<DirectBuffer> cursor;

    /**
     * {@inheritDoc}
     */
    @Override
    public void open(final Path dir, final Workload workload)
    {
        env = Env.create(DirectBufferProxy.PROXY_DB)
            .setMapSize(Math.max(MIN_MAP_SIZE, workload.n * BYTES_PER_ENTRY_BOUND))
            .setMaxDbs(1)
            .setMaxReaders(4)
            .open(dir.toFile(), EnvFlags.MDB_WRITEMAP, EnvFlags.MDB_NOSYNC, EnvFlags.MDB_NOMETASYNC);
        db = env.openDbi("index", DbiFlags.MDB_CREATE);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void load(final Workload workload)
    {
        final UnsafeBuffer key = this.key;
        final UnsafeBuffer value = this.value;
        final UnsafeBuffer values = workload.valuePoolBuffer();
        try (Txn<DirectBuffer> txn = env.txnWrite())
        {
            try (Cursor<DirectBuffer> c = db.openCursor(txn))
            {
                for (final int k : workload.keys())
                {
                    Workload.putKey(key, 0, k);
                    value.wrap(values, Workload.valueOffset(k), Workload.VALUE_LENGTH);
                    c.put(key, value);
                }
            }
            txn.commit();
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void prepareReads()
    {
        readTxn = env.txnRead();
        cursor = db.openCursor(readTxn);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int readKey(final Workload workload, final Blackhole bh)
    {
        final Dbi<DirectBuffer> db = this.db;
        final Txn<DirectBuffer> txn = readTxn;
        final UnsafeBuffer key = this.key;
        int found = 0;
        for (final int k : workload.keys())
        {
            Workload.putKey(key, 0, k);
            final DirectBuffer value = db.get(txn, key);
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
        final Cursor<DirectBuffer> cursor = this.cursor;
        int visited = 0;
        for (boolean more = cursor.first(); more; more = cursor.next())
        {
            bh.consume(cursor.val());
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
        final Cursor<DirectBuffer> cursor = this.cursor;
        int visited = 0;
        for (boolean more = cursor.last(); more; more = cursor.prev())
        {
            bh.consume(cursor.val());
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
        if (cursor != null)
        {
            cursor.close();
            cursor = null;
        }
        if (readTxn != null)
        {
            readTxn.close();
            readTxn = null;
        }
        if (env != null)
        {
            env.close();
            env = null;
        }
    }
}
