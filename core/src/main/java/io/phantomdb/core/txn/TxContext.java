package io.phantomdb.core.txn;

import io.phantomdb.index.ByteCursor;
import io.phantomdb.index.ByteMapReader;
import io.phantomdb.index.SortedByteMap;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The reusable parts of a transaction, pooled by the engine: a reader per store, the write set, the read set,
 * the commit request, a registry slot and scratch buffers. A {@link Transaction} borrows one at begin and
 * returns it when it finishes, so steady-state transactions allocate only the small {@code Transaction} handle.
 * <p>
 * {@link #pin} pins every store consistently with the {@link VersionClock} (sequence lock). The {@link #stamp()}
 * changes whenever the shared store cursors move, the stores are re-pinned or the write set changes, so a
 * {@link MergedCursor} knows when it must reposition itself.
 * <p>
 * <b>Note:</b> not thread safe: used by one transaction's thread at a time; the pool hands it over.
 */
final class TxContext
{
    private static final int PIN_SPINS_BEFORE_YIELD = 100;

    final WriteSet writeSet = new WriteSet();
    final ReadSet readSet = new ReadSet();
    final CommitRequest request = new CommitRequest();
    final UnsafeBuffer keyBuffer;
    final UnsafeBuffer boundBuffer;
    private final ByteMapReader[] readers;
    private final ByteCursor[] cursors;
    private final int slot;
    private final SnapshotRegistry registry;
    private final VersionClock clock;
    private boolean pinned;
    private int stamp;

    TxContext(final SortedByteMap[] stores, final SnapshotRegistry registry, final VersionClock clock,
        final int maxEngineKeyLength)
    {
        this.registry = registry;
        this.clock = clock;
        this.slot = registry.allocate();
        this.readers = new ByteMapReader[stores.length];
        this.cursors = new ByteCursor[stores.length];
        for (int i = 0; i < stores.length; i++)
        {
            readers[i] = null == stores[i] ? null : stores[i].newReader();
        }
        this.keyBuffer = new UnsafeBuffer(new byte[maxEngineKeyLength]);
        this.boundBuffer = new UnsafeBuffer(new byte[maxEngineKeyLength]);
    }

    /**
     * Pin every store at the latest published version, consistently.
     *
     * @param registerVersion true to store the version in the registry slot (false when the transaction must
     *                        keep an older version registered: READ_COMMITTED with locks).
     * @return the pinned version.
     */
    long pin(final boolean registerVersion)
    {
        unpin();
        int attempts = 0;
        while (true)
        {
            final long sequence = clock.sequence();
            if (0 == (sequence & 1))
            {
                final long version = clock.version();
                if (registerVersion)
                {
                    registry.set(slot, version); // volatile store, before the re-check of the sequence below
                }
                for (final ByteMapReader reader : readers)
                {
                    if (null != reader)
                    {
                        reader.begin();
                    }
                }
                if (clock.sequence() == sequence)
                {
                    pinned = true;
                    stamp++;
                    return version;
                }
                for (final ByteMapReader reader : readers)
                {
                    if (null != reader)
                    {
                        reader.end();
                    }
                }
            }
            if (++attempts < PIN_SPINS_BEFORE_YIELD)
            {
                Thread.onSpinWait();
            }
            else
            {
                Thread.yield();
            }
        }
    }

    /**
     * Unpin the stores (keeps the registry slot).
     */
    void unpin()
    {
        if (pinned)
        {
            for (int i = 0; i < readers.length; i++)
            {
                cursors[i] = null;
                if (null != readers[i])
                {
                    readers[i].end();
                }
            }
            pinned = false;
            stamp++;
        }
    }

    /**
     * @return the pinned reader of a store.
     */
    ByteMapReader reader(final StorageKind kind)
    {
        return readers[kind.ordinal()];
    }

    /**
     * @return the pinned store's cursor, shared by every {@link MergedCursor} of the transaction.
     */
    ByteCursor cursor(final StorageKind kind)
    {
        final int i = kind.ordinal();
        ByteCursor cursor = cursors[i];
        if (null == cursor)
        {
            cursor = readers[i].cursor();
            cursors[i] = cursor;
        }
        return cursor;
    }

    /**
     * @return the value that changes when shared positions become invalid.
     */
    int stamp()
    {
        return stamp;
    }

    /**
     * Record that a shared position moved; returns the new stamp.
     */
    int bump()
    {
        return ++stamp;
    }

    /**
     * Store the version a transaction needs in the registry.
     */
    void register(final long version)
    {
        registry.set(slot, version);
    }

    /**
     * Finish: unpin, forget the write and read sets, mark the slot idle.
     */
    void reset()
    {
        unpin();
        writeSet.clear();
        readSet.clear();
        registry.clear(slot);
    }

    /**
     * Release the readers for good.
     */
    void close()
    {
        reset();
        for (final ByteMapReader reader : readers)
        {
            if (null != reader)
            {
                reader.close();
            }
        }
    }
}
