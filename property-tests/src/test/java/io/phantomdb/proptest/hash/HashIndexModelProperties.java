package io.phantomdb.proptest.hash;

import io.phantomdb.index.hash.HashIndexConfig;
import io.phantomdb.index.hash.HashIndexReader;
import io.phantomdb.index.hash.OffHeapHashIndex;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OffHeapHashIndex} against a {@link HashMap} model: random put/delete/get sequences over a small
 * key pool, with configurations small enough that they resize, compact and purge tombstones often; and
 * a concurrent variant with a reader thread checking every value it sees. jqwik prints the seed of a
 * failing run; rerun it with {@code @Property(seed = "...")}.
 */
class HashIndexModelProperties
{
    private static final int KEY_POOL = 96;

    @Property(tries = 200)
    void shouldAgreeWithHashMapWhenRandomOperations(
        @ForAll("configs") final HashIndexConfig config, @ForAll("operations") final List<Operation> operations)
    {
        final Map<Bytes, Bytes> model = new HashMap<>();
        final UnsafeBuffer key = new UnsafeBuffer(new byte[32]);
        final UnsafeBuffer value = new UnsafeBuffer(new byte[512]);
        try (OffHeapHashIndex index = OffHeapHashIndex.create(config))
        {
            int step = 0;
            for (final Operation operation : operations)
            {
                final byte[] k = keyBytes(operation.key());
                key.putBytes(0, k);
                final String where = "step " + step++ + " " + operation + " " + config;
                switch (operation.kind())
                {
                    case PUT ->
                    {
                        final byte[] v = valueBytes(operation.key(), step, operation.valueLength());
                        value.putBytes(0, v);
                        index.put(key, 0, k.length, value, 0, v.length);
                        model.put(new Bytes(k), new Bytes(v));
                    }
                    case DELETE -> assertEquals(null != model.remove(new Bytes(k)), index.delete(key, 0, k.length), where);
                    case GET -> assertEquals(model.get(new Bytes(k)), copy(index.get(key, 0, k.length)), where);
                }
                assertEquals(model.size(), index.size(), where);
            }
            for (int i = 0; i < KEY_POOL; i++)
            {
                final byte[] k = keyBytes(i);
                key.putBytes(0, k);
                assertEquals(model.get(new Bytes(k)), copy(index.get(key, 0, k.length)), "final key " + i);
            }
        }
    }

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void readersShouldSeeOnlyValuesTheModelHadWhenWriterMutatesConcurrently(
        @ForAll("configs") final HashIndexConfig config, @ForAll final long seed) throws InterruptedException
    {
        final int stableKeys = KEY_POOL / 3;
        final AtomicReference<String> failure = new AtomicReference<>();
        final AtomicLong lookups = new AtomicLong();
        final UnsafeBuffer key = new UnsafeBuffer(new byte[32]);
        final UnsafeBuffer value = new UnsafeBuffer(new byte[512]);
        try (OffHeapHashIndex index = OffHeapHashIndex.create(config))
        {
            for (int i = 0; i < stableKeys; i++)
            {
                putVersioned(index, key, value, i, i, 8);
            }
            final HashIndexReader reader = index.newReader();
            final ConcurrentReader task = new ConcurrentReader(reader, stableKeys, seed, failure, lookups);
            final Thread thread = new Thread(task, "hash-reader");
            thread.setDaemon(true);
            thread.start();
            try
            {
                assertTrue(task.awaitStarted(10_000) || null != failure.get(), "reader thread did not start within 10 s");
                final SplittableRandom random = new SplittableRandom(seed);
                for (int version = stableKeys; version < 20_000 && null == failure.get(); version++)
                {
                    final int k = random.nextInt(KEY_POOL);
                    if (k >= stableKeys && random.nextInt(3) == 0)
                    {
                        final byte[] bytes = keyBytes(k);
                        key.putBytes(0, bytes);
                        index.delete(key, 0, bytes.length);
                    }
                    else
                    {
                        putVersioned(index, key, value, k, version, random.nextInt(300));
                    }
                }
            }
            finally
            {
                task.stop();
                thread.join(10_000);
            }
            assertFalse(thread.isAlive(), "reader thread did not stop within 10 s");
            reader.close();
        }
        assertNull(failure.get(), () -> failure.get() + " (seed " + seed + ", " + config + ")");
        assertTrue(lookups.get() > 0, "reader made no lookups");
    }

    @Provide
    Arbitrary<HashIndexConfig> configs()
    {
        return Combinators.combine(
            Arbitraries.integers().between(1, 64),
            Arbitraries.of(0.1f, 0.5f, 0.75f, 0.9f),
            Arbitraries.integers().between(64, 4096))
            .as((capacity, loadFactor, arena) -> new HashIndexConfig()
                .initialCapacity(capacity).loadFactor(loadFactor).initialArenaBytes(arena).maxValueLength(512));
    }

    @Provide
    Arbitrary<List<Operation>> operations()
    {
        final Arbitrary<Operation> operation = Combinators.combine(
            Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(Kind.PUT)),
                Tuple.of(3, Arbitraries.just(Kind.DELETE)),
                Tuple.of(2, Arbitraries.just(Kind.GET))),
            Arbitraries.integers().between(0, KEY_POOL - 1),
            Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(0, 16)),
                Tuple.of(2, Arbitraries.integers().between(17, 500))))
            .as(Operation::new);
        return operation.list().ofMaxSize(1500);
    }

    /**
     * Key {@code id} of the pool: 1 to 12 bytes, distinct per id, with 0x00 and 0xFF bytes among them.
     */
    static byte[] keyBytes(final int id)
    {
        final byte[] bytes = new byte[1 + id % 12];
        bytes[0] = (byte)id;
        for (int i = 1; i < bytes.length; i++)
        {
            bytes[i] = (byte)(i % 3 == 0 ? 0xFF : i % 3 == 1 ? 0 : id * 7 + i);
        }
        return bytes;
    }

    private static byte[] valueBytes(final int key, final int step, final int length)
    {
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(key * 13 + step * 7 + i);
        }
        return bytes;
    }

    /**
     * Values of the concurrent test: key id, version, body length, then body bytes derived from all three,
     * so a torn or mixed read is detected.
     */
    static void putVersioned(
        final OffHeapHashIndex index, final UnsafeBuffer key, final UnsafeBuffer value,
        final int id, final int version, final int bodyLength)
    {
        value.putInt(0, id);
        value.putInt(4, version);
        value.putInt(8, bodyLength);
        for (int i = 0; i < bodyLength; i++)
        {
            value.putByte(12 + i, (byte)(id + version * 31 + i));
        }
        final byte[] k = keyBytes(id);
        key.putBytes(0, k);
        index.put(key, 0, k.length, value, 0, 12 + bodyLength);
    }

    private static Bytes copy(final DirectBuffer buffer)
    {
        if (null == buffer)
        {
            return null;
        }
        final byte[] bytes = new byte[buffer.capacity()];
        buffer.getBytes(0, bytes);
        return new Bytes(bytes);
    }

    enum Kind
    {
        PUT, DELETE, GET
    }

    /**
     * One generated operation.
     */
    record Operation(Kind kind, int key, int valueLength)
    {
    }

    /**
     * A byte array with value equality, the model's key and value.
     */
    record Bytes(byte[] bytes)
    {
        @Override
        public boolean equals(final Object other)
        {
            return other instanceof Bytes && Arrays.equals(bytes, ((Bytes)other).bytes);
        }

        @Override
        public int hashCode()
        {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString()
        {
            return Arrays.toString(bytes);
        }
    }
}
