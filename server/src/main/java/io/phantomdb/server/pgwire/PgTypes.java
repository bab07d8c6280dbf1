package io.phantomdb.server.pgwire;

import io.netty.buffer.ByteBuf;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * Values on the wire: the text and binary formats of PostgreSQL's common types (bool, int2/4/8, float4/8,
 * numeric, text/varchar/bpchar/json, bytea, date, time, timestamp), for result columns and for parameters.
 * Result values are the Java classes of {@link io.phantomdb.sql.SqlSession}.
 * <p>
 * <b>Note:</b> stateless, thread-safe.
 */
final class PgTypes
{
    static final int BOOL = 16;
    static final int BYTEA = 17;
    static final int INT8 = 20;
    static final int INT2 = 21;
    static final int INT4 = 23;
    static final int TEXT = 25;
    static final int OID = 26;
    static final int JSON = 114;
    static final int FLOAT4 = 700;
    static final int FLOAT8 = 701;
    static final int UNKNOWN = 705;
    static final int BPCHAR = 1042;
    static final int VARCHAR = 1043;
    static final int DATE = 1082;
    static final int TIME = 1083;
    static final int TIMESTAMP = 1114;
    static final int TIMESTAMPTZ = 1184;
    static final int NUMERIC = 1700;

    private static final LocalDate PG_EPOCH_DATE = LocalDate.of(2000, 1, 1);
    private static final LocalDateTime PG_EPOCH = PG_EPOCH_DATE.atStartOfDay();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final short NUMERIC_POSITIVE = 0x0000;
    private static final short NUMERIC_NEGATIVE = 0x4000;
    private static final short NUMERIC_NAN = (short)0xC000;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private PgTypes()
    {
    }

    /**
     * @param oid a type OID.
     * @return the type's fixed size for RowDescription, or -1.
     */
    static short typeSize(final int oid)
    {
        return switch (oid)
        {
            case BOOL -> 1;
            case INT2 -> 2;
            case INT4, FLOAT4, DATE, OID -> 4;
            case INT8, FLOAT8, TIME, TIMESTAMP, TIMESTAMPTZ -> 8;
            default -> -1;
        };
    }

    /**
     * Writes a value's length and bytes in the requested format.
     */
    static void write(final ByteBuf out, final Object value, final int oid, final boolean binary)
    {
        if (value == null)
        {
            out.writeInt(-1);
            return;
        }
        final int lengthAt = out.writerIndex();
        out.writeInt(0);
        if (binary)
        {
            writeBinary(out, value, oid);
        }
        else
        {
            writeText(out, value);
        }
        out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
    }

    static void writeText(final ByteBuf out, final Object value)
    {
        if (value instanceof String s)
        {
            out.writeCharSequence(s, StandardCharsets.UTF_8);
        }
        else if (value instanceof byte[] bytes)
        {
            out.writeByte('\\').writeByte('x');
            for (final byte b : bytes)
            {
                out.writeByte(HEX[(b >> 4) & 0xF]).writeByte(HEX[b & 0xF]);
            }
        }
        else
        {
            out.writeCharSequence(text(value), StandardCharsets.UTF_8);
        }
    }

