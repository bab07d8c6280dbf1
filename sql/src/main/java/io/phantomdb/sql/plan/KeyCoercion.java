package io.phantomdb.sql.plan;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.exec.ValueCoercer;
import io.phantomdb.sql.value.Casts;
import io.phantomdb.sql.value.TypeRules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Converts key bound values to the Java class of the key column's type: values already of that class pass
 * through untouched (no allocation on the point lookup path), others are cast.
 * <p>
 * A number that an integer key column cannot hold exactly (out of range, or with a fraction) is not an
 * error: an equality bound on it matches nothing ({@code null}), and a range bound is rounded outwards and
 * clamped to the column's range, which is safe because range predicates stay behind as residual filters
 * (PostgreSQL compares {@code int4} with {@code int8} or {@code numeric} without casting the column).
 * <p>
 * <b>Note:</b> stateless.
 */
final class KeyCoercion
{
    /** How a bound that an integer key cannot hold exactly is treated. */
    enum Rounding
    {
        /** An equality: the key cannot equal it, so nothing matches ({@code null}). */
        EXACT,
        /** A lower bound: round down, clamp into the column's range. */
        DOWN,
        /** An upper bound: round up, clamp into the column's range. */
        UP
    }

    private KeyCoercion()
    {
    }

    static ValueCoercer to(final ColumnType type)
    {
        return to(type, Rounding.EXACT);
    }

    static ValueCoercer to(final ColumnType type, final Rounding rounding)
    {
        final Class<?> target = switch (type.kind())
        {
            case BOOLEAN -> Boolean.class;
            case SMALLINT -> Short.class;
            case INTEGER -> Integer.class;
            case BIGINT -> Long.class;
            case REAL -> Float.class;
            case DOUBLE_PRECISION -> Double.class;
            case NUMERIC -> BigDecimal.class;
            case BYTEA -> byte[].class;
            case DATE -> LocalDate.class;
            case TIME -> LocalTime.class;
            case TIMESTAMP -> LocalDateTime.class;
            default -> String.class;
        };
        final ColumnType castType = type.kind() == TypeKind.NUMERIC ? ColumnType.NUMERIC :
            TypeRules.unconstrained(type);
        final TypeKind kind = type.kind();
        if (kind == TypeKind.SMALLINT || kind == TypeKind.INTEGER || kind == TypeKind.BIGINT)
        {
            return value -> value.getClass() == target ? value :
                value instanceof Number ? integral((Number)value, kind, rounding) : Casts.cast(value, null, castType);
        }
        return value -> value.getClass() == target ? value : Casts.cast(value, null, castType);
    }

    private static Object integral(final Number value, final TypeKind kind, final Rounding rounding)
    {
        final long min = kind == TypeKind.SMALLINT ? Short.MIN_VALUE : kind == TypeKind.INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
        final long max = kind == TypeKind.SMALLINT ? Short.MAX_VALUE : kind == TypeKind.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
        final BigDecimal exact;
        if (value instanceof Double || value instanceof Float)
        {
            final double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d))
            {
                return rounding == Rounding.EXACT ? null : box(Double.isNaN(d) || d > 0 ? max : min, kind);
            }
            exact = new BigDecimal(d);
        }
        else
        {
            exact = value instanceof BigDecimal ? (BigDecimal)value : BigDecimal.valueOf(value.longValue());
        }
        final BigDecimal rounded = switch (rounding)
        {
            case EXACT -> exact;
            case DOWN -> exact.setScale(0, RoundingMode.FLOOR);
            case UP -> exact.setScale(0, RoundingMode.CEILING);
        };
        if (rounding == Rounding.EXACT && rounded.stripTrailingZeros().scale() > 0)
        {
            return null;
        }
        if (rounded.compareTo(BigDecimal.valueOf(min)) < 0)
        {
            return rounding == Rounding.EXACT ? null : box(min, kind);
        }
        if (rounded.compareTo(BigDecimal.valueOf(max)) > 0)
        {
            return rounding == Rounding.EXACT ? null : box(max, kind);
        }
        return box(rounded.longValueExact(), kind);
    }

    private static Object box(final long value, final TypeKind kind)
    {
        if (kind == TypeKind.SMALLINT)
        {
            return Short.valueOf((short)value);
        }
        if (kind == TypeKind.INTEGER)
        {
            return Integer.valueOf((int)value);
        }
        return Long.valueOf(value);
    }
}
