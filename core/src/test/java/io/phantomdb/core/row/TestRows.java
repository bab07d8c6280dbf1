package io.phantomdb.core.row;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generic, boxed access to rows for tests: set or read any column from an {@code Object} model value.
 * Model values: Boolean, Short, Integer, Long, Float, Double, BigDecimal, String, byte[], Integer epoch
 * days for DATE, Long micros for TIME and TIMESTAMP, null for NULL.
 */
final class TestRows
{
    private TestRows()
    {
    }

    static RowLayout layout(final TableSchema schema)
    {
        return RowLayout.of(schema);
    }

    static void set(final RowWriter writer, final int column, final Object value)
    {
        if (null == value)
        {
            writer.setNull(column);
            return;
        }
        final ColumnType type = writer.layout().type(column);
        switch (type.kind())
        {
            case BOOLEAN: writer.setBoolean(column, (Boolean)value); break;
            case SMALLINT: writer.setShort(column, (Short)value); break;
            case INTEGER: writer.setInt(column, (Integer)value); break;
            case BIGINT: writer.setLong(column, (Long)value); break;
            case REAL: writer.setFloat(column, (Float)value); break;
            case DOUBLE_PRECISION: writer.setDouble(column, (Double)value); break;
            case NUMERIC: writer.setDecimal(column, (BigDecimal)value); break;
            case CHAR:
            case VARCHAR:
            case TEXT:
            case JSON: writer.setString(column, (String)value); break;
            case BYTEA: writer.setBytes(column, (byte[])value); break;
            case DATE: writer.setDate(column, (Integer)value); break;
            case TIME: writer.setTime(column, (Long)value); break;
            case TIMESTAMP: writer.setTimestamp(column, (Long)value); break;
            default: throw new AssertionError(type);
        }
    }

    static Object get(final RowFlyweight row, final int column)
    {
        if (row.isNull(column))
        {
            return null;
        }
        switch (row.layout().type(column).kind())
        {
            case BOOLEAN: return row.getBoolean(column);
            case SMALLINT: return row.getShort(column);
            case INTEGER: return row.getInt(column);
            case BIGINT: return row.getLong(column);
            case REAL: return row.getFloat(column);
            case DOUBLE_PRECISION: return row.getDouble(column);
            case NUMERIC: return row.getDecimal(column);
            case CHAR:
            case VARCHAR:
            case TEXT:
            case JSON: return row.getString(column);
            case BYTEA: return row.getBytes(column);
            case DATE: return row.getDate(column);
            case TIME: return row.getTime(column);
            case TIMESTAMP: return row.getTimestamp(column);
            default: throw new AssertionError(row.layout().type(column));
        }
    }

    static void assertValue(final Object expected, final RowFlyweight row, final int column, final String context)
    {
        final Object actual = get(row, column);
        final String what = context + " column " + column + " " + row.layout().type(column);
        if (null == expected)
        {
            assertNull(actual, what);
            assertTrue(row.isNull(column), what);
        }
        else if (expected instanceof byte[])
        {
            assertArrayEquals((byte[])expected, (byte[])actual, what);
            final DirectBuffer view = row.getBytesView(column);
            assertEquals(((byte[])expected).length, view.capacity(), what);
        }
        else if (expected instanceof Float)
        {
            assertEquals(Float.floatToIntBits((Float)expected), Float.floatToIntBits((Float)actual), what);
        }
        else if (expected instanceof Double)
        {
            assertEquals(Double.doubleToLongBits((Double)expected), Double.doubleToLongBits((Double)actual), what);
        }
        else if (expected instanceof String)
        {
            assertEquals(expected, actual, what);
            final DirectBuffer utf8 = row.getStringUtf8(column);
            final byte[] bytes = new byte[utf8.capacity()];
            utf8.getBytes(0, bytes);
            assertArrayEquals(((String)expected).getBytes(StandardCharsets.UTF_8), bytes, what);
        }
        else if (expected instanceof BigDecimal)
        {
            assertEquals(expected, actual, what);
            if (row.isDecimalCompact(column))
            {
                assertEquals(expected, BigDecimal.valueOf(row.getDecimalUnscaled(column), row.getDecimalScale(column)));
            }
        }
        else
        {
            assertEquals(expected, actual, what);
        }
    }

    static String describe(final Object[] values)
    {
        final StringBuilder sb = new StringBuilder("[");
        for (final Object value : values)
        {
            final String text = value instanceof byte[] ? "byte[" + ((byte[])value).length + "]" : String.valueOf(value);
            sb.append(text.length() > 60 ? text.substring(0, 60) + "..." : text).append(", ");
        }
        return sb.append(']').toString();
    }
}