    /**
     * @param value a result value (not null).
     * @return its PostgreSQL text form.
     */
    static String text(final Object value)
    {
        if (value instanceof String s)
        {
            return s;
        }
        if (value instanceof Boolean b)
        {
            return b ? "t" : "f";
        }
        if (value instanceof Double d)
        {
            return floatText(d);
        }
        if (value instanceof Float f)
        {
            return floatText(Double.parseDouble(Float.toString(f)));
        }
        if (value instanceof BigDecimal d)
        {
            return d.toPlainString();
        }
        if (value instanceof LocalDateTime t)
        {
            return t.toLocalDate() + " " + timeText(t.toLocalTime());
        }
        if (value instanceof LocalTime t)
        {
            return timeText(t);
        }
        if (value instanceof byte[] bytes)
        {
            final StringBuilder hex = new StringBuilder(2 + bytes.length * 2).append("\\x");
            for (final byte b : bytes)
            {
                hex.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            return hex.toString();
        }
        return value.toString();
    }

    private static String floatText(final double d)
    {
        if (Double.isNaN(d))
        {
            return "NaN";
        }
        if (Double.isInfinite(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        final String s = Double.toString(d);
        final int e = s.indexOf('E');
        if (e < 0)
        {
            return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0"))
        {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        final int exponent = Integer.parseInt(s.substring(e + 1));
        final int magnitude = Math.abs(exponent);
        return mantissa + (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + magnitude;
    }

    private static String timeText(final LocalTime t)
    {
        final StringBuilder text = new StringBuilder(15);
        two(text, t.getHour()).append(':');
        two(text, t.getMinute()).append(':');
        two(text, t.getSecond());
        int micros = t.getNano() / 1000;
        if (micros > 0)
        {
            int digits = 6;
            while (micros % 10 == 0)
            {
                micros /= 10;
                digits--;
            }
            final String fraction = Integer.toString(micros);
            text.append('.').append("0".repeat(digits - fraction.length())).append(fraction);
        }
        return text.toString();
    }

    private static StringBuilder two(final StringBuilder text, final int value)
    {
        return text.append((char)('0' + value / 10)).append((char)('0' + value % 10));
    }

    private static void writeBinary(final ByteBuf out, final Object value, final int oid)
    {
        switch (oid)
        {
            case BOOL -> out.writeByte(((Boolean)value) ? 1 : 0);
            case INT2 -> out.writeShort(((Number)value).shortValue());
            case INT4, OID -> out.writeInt(((Number)value).intValue());
            case INT8 -> out.writeLong(((Number)value).longValue());
            case FLOAT4 -> out.writeFloat(((Number)value).floatValue());
            case FLOAT8 -> out.writeDouble(((Number)value).doubleValue());
            case NUMERIC -> writeNumeric(out, value instanceof BigDecimal d ? d : new BigDecimal(value.toString()));
            case BYTEA -> out.writeBytes((byte[])value);
            case DATE -> out.writeInt((int)ChronoUnit.DAYS.between(PG_EPOCH_DATE, (LocalDate)value));
            case TIME -> out.writeLong(((LocalTime)value).toNanoOfDay() / 1000);
            case TIMESTAMP -> out.writeLong(ChronoUnit.MICROS.between(PG_EPOCH, (LocalDateTime)value));
            default -> writeText(out, value);
        }
    }

    private static void writeNumeric(final ByteBuf out, final BigDecimal value)
    {
        final int dscale = Math.max(0, value.scale());
        final String plain = value.abs().toPlainString();
        final int dot = plain.indexOf('.');
        String integral = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        integral = "0".repeat((4 - integral.length() % 4) % 4) + integral;
        fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        final String digits = integral + fraction;
        int first = 0;
        int last = digits.length() / 4;
        int weight = integral.length() / 4 - 1;
        while (first < last && Integer.parseInt(digits, first * 4, first * 4 + 4, 10) == 0)
        {
            first++;
            weight--;
        }
        while (last > first && Integer.parseInt(digits, last * 4 - 4, last * 4, 10) == 0)
        {
            last--;
        }
        if (first == last)
        {
            weight = 0;
        }
        out.writeShort(last - first);
        out.writeShort(weight);
        out.writeShort(value.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE);
        out.writeShort(dscale);
        for (int i = first; i < last; i++)
        {
            out.writeShort(Integer.parseInt(digits, i * 4, i * 4 + 4, 10));
        }
    }

    /**
     * Reads one parameter value.
     *
     * @param oid    the parameter's type OID (0 when unspecified).
     * @param binary whether the client sent the binary format.
     * @param bytes  the value's bytes.
     * @return the value as the SQL contract takes it; text values of non-numeric types stay strings (the
     * engine reads them as literals of the parameter's type).
     * @throws ProtocolException if a binary value has the wrong size.
     */
    static Object readParameter(final int oid, final boolean binary, final byte[] bytes)
    {
        if (!binary)
        {
            final String text = new String(bytes, StandardCharsets.UTF_8);
            return oid == BYTEA ? parseBytea(text) : text;
        }
        final MessageReader reader = new MessageReader(bytes);
        final Object value = switch (oid)
        {
            case BOOL -> reader.int8() != 0;
            case INT2 -> reader.int16();
            case INT4, OID -> reader.int32();
            case INT8 -> ((long)reader.int32() << 32) | (reader.int32() & 0xFFFF_FFFFL);
            case FLOAT4 -> Float.intBitsToFloat(reader.int32());
            case FLOAT8 -> Double.longBitsToDouble(((long)reader.int32() << 32) | (reader.int32() & 0xFFFF_FFFFL));
            case NUMERIC -> readNumeric(reader);
            case BYTEA -> reader.bytes(reader.remaining());
            case DATE -> PG_EPOCH_DATE.plusDays(reader.int32());
            case TIME -> LocalTime.ofNanoOfDay((((long)reader.int32() << 32) | (reader.int32() & 0xFFFF_FFFFL)) * 1000);
            case TIMESTAMP -> PG_EPOCH.plus(((long)reader.int32() << 32) | (reader.int32() & 0xFFFF_FFFFL),
                ChronoUnit.MICROS);
            default -> new String(bytes, StandardCharsets.UTF_8);
        };
        if (reader.remaining() != 0 && !(value instanceof String))
        {
            throw new ProtocolException("binary parameter of type " + oid + " has " + bytes.length + " bytes");
        }
        return value;
    }

    private static BigDecimal readNumeric(final MessageReader reader)
    {
        final int count = reader.int16();
        final int weight = reader.int16();
        final short sign = reader.int16();
        final int dscale = reader.int16();
        if (sign == NUMERIC_NAN)
        {
            throw new ProtocolException("NaN numeric parameters are not supported");
        }
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < count; i++)
        {
            unscaled = unscaled.multiply(TEN_THOUSAND).add(BigInteger.valueOf(reader.int16()));
        }
        BigDecimal value = new BigDecimal(unscaled).scaleByPowerOfTen(4 * (weight - count + 1));
        value = value.setScale(Math.max(0, dscale), RoundingMode.DOWN);
        return sign == NUMERIC_NEGATIVE ? value.negate() : value;
    }

    /**
     * Reads bytea's text forms: hex ({@code \x0a0b}) or escape ({@code \\}, {@code \ooo}, plain bytes).
     */
    static byte[] parseBytea(final String text)
    {
        if (text.startsWith("\\x"))
        {
            final int n = (text.length() - 2) / 2;
            final byte[] bytes = new byte[n];
            for (int i = 0; i < n; i++)
            {
                bytes[i] = (byte)Integer.parseInt(text, 2 + 2 * i, 4 + 2 * i, 16);
            }
            return bytes;
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        final byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.length && raw[i + 1] == '\\')
            {
                out.write('\\');
                i++;
            }
            else if (raw[i] == '\\' && i + 3 < raw.length)
            {
                out.write(Integer.parseInt(new String(raw, i + 1, 3, StandardCharsets.US_ASCII), 8));
                i += 3;
            }
            else
            {
                out.write(raw[i]);
            }
        }
        return out.toByteArray();
    }
}
