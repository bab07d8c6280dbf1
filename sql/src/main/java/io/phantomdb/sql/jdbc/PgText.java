package io.phantomdb.sql.jdbc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Formats values the way PostgreSQL prints them as text: booleans {@code t}/{@code f}, floats in their
 * shortest exact form ({@code 1.5}, {@code 1e+20}), NUMERIC in plain notation, BYTEA as {@code \x0a1b},
 * TIME and TIMESTAMP with seconds always and microseconds when not zero ({@code 2024-01-02 03:04:05.5}).
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
public final class PgText
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private PgText()
    {
    }

    /**
     * @param value a value as the SQL layer returns it (or any other object, printed with toString); not null.
     * @return its PostgreSQL text form.
     */
    public static String format(final Object value)
    {
        if (value instanceof String)
        {
            return (String)value;
        }
        if (value instanceof Boolean)
        {
            return (Boolean)value ? "t" : "f";
        }
        if (value instanceof Double)
        {
            return floating((Double)value, 15);
        }
        if (value instanceof Float)
        {
            return floating(Double.parseDouble(Float.toString((Float)value)), 6);
        }
        if (value instanceof BigDecimal)
        {
            return ((BigDecimal)value).toPlainString();
        }
        if (value instanceof byte[])
        {
            return bytes((byte[])value);
        }
        if (value instanceof LocalDate)
        {
            return DATE.format((LocalDate)value);
        }
        if (value instanceof LocalTime)
        {
            return time((LocalTime)value);
        }
        if (value instanceof LocalDateTime)
        {
            final LocalDateTime timestamp = (LocalDateTime)value;
            return DATE.format(timestamp) + ' ' + time(timestamp.toLocalTime());
        }
        return value.toString();
    }

    private static String floating(final double value, final int plainExponentLimit)
    {
        if (Double.isNaN(value))
        {
            return "NaN";
        }
        if (Double.isInfinite(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0)
        {
            return 1 / value < 0 ? "-0" : "0";
        }
        final BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        final int exponent = exact.precision() - exact.scale() - 1;
        if (exponent >= -5 && exponent < plainExponentLimit)
        {
            return exact.toPlainString();
        }
        final BigDecimal mantissa = exact.movePointLeft(exponent);
        return mantissa.toPlainString() + (exponent < 0 ? "e-" : "e+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    private static String bytes(final byte[] value)
    {
        final StringBuilder sb = new StringBuilder(2 + value.length * 2).append("\\x");
        for (final byte b : value)
        {
            sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
        return sb.toString();
    }

    private static String time(final LocalTime time)
    {
        final String whole = TIME.format(time);
        final int micros = time.getNano() / 1000;
        if (micros == 0)
        {
            return whole;
        }
        String fraction = Integer.toString(1_000_000 + micros).substring(1);
        while (fraction.endsWith("0"))
        {
            fraction = fraction.substring(0, fraction.length() - 1);
        }
        return whole + '.' + fraction;
    }
}
