package io.phantomdb.sql.value;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.value.json.Json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Conversions between SQL types with PostgreSQL's semantics: {@link #cast} for {@code CAST(x AS t)} and
 * {@code x::t}, {@link #assign} for storing a value in a column (INSERT, UPDATE) or binding a parameter.
 * <ul>
 *   <li>Numbers narrow with a range check (22003 {@code integer out of range}); NUMERIC to an integer rounds
 *   half away from zero, REAL/DOUBLE PRECISION to an integer rounds half to even ({@code rint}) as PostgreSQL
 *   does; {@code NUMERIC(p,s)} rounds to s digits and fails with 22003 {@code numeric field overflow} when
 *   the integer part does not fit.</li>
 *   <li>Text converts to every type by {@link PgText#parse(String, ColumnType)}; every type converts to text
 *   by {@link #toText(Object)} (booleans become {@code true}/{@code false}).</li>
 *   <li>{@code VARCHAR(n)}/{@code CHAR(n)}: an explicit cast truncates to n characters; assignment fails with
 *   22001 unless the excess is blanks. {@code CHAR(n)} pads with blanks; its trailing blanks are dropped when
 *   it converts to VARCHAR or TEXT.</li>
 *   <li>BOOLEAN and INTEGER convert both ways; DATE, TIMESTAMP and TIME convert where PostgreSQL allows;
 *   JSON converts from and to text only (validated).</li>
 *   <li>Anything else fails with 42846 {@code cannot cast type boolean to date}.</li>
 * </ul>
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
public final class Casts
{
    private static final MathContext DOUBLE_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final MathContext FLOAT_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Casts()
    {
    }

    /**
     * An explicit cast.
     *
     * @param value a value of {@code from}'s Java class, or null.
     * @param from  its type, or null (unknown) to go by the value's class (a String is then text).
     * @param to    the target type; null (unknown) returns the value unchanged.
     * @return the converted value, or null for null.
     * @throws SqlException 22P02/22003/22007/22008/22023 for values that do not convert; 42846 when no cast
     *                      exists between the types.
     */
    public static Object cast(final Object value, final ColumnType from, final ColumnType to)
    {
        if (value == null || to == null)
        {
            return value;
        }
        final ColumnType source = from != null ? from : Values.typeOf(value);
        if (source.kind() == TypeKind.JSON && to.kind() != TypeKind.JSON && !TypeRules.isString(to))
        {
            throw cannotCast(source, to);
        }
        switch (to.kind())
        {
            case BOOLEAN:
                if (value instanceof Boolean)
                {
                    return value;
                }
                if (value instanceof String)
                {
                    return PgText.parseBoolean((String)value);
                }
                if (value instanceof Integer)
                {
                    return (Integer)value != 0;
                }
                throw cannotCast(source, to);
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case REAL:
            case DOUBLE_PRECISION:
            case NUMERIC:
                return toNumber(value, source, to);
            case CHAR:
            case VARCHAR:
            case TEXT:
                return fitText(fromCharacter(toText(value), source, to), to, true);
            case BYTEA:
                if (value instanceof byte[])
                {
                    return value;
                }
                if (value instanceof String)
                {
                    return PgText.parseBytea((String)value);
                }
                throw cannotCast(source, to);
            case DATE:
                if (value instanceof LocalDate)
                {
                    return value;
                }
                if (value instanceof LocalDateTime)
                {
                    return ((LocalDateTime)value).toLocalDate();
                }
                if (value instanceof String)
                {
                    return DateTimeText.parseDate((String)value);
                }
                throw cannotCast(source, to);
            case TIME:
                if (value instanceof LocalTime)
                {
                    return value;
                }
                if (value instanceof LocalDateTime)
                {
                    return ((LocalDateTime)value).toLocalTime();
                }
                if (value instanceof String)
                {
                    return DateTimeText.parseTime((String)value);
                }
                throw cannotCast(source, to);
            case TIMESTAMP:
                if (value instanceof LocalDateTime)
                {
                    return value;
                }
                if (value instanceof LocalDate)
                {
                    return ((LocalDate)value).atStartOfDay();
                }
                if (value instanceof String)
                {
                    return DateTimeText.parseTimestamp((String)value);
                }
                throw cannotCast(source, to);
            case JSON:
                if (value instanceof String)
                {
                    if (source.kind() != TypeKind.JSON)
                    {
                        Json.validate((String)value);
                    }
                    return value;
                }
                throw cannotCast(source, to);
            default:
                throw cannotCast(source, to);
        }
    }

    /**
     * An assignment cast: storing a value in a column of type {@code to} (INSERT, UPDATE, COPY) or binding a
     * parameter. As {@link #cast} but strings too long for {@code VARCHAR(n)}/{@code CHAR(n)} fail unless the
     * excess is blanks, and only the conversions {@link TypeRules#isAssignable} allows are made.
     *
     * @param value a value of {@code from}'s Java class, or null.
     * @param from  its type, or null (unknown) to go by the value's class.
     * @param to    the column type.
     * @return the value to store, or null for null.
     * @throws SqlException 22001 {@code value too long for type character varying(5)}; 22003; 22P02; 42804 when
     *                      the types are not assignment-compatible.
     */
    public static Object assign(final Object value, final ColumnType from, final ColumnType to)
    {
        if (value == null)
        {
            return null;
        }
        final ColumnType source = from != null ? from : Values.typeOf(value);
        if (!TypeRules.isAssignable(source, to))
        {
            throw new SqlException(
                SqlState.DATATYPE_MISMATCH,
                "value of type " + TypeRules.displayName(source) + " cannot be assigned to type " +
                TypeRules.displayName(to));
        }
        if (TypeRules.isString(to))
        {
            return fitText(fromCharacter(toText(value), source, to), to, false);
        }
        return cast(value, source, to);
    }

    private static String fromCharacter(final String text, final ColumnType source, final ColumnType to)
    {
        if (source.kind() != TypeKind.CHAR || to.kind() == TypeKind.CHAR)
        {
            return text;
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ')
        {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * The text of a value as {@code CAST(x AS text)} gives it: {@link PgText#format} except booleans, which
     * become {@code true}/{@code false}.
     *
     * @param value a value, or null.
     * @return its text, or null.
     */
    public static String toText(final Object value)
    {
        if (value instanceof String || value == null)
        {
            return (String)value;
        }
        if (value instanceof Boolean)
        {
            return (Boolean)value ? "true" : "false";
        }
        return PgText.format(value, null);
    }

    /**
     * Applies a string type's length: {@code CHAR(n)} pads to n characters, {@code VARCHAR(n)} and
     * {@code CHAR(n)} truncate (explicit) or reject (assignment) longer values; TEXT and VARCHAR keep them.
     *
     * @param text     a string, not null.
     * @param type     CHAR, VARCHAR or TEXT.
     * @param explicit true for a cast, false for an assignment.
     * @return the string to use.
     * @throws SqlException 22001 {@code value too long for type character varying(5)} on assignment.
     */
    public static String fitText(final String text, final ColumnType type, final boolean explicit)
    {
        final int max = type.length();
        if (max == ColumnType.UNSPECIFIED || type.kind() == TypeKind.TEXT)
        {
            return text;
        }
        final int length = text.codePointCount(0, text.length());
        if (length > max)
        {
            final int cut = text.offsetByCodePoints(0, max);
            if (!explicit)
            {
                for (int i = cut; i < text.length(); i++)
                {
                    if (text.charAt(i) != ' ')
                    {
                        throw new SqlException(
                            SqlState.STRING_DATA_RIGHT_TRUNCATION,
                            "value too long for type " + TypeRules.displayName(type));
                    }
                }
            }
            return text.substring(0, cut);
        }
        if (type.kind() == TypeKind.CHAR && length < max)
        {
            final StringBuilder sb = new StringBuilder(text.length() + max - length).append(text);
            for (int i = length; i < max; i++)
            {
                sb.append(' ');
            }
            return sb.toString();
        }
        return text;
    }

    private static Object toNumber(final Object value, final ColumnType source, final ColumnType to)
    {
        if (value instanceof String)
        {
            return PgText.parse((String)value, to);
        }
        if (value instanceof Boolean)
        {
            if (to.kind() == TypeKind.INTEGER)
            {
                return (Boolean)value ? 1 : 0;
            }
            throw cannotCast(source, to);
        }
        if (!(value instanceof Number))
        {
            throw cannotCast(source, to);
        }
        final Number n = (Number)value;
        switch (to.kind())
        {
            case SMALLINT:
            {
                final long v = toLongRounded(n, "smallint");
                if (v < Short.MIN_VALUE || v > Short.MAX_VALUE)
                {
                    throw ValueErrors.outOfRange("smallint");
                }
                return (short)v;
            }
            case INTEGER:
            {
                final long v = toLongRounded(n, "integer");
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)
                {
                    throw ValueErrors.outOfRange("integer");
                }
                return (int)v;
            }
            case BIGINT:
                return toLongRounded(n, "bigint");
            case REAL:
                return toReal(n);
            case DOUBLE_PRECISION:
                return toDouble(n);
            case NUMERIC:
                return toNumericType(toBigDecimal(n), to);
            default:
                throw cannotCast(source, to);
        }
    }

    private static long toLongRounded(final Number n, final String typeName)
    {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte)
        {
            return n.longValue();
        }
        if (n instanceof Double || n instanceof Float)
        {
            final double d = Math.rint(n.doubleValue());
            if (Double.isNaN(d) || d < -9.223372036854775808E18 || d >= 9.223372036854775808E18)
            {
                throw ValueErrors.outOfRange(typeName);
            }
            return (long)d;
        }
        final BigDecimal rounded = toBigDecimal(n).setScale(0, RoundingMode.HALF_UP);
        if (rounded.compareTo(LONG_MIN) < 0 || rounded.compareTo(LONG_MAX) > 0)
        {
            throw ValueErrors.outOfRange(typeName);
        }
        return rounded.longValue();
    }

    /**
     * @param n any numeric box.
     * @return its value as a float.
     * @throws SqlException 22003 {@code value out of range: overflow} (or underflow) when it does not fit.
     */
    public static float toReal(final Number n)
    {
        if (n instanceof Float)
        {
            return (Float)n;
        }
        final double d = n.doubleValue();
        final float f = (float)d;
        if (Float.isInfinite(f) && !(Double.isInfinite(d) && !(n instanceof BigDecimal)))
        {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        if (f == 0 && d != 0)
        {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
        }
        return f;
    }

    /**
     * @param n any numeric box.
     * @return its value as a double.
     * @throws SqlException 22003 {@code value out of range: overflow} for a NUMERIC too large for a double.
     */
    public static double toDouble(final Number n)
    {
        final double d = n.doubleValue();
        if (Double.isInfinite(d) && (n instanceof BigDecimal || n instanceof BigInteger))
        {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return d;
    }

    /**
     * Converts any numeric box to NUMERIC; a double keeps 15 significant digits and a float 6, as
     * PostgreSQL's {@code float8::numeric} and {@code float4::numeric}.
     *
     * @param n any numeric box.
     * @return the value.
     * @throws SqlException 0A000 for NaN and infinities, which NUMERIC does not hold here.
     */
    public static BigDecimal toBigDecimal(final Number n)
    {
        if (n instanceof BigDecimal)
        {
            return (BigDecimal)n;
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte)
        {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof BigInteger)
        {
            return new BigDecimal((BigInteger)n);
        }
        final boolean isFloat = n instanceof Float;
        final double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d))
        {
            throw new SqlException(
                SqlState.FEATURE_NOT_SUPPORTED, "NaN and Infinity are not supported for type numeric");
        }
        final BigDecimal exact = isFloat ? new BigDecimal(Float.toString(n.floatValue())) : new BigDecimal(d);
        final BigDecimal rounded = exact.round(isFloat ? FLOAT_DIGITS : DOUBLE_DIGITS).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /**
     * Rounds a NUMERIC to a constrained {@code NUMERIC(p,s)} (half away from zero).
     *
     * @param value a value, not null.
     * @param type  NUMERIC, constrained or not.
     * @return the value at scale s, or unchanged when the type is unconstrained.
     * @throws SqlException 22003 {@code numeric field overflow} when the integer part has more than p - s digits.
     */
    public static BigDecimal toNumericType(final BigDecimal value, final ColumnType type)
    {
        if (type.precision() == ColumnType.UNSPECIFIED)
        {
            return value;
        }
        final BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.signum() != 0 && scaled.precision() - scaled.scale() > type.precision() - type.scale())
        {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow");
        }
        return scaled;
    }

    private static SqlException cannotCast(final ColumnType from, final ColumnType to)
    {
        return ValueErrors.cannotCast(TypeRules.displayName(from), TypeRules.displayName(to));
    }
}
