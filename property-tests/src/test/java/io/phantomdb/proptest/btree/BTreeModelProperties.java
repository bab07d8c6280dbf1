package io.phantomdb.proptest.btree;

import io.phantomdb.index.ByteCursor;
import io.phantomdb.index.ByteMapReader;
import io.phantomdb.index.btree.BTree;
import io.phantomdb.index.btree.BTreeConfig;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The B+tree against a {@link TreeMap} model with unsigned byte order: random puts, deletes, gets, range
 * scans both ways from a seek, commits, flush-and-reopen, and a second reader pinned across many of
 * those (its version must not change while pages are freed and reused), on small pages and segments so
 * splits, merges, overflow runs and segment growth all happen. jqwik prints the seed of a failing run.
 */
class BTreeModelProperties
{
    private static final Comparator<byte[]> UNSIGNED = Arrays::compareUnsigned;
    private static final BTreeConfig CONFIG = BTreeConfig.of(4096, 4096 * 16);

    enum Kind
    {
        PUT, DELETE, GET, SCAN_FORWARD, SCAN_REVERSE, COMMIT, FLUSH, REOPEN, PIN, UNPIN
    }

    record Op(Kind kind, int key, int valueLength, int valueSeed)
    {
    }

    private Path dir;

    @BeforeTry
    void createDirectory() throws IOException
    {
        dir = Files.createTempDirectory("btree-model");
    }

    @AfterTry
    void deleteDirectory() throws IOException
    {
        try (var files = Files.list(dir))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 150)
    void shouldMatchTheModelWhenApplyingRandomOperations(@ForAll("operations") final List<Op> ops)
    {
        final Path file = dir.resolve("model.btree");
        final NavigableMap<byte[], byte[]> pending = new TreeMap<>(UNSIGNED);
        NavigableMap<byte[], byte[]> committed = new TreeMap<>(UNSIGNED);
        BTree tree = BTree.open(file, CONFIG);
        ByteMapReader reader = tree.newReader();
        ByteMapReader pinned = tree.newReader();
        List<String> pinnedSnapshot = null;
        try
        {
            for (final Op op : ops)
            {
                final byte[] key = key(op.key());
                switch (op.kind())
                {
                    case PUT:
                    {
                        final byte[] value = value(op.valueLength(), op.valueSeed());
                        tree.put(new UnsafeBuffer(key), 0, key.length, new UnsafeBuffer(value), 0, value.length);
                        pending.put(key, value);
                        break;
                    }
                    case DELETE:
                        tree.delete(new UnsafeBuffer(key), 0, key.length);
                        pending.remove(key);
                        break;
                    case GET:
                        reader.begin();
                        assertArrayEquals(committed.get(key), bytes(reader.get(new UnsafeBuffer(key), 0, key.length)),
                            "get " + hex(key));
                        reader.end();
                        break;
                    case SCAN_FORWARD:
                    case SCAN_REVERSE:
                        reader.begin();
                        scan(reader.cursor(), committed, key, op.kind() == Kind.SCAN_FORWARD, op.valueLength() % 40);
                        reader.end();
                        break;
                    case COMMIT:
                        tree.commit();
                        committed = new TreeMap<>(pending);
                        break;
                    case FLUSH:
                        tree.commit();
                        committed = new TreeMap<>(pending);
                        tree.flush();
                        break;
                    case PIN:
                        if (null == pinnedSnapshot)
                        {
                            pinned.begin();
                            pinnedSnapshot = entries(committed);
                        }
                        break;
                    case UNPIN:
                        if (null != pinnedSnapshot)
                        {
                            assertEquals(pinnedSnapshot, entries(scanAll(pinned.cursor())), "pinned version changed");
                            pinned.end();
                            pinnedSnapshot = null;
                        }
                        break;
                    case REOPEN:
                        if (null != pinnedSnapshot)
                        {
                            assertEquals(pinnedSnapshot, entries(scanAll(pinned.cursor())), "pinned version changed");
                            pinnedSnapshot = null;
                        }
                        pinned.close();
                        reader.close();
                        tree.close();
                        pending.clear();
                        pending.putAll(committed);
                        tree = BTree.open(file, CONFIG);
                        reader = tree.newReader();
                        pinned = tree.newReader();
                        break;
                    default:
                        throw new IllegalStateException("unknown op " + op);
                }
            }
            tree.commit();
            committed = new TreeMap<>(pending);
            reader.begin();
            assertEquals(entries(committed), entries(scanAll(reader.cursor())));
            reader.end();
            if (null != pinnedSnapshot)
            {
                assertEquals(pinnedSnapshot, entries(scanAll(pinned.cursor())), "pinned version changed");
            }
        }
        finally
        {
            pinned.close();
            reader.close();
            tree.close();
        }
    }

