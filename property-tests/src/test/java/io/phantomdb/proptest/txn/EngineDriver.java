package io.phantomdb.proptest.txn;

import io.phantomdb.core.txn.Engine;
import io.phantomdb.core.txn.EngineConfig;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.StorageKind;
import io.phantomdb.core.txn.Transaction;
import io.phantomdb.core.txn.TransactionConflictException;
import io.phantomdb.core.txn.TxCursor;
import io.phantomdb.wal.SyncPolicy;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.NavigableMap;
import java.util.stream.Stream;

/**
 * Drives a PhantomDB {@link Engine} through one keyspace (or two, see {@link #twoKeyspaces}). Keys have
 * different lengths and are prefixes of one
 * another: key {@code 2j} is {@code 'k', j} and key {@code 2j+1} is {@code 'k', j, 0xFF}, so unsigned byte order
 * is the order of the key numbers. A value is the UTF-8 bytes of the scenario's string, a {@code '|'} and a
 * padding derived from the string: mostly a few bytes, for one value in four 1 to 4 KiB (longer than a small
 * B+tree page). A read checks the padding and reports a damaged value as {@code <value>!damaged}, which no
 * transaction wrote. The keyspaces on both sides of the one under test hold decoy entries (value {@code X}), so
 * a cursor that leaves its keyspace shows up as a value no key ever had.
 * <p>
 * <b>Note:</b> thread safe as the engine is: any thread may begin; each transaction is used by one thread.
 */
final class EngineDriver implements TxnDriver
{
    private Engine engine;
    private final Keyspace[] keyspaces;
    private final int split;
    private final Path directory;

    /**
     * A fresh engine for {@code kind}: in memory if an in-memory engine holds that kind, else on disk in a
     * temporary directory (sync policy NONE) that {@link #close()} deletes.
     */
    EngineDriver(final StorageKind kind, final int keyspaceId)
    {
        this(new Keyspace[] {new Keyspace(keyspaceId, kind)}, Integer.MAX_VALUE,
            EngineKinds.inMemory(kind) ? null : temporaryDirectory());
    }

    /**
     * Keys {@code 0 .. split-1} live in keyspace {@code first}, keys {@code split ..} in {@code second} with the
     * same bytes as keys {@code 0 ..}: one transaction spans two keyspaces, possibly two stores. A scan over the
     * split uses one cursor per keyspace (two statements), so use it at REPEATABLE_READ and SERIALIZABLE only.
     */
    static EngineDriver twoKeyspaces(final Keyspace first, final Keyspace second, final int split)
    {
        final boolean memory = EngineKinds.inMemory(first.kind()) && EngineKinds.inMemory(second.kind());
        return new EngineDriver(new Keyspace[] {first, second}, split, memory ? null : temporaryDirectory());
    }

    private EngineDriver(final Keyspace[] keyspaces, final int split, final Path directory)
    {
        this.engine = null == directory ? Engine.inMemory(config()) : Engine.open(directory, config().syncPolicy(SyncPolicy.NONE));
        this.keyspaces = keyspaces;
        this.split = split;
        this.directory = directory;
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
        this.keyspaces = new Keyspace[] {new Keyspace(keyspaceId, kind)};
        this.split = Integer.MAX_VALUE;
        this.directory = null;
    }

    private Keyspace keyspaceOf(final int k)
    {
        return k < split ? keyspaces[0] : keyspaces[1];
    }

    private int local(final int k)
    {
        return k < split ? k : k - split;
    }

