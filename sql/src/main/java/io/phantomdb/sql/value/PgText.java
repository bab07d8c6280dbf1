package io.phantomdb.sql.value;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.value.json.Json;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;

/**
 * PostgreSQL's text format of every type: what the wire protocol sends, psql shows, and a cast from text
 * reads. {@link #format(Object, ColumnType)} writes it (bool {@code t}/{@code f}, numeric plain, float
 * shortest round-trip like PostgreSQL 12+, bytea {@code \x} hex, ISO dates and times);
 * {@link #parse(String, ColumnType)} reads it (the cast from text).
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
public final class PgText
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PgText()
    {
    }

    /**
     * Writes a value in PostgreSQL's text output format.
     *
     * @param value a value of {@code type}'s Java class, or null.
     * @param type  its type, or null to go by the value's class.
     * @return the text, or null for SQL NULL.
     */
    public static String format(final Object value, final ColumnType type)
    {
        if (value == null)
        {
            return null;
        }
        if (value instanceof String)
        {
            return (String)value;
        }
        if (value instanceof Boolean)
        {
            return (Boolean)value ? "t" : "f";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte ||
            value instanceof BigInteger)
        {
            return value.toString();
        }
        if (value instanceof BigDecimal)
        {
            return ((BigDecimal)value).toPlainString();
        }
        if (value instanceof Double)
        {
            return formatDouble((Double)value);
        }
        if (value instanceof Float)
        {
            return formatFloat((Float)value);
        }
        if (value instanceof byte[])
        {
            return formatBytea((byte[])value);
        }
        if (value instanceof LocalDate)
        {
            return formatDate((LocalDate)value);
        }
        if (value instanceof LocalTime)
        {
            return formatTime((LocalTime)value);
        }
        if (value instanceof LocalDateTime)
        {
            final LocalDateTime ts = (LocalDateTime)value;
            final LocalDate date = ts.toLocalDate();
            final StringBuilder sb = new StringBuilder(26);
            appendDateDigits(sb, date);
            sb.append(' ');
            appendTime(sb, ts.toLocalTime());
            appendEra(sb, date);
            return sb.toString();
        }
        throw new IllegalArgumentException("not a SQL value: " + value.getClass().getName());
    }

    /**
     * @param d a double.
     * @return PostgreSQL 12+ float8 output: shortest round-trip digits, exponent form below 1e-4 and from
     * 1e15 ({@code 1e+15}, {@code 1.5e-05}), {@code Infinity}, {@code -Infinity}, {@code NaN}.
     */
    public static String formatDouble(final double d)
    {
        if (Double.isNaN(d))
        {
            return "NaN";
        }
        if (Double.isInfinite(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0)
        {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0" : "0";
        }
        BigDecimal digits = new BigDecimal(Double.toString(d));
        int precision = digits.precision();
        while (precision > 1)
        {
            final BigDecimal shorter = digits.round(new MathContext(precision - 1, RoundingMode.HALF_EVEN));
            if (shorter.doubleValue() != d)
            {
                break;
            }
            digits = shorter;
            precision--;
        }
        return formatShortest(digits, 15);
    }

    /**
     * @param f a float.
     * @return PostgreSQL 12+ float4 output: shortest round-trip digits, exponent form below 1e-4 and from 1e6.
     */
    public static String formatFloat(final float f)
    {
        if (Float.isNaN(f))
        {
            return "NaN";
        }
        if (Float.isInfinite(f))
        {
            return f > 0 ? "Infinity" : "-Infinity";
        }
        if (f == 0)
        {
            return (Float.floatToRawIntBits(f) < 0) ? "-0" : "0";
        }
        BigDecimal digits = new BigDecimal(Float.toString(f));
        int precision = digits.precision();
        while (precision > 1)
        {
            final BigDecimal shorter = digits.round(new MathContext(precision - 1, RoundingMode.HALF_EVEN));
            if (shorter.floatValue() != f)
            {
                break;
            }
            digits = shorter;
            precision--;
        }
        return formatShortest(digits, 6);
    }

    private static String formatShortest(final BigDecimal value, final int maxDigitsPlain)
    {
        final BigDecimal stripped = value.stripTrailingZeros();
        final int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent < -4 || exponent >= maxDigitsPlain)
        {
            final String unscaled = stripped.unscaledValue().abs().toString();
            final StringBuilder sb = new StringBuilder(unscaled.length() + 8);
            if (stripped.signum() < 0)
            {
                sb.append('-');
            }
            sb.append(unscaled.charAt(0));
            if (unscaled.length() > 1)
            {
                sb.append('.').append(unscaled, 1, unscaled.length());
            }
            sb.append('e').append(exponent < 0 ? '-' : '+');
            final int abs = Math.abs(exponent);
            if (abs < 10)
            {
                sb.append('0');
            }
            sb.append(abs);
            return sb.toString();
        }
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    /**
     * @param bytes bytes.
     * @return {@code \x} followed by two lower-case hex digits per byte.
     */
    public static String formatBytea(final byte[] bytes)
    {
        final char[] out = new char[2 + bytes.length * 2];
        out[0] = '\\';
        out[1] = 'x';
        for (int i = 0; i < bytes.length; i++)
        {
            out[2 + 2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[3 + 2 * i] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * @param date a date.
     * @return ISO {@code YYYY-MM-DD}; years before 1 as PostgreSQL writes them ({@code 0001-01-01 BC}).
     */
    public static String formatDate(final LocalDate date)
    {
        final StringBuilder sb = new StringBuilder(13);
        appendDateDigits(sb, date);
        appendEra(sb, date);
        return sb.toString();
    }

    /**
     * @param time a time.
     * @return {@code HH:MM:SS} with {@code .ffffff} (trailing zeros dropped) when there are microseconds.
     */
    public static String formatTime(final LocalTime time)
    {
        final StringBuilder sb = new StringBuilder(15);
        appendTime(sb, time);
        return sb.toString();
    }

    private static void appendDateDigits(final StringBuilder sb, final LocalDate date)
    {
        final int year = date.getYear() <= 0 ? 1 - date.getYear() : date.getYear();
        pad(sb, year, 4);
        sb.append('-');
        pad(sb, date.getMonthValue(), 2);
        sb.append('-');
        pad(sb, date.getDayOfMonth(), 2);
    }

    private static void appendEra(final StringBuilder sb, final LocalDate date)
    {
        if (date.getYear() <= 0)
        {
            sb.append(" BC");
        }
    }

    private static void appendTime(final StringBuilder sb, final LocalTime time)
    {
        pad(sb, time.getHour(), 2);
        sb.append(':');
        pad(sb, time.getMinute(), 2);
        sb.append(':');
        pad(sb, time.getSecond(), 2);
        int micros = time.getNano() / 1000;
        if (micros != 0)
        {
            int digits = 6;
            while (micros % 10 == 0)
            {
                micros /= 10;
                digits--;
            }
            sb.append('.');
            pad(sb, micros, digits);
        }
    }

    private static void pad(final StringBuilder sb, final int value, final int width)
    {
        final String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++)
        {
            sb.append('0');
        }
        sb.append(s);
    }

    /**
     * Reads PostgreSQL's text input format of a type: the cast from text. Leading and trailing white space is
     * ignored for numbers, booleans, dates and times (as PostgreSQL does); string types are returned as given
     * (length rules are {@link Casts}'s job); JSON is validated and kept as given.
     *
     * @param text the text, or null.
     * @param type the target type; null (unknown) returns the text.
     * @return the value, or null for null text.
     * @throws SqlException 22P02 for malformed input, 22003 for numbers out of range, 22007/22008 for dates.
     */
    public static Object parse(final String text, final ColumnType type)
    {
        if (text == null)
        {
            return null;
        }
        if (type == null)
        {
            return text;
        }
        switch (type.kind())
        {
            case BOOLEAN:
                return parseBoolean(text);
            case SMALLINT:
            {
                final long v = parseLong(text, "smallint");
                if (v < Short.MIN_VALUE || v > Short.MAX_VALUE)
                {
                    throw rangeOf(text, "smallint");
                }
                return (short)v;
            }
            case INTEGER:
            {
                final long v = parseLong(text, "integer");
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)
                {
                    throw rangeOf(text, "integer");
                }
                return (int)v;
            }
            case BIGINT:
                return parseLong(text, "bigint");
            case REAL:
            {
                final double d = parseFloat(text, "real");
                final float f = (float)d;
                if (Float.isInfinite(f) && !Double.isInfinite(d) || f == 0 && d != 0)
                {
                    throw rangeOf(text, "real");
                }
                return f;
            }
            case DOUBLE_PRECISION:
                return parseFloat(text, "double precision");
            case NUMERIC:
                return Casts.toNumericType(parseNumeric(text), type);
            case CHAR:
            case VARCHAR:
            case TEXT:
                return text;
            case BYTEA:
                return parseBytea(text);
            case DATE:
                return DateTimeText.parseDate(text);
            case TIME:
                return DateTimeText.parseTime(text);
            case TIMESTAMP:
                return DateTimeText.parseTimestamp(text);
            case JSON:
                Json.validate(text);
                return text;
            default:
                throw new IllegalStateException("unknown kind " + type.kind());
        }
    }

    private static SqlException rangeOf(final String text, final String typeName)
    {
        return new SqlException(
            SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"" + text + "\" is out of range for type " + typeName);
    }

    /**
     * @param text {@code t true y yes on 1 f false n no off 0} and their unique prefixes, any case, trimmed.
     * @return the boolean.
     * @throws SqlException 22P02 {@code invalid input syntax for type boolean: "x"}.
     */
    public static Boolean parseBoolean(final String text)
    {
        final String s = text.trim().toLowerCase();
        if (!s.isEmpty())
        {
            switch (s.charAt(0))
            {
                case 't':
                    if ("true".startsWith(s))
                    {
                        return Boolean.TRUE;
                    }
                    break;
                case 'f':
                    if ("false".startsWith(s))
                    {
                        return Boolean.FALSE;
                    }
                    break;
                case 'y':
                    if ("yes".startsWith(s))
                    {
                        return Boolean.TRUE;
                    }
                    break;
                case 'n':
                    if ("no".startsWith(s))
                    {
                        return Boolean.FALSE;
                    }
                    break;
                case 'o':
                    if ("on".equals(s))
                    {
                        return Boolean.TRUE;
                    }
                    if ("of".equals(s) || "off".equals(s))
                    {
                        return Boolean.FALSE;
                    }
                    break;
                case '1':
                    if (s.length() == 1)
                    {
                        return Boolean.TRUE;
                    }
                    break;
                case '0':
                    if (s.length() == 1)
                    {
                        return Boolean.FALSE;
                    }
                    break;
                default:
                    break;
            }
        }
        throw ValueErrors.invalidText("boolean", text);
    }

    private static long parseLong(final String text, final String typeName)
    {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start)))
        {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1)))
        {
            end--;
        }
        int i = start;
        boolean negative = false;
        if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-'))
        {
            negative = text.charAt(i) == '-';
            i++;
        }
        if (i == end)
        {
            throw ValueErrors.invalidText(typeName, text);
        }
        long value = 0;
        boolean overflow = false;
        for (; i < end; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                throw ValueErrors.invalidText(typeName, text);
            }
            final int digit = c - '0';
            if (value < (Long.MIN_VALUE + digit) / 10)
            {
                overflow = true;
            }
            else
            {
                value = value * 10 - digit;
            }
        }
        if (overflow || (!negative && value == Long.MIN_VALUE))
        {
            throw rangeOf(text, typeName);
        }
        return negative ? value : -value;
    }

    private static boolean isSpace(final char c)
    {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static double parseFloat(final String text, final String typeName)
    {
        final String s = text.trim();
        switch (s.toLowerCase())
        {
            case "nan":
                return Double.NaN;
            case "infinity":
            case "+infinity":
            case "inf":
            case "+inf":
                return Double.POSITIVE_INFINITY;
            case "-infinity":
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (!isDecimalSyntax(s))
        {
            throw ValueErrors.invalidText(typeName, text);
        }
        final double d = Double.parseDouble(s);
        if (Double.isInfinite(d))
        {
            throw rangeOf(s, typeName);
        }
        if (d == 0 && hasNonZeroDigit(s))
        {
            throw rangeOf(s, typeName);
        }
        return d;
    }

    private static boolean hasNonZeroDigit(final String s)
    {
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            if (c == 'e' || c == 'E')
            {
                return false;
            }
            if (c >= '1' && c <= '9')
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @param s text without surrounding spaces.
     * @return true for {@code [+-]digits[.digits][e[+-]digits]} with at least one mantissa digit.
     */
    static boolean isDecimalSyntax(final String s)
    {
        final int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-'))
        {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i)))
        {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.')
        {
            i++;
            while (i < n && isDigit(s.charAt(i)))
            {
                i++;
                digits++;
            }
        }
        if (digits == 0)
        {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E'))
        {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-'))
            {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i)))
            {
                i++;
                expDigits++;
            }
            if (expDigits == 0)
            {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(final char c)
    {
        return c >= '0' && c <= '9';
    }

    /**
     * @param text a decimal number, optionally with exponent, trimmed.
     * @return the value; scale at least 0 (PostgreSQL keeps the written scale: {@code 1.50} has scale 2).
     * @throws SqlException 22P02 {@code invalid input syntax for type numeric: "x"}; 0A000 for NaN/Infinity.
     */
    public static BigDecimal parseNumeric(final String text)
    {
        final String s = text.trim();
        if (!isDecimalSyntax(s))
        {
            final String lower = s.toLowerCase();
            if ("nan".equals(lower) || lower.endsWith("infinity") || lower.endsWith("inf"))
            {
                throw new SqlException(
                    SqlState.FEATURE_NOT_SUPPORTED, "NaN and Infinity are not supported for type numeric");
            }
            throw ValueErrors.invalidText("numeric", text);
        }
        final BigDecimal value;
        try
        {
            value = new BigDecimal(s);
        }
        catch (final NumberFormatException | ArithmeticException ex)
        {
            throw rangeOf(s, "numeric");
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /**
     * @param text {@code \x} followed by pairs of hex digits (white space between pairs allowed), or the
     *             escape format ({@code \\} and {@code \ooo} octal escapes, other characters as UTF-8).
     * @return the bytes.
     * @throws SqlException 22023 for bad hex digits or an odd count; 22P02 for a bad escape.
     */
    public static byte[] parseBytea(final String text)
    {
        if (text.length() >= 2 && text.charAt(0) == '\\' && (text.charAt(1) == 'x' || text.charAt(1) == 'X'))
        {
            final byte[] buffer = new byte[(text.length() - 2) / 2];
            int count = 0;
            int i = 2;
            final int n = text.length();
            while (i < n)
            {
                final char c = text.charAt(i);
                if (isSpace(c))
                {
                    i++;
                    continue;
                }
                final int hi = hexValue(c);
                if (i + 1 >= n)
                {
                    throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
                }
                final int lo = hexValue(text.charAt(i + 1));
                buffer[count++] = (byte)((hi << 4) | lo);
                i += 2;
            }
            return count == buffer.length ? buffer : Arrays.copyOf(buffer, count);
        }
        if (text.indexOf('\\') < 0)
        {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        final int n = text.length();
        while (i < n)
        {
            final char c = text.charAt(i);
            if (c != '\\')
            {
                final int end = nextBackslash(text, i);
                final byte[] chunk = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(chunk, 0, chunk.length);
                i = end;
            }
            else if (i + 1 < n && text.charAt(i + 1) == '\\')
            {
                out.write('\\');
                i += 2;
            }
            else if (i + 3 < n && isOctal(text.charAt(i + 1)) && isOctal(text.charAt(i + 2)) &&
                isOctal(text.charAt(i + 3)) && text.charAt(i + 1) <= '3')
            {
                out.write(((text.charAt(i + 1) - '0') << 6) | ((text.charAt(i + 2) - '0') << 3) |
                    (text.charAt(i + 3) - '0'));
                i += 4;
            }
            else
            {
                throw ValueErrors.invalidText("bytea", text);
            }
        }
        return out.toByteArray();
    }

    private static int nextBackslash(final String text, final int from)
    {
        final int i = text.indexOf('\\', from);
        return i < 0 ? text.length() : i;
    }

    private static boolean isOctal(final char c)
    {
        return c >= '0' && c <= '7';
    }

    private static int hexValue(final char c)
    {
        if (c >= '0' && c <= '9')
        {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f')
        {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F')
        {
            return c - 'A' + 10;
        }
        throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"" + c + "\"");
    }

    /**
     * Validates a date/time value's range for the message PostgreSQL gives.
     *
     * @param text the input.
     * @param ex   the JDK's complaint.
     * @return 22008 {@code date/time field value out of range: "2021-02-30"}.
     */
    static SqlException fieldOutOfRange(final String text, final DateTimeException ex)
    {
        return new SqlException(
            ValueErrors.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"", 0, ex);
    }
}