    @Property(tries = 25)
    void shouldShowReadersOnlyCommittedVersionsWhenWritingConcurrently(@ForAll("batches") final List<List<Op>> batches)
        throws InterruptedException
    {
        final Map<Long, List<String>> snapshots = new ConcurrentHashMap<>();
        final List<Map.Entry<Long, List<String>>> seen = new ArrayList<>();
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        try (BTree tree = BTree.createInMemory(CONFIG))
        {
            snapshots.put(tree.version(), List.of());
            final ByteMapReader reader = tree.newReader();
            final Thread readerThread = new Thread(() ->
            {
                try
                {
                    while (!done.get() && seen.size() < 400)
                    {
                        final long version = reader.begin();
                        final List<String> scan = entries(scanAll(reader.cursor()));
                        reader.end();
                        seen.add(Map.entry(version, scan));
                    }
                }
                catch (final Throwable t)
                {
                    readerFailure.set(t);
                }
                finally
                {
                    reader.close();
                }
            }, "btree-model-reader");
            readerThread.start();
            final NavigableMap<byte[], byte[]> model = new TreeMap<>(UNSIGNED);
            for (final List<Op> batch : batches)
            {
                for (final Op op : batch)
                {
                    final byte[] key = key(op.key());
                    if (op.kind() == Kind.DELETE)
                    {
                        tree.delete(new UnsafeBuffer(key), 0, key.length);
                        model.remove(key);
                    }
                    else
                    {
                        final byte[] value = value(op.valueLength(), op.valueSeed());
                        tree.put(new UnsafeBuffer(key), 0, key.length, new UnsafeBuffer(value), 0, value.length);
                        model.put(key, value);
                    }
                }
                final long previous = tree.version();
                snapshots.put(previous + 1, entries(model));
                final long version = tree.commit();
                if (version == previous)
                {
                    snapshots.remove(previous + 1);
                    assertEquals(snapshots.get(previous), entries(model), "a commit without changes");
                }
                else
                {
                    assertEquals(previous + 1, version);
                }
                Thread.yield();
            }
            done.set(true);
            readerThread.join(20_000);
            assertFalse(readerThread.isAlive(), "reader thread did not finish within 20 s");
        }
        if (null != readerFailure.get())
        {
            fail("reader failed", readerFailure.get());
        }
        for (final Map.Entry<Long, List<String>> scan : seen)
        {
            final List<String> expected = snapshots.get(scan.getKey());
            assertNotNull(expected, "reader pinned unknown version " + scan.getKey());
            assertEquals(expected, scan.getValue(), "scan of version " + scan.getKey());
        }
    }

