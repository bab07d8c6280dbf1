package io.phantomdb.index.key;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of a key, in order, and the typed order of tuples of them: the reference model the byte
 * encoding must agree with. Encodes and decodes {@code Object[]} tuples (boxed; for tests, tools and
 * the catalog, not for hot paths, which call {@link KeyEncoder} directly). A tuple holds one value per
 * column of the column's {@link ColumnType#javaType()}, or null for NULL.
 * <p>
 * Typed order, column by column: NULL before or after every value as the column says; otherwise
 * {@link Boolean#compare}, signed integer order, {@link Float#compare}/{@link Double#compare}
 * (-0.0 before 0.0, NaN last), Unicode code point order of strings (an unpaired surrogate counts as its
 * own code point), unsigned lexicographic order of byte arrays with a shorter prefix first; the
 * result reversed for a descending column.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public final class KeySchema
{
    private final KeyColumn[] columns;

    /**
     * @param columns the key's columns, first to last; at least one.
     * @throws IllegalArgumentException if there are no columns.
     */
    public KeySchema(final List<KeyColumn> columns)
    {
        if (columns.isEmpty())
        {
            throw new IllegalArgumentException("a key needs at least one column, got 0");
        }
        this.columns = columns.toArray(new KeyColumn[0]);
    }

    /**
     * @param columns the key's columns, first to last; at least one.
     * @return the schema.
     * @throws IllegalArgumentException if there are no columns.
     */
    public static KeySchema of(final KeyColumn... columns)
    {
        return new KeySchema(List.of(columns));
    }

    /**
     * @return the number of columns.
     */
    public int columnCount()
    {
        return columns.length;
    }

    /**
     * @param index column index, from 0.
     * @return the column.
     */
    public KeyColumn column(final int index)
    {
        return columns[index];
    }

    /**
     * Encode a tuple.
     *
     * @param encoder the encoder to use, wrapped by this call.
     * @param buffer  destination.
     * @param offset  where the key starts.
     * @param tuple   one value per column, null for NULL.
     * @return the key length.
     * @throws IllegalArgumentException if the tuple does not fit the schema.
     */
    public int encode(final KeyEncoder encoder, final MutableDirectBuffer buffer, final int offset, final Object[] tuple)
    {
        validate(tuple);
        encoder.wrap(buffer, offset);
        for (int i = 0; i < columns.length; i++)
        {
            encoder.order(columns[i].order());
            final Object value = tuple[i];
            if (null == value)
            {
                encoder.putNull();
                continue;
            }
            switch (columns[i].type())
            {
                case BOOLEAN -> encoder.putBoolean((Boolean)value);
                case SHORT -> encoder.putShort((Short)value);
                case INT -> encoder.putInt((Integer)value);
                case LONG -> encoder.putLong((Long)value);
                case FLOAT -> encoder.putFloat((Float)value);
                case DOUBLE -> encoder.putDouble((Double)value);
                case STRING -> encoder.putString((String)value);
                case BYTES -> encoder.putBytes((byte[])value);
            }
        }
        return encoder.length();
    }

    /**
     * Decode a key written for this schema.
     *
     * @param decoder the decoder to use, wrapped by this call.
     * @param buffer  buffer holding the key.
     * @param offset  offset of the key.
     * @param length  length of the key.
     * @return the tuple.
     * @throws IllegalArgumentException if the bytes are malformed or do not end with the last column.
     */
    public Object[] decode(final KeyDecoder decoder, final DirectBuffer buffer, final int offset, final int length)
    {
        decoder.wrap(buffer, offset, length);
        final Object[] tuple = new Object[columns.length];
        for (int i = 0; i < columns.length; i++)
        {
            decoder.order(columns[i].order());
            if (decoder.nextIsNull())
            {
                decoder.skipNull();
                continue;
            }
            tuple[i] = switch (columns[i].type())
            {
                case BOOLEAN -> decoder.getBoolean();
                case SHORT -> decoder.getShort();
                case INT -> decoder.getInt();
                case LONG -> decoder.getLong();
                case FLOAT -> decoder.getFloat();
                case DOUBLE -> decoder.getDouble();
                case STRING -> decoder.getString();
                case BYTES -> decoder.getBytes();
            };
        }
        if (decoder.remaining() != 0)
        {
            throw new IllegalArgumentException(
                decoder.remaining() + " bytes left after the last of " + columns.length + " columns at offset " + decoder.position());
        }
        return tuple;
    }

    /**
     * Compare two tuples in this schema's typed order.
     *
     * @param a first tuple.
     * @param b second tuple.
     * @return negative, zero or positive as {@code a} sorts before, equal to or after {@code b}.
     * @throws IllegalArgumentException if a tuple does not fit the schema.
     */
    public int compare(final Object[] a, final Object[] b)
    {
        validate(a);
        validate(b);
        for (int i = 0; i < columns.length; i++)
        {
            final int result = compareColumn(columns[i], a[i], b[i]);
            if (result != 0)
            {
                return result;
            }
        }
        return 0;
    }

    /**
     * @param tuple a tuple.
     * @throws IllegalArgumentException if it has the wrong number of values or a value of the wrong class.
     */
    public void validate(final Object[] tuple)
    {
        if (tuple.length != columns.length)
        {
            throw new IllegalArgumentException("tuple has " + tuple.length + " values, schema has " + columns.length + " columns");
        }
        for (int i = 0; i < columns.length; i++)
        {
            final Class<?> expected = columns[i].type().javaType();
            if (null != tuple[i] && tuple[i].getClass() != expected)
            {
                throw new IllegalArgumentException(
                    "column " + i + " is " + columns[i].type() + " (" + expected.getSimpleName() + ") but value is " +
                    tuple[i].getClass().getSimpleName());
            }
        }
    }

    @Override
    public String toString()
    {
        return "KeySchema" + Arrays.toString(columns);
    }

    private static int compareColumn(final KeyColumn column, final Object a, final Object b)
    {
        if (null == a || null == b)
        {
            if (a == b)
            {
                return 0;
            }
            final int nullFirst = column.order().nullsFirst() ? -1 : 1;
            return null == a ? nullFirst : -nullFirst;
        }
        final int result = switch (column.type())
        {
            case BOOLEAN -> Boolean.compare((Boolean)a, (Boolean)b);
            case SHORT -> Short.compare((Short)a, (Short)b);
            case INT -> Integer.compare((Integer)a, (Integer)b);
            case LONG -> Long.compare((Long)a, (Long)b);
            case FLOAT -> Float.compare((Float)a, (Float)b);
            case DOUBLE -> Double.compare((Double)a, (Double)b);
            case STRING -> compareCodePoints((String)a, (String)b);
            case BYTES -> Arrays.compareUnsigned((byte[])a, (byte[])b);
        };
        return column.order().descending() ? -Integer.signum(result) : Integer.signum(result);
    }

    private static int compareCodePoints(final String a, final String b)
    {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length())
        {
            final int x = a.codePointAt(i);
            final int y = b.codePointAt(j);
            if (x != y)
            {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
