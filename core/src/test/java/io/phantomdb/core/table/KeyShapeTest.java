package io.phantomdb.core.table;

import io.phantomdb.core.schema.Column;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.index.ByteComparator;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KeyShapeTest
{
    private static List<Column> columns(final ColumnType type)
    {
        return TableSchema.builder(1, "t").column("k", type, true).column("id", ColumnType.INTEGER, false)
            .primaryKey("id").build().columns();
    }

    private static byte[] key(final KeyShape shape, final Object... values)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(32);
        final int length = shape.fromValues(values, "key", buffer, 0);
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    private static int compare(final byte[] a, final byte[] b)
    {
        return Integer.signum(ByteComparator.compare(
            new org.agrona.concurrent.UnsafeBuffer(a), 0, a.length, new org.agrona.concurrent.UnsafeBuffer(b), 0, b.length));
    }

    @Test
    void shouldOrderDecimalKeysNumericallyWhenValuesAreRandom()
    {
        final KeyShape shape = new KeyShape("t", columns(ColumnType.NUMERIC), new int[]{0}, new boolean[]{false});
        final Random random = new Random(42);
        final List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i < 400; i++)
        {
            final BigInteger unscaled = new BigInteger(1 + random.nextInt(80), random);
            values.add(new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(30)));
        }
        values.add(BigDecimal.ZERO);
        values.add(new BigDecimal("0.000"));
        values.add(new BigDecimal("-0.1"));
        values.add(new BigDecimal("0.1"));
        for (final BigDecimal a : values)
        {
            final byte[] ka = key(shape, a);
            for (int j = 0; j < 40; j++)
            {
                final BigDecimal b = values.get(random.nextInt(values.size()));
                assertEquals(Integer.signum(a.compareTo(b)), compare(ka, key(shape, b)), a + " vs " + b);
            }
        }
    }

    @Test
    void shouldEncodeEqualDecimalsIdenticallyWhenScalesDiffer()
    {
        final KeyShape shape = new KeyShape("t", columns(ColumnType.NUMERIC), new int[]{0}, new boolean[]{false});
        assertEquals(0, compare(key(shape, new BigDecimal("1.5")), key(shape, new BigDecimal("1.500"))));
        assertEquals(0, compare(key(shape, new BigDecimal("-120")), key(shape, new BigDecimal("-1.2E+2"))));
        assertEquals(0, compare(key(shape, 7L), key(shape, new BigDecimal("7.0"))));
    }

    @Test
    void shouldIgnoreTrailingBlanksWhenColumnIsCharacter()
    {
        final KeyShape shape = new KeyShape("t", columns(ColumnType.character(5)), new int[]{0}, new boolean[]{false});
        assertEquals(0, compare(key(shape, "ab"), key(shape, "ab   ")));
        assertEquals(-1, compare(key(shape, "ab"), key(shape, "abc")));
    }

    @Test
    void shouldReverseOrderAndPutNullFirstWhenColumnIsDescending()
    {
        final KeyShape shape = new KeyShape("t", columns(ColumnType.TEXT), new int[]{0}, new boolean[]{true});
        assertEquals(1, compare(key(shape, "a"), key(shape, "b")));
        assertEquals(-1, compare(key(shape, (Object)null), key(shape, "z")));
        final KeyShape asc = new KeyShape("t", columns(ColumnType.TEXT), new int[]{0}, new boolean[]{false});
        assertEquals(1, compare(key(asc, (Object)null), key(asc, "z")));
    }

    @Test
    void shouldSortPrefixBeforeExtensionsWhenKeyHasTwoColumns()
    {
        final List<Column> columns = TableSchema.builder(1, "t").column("a", ColumnType.INTEGER, false)
            .column("b", ColumnType.TEXT, false).primaryKey("a", "b").build().columns();
        final KeyShape shape = new KeyShape("t", columns, new int[]{0, 1}, new boolean[2]);
        final byte[] prefix = key(shape, 5);
        assertEquals(-1, compare(prefix, key(shape, 5, "")));
        assertEquals(1, compare(key(shape, 6), key(shape, 5, "zzz")));
        final IllegalArgumentException tooMany =
            assertThrows(IllegalArgumentException.class, () -> key(shape, 1, "x", 2));
        assertEquals("key of table \"t\" has 2 columns [a, b], got 3 values", tooMany.getMessage());
    }

    @Test
    void shouldNameColumnTypeAndValueWhenValueHasWrongClass()
    {
        final KeyShape shape = new KeyShape("t", columns(ColumnType.DATE), new int[]{0}, new boolean[]{false});
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> key(shape, "2024-01-01"));
        assertEquals("column \"k\" DATE of table \"t\": cannot store java.lang.String value '2024-01-01'", ex.getMessage());
    }
}
