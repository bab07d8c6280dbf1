package io.phantomdb.replication.sql;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Encodes statement parameters (the value classes of {@link io.phantomdb.sql.SqlSession}'s contract) as a tag byte
 * and a payload. Other classes are sent as their {@link Object#toString()} text, which the session reads as a literal
 * of the parameter's type, as it would have locally.
 * <pre>
 * tag 0 null | 1 boolean [byte] | 2 smallint [short] | 3 integer [int] | 4 bigint [long] | 5 real [float]
 *     6 double [double] | 7 numeric [int length][utf8 text] | 8 text [int length][utf8] | 9 bytea [int length][bytes]
 *    10 date [long epoch day] | 11 time [long nano of day] | 12 timestamp [long epoch second (UTC)][int nano]
 * </pre>
 * <p>
 * <b>Note:</b> stateless; thread safe.
 */
final class ParameterCodec
{
    private static final byte NULL = 0;
    private static final byte BOOLEAN = 1;
    private static final byte SMALLINT = 2;
    private static final byte INTEGER = 3;
    private static final byte BIGINT = 4;
    private static final byte REAL = 5;
    private static final byte DOUBLE = 6;
    private static final byte NUMERIC = 7;
    private static final byte TEXT = 8;
    private static final byte BYTEA = 9;
    private static final byte DATE = 10;
    private static final byte TIME = 11;
    private static final byte TIMESTAMP = 12;

    private ParameterCodec()
    {
    }

    /**
     * @param buffer where to write (it must grow as needed).
     * @param offset where the value starts.
     * @param value  the value.
     * @return the offset after it.
     */
    static int encode(final MutableDirectBuffer buffer, final int offset, final Object value)
    {
        if (null == value)
        {
            buffer.putByte(offset, NULL);
            return offset + 1;
        }
        if (value instanceof Boolean b)
        {
            buffer.putByte(offset, BOOLEAN);
            buffer.putByte(offset + 1, (byte)(b ? 1 : 0));
            return offset + 2;
        }
        if (value instanceof Short v)
        {
            buffer.putByte(offset, SMALLINT);
            buffer.putShort(offset + 1, v);
            return offset + 3;
        }
        if (value instanceof Integer v)
        {
            buffer.putByte(offset, INTEGER);
            buffer.putInt(offset + 1, v);
            return offset + 5;
        }
        if (value instanceof Long v)
        {
            buffer.putByte(offset, BIGINT);
            buffer.putLong(offset + 1, v);
            return offset + 9;
        }
        if (value instanceof Float v)
        {
            buffer.putByte(offset, REAL);
            buffer.putFloat(offset + 1, v);
            return offset + 5;
        }
        if (value instanceof Double v)
        {
            buffer.putByte(offset, DOUBLE);
            buffer.putDouble(offset + 1, v);
            return offset + 9;
        }
        if (value instanceof BigDecimal v)
        {
            return bytes(buffer, offset, NUMERIC, v.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (value instanceof byte[] v)
        {
            return bytes(buffer, offset, BYTEA, v);
        }
        if (value instanceof LocalDate v)
        {
            buffer.putByte(offset, DATE);
            buffer.putLong(offset + 1, v.toEpochDay());
            return offset + 9;
        }
        if (value instanceof LocalTime v)
        {
            buffer.putByte(offset, TIME);
            buffer.putLong(offset + 1, v.toNanoOfDay());
            return offset + 9;
        }
        if (value instanceof LocalDateTime v)
        {
            buffer.putByte(offset, TIMESTAMP);
            buffer.putLong(offset + 1, v.toEpochSecond(ZoneOffset.UTC));
            buffer.putInt(offset + 9, v.getNano());
            return offset + 13;
        }
        return bytes(buffer, offset, TEXT, value.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param buffer the message.
     * @param offset where the value starts; {@code next[0]} receives the offset after it.
     * @param next   out: the offset after the value.
     * @return the value.
     * @throws IllegalArgumentException if the tag is unknown.
     */
    static Object decode(final DirectBuffer buffer, final int offset, final int[] next)
    {
        final byte tag = buffer.getByte(offset);
        final int at = offset + 1;
        switch (tag)
        {
            case NULL:
                next[0] = at;
                return null;
            case BOOLEAN:
                next[0] = at + 1;
                return 0 != buffer.getByte(at);
            case SMALLINT:
                next[0] = at + 2;
                return buffer.getShort(at);
            case INTEGER:
                next[0] = at + 4;
                return buffer.getInt(at);
            case BIGINT:
                next[0] = at + 8;
                return buffer.getLong(at);
            case REAL:
                next[0] = at + 4;
                return buffer.getFloat(at);
            case DOUBLE:
                next[0] = at + 8;
                return buffer.getDouble(at);
            case NUMERIC:
                return new BigDecimal(text(buffer, at, next));
            case TEXT:
                return text(buffer, at, next);
            case BYTEA:
            {
                final int length = buffer.getInt(at);
                final byte[] bytes = new byte[length];
                buffer.getBytes(at + 4, bytes);
                next[0] = at + 4 + length;
                return bytes;
            }
            case DATE:
                next[0] = at + 8;
                return LocalDate.ofEpochDay(buffer.getLong(at));
            case TIME:
                next[0] = at + 8;
                return LocalTime.ofNanoOfDay(buffer.getLong(at));
            case TIMESTAMP:
                next[0] = at + 12;
                return LocalDateTime.ofEpochSecond(buffer.getLong(at), buffer.getInt(at + 8), ZoneOffset.UTC);
            default:
                throw new IllegalArgumentException("unknown parameter tag " + tag + " at offset " + offset);
        }
    }

    private static int bytes(final MutableDirectBuffer buffer, final int offset, final byte tag, final byte[] bytes)
    {
        buffer.putByte(offset, tag);
        buffer.putInt(offset + 1, bytes.length);
        buffer.putBytes(offset + 5, bytes);
        return offset + 5 + bytes.length;
    }

    private static String text(final DirectBuffer buffer, final int offset, final int[] next)
    {
        final int length = buffer.getInt(offset);
        next[0] = offset + 4 + length;
        return buffer.getStringWithoutLengthUtf8(offset + 4, length);
    }
}
