package io.phantomdb.perf;

import org.openjdk.jmh.infra.Blackhole;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * RocksDB through rocksdbjni with default {@link Options} (plus create-if-missing; default compression).
 * <p>
 * {@link #load} uses default {@link WriteOptions}: the WAL is <b>on</b>, not synced, one {@code put}
 * per entry straight from the workload's value pool (no batch). {@link #prepareReads()} flushes the
 * memtable and waits until no compaction is pending or running, outside the measurement, so no
 * background work competes with the read passes. {@code readKey} uses {@code get} into a preallocated
 * array; the cursor passes use one iterator per pass and copy each value into a preallocated direct
 * buffer.
 * <p>
 * <b>Note:</b> not thread safe; the benchmark thread owns the database handle.
 */
public final class RocksDbStore implements IndexStore
{
    private static final long SETTLE_TIMEOUT_MS = 600_000;

    static
    {
        RocksDB.loadLibrary();
    }

    private final byte[] key = new byte[Workload.KEY_LENGTH];
    private final byte[] value = new byte[Workload.VALUE_LENGTH];
    private final ByteBuffer valueBuffer = ByteBuffer.allocateDirect(Workload.VALUE_LENGTH);
    private Options options;
    private WriteOptions writeOptions;
    private RocksDB db;

    /**
     * {@inheritDoc}
     */
    @Override
    public void open(final Path dir, final Workload workload) throws RocksDBException
    {
        options = new Options().setCreateIfMissing(true);
        writeOptions = new WriteOptions();
        db = RocksDB.open(options, dir.toString());
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void load(final Workload workload) throws RocksDBException
    {
        final RocksDB db = this.db;
        final WriteOptions writeOptions = this.writeOptions;
        final byte[] key = this.key;
        final byte[] values = workload.valuePool();
        for (final int k : workload.keys())
        {
            Workload.putKey(key, k);
            db.put(writeOptions, key, 0, Workload.KEY_LENGTH, values, Workload.valueOffset(k), Workload.VALUE_LENGTH);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void prepareReads() throws RocksDBException, InterruptedException
    {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true))
        {
            db.flush(flush);
        }
        final long deadline = System.currentTimeMillis() + SETTLE_TIMEOUT_MS;
        while (db.getLongProperty("rocksdb.compaction-pending") > 0 ||
            db.getLongProperty("rocksdb.num-running-compactions") > 0)
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new IllegalStateException("RocksDB compactions still running after " + SETTLE_TIMEOUT_MS + " ms");
            }
            Thread.sleep(50);
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int readKey(final Workload workload, final Blackhole bh) throws RocksDBException
    {
        final RocksDB db = this.db;
        final byte[] key = this.key;
        final byte[] value = this.value;
        int found = 0;
        for (final int k : workload.keys())
        {
            Workload.putKey(key, k);
            final int length = db.get(key, value);
            if (length != RocksDB.NOT_FOUND)
            {
                found++;
            }
            bh.consume(length);
        }
        bh.consume(value);
        return found;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int readSeq(final Blackhole bh)
    {
        final ByteBuffer valueBuffer = this.valueBuffer;
        int visited = 0;
        try (RocksIterator it = db.newIterator())
        {
            for (it.seekToFirst(); it.isValid(); it.next())
            {
                valueBuffer.clear();
                bh.consume(it.value(valueBuffer));
                visited++;
            }
        }
        bh.consume(valueBuffer);
        return visited;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int readRev(final Blackhole bh)
    {
        final ByteBuffer valueBuffer = this.valueBuffer;
        int visited = 0;
        try (RocksIterator it = db.newIterator())
        {
            for (it.seekToLast(); it.isValid(); it.prev())
            {
                valueBuffer.clear();
                bh.consume(it.value(valueBuffer));
                visited++;
            }
        }
        bh.consume(valueBuffer);
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
        }
        if (writeOptions != null)
        {
            writeOptions.close();
            writeOptions = null;
        }
        if (options != null)
        {
            options.close();
            options = null;
        }
    }
}
