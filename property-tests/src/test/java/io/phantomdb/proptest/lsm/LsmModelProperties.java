package io.phantomdb.proptest.lsm;

import io.phantomdb.index.ByteCursor;
import io.phantomdb.index.ByteMapReader;
import io.phantomdb.index.lsm.LsmConfig;
import io.phantomdb.index.lsm.LsmReader;
import io.phantomdb.index.lsm.LsmTree;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Model-based properties of {@link LsmTree}: random operations against a {@link TreeMap} in unsigned byte
 * order, with memtables and blocks so small that flushes and compactions happen all the time. jqwik prints
 * the seed of a failing try; rerun it with {@code @Property(seed = "...")}.
 */
class LsmModelProperties
{
    private static final Comparator<byte[]> ORDER = Arrays::compareUnsigned;

    enum Kind
    {
        PUT, DELETE, GET, SCAN_FORWARD, SCAN_BACKWARD, WALK, COMMIT, FLUSH, REOPEN
    }

    record Op(Kind kind, byte[] key, byte[] value, long walkSeed)
    {
        @Override
        public String toString()
        {
            return kind + "(" + Arrays.toString(key) + (kind == Kind.PUT ? ", " + value.length + " bytes" : "") + ")";
        }
    }

    static LsmConfig tinyConfig()
    {
        return new LsmConfig()
            .memTableBytes(LsmConfig.MIN_MEMTABLE_BYTES)
            .blockBytes(96)
            .targetFileBytes(4096)
            .level0CompactionTrigger(2)
            .level1MaxBytes(2048)
            .levelFanOut(2)
            .maxLevels(4)
            .maxPendingMemTables(2)
            .idleStrategySupplier(() -> new SleepingMillisIdleStrategy(1));
    }

    @Provide
    Arbitrary<List<Op>> operations()
    {
        final Arbitrary<byte[]> keys = Arbitraries.of((byte)0x00, (byte)0x7F, (byte)0x80, (byte)0xFF)
            .list().ofMinSize(1).ofMaxSize(10).map(LsmModelProperties::toArray);
        final Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(120);
        final Arbitrary<Kind> kinds = Arbitraries.frequency(
            Tuple.of(40, Kind.PUT),
            Tuple.of(12, Kind.DELETE),
            Tuple.of(12, Kind.GET),
            Tuple.of(4, Kind.SCAN_FORWARD),
            Tuple.of(4, Kind.SCAN_BACKWARD),
            Tuple.of(4, Kind.WALK),
            Tuple.of(15, Kind.COMMIT),
            Tuple.of(6, Kind.FLUSH),
            Tuple.of(2, Kind.REOPEN));
        final Arbitrary<Op> op = Combinators.combine(kinds, keys, values, Arbitraries.longs()).as(Op::new);
        return op.list().ofMinSize(100).ofMaxSize(400);
    }

    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void shouldMatchTreeMapModelWhenOperationsAreRandom(@ForAll("operations") final List<Op> ops) throws IOException
    {
        final Path dir = Files.createTempDirectory("lsm-model");
        LsmTree tree = LsmTree.open(dir, tinyConfig());
        try
        {
            TreeMap<byte[], byte[]> committed = new TreeMap<>(ORDER);
            TreeMap<byte[], byte[]> pending = new TreeMap<>(ORDER);
            boolean dirty = false;
            for (final Op op : ops)
            {
                switch (op.kind())
                {
                    case PUT ->
                    {
                        tree.put(new UnsafeBuffer(op.key()), 0, op.key().length,
                            new UnsafeBuffer(op.value()), 0, op.value().length);
                        pending.put(op.key(), op.value());
                        dirty = true;
                    }
                    case DELETE ->
                    {
                        tree.delete(new UnsafeBuffer(op.key()), 0, op.key().length);
                        pending.remove(op.key());
                        dirty = true;
                    }
                    case COMMIT ->
                    {
                        tree.commit();
                        committed = new TreeMap<>(pending);
                        dirty = false;
                    }
                    case FLUSH -> tree.flush();
                    case REOPEN ->
                    {
                        tree.close();
                        tree = LsmTree.open(dir, tinyConfig());
                        pending = new TreeMap<>(committed);
                        dirty = false;
                    }
                    default -> read(tree, op, committed);
                }
            }
            try (ByteMapReader reader = tree.newReader())
            {
                reader.begin();
                assertScan(committed, reader.cursor());
            }
            final int[] files = tree.filesPerLevel();
            Statistics.label("reached level 1 or deeper").collect(files[1] + files[2] + files[3] > 0);
            Statistics.label("reached level 1 or deeper").coverage(
                coverage -> coverage.check(true).percentage(percent -> percent >= 25));
        }
        finally
        {
            tree.close();
            deleteRecursively(dir);
        }
    }

