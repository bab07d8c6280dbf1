package io.phantomdb.sql.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.UUID;

/**
 * Converts between the Java values the SQL layer uses (listed in {@link io.phantomdb.sql.SqlSession}) and
 * what JDBC callers pass in and ask for: the typed getters of result sets, {@code getObject(int, Class)},
 * and the parameter setters. Numbers convert to each other (fractions truncate toward zero, out-of-range
 * values fail), text converts to anything it spells, and java.sql date/time classes convert to and from
 * java.time. Every failure is an {@link SQLException} with SQLSTATE 07006.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
public final class Values
{
    private Values()
    {
    }

    /**
     * @param value a parameter value from a JDBC caller.
     * @return the value in the classes the SQL layer accepts.
     * @throws SQLException if the class has no SQL counterpart.
     */
    public static Object toParameter(final Object value) throws SQLException
    {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long ||
            value instanceof Boolean || value instanceof BigDecimal || value instanceof Double || value instanceof Float ||
            value instanceof Short || value instanceof byte[] || value instanceof LocalDate ||
            value instanceof LocalDateTime || value instanceof LocalTime)
        {
            return value;
        }
        if (value instanceof Byte)
        {
            return (short)(Byte)value;
        }
        if (value instanceof BigInteger)
        {
            return new BigDecimal((BigInteger)value);
        }
        if (value instanceof Character || value instanceof UUID || value instanceof StringBuilder)
        {
            return value.toString();
        }
        if (value instanceof java.sql.Date)
        {
            return ((java.sql.Date)value).toLocalDate();
        }
        if (value instanceof java.sql.Time)
        {
            return toLocalTime(value);
        }
        if (value instanceof java.sql.Timestamp)
        {
            return ((java.sql.Timestamp)value).toLocalDateTime();
        }
        if (value instanceof java.util.Date)
        {
            return new java.sql.Timestamp(((java.util.Date)value).getTime()).toLocalDateTime();
        }
        if (value instanceof OffsetDateTime)
        {
            return ((OffsetDateTime)value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof Instant)
        {
            return LocalDateTime.ofInstant((Instant)value, ZoneOffset.UTC);
        }
        throw SqlErrors.cannotConvert(value, "a SQL value: use a number, String, byte[], BigDecimal or java.time/java.sql date value");
    }

    /**
     * @param value   a value (not null).
     * @param sqlType the {@link java.sql.Types} code wanted.
     * @param scale   digits after the point for NUMERIC/DECIMAL, or -1 to keep the value's.
     * @return the value converted for a parameter of that JDBC type.
     * @throws SQLException if it cannot be converted.
     */
    public static Object toParameter(final Object value, final int sqlType, final int scale) throws SQLException
    {
        final Class<?> target = JdbcTypes.javaClass(sqlType);
        if (target == null)
        {
            return toParameter(value);
        }
        final Object converted = to(toParameter(value), target);
        if (converted instanceof BigDecimal && scale >= 0)
        {
            return ((BigDecimal)converted).setScale(scale, RoundingMode.HALF_UP);
        }
        return converted;
    }

    /**
     * Converts a non-null value to a class a JDBC caller asks for.
     *
     * @param value  the value, as the SQL layer returns it.
     * @param target the class wanted (boxed or primitive numbers, String, BigDecimal, BigInteger, byte[],
     *               java.time and java.sql date/time classes, OffsetDateTime and Instant as UTC, Object).
     * @param <T>    the class.
     * @return the converted value.
     * @throws SQLException if the value cannot be converted.
     */
    @SuppressWarnings("unchecked")
    public static <T> T to(final Object value, final Class<T> target) throws SQLException
    {
        final Object result;
        if (target == Object.class || target.isInstance(value) && !(value instanceof java.util.Date))
        {
            result = value;
        }
        else if (target == String.class)
        {
            result = PgText.format(value);
        }
        else if (target == Integer.class || target == int.class)
        {
            result = (int)toLong(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
        }
        else if (target == Long.class || target == long.class)
        {
            result = toLong(value, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
        }
        else if (target == Short.class || target == short.class)
        {
            result = (short)toLong(value, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
        }
        else if (target == Byte.class || target == byte.class)
        {
            result = (byte)toLong(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
        }
        else if (target == Boolean.class || target == boolean.class)
        {
            result = toBoolean(value);
        }
        else if (target == Double.class || target == double.class)
        {
            result = toDouble(value);
        }
        else if (target == Float.class || target == float.class)
        {
            result = (float)toDouble(value);
        }
        else if (target == BigDecimal.class)
        {
            result = toBigDecimal(value);
        }
        else if (target == BigInteger.class)
        {
            result = toBigDecimal(value).toBigInteger();
        }
        else if (target == byte[].class)
        {
            result = toBytes(value);
        }
        else
        {
            result = toTemporal(value, target);
        }
        return (T)result;
    }

    /**
     * @param value a value as the SQL layer returns it, or null.
     * @return what {@link java.sql.ResultSet#getObject(int)} returns: java.sql date/time classes instead of
     * java.time, {@link Integer} for SMALLINT; other values unchanged.
     */
    public static Object toJdbcObject(final Object value)
    {
        if (value instanceof LocalDate)
        {
            return java.sql.Date.valueOf((LocalDate)value);
        }
        if (value instanceof LocalDateTime)
        {
            return java.sql.Timestamp.valueOf((LocalDateTime)value);
        }
        if (value instanceof LocalTime)
        {
            return toSqlTime((LocalTime)value);
        }
        if (value instanceof Short)
        {
            return (int)(Short)value;
        }
        return value;
    }

    /**
     * @param timestamp a local date-time.
     * @param calendar  the time zone to read it in, or null for the JVM's default.
     * @return the {@link java.sql.Timestamp} of that instant.
     */
    public static java.sql.Timestamp toTimestamp(final LocalDateTime timestamp, final Calendar calendar)
    {
        if (calendar == null)
        {
            return java.sql.Timestamp.valueOf(timestamp);
        }
        return java.sql.Timestamp.from(timestamp.atZone(calendar.getTimeZone().toZoneId()).toInstant());
    }

    /**
     * @param timestamp a {@link java.sql.Timestamp} (or {@link java.util.Date}) from a caller.
     * @param calendar  the time zone to store it in, or null for the JVM's default.
     * @return the local date-time it shows in that zone.
     */
    public static LocalDateTime fromTimestamp(final java.util.Date timestamp, final Calendar calendar)
    {
        final java.sql.Timestamp ts = timestamp instanceof java.sql.Timestamp ?
            (java.sql.Timestamp)timestamp : new java.sql.Timestamp(timestamp.getTime());
        if (calendar == null)
        {
            return ts.toLocalDateTime();
        }
        return LocalDateTime.ofInstant(ts.toInstant(), calendar.getTimeZone().toZoneId());
    }

    private static java.sql.Time toSqlTime(final LocalTime time)
    {
        return new java.sql.Time(java.sql.Time.valueOf(time.withNano(0)).getTime() + time.getNano() / 1_000_000);
    }

    private static long toLong(final Object value, final long min, final long max, final String type) throws SQLException
    {
        final long result;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)
        {
            result = ((Number)value).longValue();
        }
        else if (value instanceof Boolean)
        {
            result = (Boolean)value ? 1 : 0;
        }
        else if (value instanceof Number || value instanceof String)
        {
            final BigDecimal whole = toBigDecimal(value).setScale(0, RoundingMode.DOWN);
            if (whole.compareTo(BigDecimal.valueOf(min)) < 0 || whole.compareTo(BigDecimal.valueOf(max)) > 0)
            {
                throw new SQLException(
                    "value " + PgText.format(value) + " is out of range for " + type, "22003");
            }
            result = whole.longValue();
        }
        else
        {
            throw SqlErrors.cannotConvert(value, type);
        }
        if (result < min || result > max)
        {
            throw new SQLException("value " + result + " is out of range for " + type, "22003");
        }
        return result;
    }

    private static boolean toBoolean(final Object value) throws SQLException
    {
        if (value instanceof Number)
        {
            return toBigDecimal(value).signum() != 0;
        }
        if (value instanceof String)
        {
            switch (((String)value).trim().toLowerCase(java.util.Locale.ROOT))
            {
                case "t":
                case "true":
                case "y":
                case "yes":
                case "on":
                case "1":
                    return true;
                case "f":
                case "false":
                case "n":
                case "no":
                case "off":
                case "0":
                    return false;
                default:
                    break;
            }
        }
        throw SqlErrors.cannotConvert(value, "boolean");
    }

    private static double toDouble(final Object value) throws SQLException
    {
        if (value instanceof Number)
        {
            return ((Number)value).doubleValue();
        }
        if (value instanceof Boolean)
        {
            return (Boolean)value ? 1 : 0;
        }
        if (value instanceof String)
        {
            try
            {
                return Double.parseDouble(((String)value).trim());
            }
            catch (final NumberFormatException ex)
            {
                throw SqlErrors.cannotConvert(value, "double precision");
            }
        }
        throw SqlErrors.cannotConvert(value, "double precision");
    }

    private static BigDecimal toBigDecimal(final Object value) throws SQLException
    {
        if (value instanceof BigDecimal)
        {
            return (BigDecimal)value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)
        {
            return BigDecimal.valueOf(((Number)value).longValue());
        }
        if (value instanceof BigInteger)
        {
            return new BigDecimal((BigInteger)value);
        }
        if (value instanceof Double || value instanceof Float)
        {
            final double d = ((Number)value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d))
            {
                throw SqlErrors.cannotConvert(value, "numeric");
            }
            return value instanceof Float ? new BigDecimal(value.toString()) : BigDecimal.valueOf(d);
        }
        if (value instanceof Boolean)
        {
            return (Boolean)value ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof String)
        {
            try
            {
                return new BigDecimal(((String)value).trim());
            }
            catch (final NumberFormatException ex)
            {
                throw SqlErrors.cannotConvert(value, "numeric");
            }
        }
        throw SqlErrors.cannotConvert(value, "numeric");
    }

    private static byte[] toBytes(final Object value) throws SQLException
    {
        if (value instanceof byte[])
        {
            return (byte[])value;
        }
        if (value instanceof String)
        {
            return ((String)value).getBytes(StandardCharsets.UTF_8);
        }
        throw SqlErrors.cannotConvert(value, "bytea");
    }

    private static Object toTemporal(final Object value, final Class<?> target) throws SQLException
    {
        final Object local = value instanceof java.util.Date ? toParameter(value) : value;
        if (target == LocalDate.class)
        {
            return toLocalDate(local);
        }
        if (target == LocalTime.class)
        {
            return toLocalTime(local);
        }
        if (target == LocalDateTime.class)
        {
            return toLocalDateTime(local);
        }
        if (target == java.sql.Date.class)
        {
            return java.sql.Date.valueOf(toLocalDate(local));
        }
        if (target == java.sql.Time.class)
        {
            return toSqlTime(toLocalTime(local));
        }
        if (target == java.sql.Timestamp.class || target == java.util.Date.class)
        {
            return java.sql.Timestamp.valueOf(toLocalDateTime(local));
        }
        if (target == OffsetDateTime.class)
        {
            return toLocalDateTime(local).atOffset(ZoneOffset.UTC);
        }
        if (target == Instant.class)
        {
            return toLocalDateTime(local).toInstant(ZoneOffset.UTC);
        }
        throw SqlErrors.cannotConvert(value, target.getName());
    }

    private static LocalDate toLocalDate(final Object value) throws SQLException
    {
        if (value instanceof LocalDate)
        {
            return (LocalDate)value;
        }
        if (value instanceof LocalDateTime)
        {
            return ((LocalDateTime)value).toLocalDate();
        }
        if (value instanceof String)
        {
            try
            {
                return LocalDate.parse(((String)value).trim());
            }
            catch (final DateTimeParseException ex)
            {
                throw SqlErrors.cannotConvert(value, "date");
            }
        }
        throw SqlErrors.cannotConvert(value, "date");
    }

    private static LocalTime toLocalTime(final Object value) throws SQLException
    {
        if (value instanceof LocalTime)
        {
            return (LocalTime)value;
        }
        if (value instanceof java.sql.Time)
        {
            final long millis = ((java.sql.Time)value).getTime();
            return ((java.sql.Time)value).toLocalTime().withNano((int)Math.floorMod(millis, 1000L) * 1_000_000);
        }
        if (value instanceof LocalDateTime)
        {
            return ((LocalDateTime)value).toLocalTime();
        }
        if (value instanceof String)
        {
            try
            {
                return LocalTime.parse(((String)value).trim());
            }
            catch (final DateTimeParseException ex)
            {
                throw SqlErrors.cannotConvert(value, "time");
            }
        }
        throw SqlErrors.cannotConvert(value, "time");
    }

    private static LocalDateTime toLocalDateTime(final Object value) throws SQLException
    {
        if (value instanceof LocalDateTime)
        {
            return (LocalDateTime)value;
        }
        if (value instanceof LocalDate)
        {
            return ((LocalDate)value).atStartOfDay();
        }
        if (value instanceof String)
        {
            try
            {
                return LocalDateTime.parse(((String)value).trim().replace(' ', 'T'));
            }
            catch (final DateTimeParseException ex)
            {
                throw SqlErrors.cannotConvert(value, "timestamp");
            }
        }
        throw SqlErrors.cannotConvert(value, "timestamp");
    }
}
