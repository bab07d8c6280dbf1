package io.phantomdb.index.key;

import io.phantomdb.index.ByteComparator;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyEncoderTest
{
    private final KeyEncoder encoder = new KeyEncoder();
    private final KeyDecoder decoder = new KeyDecoder();

    @Test
    void shouldWriteDocumentedBytesWhenEncodingEachType()
    {
        assertBytes(KeySchema.of(KeyColumn.asc(ColumnType.INT)), new Object[]{1}, 0x01, 0x80, 0x00, 0x00, 0x01);
        assertBytes(KeySchema.of(KeyColumn.asc(ColumnType.INT)), new Object[]{-1}, 0x01, 0x7F, 0xFF, 0xFF, 0xFF);
        assertBytes(KeySchema.of(KeyColumn.asc(ColumnType.SHORT)), new Object[]{(short)0}, 0x01, 0x80, 0x00);
        assertBytes(KeySchema.of(KeyColumn.asc(ColumnType.BOOLEAN)), new Object[]{true}, 0x01, 0x01);
        assertBytes(KeySchema.of(KeyColumn.asc(ColumnType.FLOAT)), new Object[]{1.0f}, 0x01, 0xBF, 0x80, 0x00, 0x00);
        assertBytes(KeySchema.of(KeyColumn.asc(ColumnType.FLOAT)), new Object[]{-1.0f}, 0x01, 0x40, 0x7F, 0xFF, 0xFF);
        assertBytes(KeySchema.of(KeyColumn.asc(ColumnType.STRING)), new Object[]{"a\u0000é"},
            0x01, 0x61, 0x00, 0xFF, 0xC3, 0xA9, 0x00, 0x00);
        assertBytes(KeySchema.of(KeyColumn.desc(ColumnType.STRING)), new Object[]{"a"}, 0x01, 0x9E, 0xFF, 0xFF);
        assertBytes(KeySchema.of(KeyColumn.asc(ColumnType.BYTES)), new Object[]{new byte[]{0, (byte)0xFF}},
            0x01, 0x00, 0xFF, 0xFF, 0x00, 0x00);
        assertBytes(KeySchema.of(new KeyColumn(ColumnType.LONG, ColumnOrder.ASC_NULLS_LAST)), new Object[]{null}, 0x02);
        assertBytes(KeySchema.of(new KeyColumn(ColumnType.LONG, ColumnOrder.DESC_NULLS_FIRST)), new Object[]{null}, 0x00);
        assertBytes(KeySchema.of(KeyColumn.asc(ColumnType.STRING)), new Object[]{"\uD83D\uDE00"},
            0x01, 0xF0, 0x9F, 0x98, 0x80, 0x00, 0x00);
    }

    @Test
    void shouldOrderExtremesOfEachTypeWhenAscendingAndDescending()
    {
        assertSorted(ColumnType.SHORT, Short.MIN_VALUE, (short)-1, (short)0, (short)1, Short.MAX_VALUE);
        assertSorted(ColumnType.INT, Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE);
        assertSorted(ColumnType.LONG, Long.MIN_VALUE, -1L, 0L, 1L, Long.MAX_VALUE);
        assertSorted(ColumnType.BOOLEAN, false, true);
        assertSorted(ColumnType.FLOAT, Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -1f, -Float.MIN_VALUE, -0.0f, 0.0f,
            Float.MIN_VALUE, 1f, Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NaN);
        assertSorted(ColumnType.DOUBLE, Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1d, -Double.MIN_VALUE, -0.0d, 0.0d,
            Double.MIN_VALUE, 1d, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN);
        assertSorted(ColumnType.STRING, "", "\u0000", "\u0000\u0000", "\u0001", "a", "a\u0000", "ab", "b", "\u07FF",
            "\uD800", "\uDFFF", "\uE000", "\uFFFF", "\uD800\uDC00", "\uDBFF\uDFFF");
        assertSorted(ColumnType.BYTES, new byte[0], new byte[]{0}, new byte[]{0, 0}, new byte[]{0, (byte)0xFF},
            new byte[]{1}, new byte[]{(byte)0xFF}, new byte[]{(byte)0xFF, 0}, new byte[]{(byte)0xFF, (byte)0xFF});
    }

    @Test
    void shouldCanonicaliseNaNWhenEncodingFloatingPoint()
    {
        final KeySchema schema = KeySchema.of(KeyColumn.asc(ColumnType.DOUBLE));
        final byte[] canonical = encode(schema, new Object[]{Double.NaN});
        final byte[] other = encode(schema, new Object[]{Double.longBitsToDouble(0xFFF8_0000_0000_0001L)});
        assertArrayEquals(canonical, other);
    }

    @Test
    void shouldPlaceNullsFirstOrLastWhenColumnOrderSaysSo()
    {
        for (final ColumnOrder order : ColumnOrder.values())
        {
            final KeySchema schema = KeySchema.of(new KeyColumn(ColumnType.INT, order));
            final int nullVsMin = compareEncoded(schema, new Object[]{null}, new Object[]{Integer.MIN_VALUE});
            final int nullVsMax = compareEncoded(schema, new Object[]{null}, new Object[]{Integer.MAX_VALUE});
            assertEquals(order.nullsFirst() ? -1 : 1, nullVsMin, order::name);
            assertEquals(order.nullsFirst() ? -1 : 1, nullVsMax, order::name);
        }
    }

    @Test
    void shouldSortPrefixColumnsCorrectlyWhenStringsSpanColumnBoundaries()
    {
        final KeySchema two = KeySchema.of(KeyColumn.asc(ColumnType.STRING), KeyColumn.asc(ColumnType.STRING));
        assertEquals(-1, compareEncoded(two, new Object[]{"a", "b"}, new Object[]{"ab", ""}));
        assertEquals(-1, compareEncoded(two, new Object[]{"a", "zzz"}, new Object[]{"a\u0000", ""}));
        assertEquals(-1, compareEncoded(two, new Object[]{"", "b"}, new Object[]{"a", ""}));
        assertEquals(1, compareEncoded(two, new Object[]{"a", "b"}, new Object[]{"a", "a\uFFFF"}));
        final KeySchema descFirst = KeySchema.of(KeyColumn.desc(ColumnType.STRING), KeyColumn.asc(ColumnType.INT));
        assertEquals(1, compareEncoded(descFirst, new Object[]{"a", 1}, new Object[]{"ab", 0}));
        assertEquals(-1, compareEncoded(descFirst, new Object[]{"a", 0}, new Object[]{"a", 1}));
        final KeySchema bytesThenInt = KeySchema.of(KeyColumn.desc(ColumnType.BYTES), KeyColumn.asc(ColumnType.INT));
        assertEquals(1, compareEncoded(bytesThenInt, new Object[]{new byte[]{0}, 5}, new Object[]{new byte[]{0, 0}, 0}));
    }

    @Test
    void shouldRoundTripWhenDecodingEveryTypeAndOrder()
    {
        final Object[][] values = {
            {true, false}, {Short.MIN_VALUE, (short)7}, {Integer.MIN_VALUE, 42}, {Long.MAX_VALUE, -3L},
            {-0.0f, Float.NaN}, {Double.NEGATIVE_INFINITY, -0.0d}, {"", "x\u0000y\uD800z\uD83D\uDE00"},
            {new byte[0], new byte[]{0, (byte)0xFF, 0}}};
        for (final ColumnOrder order : ColumnOrder.values())
        {
            for (final ColumnType type : ColumnType.values())
            {
                final KeySchema schema = KeySchema.of(new KeyColumn(type, order), new KeyColumn(type, order));
                for (final Object value : values[type.ordinal()])
                {
                    final Object[] tuple = {value, null};
                    final byte[] bytes = encode(schema, tuple);
                    final Object[] decoded = schema.decode(decoder, new UnsafeBuffer(bytes), 0, bytes.length);
                    assertTrue(Arrays.deepEquals(tuple, decoded), () -> schema + " " + Arrays.deepToString(decoded));
                }
            }
        }
    }

    @Test
    void shouldAllocateNothingWhenEncodingInSteadyState()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final UnsafeBuffer bytes = new UnsafeBuffer(new byte[]{0, 1, (byte)0xFF});
        final String text = "k\u0000é\uD83D\uDE00";
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        long total = encodeMany(buffer, bytes, text);
        final long before = threads.getCurrentThreadAllocatedBytes();
        total += encodeMany(buffer, bytes, text);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(2L * 10_000 * 48, total);
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes in 10,000 encodings");
    }

    @Test
    void shouldRejectMalformedKeysWhenDecoding()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[]{0x01, 0x61, 0x00, 0x05});
        final IllegalArgumentException badEscape = assertThrows(IllegalArgumentException.class,
            () -> decoder.wrap(buffer, 0, 4).getString());
        assertEquals("malformed escape 0x00 5 at offset 2", badEscape.getMessage());
        final IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
            () -> decoder.wrap(buffer, 0, 3).getInt());
        assertEquals("key ends at offset 3 but 4 more bytes are needed at offset 1", truncated.getMessage());
        final IllegalArgumentException nullValue = assertThrows(IllegalArgumentException.class,
            () -> decoder.wrap(new UnsafeBuffer(new byte[]{0x00}), 0, 1).getLong());
        assertEquals("expected a value (marker 1) but found marker 0 at offset 0", nullValue.getMessage());
    }

    @Test
    void shouldRejectTupleWhenValueHasWrongType()
    {
        final KeySchema schema = KeySchema.of(KeyColumn.asc(ColumnType.INT));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> schema.validate(new Object[]{1L}));
        assertEquals("column 0 is INT (Integer) but value is Long", e.getMessage());
    }

    private void assertSorted(final ColumnType type, final Object... ascending)
    {
        for (final ColumnOrder order : ColumnOrder.values())
        {
            final KeySchema schema = KeySchema.of(new KeyColumn(type, order), KeyColumn.asc(ColumnType.INT));
            final List<byte[]> encoded = new ArrayList<>();
            for (final Object value : ascending)
            {
                encoded.add(encode(schema, new Object[]{value, 0}));
            }
            for (int i = 0; i < ascending.length; i++)
            {
                for (int j = 0; j < ascending.length; j++)
                {
                    final int expected = Integer.signum(Integer.compare(i, j)) * (order.descending() ? -1 : 1);
                    final int actual = Integer.signum(ByteComparator.compare(new UnsafeBuffer(encoded.get(i)), 0,
                        encoded.get(i).length, encoded.get(j)));
                    final int index = i;
                    final int other = j;
                    assertEquals(expected, actual, () -> type + " " + order + " #" + index + " vs #" + other);
                    assertEquals(expected, schema.compare(new Object[]{ascending[i], 0}, new Object[]{ascending[j], 0}));
                }
            }
        }
    }

    private long encodeMany(final UnsafeBuffer buffer, final UnsafeBuffer bytes, final String text)
    {
        long total = 0;
        for (int i = 0; i < 10_000; i++)
        {
            total += encoder.wrap(buffer, 0)
                .putInt(i).putLong(-i).putDouble(i * 0.5)
                .order(ColumnOrder.DESC_NULLS_LAST).putString(text).putNull()
                .order(ColumnOrder.ASC_NULLS_FIRST).putBytes(bytes, 0, 3).putBoolean(true).putShort((short)i)
                .length();
        }
        return total;
    }

    private int compareEncoded(final KeySchema schema, final Object[] a, final Object[] b)
    {
        final byte[] x = encode(schema, a);
        final byte[] y = encode(schema, b);
        final int model = schema.compare(a, b);
        final int actual = Integer.signum(ByteComparator.compare(new UnsafeBuffer(x), 0, x.length, y));
        assertEquals(model, actual, "encoding disagrees with the typed order");
        return actual;
    }

    private byte[] encode(final KeySchema schema, final Object[] tuple)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final int length = schema.encode(encoder, buffer, 0, tuple);
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    private void assertBytes(final KeySchema schema, final Object[] tuple, final int... expected)
    {
        final byte[] bytes = new byte[expected.length];
        for (int i = 0; i < expected.length; i++)
        {
            bytes[i] = (byte)expected[i];
        }
        assertArrayEquals(bytes, encode(schema, tuple), schema::toString);
    }
}
