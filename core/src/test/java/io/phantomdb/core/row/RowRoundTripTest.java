package io.phantomdb.core.row;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import com.sun.management.ThreadMXBean;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static io.phantomdb.core.row.TestRows.assertValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowRoundTripTest
{
    /** One column of every type, all nullable, in an order that interleaves fixed and variable widths. */
    static final TableSchema ALL_TYPES = TableSchema.builder(1, "all_types")
        .column("id", ColumnType.INTEGER, false)
        .column("b", ColumnType.BOOLEAN, true)
        .column("txt", ColumnType.TEXT, true)
        .column("s", ColumnType.SMALLINT, true)
        .column("l", ColumnType.BIGINT, true)
        .column("n", ColumnType.numeric(38, 4), true)
        .column("r", ColumnType.REAL, true)
        .column("d", ColumnType.DOUBLE_PRECISION, true)
        .column("c", ColumnType.character(4), true)
        .column("vc", ColumnType.varchar(5), true)
        .column("bin", ColumnType.BYTEA, true)
        .column("dt", ColumnType.DATE, true)
        .column("tm", ColumnType.TIME, true)
        .column("ts", ColumnType.TIMESTAMP, true)
        .column("doc", ColumnType.JSON, true)
        .column("un", ColumnType.NUMERIC, true)
        .primaryKey("id")
        .build();

    private final RowLayout layout = RowLayout.of(ALL_TYPES);
    private final RowWriter writer = new RowWriter(layout);
    private final RowFlyweight row = new RowFlyweight(layout);

    private static Object[] extremes()
    {
        return new Object[]{
            Integer.MIN_VALUE, true, "", Short.MIN_VALUE, Long.MIN_VALUE,
            new BigDecimal("-9999999999999999999999999999999999.9999"), Float.NaN, -0.0d, "    ", "", new byte[0],
            Integer.MIN_VALUE, 0L, Long.MIN_VALUE, "{}", new BigDecimal("0.000000000000000000000000000001")};
    }

    private static Object[] others()
    {
        return new Object[]{
            Integer.MAX_VALUE, false, "h\u00e9llo \u4e16\u754c \ud83d\ude00", Short.MAX_VALUE, Long.MAX_VALUE,
            new BigDecimal("1234.5000"), Float.NEGATIVE_INFINITY, Double.MAX_VALUE, "\ud83d\ude00ab ", "\ud83d\ude00\u00e9\u20ac12",
            new byte[]{0, -1, 127, -128}, 2_932_896, RowDescriptor.MAX_TIME_MICROS, Long.MAX_VALUE,
            "{\"a\": [1, 2]}", new BigDecimal(BigInteger.TEN.pow(200).negate(), 100)};
    }

    private Object[] writeAndRead(final MutableDirectBuffer buffer, final int offset, final Object[] values, final int[] order)
    {
        writer.wrap(buffer, offset);
        for (final int column : order)
        {
            TestRows.set(writer, column, values[column]);
        }
        final int length = writer.finish();
        row.wrap(buffer, offset, length);
        final Object[] read = new Object[values.length];
        for (int i = 0; i < values.length; i++)
        {
            read[i] = TestRows.get(row, i);
        }
        return read;
    }

    private void assertRoundTrip(final MutableDirectBuffer buffer, final int offset, final Object[] values, final int[] order)
    {
        writeAndRead(buffer, offset, values, order);
        for (int i = 0; i < values.length; i++)
        {
            assertValue(values[i], row, i, "offset " + offset);
        }
    }

    private static int[] inOrder(final int n)
    {
        final int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        return order;
    }

    private static int[] reversed(final int n)
    {
        final int[] order = new int[n];
        Arrays.setAll(order, i -> n - 1 - i);
        return order;
    }

    @Test
    void shouldRoundTripEveryTypeWhenValuesAreExtreme()
    {
        final Object[] values = extremes();
        assertRoundTrip(new ExpandableArrayBuffer(16), 0, values, inOrder(values.length));
        assertRoundTrip(new ExpandableArrayBuffer(16), 0, others(), reversed(values.length));
    }

    @Test
    void shouldRoundTripEveryTypeWhenRowIsAtNonZeroOffsetInAnyBufferKind()
    {
        final int[] order = {15, 3, 0, 9, 2, 14, 7, 1, 12, 5, 11, 4, 10, 6, 13, 8};
        final Object[] values = others();
        assertRoundTrip(new UnsafeBuffer(new byte[4096]), 1001, values, order);
        assertRoundTrip(new UnsafeBuffer(ByteBuffer.allocateDirect(4096)), 3, values, order);
        assertRoundTrip(new ExpandableDirectByteBuffer(8), 77, values, order);
        assertRoundTrip(new ExpandableArrayBuffer(8), 13, values, order);
    }

    @Test
    void shouldReadNullsWhenColumnsAreSetNullOrLeftUnset()
    {
        final Object[] values = new Object[ALL_TYPES.columnCount()];
        values[0] = 42;
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        writer.wrap(buffer, 5).setInt(0, 42);
        for (int i = 1; i < values.length; i += 2)
        {
            writer.setNull(i);
        }
        final int length = writer.finish();
        assertEquals(layout.varDataOffset(), length);
        row.wrap(buffer, 5, length);
        for (int i = 0; i < values.length; i++)
        {
            assertValue(values[i], row, i, "nulls");
        }
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> row.getLong(4));
        assertEquals("column \"l\" BIGINT is NULL: check isNull first", ex.getMessage());
    }

    @Test
    void shouldRoundTripOneMegabyteByteaWhenBufferExpandsOrIsLargeEnough()
    {
        final byte[] big = new byte[1 << 20];
        new Random(7).nextBytes(big);
        final Object[] values = extremes();
        values[10] = big;
        assertRoundTrip(new ExpandableDirectByteBuffer(64), 9, values, reversed(values.length));
        assertRoundTrip(new UnsafeBuffer(new byte[(1 << 20) + 8192]), 4095, values, inOrder(values.length));
        final DirectBuffer view = row.getBytesView(10);
        assertEquals(1 << 20, view.capacity());
        assertEquals(big[12345], view.getByte(12345));
        assertEquals(row.offset() + row.buffer().getInt(row.offset() + layout.fieldOffset(10), RowDescriptor.BYTE_ORDER),
            row.valueOffset(10));
    }

    @Test
    void shouldPadCharacterAndCutTrailingSpacesWhenStringIsLongerThanTheType()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        writer.wrap(buffer, 0).setInt(0, 1).setString(8, "\u00e9").setString(9, "abcde    ");
        row.wrap(buffer, 0, writer.finish());
        assertEquals("\u00e9   ", row.getString(8));
        assertEquals("abcde", row.getString(9));

        writer.wrap(buffer, 0).setInt(0, 1).setString(8, "a \ud83d\ude00").setString(9, "\ud83d\ude00\ud83d\ude00");
        row.wrap(buffer, 0, writer.finish());
        assertEquals("a \ud83d\ude00 ", row.getString(8));
        assertEquals("\ud83d\ude00\ud83d\ude00", row.getString(9));
        assertEquals(8, row.valueLength(9));
    }

    @Test
    void shouldRejectStringWhenLongerThanVarcharOrCharacter()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        writer.wrap(buffer, 0);
        assertMessage("value too long for type character varying(5): column \"vc\" VARCHAR(5) got 6 characters in " +
            "value 'abcdef'", () -> writer.setString(9, "abcdef"));
        assertMessage("value too long for type character(4): column \"c\" CHARACTER(4) got 5 characters in " +
            "value '\ud83d\ude00\ud83d\ude00\ud83d\ude00 x'", () -> writer.setString(8, "\ud83d\ude00\ud83d\ude00\ud83d\ude00 x"));
        writer.setString(9, "\ud83d\ude00\u00e9\u20ac12").setInt(0, 3);
        row.wrap(buffer, 0, writer.finish());
        assertTrue(row.isNull(8));
        assertEquals("\ud83d\ude00\u00e9\u20ac12", row.getString(9));
    }

    @Test
    void shouldRejectStringWhenItHasAnUnpairedSurrogateOrNul()
    {
        writer.wrap(new ExpandableArrayBuffer(), 0);
        assertMessage("column \"txt\" TEXT: unpaired surrogate at index 1 of value 'a\ud83d'", () -> writer.setString(2, "a\ud83d"));
        assertMessage("column \"txt\" TEXT: unpaired surrogate at index 2 of value 'ab\ude00c'",
            () -> writer.setString(2, "ab\ude00c"));
        assertMessage("column \"doc\" JSON: NUL character at index 1 of value 'a\u0000'", () -> writer.setString(14, "a\u0000"));
    }

    @Test
    void shouldNameColumnTypeAndValueWhenSetterDoesNotMatchType()
    {
        writer.wrap(new ExpandableArrayBuffer(), 0);
        assertMessage("column \"l\" BIGINT: cannot set int value 5 (type mismatch)", () -> writer.setInt(4, 5));
        assertMessage("column \"id\" INTEGER NOT NULL: cannot set long value 5 (type mismatch)",
            () -> writer.setLong(0, 5L));
        assertMessage("column \"s\" SMALLINT: cannot set int value 70000 (type mismatch)", () -> writer.setInt(3, 70000));
        assertMessage("column \"vc\" VARCHAR(5): cannot set int value 1 (type mismatch)", () -> writer.setInt(9, 1));
        assertMessage("column \"n\" NUMERIC(38,4): cannot set double value 1.5 (type mismatch)",
            () -> writer.setDouble(5, 1.5));
        assertMessage("column \"r\" REAL: cannot set double value 1.5 (type mismatch)", () -> writer.setDouble(6, 1.5));
        assertMessage("column \"id\" INTEGER NOT NULL: cannot set string value '42' (type mismatch)",
            () -> writer.setString(0, "42"));
        assertMessage("column \"txt\" TEXT: cannot set byte[] value of 3 bytes (type mismatch)",
            () -> writer.setBytes(2, new byte[3]));
        assertMessage("column \"bin\" BYTEA: cannot set string value 'x' (type mismatch)", () -> writer.setString(10, "x"));
        assertMessage("column \"ts\" TIMESTAMP: cannot set date (epoch days) value 3 (type mismatch)",
            () -> writer.setDate(13, 3));
        assertMessage("column \"dt\" DATE: cannot set LocalDateTime value 2024-01-02T03:04 (type mismatch)",
            () -> writer.setTimestamp(11, LocalDateTime.of(2024, 1, 2, 3, 4)));
        assertMessage("column \"b\" BOOLEAN: cannot set decimal value 1.5 (type mismatch)",
            () -> writer.setDecimal(1, BigDecimal.valueOf(15, 1)));
        assertMessage("column index 16 out of range for a row of 16 columns", () -> writer.setInt(16, 1));
        assertMessage("column \"l\" BIGINT: cannot get as int (type mismatch)", () -> rowOf().getInt(4));
    }

    private RowFlyweight rowOf()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        return row.wrap(buffer, 0, writer.wrap(buffer, 0).setInt(0, 1).setLong(4, 2L).finish());
    }

    @Test
    void shouldRejectNullWhenColumnIsNotNull()
    {
        writer.wrap(new ExpandableArrayBuffer(), 0);
        assertMessage("column \"id\" INTEGER NOT NULL: null value violates not-null constraint", () -> writer.setNull(0));
        assertMessage("column \"id\" INTEGER NOT NULL: null value violates not-null constraint (column was not set)",
            writer::finish);
        writer.setInt(0, 9);
        assertTrue(writer.finish() > 0);
    }

    @Test
    void shouldRejectSecondSetAndSetOutsideRowWhenMisused()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        writer.wrap(buffer, 0).setInt(0, 1);
        final IllegalStateException twice = assertThrows(IllegalStateException.class, () -> writer.setInt(0, 2));
        assertEquals("column \"id\" INTEGER NOT NULL is already set in this row", twice.getMessage());
        writer.finish();
        final IllegalStateException after = assertThrows(IllegalStateException.class, () -> writer.setInt(0, 2));
        assertEquals("no row in progress: call wrap(buffer, offset) first", after.getMessage());
        assertThrows(IllegalStateException.class, writer::finish);
        assertMessage("row offset -1 must be >= 0", () -> writer.wrap(buffer, -1));
    }

    @Test
    void shouldThrowIllegalStateWhenFixedBufferIsTooSmall()
    {
        final UnsafeBuffer small = new UnsafeBuffer(new byte[layout.varDataOffset() + 10]);
        writer.wrap(small, 0).setInt(0, 1);
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> writer.setString(2, "x".repeat(11)));
        assertEquals("row of " + (layout.varDataOffset() + 11) + " bytes at offset 0 does not fit buffer capacity " +
            small.capacity(), ex.getMessage());
        writer.setString(2, "x".repeat(10));
        assertEquals(small.capacity(), writer.finish());
        final IllegalStateException header = assertThrows(IllegalStateException.class, () -> writer.wrap(small, 11));
        assertTrue(header.getMessage().contains("does not fit buffer capacity"), header.getMessage());
    }

    @Test
    void shouldRoundAndCheckPrecisionWhenSettingConstrainedDecimal()
    {
        final TableSchema schema = TableSchema.builder(2, "money")
            .column("amount", ColumnType.numeric(5, 2), false)
            .column("big", ColumnType.numeric(1000, 500), true)
            .column("any", ColumnType.NUMERIC, true)
            .primaryKey("amount").build();
        final RowLayout moneyLayout = RowLayout.of(schema);
        final RowWriter w = new RowWriter(moneyLayout);
        final RowFlyweight r = new RowFlyweight(moneyLayout);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();

        final BigDecimal big = new BigDecimal(new BigInteger("9".repeat(1000)), 500);
        w.wrap(buffer, 0).setDecimal(0, new BigDecimal("123.455")).setDecimal(1, big).setDecimal(2, new BigDecimal("1E+5"));
        r.wrap(buffer, 0, w.finish());
        assertEquals(new BigDecimal("123.46"), r.getDecimal(0));
        assertEquals(big, r.getDecimal(1));
        assertFalse(r.isDecimalCompact(1));
        assertEquals(new BigDecimal("100000"), r.getDecimal(2));
        assertEquals(0, r.getDecimalScale(2));
        final IllegalStateException notCompact = assertThrows(IllegalStateException.class, () -> r.getDecimalUnscaled(1));
        assertTrue(notCompact.getMessage().contains("does not fit a long"), notCompact.getMessage());

        w.wrap(buffer, 0).setDecimal(0, -99999L, 2).setDecimal(2, Long.MIN_VALUE, 3);
        r.wrap(buffer, 0, w.finish());
        assertEquals(new BigDecimal("-999.99"), r.getDecimal(0));
        assertEquals(-99999L, r.getDecimalUnscaled(0));
        assertEquals(BigDecimal.valueOf(Long.MIN_VALUE, 3), r.getDecimal(2));
        assertTrue(r.isDecimalCompact(2));

        w.wrap(buffer, 0).setDecimal(0, 5L, 0);
        r.wrap(buffer, 0, w.finish());
        assertEquals(new BigDecimal("5.00"), r.getDecimal(0));

        w.wrap(buffer, 0);
        assertMessage("column \"amount\" NUMERIC(5,2) NOT NULL: numeric field overflow for value 999.995 " +
            "(must round to an absolute value less than 10^3)", () -> w.setDecimal(0, new BigDecimal("999.995")));
        assertMessage("column \"amount\" NUMERIC(5,2) NOT NULL: numeric field overflow for value 1000.00 " +
            "(must round to an absolute value less than 10^3)", () -> w.setDecimal(0, 100000L, 2));
        assertMessage("column \"any\" NUMERIC: scale 16384 of value 1E-16384 exceeds 16383",
            () -> w.setDecimal(2, BigDecimal.valueOf(1, 16384)));
    }

    @Test
    @Timeout(10)
    void shouldRejectOrRoundWithoutExpandingWhenDecimalScaleIsExtreme()
    {
        final TableSchema schema = TableSchema.builder(2, "money")
            .column("amount", ColumnType.numeric(5, 2), false)
            .column("any", ColumnType.NUMERIC, true)
            .column("frac", ColumnType.numeric(2, 2), true)
            .primaryKey("amount").build();
        final RowLayout moneyLayout = RowLayout.of(schema);
        final RowWriter w = new RowWriter(moneyLayout);
        final RowFlyweight r = new RowFlyweight(moneyLayout);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();

        w.wrap(buffer, 0).setDecimal(0, 1L, 0).setDecimal(2, BigDecimal.ZERO);
        r.wrap(buffer, 0, w.finish());
        assertEquals(new BigDecimal("0.00"), r.getDecimal(2));
        w.wrap(buffer, 0);
        assertMessage("column \"frac\" NUMERIC(2,2): numeric field overflow for value 0.995 " +
            "(must round to an absolute value less than 10^0)", () -> w.setDecimal(2, new BigDecimal("0.995")));
        assertMessage("column \"amount\" NUMERIC(5,2) NOT NULL: numeric field overflow for value 1E+999999999 " +
            "(must round to an absolute value less than 10^3)", () -> w.setDecimal(0, new BigDecimal("1E+999999999")));
        assertMessage("column \"any\" NUMERIC: value 1E+999999999 has 1000000000 digits before the decimal point, " +
            "more than 131072", () -> w.setDecimal(1, new BigDecimal("1E+999999999")));
        w.setDecimal(0, new BigDecimal("-7E-999999999")).setDecimal(1, new BigDecimal("0E+999999999"));
        r.wrap(buffer, 0, w.finish());
        assertEquals(new BigDecimal("0.00"), r.getDecimal(0));
        assertEquals(BigDecimal.ZERO, r.getDecimal(1));

        w.wrap(buffer, 0).setDecimal(0, new BigDecimal("-0.005")).setDecimal(1, new BigDecimal("-1.5E+3"));
        r.wrap(buffer, 0, w.finish());
        assertEquals(new BigDecimal("-0.01"), r.getDecimal(0));
        assertEquals(new BigDecimal("-1500"), r.getDecimal(1));
    }

    @Test
    void shouldRejectByteaSourceRangeWhenOutsideSourceBuffer()
    {
        writer.wrap(new ExpandableArrayBuffer(), 0);
        final UnsafeBuffer source = new UnsafeBuffer(new byte[8]);
        assertMessage("column \"bin\" BYTEA: source range [4, 12) is outside the source buffer of capacity 8",
            () -> writer.setBytes(10, source, 4, 8));
        assertMessage("column \"bin\" BYTEA: source range [0, -1) is outside the source buffer of capacity 8",
            () -> writer.setBytes(10, source, 0, -1));
        writer.setBytes(10, source, 4, 4).setInt(0, 1);
        final int length = writer.finish();
        assertEquals(layout.varDataOffset() + 4, length);
    }

    @Test
    void shouldWriteHeaderOnlyRowWhenLayoutHasNoColumns()
    {
        final RowLayout empty = new RowLayout(List.of());
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[16]);
        final int length = new RowWriter(empty).wrap(buffer, 8).finish();
        assertEquals(RowDescriptor.HEADER_LENGTH, length);
        assertEquals(0, new RowFlyweight(empty).wrap(buffer, 8, length).layout().columnCount());
    }

    @Test
    void shouldConvertJavaTimeWhenUsingConvenienceSetters()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        writer.wrap(buffer, 0).setInt(0, 1)
            .setDate(11, LocalDate.of(1969, 12, 31))
            .setTime(12, LocalTime.of(23, 59, 59, 999_999_500))
            .setTimestamp(13, LocalDateTime.of(1960, 2, 29, 12, 0, 0, 1_500));
        row.wrap(buffer, 0, writer.finish());
        assertEquals(-1, row.getDate(11));
        assertEquals(LocalDate.of(1969, 12, 31), row.getLocalDate(11));
        assertEquals(RowDescriptor.MAX_TIME_MICROS, row.getTime(12));
        assertEquals(LocalTime.MAX, row.getLocalTime(12));
        assertEquals(LocalDateTime.of(1960, 2, 29, 12, 0, 0, 2_000), row.getLocalDateTime(13));

        writer.wrap(buffer, 0).setInt(0, 1);
        assertMessage("column \"tm\" TIME: time -1 micros out of range 0 to 86400000000", () -> writer.setTime(12, -1L));
        assertMessage("column \"ts\" TIMESTAMP: timestamp +999999999-12-31T23:59:59.999999999 out of range",
            () -> writer.setTimestamp(13, LocalDateTime.MAX));
        writer.setTime(12, LocalTime.of(1, 2, 3, 4_000));
        row.wrap(buffer, 0, writer.finish());
        assertEquals(LocalTime.of(1, 2, 3, 4_000), row.getLocalTime(12));
    }

    @Test
    void shouldLayOutHeaderBitmapFixedAreaAndSlotsWhenDescribedByLayout()
    {
        assertEquals(2, layout.nullBitmapLength());
        assertEquals(10, layout.fixedAreaOffset());
        assertEquals(10, layout.fieldOffset(0));
        assertEquals(14, layout.fieldOffset(1));
        assertEquals(15, layout.fieldOffset(3));
        assertEquals(10 + 4 + 1 + 2 + 8 + 4 + 8 + 4 + 8 + 8, layout.slotTableOffset());
        assertEquals(layout.slotTableOffset(), layout.fieldOffset(2));
        assertEquals(layout.slotTableOffset() + 8, layout.fieldOffset(5));
        assertEquals(7, layout.variableColumnCount());
        assertEquals(layout.slotTableOffset() + 7 * 8, layout.varDataOffset());

        final TableSchema tiny = TableSchema.builder(3, "tiny").column("k", ColumnType.SMALLINT, false)
            .column("v", ColumnType.TEXT, true).primaryKey("k").build();
        final RowLayout tinyLayout = RowLayout.of(tiny);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[32]);
        final int length = new RowWriter(tinyLayout).wrap(buffer, 2).setString(1, "h\u00e9").setShort(0, (short)0x0102).finish();
        final byte[] bytes = new byte[length];
        buffer.getBytes(2, bytes);
        assertArrayEquals(new byte[]{
            1, 0, 2, 0, 22, 0, 0, 0,          // version 1, flags 0, 2 columns, total length 22
            0,                                // null bitmap: nothing NULL
            2, 1,                             // k = 0x0102, little-endian
            19, 0, 0, 0, 3, 0, 0, 0,          // slot of v: offset 19, length 3
            'h', (byte)0xC3, (byte)0xA9}, bytes);
    }

    @Test
    void shouldWriteFixedTypesAndCharSequencesWithoutAllocatingWhenWarm()
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        final StringBuilder text = new StringBuilder("h\u00e9llo \u4e16\u754c \ud83d\ude00");
        long sum = 0;
        for (int i = 0; i < 20_000; i++)
        {
            sum += writeAndReadFixed(buffer, text, i);
        }
        final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 20_000; i++)
        {
            sum += writeAndReadFixed(buffer, text, i);
        }
        final long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes over 20,000 rows (sum " + sum + ")");
    }

    private long writeAndReadFixed(final UnsafeBuffer buffer, final CharSequence text, final int i)
    {
        final int length = writer.wrap(buffer, 16)
            .setInt(0, i).setBoolean(1, (i & 1) == 0).setString(2, text).setShort(3, (short)i).setLong(4, i * 31L)
            .setDecimal(5, i * 10_000L, 4).setFloat(6, i).setDouble(7, i).setString(9, "ab\u00e9").setDate(11, i)
            .setTime(12, i).setTimestamp(13, i).setString(14, text).setDecimal(15, -i, 2).setString(8, "x")
            .setBytes(10, buffer, 0, 8)
            .finish();
        row.wrap(buffer, 16, length);
        return row.getInt(0) + (row.getBoolean(1) ? 1 : 0) + row.getStringUtf8(2).capacity() + row.getShort(3) +
            row.getLong(4) + row.getDecimalUnscaled(5) + (long)row.getFloat(6) + (long)row.getDouble(7) +
            row.getDate(11) + row.getTime(12) + row.getTimestamp(13) + row.getDecimalScale(15) +
            row.getBytesView(10).capacity() + (row.isNull(9) ? 1 : 0);
    }

    static void assertMessage(final String expected, final Runnable action)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, action::run);
        assertEquals(expected, ex.getMessage());
    }
}
