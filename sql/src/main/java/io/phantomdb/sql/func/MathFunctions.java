package io.phantomdb.sql.func;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.value.Arithmetic;
import io.phantomdb.sql.value.TypeRules;
import io.phantomdb.sql.value.ValueErrors;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * PostgreSQL's mathematical functions. NUMERIC arguments keep NUMERIC results for {@code abs}, {@code ceil},
 * {@code floor}, {@code round}, {@code trunc}, {@code sign} and {@code mod}; integer arguments of
 * {@code ceil/floor/round/trunc/sign} go through DOUBLE PRECISION as PostgreSQL resolves them; the
 * transcendental functions compute in DOUBLE PRECISION.
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
final class MathFunctions
{
    private MathFunctions()
    {
    }

    static ScalarFunction resolve(final String name, final List<ColumnType> types, final EvalContext context)
    {
        final int n = types.size();
        final ColumnType t0 = n > 0 ? types.get(0) : null;
        final boolean numeric1 = n == 1 && Args.isNumber(t0);
        final boolean isDecimal = t0 != null && t0.kind() == TypeKind.NUMERIC;
        switch (name)
        {
            case "abs":
                return numeric1 ? Fn.strict(name, resultOf(t0), a -> abs(a[0])) : null;
            case "ceil":
            case "ceiling":
                if (!numeric1)
                {
                    return null;
                }
                return isDecimal ?
                    Fn.strict(name, ColumnType.NUMERIC, a -> Args.toDecimal(a[0]).setScale(0, RoundingMode.CEILING)) :
                    Fn.strict(name, ColumnType.DOUBLE_PRECISION, a -> Math.ceil(Args.toDouble(a[0])));
            case "floor":
                if (!numeric1)
                {
                    return null;
                }
                return isDecimal ?
                    Fn.strict(name, ColumnType.NUMERIC, a -> Args.toDecimal(a[0]).setScale(0, RoundingMode.FLOOR)) :
                    Fn.strict(name, ColumnType.DOUBLE_PRECISION, a -> Math.floor(Args.toDouble(a[0])));
            case "round":
            case "trunc":
                return roundOrTrunc(name, types);
            case "sqrt":
                return numeric1 ? Fn.strict(name, ColumnType.DOUBLE_PRECISION, a -> sqrt(Args.toDouble(a[0]))) : null;
            case "cbrt":
                return numeric1 ? Fn.strict(name, ColumnType.DOUBLE_PRECISION, a -> Math.cbrt(Args.toDouble(a[0]))) : null;
            case "exp":
                return numeric1 ? Fn.strict(name, ColumnType.DOUBLE_PRECISION, a -> exp(Args.toDouble(a[0]))) : null;
            case "ln":
                return numeric1 ? Fn.strict(name, ColumnType.DOUBLE_PRECISION, a -> Math.log(logArg(Args.toDouble(a[0])))) : null;
            case "log10":
                return numeric1 ? Fn.strict(name, ColumnType.DOUBLE_PRECISION, a -> log10(Args.toDouble(a[0]))) : null;
            case "log":
                if (numeric1)
                {
                    return Fn.strict(name, ColumnType.DOUBLE_PRECISION, a -> log10(Args.toDouble(a[0])));
                }
                return n == 2 && Args.isNumber(t0) && Args.isNumber(types.get(1)) ?
                    Fn.strict(name, ColumnType.DOUBLE_PRECISION, a -> log(Args.toDouble(a[0]), Args.toDouble(a[1]))) :
                    null;
            case "power":
            case "pow":
                return n == 2 && Args.isNumber(t0) && Args.isNumber(types.get(1)) ?
                    Fn.strict(name, ColumnType.DOUBLE_PRECISION, a -> power(Args.toDouble(a[0]), Args.toDouble(a[1]))) :
                    null;
            case "mod":
                if (n == 2 && Args.isNumber(t0) && Args.isNumber(types.get(1)))
                {
                    final ColumnType result = TypeRules.arithmeticType("%", t0, types.get(1));
                    return Fn.strict(name, result == null ? ColumnType.NUMERIC : result,
                        a -> Arithmetic.modulo(a[0], a[1]));
                }
                return null;
            case "sign":
                if (!numeric1)
                {
                    return null;
                }
                return isDecimal ?
                    Fn.strict(name, ColumnType.NUMERIC, a -> BigDecimal.valueOf(Args.toDecimal(a[0]).signum())) :
                    Fn.strict(name, ColumnType.DOUBLE_PRECISION, a -> Math.signum(Args.toDouble(a[0])));
            case "pi":
                return n == 0 ? Fn.strict(name, ColumnType.DOUBLE_PRECISION, a -> Math.PI) : null;
            case "random":
                return n == 0 ? Fn.volatileFn(name, ColumnType.DOUBLE_PRECISION, a -> context.random()) : null;
            default:
                return null;
        }
    }

