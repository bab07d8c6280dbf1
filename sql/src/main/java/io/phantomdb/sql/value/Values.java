package io.phantomdb.sql.value;

import io.phantomdb.core.schema.ColumnType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;

/**
 * SQL ordering, equality and hashing of non-null values, and three-valued logic.
 * <p>
 * {@link #compare} orders two values of the same (already coerced) type as PostgreSQL does: numbers
 * numerically whatever their boxes ({@code 1 = 1L = 1.0 = 1.00}), NaN above every other number and equal to
 * itself, {@code -0.0 = 0.0}; strings by Unicode code point (the C collation); {@code byte[]} unsigned
 * lexicographically; {@code false < true}; dates and times chronologically (a DATE against a TIMESTAMP as
 * its midnight). {@link #equal} and {@link #hash} agree with it, so values that compare equal group together
 * in hash tables whatever their boxes.
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
public final class Values
{
    private static final int NAN_HASH = 0x7ff80000;

    private Values()
    {
    }

    /**
     * @param value a value of one of the SQL classes, not null.
     * @return its natural SQL type (String is TEXT, BigDecimal unconstrained NUMERIC, Byte SMALLINT).
     * @throws IllegalArgumentException for a class that is not a SQL value.
     */
    public static ColumnType typeOf(final Object value)
    {
        if (value instanceof String)
        {
            return ColumnType.TEXT;
        }
        if (value instanceof Integer)
        {
            return ColumnType.INTEGER;
        }
        if (value instanceof Long)
        {
            return ColumnType.BIGINT;
        }
        if (value instanceof Boolean)
        {
            return ColumnType.BOOLEAN;
        }
        if (value instanceof BigDecimal || value instanceof BigInteger)
        {
            return ColumnType.NUMERIC;
        }
        if (value instanceof Double)
        {
            return ColumnType.DOUBLE_PRECISION;
        }
        if (value instanceof Float)
        {
            return ColumnType.REAL;
        }
        if (value instanceof Short || value instanceof Byte)
        {
            return ColumnType.SMALLINT;
        }
        if (value instanceof LocalDate)
        {
            return ColumnType.DATE;
        }
        if (value instanceof LocalDateTime)
        {
            return ColumnType.TIMESTAMP;
        }
        if (value instanceof LocalTime)
        {
            return ColumnType.TIME;
        }
        if (value instanceof byte[])
        {
            return ColumnType.BYTEA;
        }
        throw new IllegalArgumentException("not a SQL value: " + (value == null ? "null" : value.getClass().getName()));
    }

    /**
     * Compares two non-null values of the same type (numbers may be in different boxes).
     *
     * @param a a value.
     * @param b a value.
     * @return negative, zero or positive as a sorts before, with or after b.
     * @throws IllegalArgumentException when the values are of incomparable classes.
     */
    public static int compare(final Object a, final Object b)
    {
        if (a instanceof String && b instanceof String)
        {
            return compareCodePoints((String)a, (String)b);
        }
        if (a instanceof Number && b instanceof Number)
        {
            return compareNumbers((Number)a, (Number)b);
        }
        if (a instanceof Boolean && b instanceof Boolean)
        {
            return Boolean.compare((Boolean)a, (Boolean)b);
        }
        if (a instanceof byte[] && b instanceof byte[])
        {
            return Arrays.compareUnsigned((byte[])a, (byte[])b);
        }
        if (a instanceof LocalDate && b instanceof LocalDate)
        {
            return ((LocalDate)a).compareTo((LocalDate)b);
        }
        if (a instanceof LocalDateTime && b instanceof LocalDateTime)
        {
            return ((LocalDateTime)a).compareTo((LocalDateTime)b);
        }
        if (a instanceof LocalTime && b instanceof LocalTime)
        {
            return ((LocalTime)a).compareTo((LocalTime)b);
        }
        if (a instanceof LocalDate && b instanceof LocalDateTime)
        {
            return ((LocalDate)a).atStartOfDay().compareTo((LocalDateTime)b);
        }
        if (a instanceof LocalDateTime && b instanceof LocalDate)
        {
            return ((LocalDateTime)a).compareTo(((LocalDate)b).atStartOfDay());
        }
        throw new IllegalArgumentException("cannot compare " + className(a) + " with " + className(b));
    }

    private static String className(final Object o)
    {
        return o == null ? "null" : o.getClass().getSimpleName();
    }

    /**
     * @param a a value, not null.
     * @param b a value, not null.
     * @return true if {@link #compare} is 0.
     */
    public static boolean equal(final Object a, final Object b)
    {
        if (a instanceof String && b instanceof String)
        {
            return a.equals(b);
        }
        if (a instanceof Integer && b instanceof Integer)
        {
            return ((Integer)a).intValue() == ((Integer)b).intValue();
        }
        if (a instanceof Long && b instanceof Long)
        {
            return ((Long)a).longValue() == ((Long)b).longValue();
        }
        if (a instanceof byte[] && b instanceof byte[])
        {
            return Arrays.equals((byte[])a, (byte[])b);
        }
        return compare(a, b) == 0;
    }

    /**
     * A hash consistent with {@link #equal}: numbers equal in value hash alike whatever their boxes
     * ({@code 1}, {@code 1L}, {@code 1.0}, {@code 1.00}).
     *
     * @param value a value, or null (hashes to 0).
     * @return the hash.
     */
    public static int hash(final Object value)
    {
        if (value == null)
        {
            return 0;
        }
        if (value instanceof String)
        {
            return value.hashCode();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte)
        {
            return Long.hashCode(((Number)value).longValue());
        }
        if (value instanceof Double || value instanceof Float)
        {
            return hashDouble(((Number)value).doubleValue());
        }
        if (value instanceof BigDecimal)
        {
            return hashDecimal((BigDecimal)value);
        }
        if (value instanceof BigInteger)
        {
            return hashDecimal(new BigDecimal((BigInteger)value));
        }
        if (value instanceof byte[])
        {
            return Arrays.hashCode((byte[])value);
        }
        if (value instanceof LocalDate)
        {
            return ((LocalDate)value).atStartOfDay().hashCode();
        }
        return value.hashCode();
    }

    private static int hashDouble(final double d)
    {
        if (Double.isNaN(d))
        {
            return NAN_HASH;
        }
        if (d == Math.rint(d) && d >= -9.223372036854775808E18 && d < 9.223372036854775808E18)
        {
            return Long.hashCode((long)d);
        }
        return Double.hashCode(d);
    }

    private static int hashDecimal(final BigDecimal value)
    {
        if (value.signum() == 0)
        {
            return 0;
        }
        final BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 19)
        {
            final BigInteger whole = stripped.toBigIntegerExact();
            if (whole.bitLength() < 64)
            {
                return Long.hashCode(whole.longValue());
            }
        }
        final double d = stripped.doubleValue();
        if (!Double.isInfinite(d) && new BigDecimal(d).compareTo(stripped) == 0)
        {
            return hashDouble(d);
        }
        return stripped.hashCode();
    }

    private static int compareNumbers(final Number a, final Number b)
    {
        final boolean integralA = isIntegralBox(a);
        final boolean integralB = isIntegralBox(b);
        if (integralA && integralB)
        {
            return Long.compare(a.longValue(), b.longValue());
        }
        final boolean floatA = a instanceof Double || a instanceof Float;
        final boolean floatB = b instanceof Double || b instanceof Float;
        if (floatA && floatB)
        {
            return compareDoubles(a.doubleValue(), b.doubleValue());
        }
        if (floatA && integralB)
        {
            return -compareLongDouble(b.longValue(), a.doubleValue());
        }
        if (integralA && floatB)
        {
            return compareLongDouble(a.longValue(), b.doubleValue());
        }
        if (floatA)
        {
            return compareDoubleDecimal(a.doubleValue(), decimal(b));
        }
        if (floatB)
        {
            return -compareDoubleDecimal(b.doubleValue(), decimal(a));
        }
        return decimal(a).compareTo(decimal(b));
    }

    private static boolean isIntegralBox(final Number n)
    {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    private static BigDecimal decimal(final Number n)
    {
        if (n instanceof BigDecimal)
        {
            return (BigDecimal)n;
        }
        if (n instanceof BigInteger)
        {
            return new BigDecimal((BigInteger)n);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    /**
     * Compares doubles as PostgreSQL's float8 comparisons: NaN equal to NaN and above everything,
     * {@code -0.0 = 0.0}.
     *
     * @param x a double.
     * @param y a double.
     * @return negative, zero or positive.
     */
    public static int compareDoubles(final double x, final double y)
    {
        if (Double.isNaN(x))
        {
            return Double.isNaN(y) ? 0 : 1;
        }
        if (Double.isNaN(y))
        {
            return -1;
        }
        return x < y ? -1 : (x > y ? 1 : 0);
    }

    private static int compareLongDouble(final long l, final double d)
    {
        if (Double.isNaN(d) || d >= 9.223372036854775808E18)
        {
            return -1;
        }
        if (d < -9.223372036854775808E18)
        {
            return 1;
        }
        final long whole = (long)d;
        if (l != whole)
        {
            return l < whole ? -1 : 1;
        }
        final double fraction = d - whole;
        return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0);
    }

    private static int compareDoubleDecimal(final double d, final BigDecimal decimal)
    {
        if (Double.isNaN(d) || d == Double.POSITIVE_INFINITY)
        {
            return 1;
        }
        if (d == Double.NEGATIVE_INFINITY)
        {
            return -1;
        }
        return new BigDecimal(d).compareTo(decimal);
    }

    /**
     * Compares strings by Unicode code point, as PostgreSQL's C collation (UTF-16 order differs for
     * characters above U+FFFF).
     *
     * @param a a string.
     * @param b a string.
     * @return negative, zero or positive.
     */
    public static int compareCodePoints(final String a, final String b)
    {
        final int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++)
        {
            final char ca = a.charAt(i);
            final char cb = b.charAt(i);
            if (ca != cb)
            {
                return fixUp(ca) - fixUp(cb);
            }
        }
        return a.length() - b.length();
    }

    private static int fixUp(final char c)
    {
        if (c >= 0xD800)
        {
            return c >= 0xE000 ? c - 0x800 : c + 0x2000;
        }
        return c;
    }

    /**
     * A comparison operator in three-valued logic, on two values of the same (already coerced) type.
     *
     * @param op one of {@code = <> != < <= > >=}.
     * @param a  a value, or null.
     * @param b  a value, or null.
     * @return the truth value, or null if either operand is null.
     * @throws IllegalArgumentException for another operator.
     */
    public static Boolean compareOp(final String op, final Object a, final Object b)
    {
        if (a == null || b == null)
        {
            return null;
        }
        switch (op)
        {
            case "=":
                return equal(a, b);
            case "<>":
            case "!=":
                return !equal(a, b);
            case "<":
                return compare(a, b) < 0;
            case "<=":
                return compare(a, b) <= 0;
            case ">":
                return compare(a, b) > 0;
            case ">=":
                return compare(a, b) >= 0;
            default:
                throw new IllegalArgumentException("not a comparison operator: " + op);
        }
    }

    /**
     * SQL AND: false if either is false, else null if either is null, else true.
     *
     * @param a a truth value or null (unknown).
     * @param b a truth value or null (unknown).
     * @return the result.
     */
    public static Boolean and(final Boolean a, final Boolean b)
    {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b))
        {
            return Boolean.FALSE;
        }
        return a == null || b == null ? null : Boolean.TRUE;
    }

    /**
     * SQL OR: true if either is true, else null if either is null, else false.
     *
     * @param a a truth value or null (unknown).
     * @param b a truth value or null (unknown).
     * @return the result.
     */
    public static Boolean or(final Boolean a, final Boolean b)
    {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b))
        {
            return Boolean.TRUE;
        }
        return a == null || b == null ? null : Boolean.FALSE;
    }

    /**
     * SQL NOT: null stays null.
     *
     * @param a a truth value or null (unknown).
     * @return the result.
     */
    public static Boolean not(final Boolean a)
    {
        return a == null ? null : !a;
    }

    /**
     * {@code a IS DISTINCT FROM b}: like not-equal, but null is not distinct from null and distinct from
     * any value.
     *
     * @param a a value or null.
     * @param b a value or null.
     * @return true if distinct.
     */
    public static boolean distinct(final Object a, final Object b)
    {
        if (a == null || b == null)
        {
            return a != b;
        }
        return !equal(a, b);
    }
}
