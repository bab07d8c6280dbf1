package io.phantomdb.proptest.txn;

import io.phantomdb.core.txn.Engine;
import io.phantomdb.core.txn.EngineConfig;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.StorageKind;
import io.phantomdb.core.txn.Transaction;
import io.phantomdb.core.txn.TransactionConflictException;
import io.phantomdb.core.txn.TxCursor;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.NavigableMap;

/**
 * Drives a fresh in-memory PhantomDB {@link Engine} through one keyspace. Key {@code i} is the two bytes
 * {@code 'k', i}; values are the UTF-8 bytes of the scenario's strings. The keyspaces on both sides of the one
 * under test hold decoy entries (value {@code X}), so a cursor that leaves its keyspace shows up as a value no
 * key ever had.
 * <p>
 * <b>Note:</b> thread safe as the engine is: any thread may begin; each transaction is used by one thread.
 */
final class EngineDriver implements TxnDriver
{
    private final Engine engine;
    private final Keyspace keyspace;

    EngineDriver(final StorageKind kind, final int keyspaceId)
    {
        this(Engine.inMemory(config()), kind, keyspaceId);
    }

    /**
     * Small B+tree pages and segments (the default 64 MiB segment costs more to map and zero than a whole
     * scenario takes to run) and a 1 µs group-commit window: these tests commit one transaction at a time.
     */
    static EngineConfig config()
    {
        return new EngineConfig().btreePageSize(4096).btreeSegmentSize(4096 * 64).groupCommitWindowMicros(1);
    }

    EngineDriver(final Engine engine, final StorageKind kind, final int keyspaceId)
    {
        this.engine = engine;
        this.keyspace = new Keyspace(keyspaceId, kind);
    }

    static IsolationLevel level(final Level level)
    {
        return switch (level)
        {
            case READ_COMMITTED -> IsolationLevel.READ_COMMITTED;
            case REPEATABLE_READ -> IsolationLevel.REPEATABLE_READ;
            case SERIALIZABLE -> IsolationLevel.SERIALIZABLE;
        };
    }

    @Override
    public long load(final NavigableMap<Integer, String> initial)
    {
        final UnsafeBuffer key = new UnsafeBuffer(new byte[2]);
        try (Transaction tx = engine.begin(IsolationLevel.SERIALIZABLE))
        {
            final UnsafeBuffer decoy = new UnsafeBuffer("X".getBytes(StandardCharsets.UTF_8));
            for (final int neighbour : new int[] {keyspace.id() - 1, keyspace.id() + 1})
            {
                if (neighbour > Keyspace.CATALOG_ID)
                {
                    final Keyspace other = new Keyspace(neighbour, keyspace.kind());
                    for (int k = 0; k < 2; k++)
                    {
                        tx.put(other, key(key, k), 0, 2, decoy, 0, decoy.capacity());
                    }
                }
            }
            initial.forEach((k, value) ->
            {
                final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                tx.put(keyspace, key(key, k), 0, 2, new UnsafeBuffer(bytes), 0, bytes.length);
            });
            return tx.commit();
        }
    }

    /**
     * @return the committed state of keys {@code 0 .. keys-1}, read by a fresh transaction.
     */
    NavigableMap<Integer, String> read(final int keys)
    {
        final NavigableMap<Integer, String> state = new java.util.TreeMap<>();
        try (Txn txn = begin(Level.REPEATABLE_READ))
        {
            txn.scan(0, keys - 1, false).entries().forEach(entry -> state.put(entry.key(), entry.value()));
            txn.commit();
        }
        return state;
    }

    @Override
    public Txn begin(final Level level)
    {
        return new EngineTxn(engine.begin(level(level)));
    }

    @Override
    public void close()
    {
        engine.close();
    }

    private static UnsafeBuffer key(final UnsafeBuffer key, final int k)
    {
        key.putByte(0, (byte)'k');
        key.putByte(1, (byte)k);
        return key;
    }

    static int decodeKey(final DirectBuffer buffer)
    {
        if (buffer.capacity() != 2 || buffer.getByte(0) != 'k')
        {
            final byte[] bytes = new byte[buffer.capacity()];
            buffer.getBytes(0, bytes);
            throw new AssertionError("cursor returned a key the test never wrote: " + HexFormat.of().formatHex(bytes));
        }
        return buffer.getByte(1) & 0xFF;
    }

    static String decodeValue(final DirectBuffer buffer)
    {
        if (null == buffer)
        {
            return null;
        }
        final byte[] bytes = new byte[buffer.capacity()];
        buffer.getBytes(0, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static ConflictException conflict(final TransactionConflictException ex)
    {
        if (!TransactionConflictException.SQL_STATE.equals(ex.sqlState()))
        {
            throw new AssertionError("conflict with SQLSTATE " + ex.sqlState() + ", expected 40001", ex);
        }
        return new ConflictException(ex.getMessage(), ex);
    }

    private final class EngineTxn implements Txn
    {
        private final Transaction tx;
        private final UnsafeBuffer key = new UnsafeBuffer(new byte[2]);

        EngineTxn(final Transaction tx)
        {
            this.tx = tx;
        }

        private UnsafeBuffer key(final int k)
        {
            return EngineDriver.key(key, k);
        }

        @Override
        public long snapshotVersion()
        {
            return tx.snapshotVersion();
        }

        @Override
        public String get(final int k)
        {
            try
            {
                return decodeValue(tx.get(keyspace, key(k), 0, 2));
            }
            catch (final TransactionConflictException ex)
            {
                throw conflict(ex);
            }
        }

        @Override
        public void put(final int k, final String value)
        {
            final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            try
            {
                tx.put(keyspace, key(k), 0, 2, new UnsafeBuffer(bytes), 0, bytes.length);
            }
            catch (final TransactionConflictException ex)
            {
                throw conflict(ex);
            }
        }

        @Override
        public void delete(final int k)
        {
            try
            {
                tx.delete(keyspace, key(k), 0, 2);
            }
            catch (final TransactionConflictException ex)
            {
                throw conflict(ex);
            }
        }

        @Override
        public ScanResult scan(final int lo, final int hi, final boolean reverse)
        {
            try
            {
                final TxCursor cursor = tx.cursor(keyspace);
                final List<History.Entry> entries = new ArrayList<>();
                boolean positioned = reverse ? cursor.seekFloor(key(hi), 0, 2) : cursor.seekCeiling(key(lo), 0, 2);
                while (positioned)
                {
                    final int k = decodeKey(cursor.key());
                    if (reverse ? k < lo : k > hi)
                    {
                        return new ScanResult(entries, k);
                    }
                    entries.add(new History.Entry(k, decodeValue(cursor.value())));
                    positioned = reverse ? cursor.prev() : cursor.next();
                }
                return new ScanResult(entries, History.Event.NO_KEY);
            }
            catch (final TransactionConflictException ex)
            {
                throw conflict(ex);
            }
        }

        @Override
        public void lockForUpdate(final int k)
        {
            try
            {
                tx.lockForUpdate(keyspace, key(k), 0, 2);
            }
            catch (final TransactionConflictException ex)
            {
                throw conflict(ex);
            }
        }

        @Override
        public long commit()
        {
            try
            {
                return tx.commit();
            }
            catch (final TransactionConflictException ex)
            {
                throw conflict(ex);
            }
        }

        @Override
        public void rollback()
        {
            tx.rollback();
        }

        @Override
        public void close()
        {
            tx.close();
        }
    }
}