    static Path temporaryDirectory()
    {
        try
        {
            return Files.createTempDirectory("txn-props");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static void deleteRecursively(final Path directory)
    {
        try (Stream<Path> paths = Files.walk(directory))
        {
            for (final Path path : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(path);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
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
        final UnsafeBuffer key = new UnsafeBuffer(new byte[3]);
        try (Transaction tx = engine.begin(IsolationLevel.SERIALIZABLE))
        {
            final UnsafeBuffer decoy = new UnsafeBuffer(encodeValue("X"));
            final java.util.Map<Integer, StorageKind> used = new java.util.HashMap<>();
            for (final Keyspace keyspace : keyspaces)
            {
                used.put(keyspace.id(), keyspace.kind());
            }
            for (final Keyspace keyspace : keyspaces)
            {
                for (final int neighbour : new int[] {keyspace.id() - 1, keyspace.id() + 1})
                {
                    if (neighbour > Keyspace.CATALOG_ID && used.putIfAbsent(neighbour, keyspace.kind()) == null)
                    {
                        final Keyspace other = new Keyspace(neighbour, keyspace.kind());
                        for (int k = 0; k < 2; k++)
                        {
                            tx.put(other, key(key, k), 0, keyLength(k), decoy, 0, decoy.capacity());
                        }
                    }
                }
            }
            initial.forEach((k, value) ->
            {
                final byte[] bytes = encodeValue(value);
                tx.put(keyspaceOf(k), key(key, local(k)), 0, keyLength(local(k)), new UnsafeBuffer(bytes), 0, bytes.length);
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
    public void checkpoint()
    {
        engine.checkpoint();
    }

    /**
     * @return true if the engine is on disk (it can be reopened).
     */
    boolean onDisk()
    {
        return null != directory;
    }

    /**
     * Closes the on-disk engine and opens it again from its directory (recovery).
     */
    void reopen()
    {
        if (null == directory)
        {
            throw new IllegalStateException("an in-memory engine cannot be reopened");
        }
        engine.close();
        engine = Engine.open(directory, config().syncPolicy(SyncPolicy.NONE));
    }

    @Override
    public Txn begin(final Level level)
    {
        return new EngineTxn(engine.begin(level(level)));
    }

    @Override
    public void close()
    {
        try
        {
            engine.close();
        }
        finally
        {
            if (null != directory)
            {
                deleteRecursively(directory);
            }
        }
    }

    static UnsafeBuffer key(final UnsafeBuffer key, final int k)
    {
        key.putByte(0, (byte)'k');
        key.putByte(1, (byte)(k >> 1));
        key.putByte(2, (byte)0xFF);
        return key;
    }

    static int keyLength(final int k)
    {
        return 2 + (k & 1);
    }

    static int decodeKey(final DirectBuffer buffer)
    {
        final int length = buffer.capacity();
        if (length < 2 || length > 3 || buffer.getByte(0) != 'k' || length == 3 && buffer.getByte(2) != (byte)0xFF)
        {
            final byte[] bytes = new byte[length];
            buffer.getBytes(0, bytes);
            throw new AssertionError("cursor returned a key the test never wrote: " + HexFormat.of().formatHex(bytes));
        }
        return ((buffer.getByte(1) & 0xFF) << 1) + length - 2;
    }

    static byte[] encodeValue(final String value)
    {
        final int hash = value.hashCode() & 0x7FFFFFFF;
        final int padding = hash % 4 == 0 ? 1024 + hash % 3072 : hash % 16;
        final byte[] text = value.getBytes(StandardCharsets.UTF_8);
        final byte[] bytes = new byte[text.length + 1 + padding];
        System.arraycopy(text, 0, bytes, 0, text.length);
        bytes[text.length] = '|';
        for (int i = 0; i < padding; i++)
        {
            bytes[text.length + 1 + i] = (byte)(hash + i * 31);
        }
        return bytes;
    }

    static String decodeValue(final DirectBuffer buffer)
    {
        if (null == buffer)
        {
            return null;
        }
        final byte[] bytes = new byte[buffer.capacity()];
        buffer.getBytes(0, bytes);
        int bar = 0;
        while (bar < bytes.length && bytes[bar] != '|')
        {
            bar++;
        }
        final String value = new String(bytes, 0, bar, StandardCharsets.UTF_8);
        return java.util.Arrays.equals(bytes, encodeValue(value)) ? value : value + "!damaged";
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
        private final UnsafeBuffer key = new UnsafeBuffer(new byte[3]);
        private TxCursor longLived;
        private int longLivedSegment;

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
                return decodeValue(tx.get(keyspaceOf(k), key(local(k)), 0, keyLength(local(k))));
            }
            catch (final TransactionConflictException ex)
            {
                throw conflict(ex);
            }
        }

        @Override
        public void put(final int k, final String value)
        {
            final byte[] bytes = encodeValue(value);
            try
            {
                tx.put(keyspaceOf(k), key(local(k)), 0, keyLength(local(k)), new UnsafeBuffer(bytes), 0, bytes.length);
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
                tx.delete(keyspaceOf(k), key(local(k)), 0, keyLength(local(k)));
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
                final List<History.Entry> entries = new ArrayList<>();
                final int segments = keyspaces.length;
                for (int i = 0; i < segments; i++)
                {
                    final int segment = reverse ? segments - 1 - i : i;
                    final int segmentLo = segment == 0 ? 0 : split;
                    final int segmentHi = segment == segments - 1 ? Integer.MAX_VALUE : split - 1;
                    if (segmentHi < lo || segmentLo > hi)
                    {
                        continue;
                    }
                    final TxCursor cursor = tx.cursor(keyspaces[segment]);
                    final int start = reverse ? Math.min(hi, segmentHi) - segmentLo : Math.max(lo, segmentLo) - segmentLo;
                    boolean positioned = reverse ?
                        cursor.seekFloor(key(start), 0, keyLength(start)) : cursor.seekCeiling(key(start), 0, keyLength(start));
                    while (positioned)
                    {
                        final int k = segmentLo + decodeKey(cursor.key());
                        if (reverse ? k < lo : k > hi)
                        {
                            return new ScanResult(entries, k);
                        }
                        entries.add(new History.Entry(k, decodeValue(cursor.value())));
                        positioned = reverse ? cursor.prev() : cursor.next();
                    }
                }
                return new ScanResult(entries, History.Event.NO_KEY);
            }
            catch (final TransactionConflictException ex)
            {
                throw conflict(ex);
            }
        }

        @Override
        public History.Entry open(final int k)
        {
            try
            {
                longLivedSegment = k < split ? 0 : 1;
                longLived = tx.cursor(keyspaces[longLivedSegment]);
                return landed(longLived.seekCeiling(key(local(k)), 0, keyLength(local(k))));
            }
            catch (final TransactionConflictException ex)
            {
                throw conflict(ex);
            }
        }

        @Override
        public History.Entry next()
        {
            try
            {
                return null == longLived ? null : landed(longLived.next());
            }
            catch (final TransactionConflictException ex)
            {
                throw conflict(ex);
            }
        }

        /**
         * @return the entry the long-lived cursor stands on; at the end of the first of two keyspaces it moves
         * on to the first key of the second.
         */
        private History.Entry landed(final boolean positioned)
        {
            boolean onKey = positioned;
            if (!onKey && longLivedSegment == 0 && keyspaces.length == 2)
            {
                longLivedSegment = 1;
                longLived = tx.cursor(keyspaces[1]);
                onKey = longLived.first();
            }
            if (!onKey)
            {
                longLived = null;
                return null;
            }
            final int segmentLo = longLivedSegment == 0 ? 0 : split;
            return new History.Entry(segmentLo + decodeKey(longLived.key()), decodeValue(longLived.value()));
        }

        @Override
        public void lockForUpdate(final int k)
        {
            try
            {
                tx.lockForUpdate(keyspaceOf(k), key(local(k)), 0, keyLength(local(k)));
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
