package io.phantomdb.core.row;

import io.phantomdb.CorruptionException;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowCorruptionTest
{
    private static final int OFFSET = 13;

    private final RowLayout layout = RowLayout.of(RowRoundTripTest.ALL_TYPES);
    private final RowFlyweight row = new RowFlyweight(layout);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private int length;

    @BeforeEach
    void writeValidRow()
    {
        length = new RowWriter(layout).wrap(buffer, OFFSET)
            .setInt(0, 7).setBoolean(1, true).setString(2, "hello").setDecimal(5, new BigDecimal("12.5"))
            .setTime(12, 1_000L).setNull(9).setBytes(10, new byte[]{1, 2, 3})
            .finish();
        assertTrue(RowFlyweight.SHOULD_VALIDATE, "row checks must be on by default");
    }

    private void assertCorrupt(final String detail, final Executable action)
    {
        final CorruptionException ex = assertThrows(CorruptionException.class, action);
        assertEquals("corruption in <memory> at offset " + OFFSET + ": " + detail, ex.getMessage());
        assertEquals(OFFSET, ex.offset());
        assertNull(ex.file());
    }

    private int slot(final int column)
    {
        return OFFSET + layout.fieldOffset(column);
    }

    private int valueOffset(final int column)
    {
        return OFFSET + buffer.getInt(slot(column), RowDescriptor.BYTE_ORDER);
    }

    @Test
    void shouldThrowCorruptionWhenRowIsTruncated()
    {
        assertCorrupt("row total length " + length + " does not match the stored length " + (length - 1),
            () -> row.wrap(buffer, OFFSET, length - 1));
        assertCorrupt("row of 5 bytes is shorter than the 8-byte header", () -> row.wrap(buffer, OFFSET, 5));
        buffer.putInt(OFFSET + RowDescriptor.TOTAL_LENGTH_OFFSET, 40, RowDescriptor.BYTE_ORDER);
        assertCorrupt("row of 40 bytes is shorter than its fixed part of " + layout.varDataOffset() + " bytes",
            () -> row.wrap(buffer, OFFSET, 40));
        assertCorrupt("row of 1020 bytes lies outside the buffer of capacity 1024", () -> row.wrap(buffer, OFFSET, 1020));
        assertCorrupt("row of -1 bytes lies outside the buffer of capacity 1024", () -> row.wrap(buffer, OFFSET, -1));
    }

    @Test
    void shouldThrowCorruptionWhenHeaderIsBad()
    {
        buffer.putByte(OFFSET + RowDescriptor.VERSION_OFFSET, (byte)2);
        assertCorrupt("row format version expected 1, actual 2", () -> row.wrap(buffer, OFFSET, length));
        buffer.putByte(OFFSET + RowDescriptor.VERSION_OFFSET, (byte)1);
        buffer.putByte(OFFSET + RowDescriptor.FLAGS_OFFSET, (byte)0x80);
        assertCorrupt("row flags expected 0x00, actual 0x80", () -> row.wrap(buffer, OFFSET, length));
        buffer.putByte(OFFSET + RowDescriptor.FLAGS_OFFSET, (byte)0);
        buffer.putShort(OFFSET + RowDescriptor.COLUMN_COUNT_OFFSET, (short)-1, RowDescriptor.BYTE_ORDER);
        assertCorrupt("row column count expected 16, actual 65535", () -> row.wrap(buffer, OFFSET, length));
        buffer.putShort(OFFSET + RowDescriptor.COLUMN_COUNT_OFFSET, (short)16, RowDescriptor.BYTE_ORDER);
        row.wrap(buffer, OFFSET, length);
    }

    @Test
    void shouldThrowCorruptionWhenNullBitmapIsBad()
    {
        buffer.putByte(OFFSET + RowDescriptor.NULL_BITMAP_OFFSET, (byte)1);
        assertCorrupt("column \"id\" INTEGER NOT NULL is marked NULL", () -> row.wrap(buffer, OFFSET, length));
        buffer.putByte(OFFSET + RowDescriptor.NULL_BITMAP_OFFSET, (byte)0);
        final int second = OFFSET + RowDescriptor.NULL_BITMAP_OFFSET + 1;
        buffer.putByte(second, (byte)(buffer.getByte(second) & ~(1 << (9 - 8))));
        assertCorrupt("column \"vc\" VARCHAR(5) slot at row byte " + layout.fieldOffset(9) +
            " is (offset 0, length 0), outside the variable area [" + layout.varDataOffset() + ", " + length + ")",
            () -> row.wrap(buffer, OFFSET, length));
        buffer.putByte(second, (byte)(buffer.getByte(second) | (1 << (9 - 8))));
        buffer.putInt(slot(9), 3, RowDescriptor.BYTE_ORDER);
        assertCorrupt("column \"vc\" VARCHAR(5) is NULL but its slot at row byte " + layout.fieldOffset(9) +
            " is (offset 3, length 0), expected (0, 0)", () -> row.wrap(buffer, OFFSET, length));
    }

    @Test
    void shouldThrowCorruptionWhenUnusedBitmapBitsAreSet()
    {
        final RowLayout narrow = RowLayout.of(TableSchema.builder(4, "narrow")
            .column("k", ColumnType.INTEGER, false)
            .column("v", ColumnType.INTEGER, true).primaryKey("k").build());
        final int narrowLength = new RowWriter(narrow).wrap(buffer, OFFSET).setInt(0, 1).finish();
        buffer.putByte(OFFSET + RowDescriptor.NULL_BITMAP_OFFSET, (byte)0x06);
        final CorruptionException ex =
            assertThrows(CorruptionException.class, () -> new RowFlyweight(narrow).wrap(buffer, OFFSET, narrowLength));
        assertEquals("corruption in <memory> at offset 13: null bitmap byte 0 has unused bits set: 0x6", ex.getMessage());
    }

    @Test
    void shouldThrowCorruptionWhenSlotPointsPastTheEnd()
    {
        buffer.putInt(slot(2), length - 2, RowDescriptor.BYTE_ORDER);
        assertCorrupt("column \"txt\" TEXT slot at row byte " + layout.fieldOffset(2) + " is (offset " + (length - 2) +
            ", length 5), outside the variable area [" + layout.varDataOffset() + ", " + length + ")",
            () -> row.wrap(buffer, OFFSET, length));
        buffer.putInt(slot(2), Integer.MAX_VALUE, RowDescriptor.BYTE_ORDER);
        assertThrows(CorruptionException.class, () -> row.wrap(buffer, OFFSET, length));
        buffer.putInt(slot(2), layout.varDataOffset() - 1, RowDescriptor.BYTE_ORDER);
        assertThrows(CorruptionException.class, () -> row.wrap(buffer, OFFSET, length));
        buffer.putInt(slot(2), layout.varDataOffset(), RowDescriptor.BYTE_ORDER);
        buffer.putInt(slot(2) + RowDescriptor.SLOT_VALUE_LENGTH_OFFSET, -1, RowDescriptor.BYTE_ORDER);
        assertThrows(CorruptionException.class, () -> row.wrap(buffer, OFFSET, length));
    }

    @Test
    void shouldThrowCorruptionWhenAValueIsMalformed()
    {
        buffer.putByte(OFFSET + layout.fieldOffset(1), (byte)2);
        row.wrap(buffer, OFFSET, length);
        assertCorrupt("column \"b\" BOOLEAN holds byte 2, expected 0 or 1", () -> row.getBoolean(1));

        buffer.putLong(OFFSET + layout.fieldOffset(12), -5L, RowDescriptor.BYTE_ORDER);
        assertCorrupt("column \"tm\" TIME holds -5 micros, expected 0 to 86400000000", () -> row.getLocalTime(12));

        buffer.putShort(valueOffset(5), (short)3, RowDescriptor.BYTE_ORDER);
        assertCorrupt("column \"n\" NUMERIC(38,4) holds 125.000 with scale 3, which does not fit the type",
            () -> row.getDecimal(5));

        buffer.putInt(slot(5) + RowDescriptor.SLOT_VALUE_LENGTH_OFFSET, 2, RowDescriptor.BYTE_ORDER);
        row.wrap(buffer, OFFSET, length);
        assertCorrupt("column \"n\" NUMERIC(38,4) value of 2 bytes is shorter than the 3 bytes of the smallest NUMERIC",
            () -> row.getDecimal(5));
    }

    @Test
    void shouldThrowOnlyCorruptionWhenRandomBytesOfValidRowsAreDamaged()
    {
        final long seed = Long.getLong("phantomdb.test.seed", System.nanoTime());
        System.out.println("RowCorruptionTest seed " + seed);
        final Random random = new Random(seed);
        final RowRandomizedTest.Generator generator = new RowRandomizedTest.Generator(random);
        int corrupt = 0;
        for (int round = 0; round < 300; round++)
        {
            final RowLayout randomLayout = RowLayout.of(generator.schema(round));
            final Object[] values = generator.values(randomLayout);
            final UnsafeBuffer target = new UnsafeBuffer(new byte[1 << 21]);
            final RowWriter writer = new RowWriter(randomLayout);
            writer.wrap(target, 0);
            for (int i = 0; i < values.length; i++)
            {
                generator.set(writer, i, values[i]);
            }
            final int rowLength = writer.finish();
            final RowFlyweight flyweight = new RowFlyweight(randomLayout);
            for (int damage = 0; damage < 50; damage++)
            {
                final byte[] saved = new byte[rowLength + 8];
                target.getBytes(0, saved);
                int wrapLength = rowLength;
                if (random.nextInt(8) == 0)
                {
                    wrapLength = random.nextInt(rowLength + 8);
                }
                else
                {
                    for (int flips = 1 + random.nextInt(3); flips > 0; flips--)
                    {
                        target.putByte(random.nextInt(rowLength), (byte)random.nextInt(256));
                    }
                }
                try
                {
                    flyweight.wrap(target, 0, wrapLength);
                    for (int i = 0; i < values.length; i++)
                    {
                        TestRows.get(flyweight, i);
                    }
                }
                catch (final CorruptionException ex)
                {
                    corrupt++;
                    assertEquals(0, ex.offset());
                }
                catch (final RuntimeException ex)
                {
                    throw new AssertionError("seed " + seed + " round " + round + " damage " + damage + ": " + ex, ex);
                }
                target.putBytes(0, saved);
            }
        }
        assertTrue(corrupt > 0, "seed " + seed + ": no damage detected at all");
    }
}