    @Property(tries = 8, shrinking = ShrinkingMode.OFF)
    void shouldSeeOneCommittedStateWhenScanningConcurrentlyWithWriter(@ForAll final long seed)
        throws IOException, InterruptedException
    {
        final Path dir = Files.createTempDirectory("lsm-concurrent");
        final Map<Long, TreeMap<byte[], byte[]>> states = new ConcurrentHashMap<>();
        final AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        try (LsmTree tree = LsmTree.open(dir, tinyConfig()))
        {
            TreeMap<byte[], byte[]> model = new TreeMap<>(ORDER);
            states.put(tree.committedSequence(), new TreeMap<>(model));
            final Thread reader = new Thread(() -> scanRepeatedly(tree, states, readerFailure), "lsm-model-reader");
            reader.start();
            final Random random = new Random(seed);
            try
            {
                for (int batch = 0; batch < 150 && null == readerFailure.get(); batch++)
                {
                    final int size = 1 + random.nextInt(12);
                    for (int i = 0; i < size; i++)
                    {
                        final byte[] key = { (byte)random.nextInt(64), (byte)random.nextInt(4) };
                        if (random.nextInt(4) == 0)
                        {
                            tree.delete(new UnsafeBuffer(key), 0, key.length);
                            model.remove(key);
                        }
                        else
                        {
                            final byte[] value = new byte[random.nextInt(60)];
                            random.nextBytes(value);
                            tree.put(new UnsafeBuffer(key), 0, key.length, new UnsafeBuffer(value), 0, value.length);
                            model.put(key, value);
                        }
                    }
                    states.put(tree.committedSequence() + 1, new TreeMap<>(model));
                    final long sequence = tree.commit();
                    if (!states.containsKey(sequence))
                    {
                        throw new AssertionError("commit returned " + sequence + " not recorded");
                    }
                    if (random.nextInt(20) == 0)
                    {
                        tree.flush();
                    }
                }
            }
            finally
            {
                reader.interrupt();
                reader.join(30_000);
            }
            if (reader.isAlive())
            {
                throw new AssertionError("reader thread did not stop within 30 s");
            }
            if (null != readerFailure.get())
            {
                throw new AssertionError("reader failed with seed " + seed, readerFailure.get());
            }
        }
        finally
        {
            deleteRecursively(dir);
        }
    }

    private static void scanRepeatedly(
        final LsmTree tree, final Map<Long, TreeMap<byte[], byte[]>> states, final AtomicReference<Throwable> failure)
    {
        final Random random = new Random(states.size());
        try (LsmReader reader = tree.newReader())
        {
            while (!Thread.currentThread().isInterrupted())
            {
                final long sequence = random.nextBoolean() ? reader.begin() : beginAtOlder(tree, reader, random);
                try
                {
                    final TreeMap<byte[], byte[]> expected = states.get(sequence);
                    if (null == expected)
                    {
                        throw new AssertionError("pinned sequence " + sequence + " was never committed");
                    }
                    assertScan(expected, reader.cursor());
                    assertReverseScan(expected, reader.cursor());
                }
                finally
                {
                    reader.end();
                }
            }
        }
        catch (final Throwable ex)
        {
            failure.set(ex);
        }
    }

    /**
     * Pin a random sequence between the oldest readable and the committed one; the horizon may move between
     * reading it and pinning, in which case the pin is refused and the latest sequence is pinned instead.
     */
    private static long beginAtOlder(final LsmTree tree, final LsmReader reader, final Random random)
    {
        final long oldest = tree.oldestReadableSequence();
        final long committed = tree.committedSequence();
        final long sequence = oldest + (long)(random.nextDouble() * (committed - oldest + 1));
        try
        {
            return reader.beginAt(Math.min(sequence, committed));
        }
        catch (final IllegalArgumentException refused)
        {
            return reader.begin();
        }
    }