    @Provide
    Arbitrary<List<Op>> operations()
    {
        final Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(50, Arbitraries.just(Kind.PUT)),
            net.jqwik.api.Tuple.of(18, Arbitraries.just(Kind.DELETE)),
            net.jqwik.api.Tuple.of(10, Arbitraries.just(Kind.GET)),
            net.jqwik.api.Tuple.of(5, Arbitraries.just(Kind.SCAN_FORWARD)),
            net.jqwik.api.Tuple.of(5, Arbitraries.just(Kind.SCAN_REVERSE)),
            net.jqwik.api.Tuple.of(7, Arbitraries.just(Kind.COMMIT)),
            net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.FLUSH)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.REOPEN)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.PIN)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.UNPIN)));
        return Combinators.combine(kinds, keys(), valueLengths(), Arbitraries.integers().between(0, 255))
            .as(Op::new)
            .list().ofMinSize(1).ofMaxSize(600);
    }

    @Provide
    Arbitrary<List<List<Op>>> batches()
    {
        final Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.PUT)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.DELETE)));
        return Combinators.combine(kinds, keys(), valueLengths(), Arbitraries.integers().between(0, 255))
            .as(Op::new)
            .list().ofMinSize(1).ofMaxSize(60)
            .list().ofMinSize(1).ofMaxSize(40);
    }

    private static Arbitrary<Integer> keys()
    {
        return Arbitraries.integers().between(0, 1500);
    }

    private static Arbitrary<Integer> valueLengths()
    {
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(70, Arbitraries.integers().between(0, 120)),
            net.jqwik.api.Tuple.of(25, Arbitraries.integers().between(120, 1200)),
            net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(1200, 20_000)));
    }

    /**
     * Keys of 1 to 9 bytes, and a few of up to 989 bytes (near the 996-byte limit of 4 KiB pages), with
     * 0x00 and 0xFF bytes and shared prefixes, so unsigned order, prefix order and big cells all matter.
     */
    static byte[] key(final int i)
    {
        final byte[] key = new byte[i % 50 == 0 ? 200 + i % 790 : 1 + i % 9];
        for (int j = 0; j < key.length; j++)
        {
            final int b = (i / 9 + j * 61) % 5;
            key[j] = (byte)(b == 0 ? 0x00 : b == 4 ? 0xFF : (i * 7 + j * 13) & 0xFF);
        }
        key[0] = (byte)((i / 9) * 23 % 256);
        return key;
    }

    static byte[] value(final int length, final int seed)
    {
        final byte[] value = new byte[length];
        for (int i = 0; i < length; i++)
        {
            value[i] = (byte)(seed + i * 3);
        }
        return value;
    }

    private static void scan(
        final ByteCursor cursor,
        final NavigableMap<byte[], byte[]> model,
        final byte[] from,
        final boolean forward,
        final int steps)
    {
        final UnsafeBuffer key = new UnsafeBuffer(from);
        Map.Entry<byte[], byte[]> expected = forward ? model.ceilingEntry(from) : model.floorEntry(from);
        boolean positioned = forward ? cursor.seekCeiling(key, 0, from.length) : cursor.seekFloor(key, 0, from.length);
        for (int step = 0; step <= steps; step++)
        {
            if (null == expected)
            {
                assertFalse(positioned, "cursor positioned past the model's end from " + hex(from));
                return;
            }
            assertTrue(positioned, "cursor ended early from " + hex(from) + " at step " + step);
            assertArrayEquals(expected.getKey(), bytes(cursor.key()), "key at step " + step + " from " + hex(from));
            assertArrayEquals(expected.getValue(), bytes(cursor.value()), "value at step " + step);
            final boolean turn = step % 7 == 6;
            final boolean moveForward = forward != turn;
            expected = moveForward ? model.higherEntry(expected.getKey()) : model.lowerEntry(expected.getKey());
            positioned = moveForward ? cursor.next() : cursor.prev();
            if (turn && null != expected)
            {
                assertTrue(positioned);
                expected = forward ? model.higherEntry(expected.getKey()) : model.lowerEntry(expected.getKey());
                positioned = forward ? cursor.next() : cursor.prev();
            }
        }
    }

    private static NavigableMap<byte[], byte[]> scanAll(final ByteCursor cursor)
    {
        final NavigableMap<byte[], byte[]> contents = new TreeMap<>(UNSIGNED);
        for (boolean more = cursor.first(); more; more = cursor.next())
        {
            final byte[] key = bytes(cursor.key());
            final Object previous = contents.put(key, bytes(cursor.value()));
            assertNull(previous, "key twice in a scan: " + hex(key));
        }
        return contents;
    }

    private static List<String> entries(final NavigableMap<byte[], byte[]> map)
    {
        final List<String> entries = new ArrayList<>(map.size());
        for (final Map.Entry<byte[], byte[]> entry : map.entrySet())
        {
            entries.add(hex(entry.getKey()) + "=" + entry.getValue().length + ":" + Arrays.hashCode(entry.getValue()));
        }
        return entries;
    }

    private static byte[] bytes(final DirectBuffer buffer)
    {
        if (null == buffer)
        {
            return null;
        }
        final byte[] bytes = new byte[buffer.capacity()];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    private static String hex(final byte[] bytes)
    {
        return HexFormat.of().formatHex(bytes);
    }
}
