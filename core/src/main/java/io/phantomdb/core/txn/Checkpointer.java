package io.phantomdb.core.txn;

import io.phantomdb.index.SortedByteMap;
import io.phantomdb.wal.WalWriter;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/**
 * Checkpoints, on the writer thread, between groups (every appended record is then applied and published):
 * <ol>
 * <li>flush the LSM tree, if any (its files then hold every published change);</li>
 * <li>put the checkpoint record (the WAL's next LSN and the last commit version) into the B+tree, commit it
 * and flush the B+tree: its file is the checkpoint, and the record is durable in the same flush as the data it
 * describes;</li>
 * <li>retire the WAL before that LSN.</li>
 * </ol>
 * A crash between any two steps leaves the previous checkpoint record, and replay from its LSN re-applies
 * changes idempotently. Due when {@link EngineConfig#checkpointIntervalMillis()} elapsed or
 * {@link EngineConfig#checkpointWalBytes()} were logged since the last one (and something was committed), or
 * when asked.
 * <p>
 * <b>Note:</b> not thread safe: owned by the writer thread.
 */
final class Checkpointer
{
    private final SortedByteMap btree;
    private final SortedByteMap lsm;
    private final WalWriter wal;
    private final long intervalNanos;
    private final long walBytes;
    private final UnsafeBuffer key = new UnsafeBuffer(EngineKeyDescriptor.CHECKPOINT_KEY);
    private final UnsafeBuffer value = new UnsafeBuffer(new byte[EngineKeyDescriptor.CHECKPOINT_VALUE_LENGTH]);
    private long lastNanos = System.nanoTime();
    private long bytesSince;
    private long commitsSince;
    private long count;
    private long nanosTotal;

    Checkpointer(final SortedByteMap btree, final SortedByteMap lsm, final WalWriter wal, final EngineConfig config)
    {
        this.btree = btree;
        this.lsm = lsm;
        this.wal = wal;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(config.checkpointIntervalMillis());
        this.walBytes = config.checkpointWalBytes();
    }

    /**
     * Account for a logged commit.
     */
    void onCommit(final int recordBytes)
    {
        bytesSince += recordBytes;
        commitsSince++;
    }

    /**
     * @return true if a periodic checkpoint is due.
     */
    boolean isDue(final long nowNanos)
    {
        return null != wal && commitsSince > 0 &&
            ((intervalNanos > 0 && nowNanos - lastNanos >= intervalNanos) || (walBytes > 0 && bytesSince >= walBytes));
    }

    /**
     * Checkpoint now.
     *
     * @param version the last published commit version.
     * @throws io.phantomdb.PhantomException if a flush or the retirement fails.
     */
    void checkpoint(final long version)
    {
        if (null == wal)
        {
            return;
        }
        final long start = System.nanoTime();
        final long lsn = wal.nextLsn();
        if (null != lsm)
        {
            lsm.flush();
        }
        value.putInt(0, EngineKeyDescriptor.CHECKPOINT_FORMAT_VERSION, ByteOrder.LITTLE_ENDIAN);
        value.putLong(4, lsn, ByteOrder.LITTLE_ENDIAN);
        value.putLong(12, version, ByteOrder.LITTLE_ENDIAN);
        btree.put(key, 0, key.capacity(), value, 0, value.capacity());
        btree.commit();
        btree.flush();
        wal.retireBefore(lsn);
        lastNanos = System.nanoTime();
        nanosTotal += lastNanos - start;
        bytesSince = 0;
        commitsSince = 0;
        count++;
    }

    /**
     * @return checkpoints taken.
     */
    long count()
    {
        return count;
    }

    /**
     * @return nanoseconds spent in checkpoints, in total.
     */
    long nanosTotal()
    {
        return nanosTotal;
    }
}
