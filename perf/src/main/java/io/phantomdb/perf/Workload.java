package io.phantomdb.perf;

import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * The data every store is loaded with and read back, after lmdbjava/benchmarks' {@code Common}.
 * <ul>
 *   <li>{@link #n} entries with the keys {@code 0..n-1}, each a 4-byte int encoded big-endian so that
 *       unsigned byte order is numeric order.</li>
 *   <li>{@link #order}: {@code seq} inserts (and {@code readKey} looks up) keys in ascending order,
 *       {@code rand} in a shuffle of {@code 0..n-1} seeded with {@link #SEED}, the same in every fork.</li>
 *   <li>Values are {@link #VALUE_LENGTH} bytes: the slice of a seeded random pool at
 *       {@link #valueOffset(int)}, so they do not compress and each key always gets the same value.</li>
 * </ul>
 * <b>Note:</b> a JMH {@link Scope#Benchmark} state, built once per fork before the store states and
 * read-only afterwards.
 */
@State(Scope.Benchmark)
public class Workload
{
    /** Length of every key in bytes. */
    public static final int KEY_LENGTH = Integer.BYTES;
    /** Length of every value in bytes. */
    public static final int VALUE_LENGTH = 100;
    /** Seed of the shuffle and of the value pool. */
    public static final long SEED = 0x5EED_1DEAL;
    /** Byte order of keys: big-endian, so that byte order is numeric order. */
    public static final ByteOrder KEY_ORDER = ByteOrder.BIG_ENDIAN;
    /** {@link #order} value: ascending keys. */
    public static final String SEQUENTIAL = "seq";
    /** {@link #order} value: a seeded shuffle of the keys. */
    public static final String RANDOM = "rand";

    private static final int POOL_SPAN = 1 << 20;

    /** Number of entries. */
    @Param("1000000")
    public int n;

    /** Insertion and look-up order: {@link #SEQUENTIAL} or {@link #RANDOM}. */
    @Param({ SEQUENTIAL, RANDOM })
    public String order;

    private int[] keys;
    private byte[] valuePool;
    private UnsafeBuffer valuePoolBuffer;

    /**
     * Build the keys in {@link #order} and the value pool. Called by JMH once per fork.
     *
     * @throws IllegalArgumentException if {@link #n} is not positive or {@link #order} is unknown.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        build(n, order);
        reportJvmFlags();
    }

    /**
     * Build the data outside JMH (tests, tools).
     *
     * @param n     number of entries, 1 or more.
     * @param order {@link #SEQUENTIAL} or {@link #RANDOM}.
     * @return this.
     * @throws IllegalArgumentException if an argument is out of range.
     */
    public Workload build(final int n, final String order)
    {
        if (n < 1)
        {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        this.n = n;
        this.order = order;
        final SplittableRandom random = new SplittableRandom(SEED);
        keys = new int[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = i;
        }
        if (RANDOM.equals(order))
        {
            for (int i = n - 1; i > 0; i--)
            {
                final int j = random.nextInt(i + 1);
                final int tmp = keys[i];
                keys[i] = keys[j];
                keys[j] = tmp;
            }
        }
        else if (!SEQUENTIAL.equals(order))
        {
            throw new IllegalArgumentException("order must be " + SEQUENTIAL + " or " + RANDOM + ": " + order);
        }

        valuePool = new byte[POOL_SPAN + VALUE_LENGTH];
        for (int i = 0; i < valuePool.length; i++)
        {
            valuePool[i] = (byte)random.nextInt(256);
        }
        valuePoolBuffer = new UnsafeBuffer(BufferUtil.allocateDirectAligned(valuePool.length, Long.BYTES));
        valuePoolBuffer.putBytes(0, valuePool);
        return this;
    }

    /**
     * @return the keys in insertion (and {@code readKey}) order; do not modify.
     */
    public int[] keys()
    {
        return keys;
    }

    /**
     * @return the value pool on the heap; the value of key {@code k} is at {@link #valueOffset(int)}.
     */
    public byte[] valuePool()
    {
        return valuePool;
    }

    /**
     * @return the same value pool off-heap, for stores that take a {@link org.agrona.DirectBuffer}.
     */
    public UnsafeBuffer valuePoolBuffer()
    {
        return valuePoolBuffer;
    }

    /**
     * @param key a key.
     * @return offset of the key's {@link #VALUE_LENGTH}-byte value in the pool.
     */
    public static int valueOffset(final int key)
    {
        return (key * VALUE_LENGTH) & (POOL_SPAN - 1);
    }

    /**
     * Encode a key big-endian into a buffer.
     *
     * @param buffer destination.
     * @param index  offset in the destination.
     * @param key    the key.
     */
    public static void putKey(final MutableDirectBuffer buffer, final int index, final int key)
    {
        buffer.putInt(index, key, KEY_ORDER);
    }

    /**
     * Encode a key big-endian into the first {@link #KEY_LENGTH} bytes of an array.
     *
     * @param array destination.
     * @param key   the key.
     */
    public static void putKey(final byte[] array, final int key)
    {
        array[0] = (byte)(key >>> 24);
        array[1] = (byte)(key >>> 16);
        array[2] = (byte)(key >>> 8);
        array[3] = (byte)key;
    }

    private static void reportJvmFlags()
    {
        final boolean show = Boolean.getBoolean("phantomdb.bench.showJvmArgs");
        final boolean flagsMissing = !Boolean.getBoolean("chronicle.analytics.disable");
        if (show || flagsMissing)
        {
            System.out.println((flagsMissing ? "WARNING: the phantomdb.jvm.flags of the root pom are missing; " : "") +
                "JVM arguments of this fork: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        }
    }
}