    private static void read(final LsmTree tree, final Op op, final TreeMap<byte[], byte[]> committed)
    {
        try (ByteMapReader reader = tree.newReader())
        {
            reader.begin();
            final UnsafeBuffer key = new UnsafeBuffer(op.key());
            switch (op.kind())
            {
                case GET -> assertBytes(committed.get(op.key()), reader.get(key, 0, key.capacity()), "get " + op);
                case SCAN_FORWARD ->
                {
                    final ByteCursor cursor = reader.cursor();
                    boolean ok = cursor.seekCeiling(key, 0, key.capacity());
                    for (final Map.Entry<byte[], byte[]> e : committed.tailMap(op.key(), true).entrySet())
                    {
                        assertTrueOrFail(ok, "forward scan ended early before " + Arrays.toString(e.getKey()));
                        assertBytes(e.getKey(), cursor.key(), "forward key");
                        assertBytes(e.getValue(), cursor.value(), "forward value");
                        ok = cursor.next();
                    }
                    assertTrueOrFail(!ok, "forward scan has extra key " + (ok ? Arrays.toString(bytes(cursor.key())) : ""));
                }
                case SCAN_BACKWARD ->
                {
                    final ByteCursor cursor = reader.cursor();
                    boolean ok = cursor.seekFloor(key, 0, key.capacity());
                    for (final Map.Entry<byte[], byte[]> e : committed.headMap(op.key(), true).descendingMap().entrySet())
                    {
                        assertTrueOrFail(ok, "backward scan ended early before " + Arrays.toString(e.getKey()));
                        assertBytes(e.getKey(), cursor.key(), "backward key");
                        assertBytes(e.getValue(), cursor.value(), "backward value");
                        ok = cursor.prev();
                    }
                    assertTrueOrFail(!ok, "backward scan has extra key");
                }
                case WALK -> walk(reader.cursor(), key, op, committed);
                default -> throw new IllegalStateException("not a read: " + op);
            }
        }
    }

    /**
     * Seek, then a random mix of next and prev, each checked against the model's neighbours.
     */
    private static void walk(
        final ByteCursor cursor, final UnsafeBuffer key, final Op op, final TreeMap<byte[], byte[]> model)
    {
        final Random random = new Random(op.walkSeed());
        byte[] expected = model.ceilingKey(op.key());
        boolean ok = cursor.seekCeiling(key, 0, key.capacity());
        for (int step = 0; step < 20; step++)
        {
            assertTrueOrFail(ok == (null != expected), "walk positioned=" + ok + " expected " +
                (null == expected ? "none" : Arrays.toString(expected)) + " at step " + step);
            if (!ok)
            {
                return;
            }
            assertBytes(expected, cursor.key(), "walk key at step " + step);
            assertBytes(model.get(expected), cursor.value(), "walk value at step " + step);
            if (random.nextBoolean())
            {
                expected = model.higherKey(expected);
                ok = cursor.next();
            }
            else
            {
                expected = model.lowerKey(expected);
                ok = cursor.prev();
            }
        }
    }

    private static void assertScan(final NavigableMap<byte[], byte[]> expected, final ByteCursor cursor)
    {
        boolean ok = cursor.first();
        for (final Map.Entry<byte[], byte[]> e : expected.entrySet())
        {
            assertTrueOrFail(ok, "scan ended early before " + Arrays.toString(e.getKey()));
            assertBytes(e.getKey(), cursor.key(), "scan key");
            assertBytes(e.getValue(), cursor.value(), "scan value of " + Arrays.toString(e.getKey()));
            ok = cursor.next();
        }
        assertTrueOrFail(!ok, "scan has extra key " + (ok ? Arrays.toString(bytes(cursor.key())) : ""));
    }

    private static void assertReverseScan(final NavigableMap<byte[], byte[]> expected, final ByteCursor cursor)
    {
        boolean ok = cursor.last();
        for (final Map.Entry<byte[], byte[]> e : expected.descendingMap().entrySet())
        {
            assertTrueOrFail(ok, "reverse scan ended early before " + Arrays.toString(e.getKey()));
            assertBytes(e.getKey(), cursor.key(), "reverse scan key");
            ok = cursor.prev();
        }
        assertTrueOrFail(!ok, "reverse scan has extra key");
    }

    private static void assertBytes(final byte[] expected, final DirectBuffer actual, final String what)
    {
        final byte[] actualBytes = null == actual ? null : bytes(actual);
        if (!Arrays.equals(expected, actualBytes))
        {
            throw new AssertionError(what + ": expected " + Arrays.toString(expected) + " actual " +
                Arrays.toString(actualBytes));
        }
    }

    private static void assertTrueOrFail(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new AssertionError(message);
        }
    }

    private static byte[] toArray(final List<Byte> list)
    {
        final byte[] bytes = new byte[list.size()];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = list.get(i);
        }
        return bytes;
    }

    private static byte[] bytes(final DirectBuffer buffer)
    {
        final byte[] bytes = new byte[buffer.capacity()];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    private static void deleteRecursively(final Path dir) throws IOException
    {
        final List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir))
        {
            walk.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--)
        {
            Files.deleteIfExists(paths.get(i));
        }
    }
}
