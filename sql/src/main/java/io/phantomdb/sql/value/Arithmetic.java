package io.phantomdb.sql.value;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * SQL operators on values with PostgreSQL's semantics. Operands may be in any numeric boxes: the result
 * has the type {@link TypeRules#arithmeticType} gives, so {@code Integer + Long} is a {@code Long},
 * {@code Short + Short} a {@code Short} and {@code Float + Integer} a {@code Double}. Any null operand gives
 * null.
 * <ul>
 *   <li>Integer overflow fails with 22003 {@code integer out of range} / {@code bigint out of range} /
 *   {@code smallint out of range}; integer division truncates toward zero.</li>
 *   <li>Division or modulo by zero fails with 22012 {@code division by zero} for every numeric type,
 *   floating point included.</li>
 *   <li>NUMERIC division gives at least 16 significant digits, with PostgreSQL's result scale.</li>
 *   <li>Floating point results that overflow to infinity from finite operands fail with 22003
 *   {@code value out of range: overflow}.</li>
 *   <li>{@code date + integer}, {@code integer + date}, {@code date - integer} give a date; {@code date - date}
 *   an integer (days); {@code date + time} a timestamp.</li>
 * </ul>
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
public final class Arithmetic
{
    private static final int SHORT = 0;
    private static final int INT = 1;
    private static final int LONG = 2;
    private static final int DECIMAL = 3;
    private static final int FLOAT = 4;
    private static final int DOUBLE = 5;
    private static final int NUMERIC_MIN_SIG_DIGITS = 16;
    private static final int NUMERIC_MAX_DISPLAY_SCALE = 1000;

    private Arithmetic()
    {
    }

    /**
     * {@code a + b}.
     *
     * @param a a number or date (or time with a date), or null.
     * @param b a number or date (or time with a date), or null.
     * @return the sum, or null.
     * @throws SqlException 22003 on overflow; 42883 for operand types without {@code +}.
     */
    public static Object add(final Object a, final Object b)
    {
        if (a == null || b == null)
        {
            return null;
        }
        if (a instanceof Integer && b instanceof Integer)
        {
            final int x = (Integer)a;
            final int y = (Integer)b;
            final int r = x + y;
            if (((x ^ r) & (y ^ r)) < 0)
            {
                throw ValueErrors.outOfRange("integer");
            }
            return r;
        }
        if (a instanceof Number && b instanceof Number)
        {
            final Number x = (Number)a;
            final Number y = (Number)b;
            switch (rank(x, y))
            {
                case SHORT:
                    return toShort(x.intValue() + y.intValue());
                case INT:
                    return toInt((long)x.intValue() + y.intValue());
                case LONG:
                {
                    final long l = x.longValue();
                    final long m = y.longValue();
                    final long r = l + m;
                    if (((l ^ r) & (m ^ r)) < 0)
                    {
                        throw ValueErrors.outOfRange("bigint");
                    }
                    return r;
                }
                case DECIMAL:
                    return Casts.toBigDecimal(x).add(Casts.toBigDecimal(y));
                case FLOAT:
                    return checkFloat(Casts.toReal(x) + Casts.toReal(y), x, y);
                default:
                    return checkDouble(Casts.toDouble(x) + Casts.toDouble(y), x, y);
            }
        }
        if (a instanceof LocalDate && isIntegral(b))
        {
            return ((LocalDate)a).plusDays(((Number)b).longValue());
        }
        if (isIntegral(a) && b instanceof LocalDate)
        {
            return ((LocalDate)b).plusDays(((Number)a).longValue());
        }
        if (a instanceof LocalDate && b instanceof LocalTime)
        {
            return LocalDateTime.of((LocalDate)a, (LocalTime)b);
        }
        if (a instanceof LocalTime && b instanceof LocalDate)
        {
            return LocalDateTime.of((LocalDate)b, (LocalTime)a);
        }
        throw noOperator("+", a, b);
    }

    /**
     * {@code a - b}.
     *
     * @param a a number or date, or null.
     * @param b a number or date, or null.
     * @return the difference (days as an Integer for date - date), or null.
     * @throws SqlException 22003 on overflow; 42883 for operand types without {@code -}.
     */
    public static Object subtract(final Object a, final Object b)
    {
        if (a == null || b == null)
        {
            return null;
        }
        if (a instanceof Number && b instanceof Number)
        {
            final Number x = (Number)a;
            final Number y = (Number)b;
            switch (rank(x, y))
            {
                case SHORT:
                    return toShort(x.intValue() - y.intValue());
                case INT:
                    return toInt((long)x.intValue() - y.intValue());
                case LONG:
                {
                    final long l = x.longValue();
                    final long m = y.longValue();
                    final long r = l - m;
                    if (((l ^ m) & (l ^ r)) < 0)
                    {
                        throw ValueErrors.outOfRange("bigint");
                    }
                    return r;
                }
                case DECIMAL:
                    return Casts.toBigDecimal(x).subtract(Casts.toBigDecimal(y));
                case FLOAT:
                    return checkFloat(Casts.toReal(x) - Casts.toReal(y), x, y);
                default:
                    return checkDouble(Casts.toDouble(x) - Casts.toDouble(y), x, y);
            }
        }
        if (a instanceof LocalDate && isIntegral(b))
        {
            return ((LocalDate)a).minusDays(((Number)b).longValue());
        }
        if (a instanceof LocalDate && b instanceof LocalDate)
        {
            return (int)ChronoUnit.DAYS.between((LocalDate)b, (LocalDate)a);
        }
        if ((a instanceof LocalDateTime || a instanceof LocalDate) && (b instanceof LocalDateTime || b instanceof LocalDate))
        {
            throw new SqlException(
                SqlState.FEATURE_NOT_SUPPORTED, "timestamp - timestamp needs type interval, which is not supported");
        }
        throw noOperator("-", a, b);
    }

    /**
     * {@code a * b}.
     *
     * @param a a number, or null.
     * @param b a number, or null.
     * @return the product, or null.
     * @throws SqlException 22003 on overflow; 42883 for non-numbers.
     */
    public static Object multiply(final Object a, final Object b)
    {
        if (a == null || b == null)
        {
            return null;
        }
        if (!(a instanceof Number && b instanceof Number))
        {
            throw noOperator("*", a, b);
        }
        final Number x = (Number)a;
        final Number y = (Number)b;
        switch (rank(x, y))
        {
            case SHORT:
                return toShort(x.intValue() * y.intValue());
            case INT:
                return toInt((long)x.intValue() * y.intValue());
            case LONG:
            {
                final long l = x.longValue();
                final long m = y.longValue();
                final long hi = Math.multiplyHigh(l, m);
                final long lo = l * m;
                if (hi != (lo >> 63))
                {
                    throw ValueErrors.outOfRange("bigint");
                }
                return lo;
            }
            case DECIMAL:
                return Casts.toBigDecimal(x).multiply(Casts.toBigDecimal(y));
            case FLOAT:
                return checkFloat(Casts.toReal(x) * Casts.toReal(y), x, y);
            default:
                return checkDouble(Casts.toDouble(x) * Casts.toDouble(y), x, y);
        }
    }

    /**
     * {@code a / b}: integer division truncates; NUMERIC division uses PostgreSQL's result scale (at least
     * 16 significant digits, and no less than either operand's scale), rounded half away from zero.
     *
     * @param a a number, or null.
     * @param b a number, or null.
     * @return the quotient, or null.
     * @throws SqlException 22012 {@code division by zero}; 22003 on overflow ({@code -2147483648 / -1}).
     */
    public static Object divide(final Object a, final Object b)
    {
        if (a == null || b == null)
        {
            return null;
        }
        if (!(a instanceof Number && b instanceof Number))
        {
            throw noOperator("/", a, b);
        }
        final Number x = (Number)a;
        final Number y = (Number)b;
        switch (rank(x, y))
        {
            case SHORT:
            case INT:
            {
                final int d = y.intValue();
                if (d == 0)
                {
                    throw ValueErrors.divisionByZero();
                }
                return rank(x, y) == SHORT ? toShort(x.intValue() / d) : toInt((long)x.intValue() / d);
            }
            case LONG:
            {
                final long d = y.longValue();
                if (d == 0)
                {
                    throw ValueErrors.divisionByZero();
                }
                final long n = x.longValue();
                if (n == Long.MIN_VALUE && d == -1)
                {
                    throw ValueErrors.outOfRange("bigint");
                }
                return n / d;
            }
            case DECIMAL:
                return divideDecimal(Casts.toBigDecimal(x), Casts.toBigDecimal(y));
            case FLOAT:
            {
                final float d = Casts.toReal(y);
                if (d == 0)
                {
                    throw ValueErrors.divisionByZero();
                }
                return checkFloat(Casts.toReal(x) / d, x, y);
            }
            default:
            {
                final double d = Casts.toDouble(y);
                if (d == 0)
                {
                    throw ValueErrors.divisionByZero();
                }
                return checkDouble(Casts.toDouble(x) / d, x, y);
            }
        }
    }

    /**
     * NUMERIC division with PostgreSQL's {@code select_div_scale}: enough digits after the point for 16
     * significant digits in the quotient, and at least the scale of either operand.
     *
     * @param x the dividend.
     * @param y the divisor.
     * @return the rounded quotient.
     * @throws SqlException 22012 {@code division by zero}.
     */
    public static BigDecimal divideDecimal(final BigDecimal x, final BigDecimal y)
    {
        if (y.signum() == 0)
        {
            throw ValueErrors.divisionByZero();
        }
        final int weight1 = baseWeight(x);
        final int weight2 = baseWeight(y);
        final int first1 = firstBaseDigit(x, weight1);
        final int first2 = firstBaseDigit(y, weight2);
        int qweight = weight1 - weight2;
        if (first1 <= first2)
        {
            qweight--;
        }
        int scale = NUMERIC_MIN_SIG_DIGITS - qweight * 4;
        scale = Math.max(scale, Math.max(x.scale(), 0));
        scale = Math.max(scale, Math.max(y.scale(), 0));
        scale = Math.min(scale, NUMERIC_MAX_DISPLAY_SCALE);
        return x.divide(y, scale, RoundingMode.HALF_UP);
    }

    private static int baseWeight(final BigDecimal v)
    {
        if (v.signum() == 0)
        {
            return 0;
        }
        final int exponent10 = v.precision() - v.scale() - 1;
        return Math.floorDiv(exponent10, 4);
    }

    private static int firstBaseDigit(final BigDecimal v, final int weight)
    {
        if (v.signum() == 0)
        {
            return 0;
        }
        return v.abs().movePointLeft(4 * weight).intValue();
    }

    /**
     * {@code a % b}: the remainder with the sign of the dividend, for integers and NUMERIC.
     *
     * @param a a number, or null.
     * @param b a number, or null.
     * @return the remainder, or null.
     * @throws SqlException 22012 {@code division by zero}; 42883 for floating point operands.
     */
    public static Object modulo(final Object a, final Object b)
    {
        if (a == null || b == null)
        {
            return null;
        }
        if (!(a instanceof Number && b instanceof Number))
        {
            throw noOperator("%", a, b);
        }
        final Number x = (Number)a;
        final Number y = (Number)b;
        switch (rank(x, y))
        {
            case SHORT:
            case INT:
            {
                final int d = y.intValue();
                if (d == 0)
                {
                    throw ValueErrors.divisionByZero();
                }
                final int r = d == -1 ? 0 : x.intValue() % d;
                return rank(x, y) == SHORT ? (Object)(short)r : (Object)r;
            }
            case LONG:
            {
                final long d = y.longValue();
                if (d == 0)
                {
                    throw ValueErrors.divisionByZero();
                }
                return d == -1 ? 0L : x.longValue() % d;
            }
            case DECIMAL:
            {
                final BigDecimal d = Casts.toBigDecimal(y);
                if (d.signum() == 0)
                {
                    throw ValueErrors.divisionByZero();
                }
                return Casts.toBigDecimal(x).remainder(d);
            }
            default:
                throw noOperator("%", a, b);
        }
    }

    /**
     * Unary minus.
     *
     * @param a a number, or null.
     * @return its negation, or null.
     * @throws SqlException 22003 for the most negative integer; 42883 for non-numbers.
     */
    public static Object negate(final Object a)
    {
        if (a == null)
        {
            return null;
        }
        if (a instanceof Integer)
        {
            final int v = (Integer)a;
            if (v == Integer.MIN_VALUE)
            {
                throw ValueErrors.outOfRange("integer");
            }
            return -v;
        }
        if (a instanceof Long)
        {
            final long v = (Long)a;
            if (v == Long.MIN_VALUE)
            {
                throw ValueErrors.outOfRange("bigint");
            }
            return -v;
        }
        if (a instanceof Short || a instanceof Byte)
        {
            return toShort(-((Number)a).intValue());
        }
        if (a instanceof BigDecimal)
        {
            return ((BigDecimal)a).negate();
        }
        if (a instanceof Double)
        {
            return -(Double)a;
        }
        if (a instanceof Float)
        {
            return -(Float)a;
        }
        throw new SqlException(
            SqlState.UNDEFINED_OPERATOR, "operator does not exist: - " + TypeRules.displayName(Values.typeOf(a)));
    }

    /**
     * {@code a || b}: string concatenation; a non-string operand is converted as {@code CAST(x AS text)}.
     *
     * @param a a value, or null.
     * @param b a value, or null.
     * @return the concatenation, or null if either is null.
     */
    public static String concat(final Object a, final Object b)
    {
        if (a == null || b == null)
        {
            return null;
        }
        return Casts.toText(a).concat(Casts.toText(b));
    }

    private static boolean isIntegral(final Object o)
    {
        return o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte;
    }

    private static int rank(final Number x, final Number y)
    {
        final int rx = rankOf(x);
        final int ry = rankOf(y);
        if (rx != ry && (rx == FLOAT || ry == FLOAT))
        {
            return DOUBLE;
        }
        return Math.max(rx, ry);
    }

    private static int rankOf(final Number n)
    {
        if (n instanceof Integer)
        {
            return INT;
        }
        if (n instanceof Long)
        {
            return LONG;
        }
        if (n instanceof Double)
        {
            return DOUBLE;
        }
        if (n instanceof BigDecimal || n instanceof BigInteger)
        {
            return DECIMAL;
        }
        if (n instanceof Float)
        {
            return FLOAT;
        }
        return SHORT;
    }

    private static short toShort(final int v)
    {
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE)
        {
            throw ValueErrors.outOfRange("smallint");
        }
        return (short)v;
    }

    private static int toInt(final long v)
    {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)
        {
            throw ValueErrors.outOfRange("integer");
        }
        return (int)v;
    }

    private static float checkFloat(final float r, final Number x, final Number y)
    {
        if (Float.isInfinite(r) && !isInfinite(x) && !isInfinite(y))
        {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return r;
    }

    private static double checkDouble(final double r, final Number x, final Number y)
    {
        if (Double.isInfinite(r) && !isInfinite(x) && !isInfinite(y))
        {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return r;
    }

    private static boolean isInfinite(final Number n)
    {
        return (n instanceof Double || n instanceof Float) && Double.isInfinite(n.doubleValue());
    }

    private static SqlException noOperator(final String op, final Object a, final Object b)
    {
        return ValueErrors.noOperator(
            op, TypeRules.displayName(Values.typeOf(a)), TypeRules.displayName(Values.typeOf(b)));
    }
}