    private static ColumnType resultOf(final ColumnType type)
    {
        return type == null ? ColumnType.NUMERIC : TypeRules.unconstrained(type);
    }

    private static Object abs(final Object v)
    {
        if (v instanceof Integer)
        {
            final int i = (Integer)v;
            if (i == Integer.MIN_VALUE)
            {
                throw ValueErrors.outOfRange("integer");
            }
            return Math.abs(i);
        }
        if (v instanceof Long)
        {
            final long l = (Long)v;
            if (l == Long.MIN_VALUE)
            {
                throw ValueErrors.outOfRange("bigint");
            }
            return Math.abs(l);
        }
        if (v instanceof Short)
        {
            final short s = (Short)v;
            if (s == Short.MIN_VALUE)
            {
                throw ValueErrors.outOfRange("smallint");
            }
            return (short)Math.abs(s);
        }
        if (v instanceof Double)
        {
            return Math.abs((Double)v);
        }
        if (v instanceof Float)
        {
            return Math.abs((Float)v);
        }
        return Args.toDecimal(v).abs();
    }

    private static ScalarFunction roundOrTrunc(final String name, final List<ColumnType> types)
    {
        final boolean round = "round".equals(name);
        final RoundingMode mode = round ? RoundingMode.HALF_UP : RoundingMode.DOWN;
        if (types.size() == 1 && Args.isNumber(types.get(0)))
        {
            final ColumnType t = types.get(0);
            if (t != null && t.kind() == TypeKind.NUMERIC)
            {
                return Fn.strict(name, ColumnType.NUMERIC, a -> Args.toDecimal(a[0]).setScale(0, mode));
            }
            return Fn.strict(name, ColumnType.DOUBLE_PRECISION, a ->
            {
                final double d = Args.toDouble(a[0]);
                return round ? Math.rint(d) : (d < 0 ? Math.ceil(d) : Math.floor(d));
            });
        }
        if (types.size() == 2 && isExact(types.get(0)) && Args.isIntegral(types.get(1)))
        {
            return Fn.strict(name, ColumnType.NUMERIC, a -> scaleTo(Args.toDecimal(a[0]), Args.toInt(a[1]), mode));
        }
        return null;
    }

    private static boolean isExact(final ColumnType type)
    {
        return type == null || TypeRules.isIntegral(type) || type.kind() == TypeKind.NUMERIC;
    }

    private static BigDecimal scaleTo(final BigDecimal value, final int scale, final RoundingMode mode)
    {
        final BigDecimal scaled = value.setScale(scale, mode);
        return scale < 0 ? scaled.setScale(0, RoundingMode.UNNECESSARY) : scaled;
    }

    private static double sqrt(final double d)
    {
        if (d < 0)
        {
            throw new SqlException(ValueErrors.INVALID_ARGUMENT_FOR_POWER, "cannot take square root of a negative number");
        }
        return Math.sqrt(d);
    }

    private static double exp(final double d)
    {
        final double r = Math.exp(d);
        if (Double.isInfinite(r) && !Double.isInfinite(d))
        {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        if (r == 0 && !Double.isInfinite(d))
        {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
        }
        return r;
    }

    private static double logArg(final double d)
    {
        if (d == 0)
        {
            throw new SqlException(ValueErrors.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of zero");
        }
        if (d < 0)
        {
            throw new SqlException(
                ValueErrors.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of a negative number");
        }
        return d;
    }

    private static double log10(final double d)
    {
        return Math.log10(logArg(d));
    }

    private static double log(final double base, final double x)
    {
        final double lb = Math.log(logArg(base));
        if (lb == 0)
        {
            throw ValueErrors.divisionByZero();
        }
        return Math.log(logArg(x)) / lb;
    }

    private static double power(final double x, final double y)
    {
        if (x == 0 && y < 0)
        {
            throw new SqlException(ValueErrors.INVALID_ARGUMENT_FOR_POWER, "zero raised to a negative power is undefined");
        }
        if (x < 0 && Math.floor(y) != y)
        {
            throw new SqlException(
                ValueErrors.INVALID_ARGUMENT_FOR_POWER, "a negative number raised to a non-integer power yields a complex result");
        }
        final double r = Math.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y))
        {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return r;
    }
}
