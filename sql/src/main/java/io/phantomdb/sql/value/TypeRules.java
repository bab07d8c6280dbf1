package io.phantomdb.sql.value;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

import java.util.List;

/**
 * Type resolution as PostgreSQL does it: numeric promotion (SMALLINT &lt; INTEGER &lt; BIGINT &lt; NUMERIC &lt;
 * REAL &lt; DOUBLE PRECISION), the common type of UNION/CASE/COALESCE/IN branches, the type two operands of a
 * comparison are brought to, the result type of operators, and which implicit conversions assignment
 * (INSERT/UPDATE) allows. A {@code null} type means "unknown" and takes the type of the other side.
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
public final class TypeRules
{
    private TypeRules()
    {
    }

    /**
     * @param type a type, or null for unknown.
     * @return true for SMALLINT, INTEGER, BIGINT, NUMERIC, REAL and DOUBLE PRECISION.
     */
    public static boolean isNumeric(final ColumnType type)
    {
        return type != null && numericRank(type.kind()) >= 0;
    }

    /**
     * @param type a type, or null for unknown.
     * @return true for SMALLINT, INTEGER and BIGINT.
     */
    public static boolean isIntegral(final ColumnType type)
    {
        if (type == null)
        {
            return false;
        }
        final TypeKind kind = type.kind();
        return kind == TypeKind.SMALLINT || kind == TypeKind.INTEGER || kind == TypeKind.BIGINT;
    }

    /**
     * @param type a type, or null for unknown.
     * @return true for the string types CHAR, VARCHAR and TEXT (not JSON).
     */
    public static boolean isString(final ColumnType type)
    {
        if (type == null)
        {
            return false;
        }
        final TypeKind kind = type.kind();
        return kind == TypeKind.CHAR || kind == TypeKind.VARCHAR || kind == TypeKind.TEXT;
    }

    /**
     * @param kind a kind.
     * @return the position in the promotion order, or -1 if the kind is not numeric.
     */
    public static int numericRank(final TypeKind kind)
    {
        switch (kind)
        {
            case SMALLINT:
                return 0;
            case INTEGER:
                return 1;
            case BIGINT:
                return 2;
            case NUMERIC:
                return 3;
            case REAL:
                return 4;
            case DOUBLE_PRECISION:
                return 5;
            default:
                return -1;
        }
    }

    /**
     * PostgreSQL's name of a type as it appears in error messages ({@code format_type}).
     *
     * @param type a type, or null for unknown.
     * @return for example {@code integer}, {@code character varying(5)}, {@code numeric(10,2)}, {@code unknown}.
     */
    public static String displayName(final ColumnType type)
    {
        if (type == null)
        {
            return "unknown";
        }
        switch (type.kind())
        {
            case BOOLEAN:
                return "boolean";
            case SMALLINT:
                return "smallint";
            case INTEGER:
                return "integer";
            case BIGINT:
                return "bigint";
            case REAL:
                return "real";
            case DOUBLE_PRECISION:
                return "double precision";
            case NUMERIC:
                return type.precision() == ColumnType.UNSPECIFIED ?
                    "numeric" : "numeric(" + type.precision() + "," + type.scale() + ")";
            case CHAR:
                return "character(" + type.length() + ")";
            case VARCHAR:
                return type.length() == ColumnType.UNSPECIFIED ?
                    "character varying" : "character varying(" + type.length() + ")";
            case TEXT:
                return "text";
            case BYTEA:
                return "bytea";
            case DATE:
                return "date";
            case TIME:
                return "time without time zone";
            case TIMESTAMP:
                return "timestamp without time zone";
            case JSON:
                return "json";
            default:
                throw new IllegalStateException("unknown kind " + type.kind());
        }
    }

    /**
     * @param type a type.
     * @return the type without precision, scale or length ({@code VARCHAR(5)} gives {@code VARCHAR}).
     */
    public static ColumnType unconstrained(final ColumnType type)
    {
        if (type == null)
        {
            return null;
        }
        switch (type.kind())
        {
            case NUMERIC:
                return ColumnType.NUMERIC;
            case VARCHAR:
                return ColumnType.VARCHAR;
            case CHAR:
                return ColumnType.TEXT;
            default:
                return type;
        }
    }

    /**
     * The type two branches of UNION, CASE, COALESCE, VALUES or an IN list resolve to.
     *
     * @param context what is resolved, for the message: {@code UNION}, {@code CASE}, {@code COALESCE}...
     * @param a       one type, or null for unknown.
     * @param b       the other type, or null for unknown.
     * @return the common type; TEXT when both are unknown.
     * @throws SqlException 42804 "UNION types integer and text cannot be matched" when there is none.
     */
    public static ColumnType commonType(final String context, final ColumnType a, final ColumnType b)
    {
        if (a == null)
        {
            return b == null ? ColumnType.TEXT : b;
        }
        if (b == null || a.equals(b))
        {
            return a;
        }
        final ColumnType common = commonKnown(a, b);
        if (common == null)
        {
            throw new SqlException(
                SqlState.DATATYPE_MISMATCH,
                context + " types " + displayName(a) + " and " + displayName(b) + " cannot be matched");
        }
        return common;
    }

    /**
     * The common type of a list, as {@link #commonType(String, ColumnType, ColumnType)} folded left to right
     * (unknown entries are skipped).
     *
     * @param context what is resolved, for the message.
     * @param types   the branch types, null entries for unknown.
     * @return the common type; TEXT when all are unknown.
     * @throws SqlException 42804 when two of them have none.
     */
    public static ColumnType commonType(final String context, final List<ColumnType> types)
    {
        ColumnType result = null;
        for (int i = 0; i < types.size(); i++)
        {
            final ColumnType t = types.get(i);
            if (t != null)
            {
                result = result == null ? t : commonType(context, result, t);
            }
        }
        return result == null ? ColumnType.TEXT : result;
    }

    private static ColumnType commonKnown(final ColumnType a, final ColumnType b)
    {
        final TypeKind ka = a.kind();
        final TypeKind kb = b.kind();
        final int ra = numericRank(ka);
        final int rb = numericRank(kb);
        if (ra >= 0 && rb >= 0)
        {
            if (ka == kb)
            {
                return unconstrained(a);
            }
            return ra > rb ? unconstrained(a) : unconstrained(b);
        }
        if (isString(a) && isString(b))
        {
            return ka == TypeKind.VARCHAR && kb == TypeKind.VARCHAR ? ColumnType.VARCHAR : ColumnType.TEXT;
        }
        if (isDateTime(ka) && isDateTime(kb))
        {
            return ColumnType.TIMESTAMP;
        }
        return ka == kb ? a : null;
    }

    private static boolean isDateTime(final TypeKind kind)
    {
        return kind == TypeKind.DATE || kind == TypeKind.TIMESTAMP;
    }

    /**
     * The type both operands of a comparison ({@code = <> < <= > >=}, IN, BETWEEN) are cast to before
     * {@link Values#compare(Object, Object)}.
     *
     * @param op the operator, for the message.
     * @param a  the left type, or null for unknown.
     * @param b  the right type, or null for unknown.
     * @return the comparison type; TEXT when both are unknown.
     * @throws SqlException 42883 "operator does not exist: integer = boolean" when the types do not compare.
     */
    public static ColumnType comparisonType(final String op, final ColumnType a, final ColumnType b)
    {
        if (a == null)
        {
            return b == null ? ColumnType.TEXT : b;
        }
        if (b == null || a.equals(b))
        {
            return a;
        }
        if (isNumeric(a) && isNumeric(b))
        {
            return operatorNumericType(a, b);
        }
        final ColumnType common = commonKnown(a, b);
        if (common == null)
        {
            throw ValueErrors.noOperator(op, displayName(a), displayName(b));
        }
        return common;
    }

    /**
     * The result type of a binary operator: {@code + - * / %} on numbers ({@link #operatorNumericType}:
     * SMALLINT op SMALLINT stays SMALLINT, REAL op INTEGER is DOUBLE PRECISION), {@code date + integer}, {@code integer + date},
     * {@code date - integer} (DATE), {@code date - date} (INTEGER), {@code date + time} (TIMESTAMP), and
     * {@code ||} (TEXT when either side is a string or unknown, or both are non-string types converted to text
     * as PostgreSQL's {@code anytextcat} does).
     *
     * @param op the operator: one of {@code + - * / % ||}.
     * @param a  the left type, or null for unknown.
     * @param b  the right type, or null for unknown.
     * @return the result type; null (unknown) when both operands are unknown and the operator is not {@code ||}.
     * @throws SqlException 42883 "operator does not exist: date + date" when the operator does not apply;
     *                      0A000 for {@code timestamp - timestamp} (no INTERVAL type).
     */
    public static ColumnType arithmeticType(final String op, final ColumnType a, final ColumnType b)
    {
        if ("||".equals(op))
        {
            if (a == null || b == null || isString(a) || isString(b))
            {
                return ColumnType.TEXT;
            }
            throw ValueErrors.noOperator(op, displayName(a), displayName(b));
        }
        if (a == null && b == null)
        {
            return null;
        }
        final ColumnType left = a == null ? (isDateLike(b) ? ColumnType.INTEGER : b) : a;
        final ColumnType right = b == null ? (isDateLike(a) ? ColumnType.INTEGER : a) : b;
        final TypeKind kl = left.kind();
        final TypeKind kr = right.kind();
        final int rl = numericRank(kl);
        final int rr = numericRank(kr);
        if (rl >= 0 && rr >= 0)
        {
            final ColumnType result = operatorNumericType(left, right);
            final boolean isFloat = result.kind() == TypeKind.REAL || result.kind() == TypeKind.DOUBLE_PRECISION;
            if ("%".equals(op) && isFloat)
            {
                throw ValueErrors.noOperator(op, displayName(a), displayName(b));
            }
            return result;
        }
        final boolean integralLeft = rl >= 0 && rl <= 2;
        final boolean integralRight = rr >= 0 && rr <= 2;
        switch (op)
        {
            case "+":
                if ((kl == TypeKind.DATE && integralRight) || (integralLeft && kr == TypeKind.DATE))
                {
                    return ColumnType.DATE;
                }
                if ((kl == TypeKind.DATE && kr == TypeKind.TIME) || (kl == TypeKind.TIME && kr == TypeKind.DATE))
                {
                    return ColumnType.TIMESTAMP;
                }
                break;
            case "-":
                if (kl == TypeKind.DATE && integralRight)
                {
                    return ColumnType.DATE;
                }
                if (kl == TypeKind.DATE && kr == TypeKind.DATE)
                {
                    return ColumnType.INTEGER;
                }
                if (isDateTime(kl) && isDateTime(kr))
                {
                    throw new SqlException(
                        SqlState.FEATURE_NOT_SUPPORTED,
                        "timestamp - timestamp needs type interval, which is not supported");
                }
                break;
            default:
                break;
        }
        throw ValueErrors.noOperator(op, displayName(a), displayName(b));
    }

    /**
     * The type PostgreSQL's operator resolution picks for two numeric operands: the higher in the promotion
     * order, except that REAL with any other numeric type gives DOUBLE PRECISION (the preferred type).
     *
     * @param a a numeric type.
     * @param b a numeric type.
     * @return the operator's input type, unconstrained.
     */
    public static ColumnType operatorNumericType(final ColumnType a, final ColumnType b)
    {
        final TypeKind ka = a.kind();
        final TypeKind kb = b.kind();
        if (ka != kb && (ka == TypeKind.REAL || kb == TypeKind.REAL))
        {
            return ColumnType.DOUBLE_PRECISION;
        }
        return numericRank(ka) >= numericRank(kb) ? unconstrained(a) : unconstrained(b);
    }

    private static boolean isDateLike(final ColumnType type)
    {
        return type != null && type.kind() == TypeKind.DATE;
    }

    /**
     * The result type of unary minus.
     *
     * @param a the operand type, or null for unknown.
     * @return the operand's unconstrained type.
     * @throws SqlException 42883 "operator does not exist: - text" for a non-numeric operand.
     */
    public static ColumnType negateType(final ColumnType a)
    {
        if (a == null || isNumeric(a))
        {
            return unconstrained(a);
        }
        throw new SqlException(SqlState.UNDEFINED_OPERATOR, "operator does not exist: - " + displayName(a));
    }

    /**
     * Whether a value of type {@code from} may be stored in a column of type {@code to} without an explicit
     * cast (INSERT, UPDATE, parameters): same kind; numeric to numeric (range checked by
     * {@link Casts#assign}); anything to a string type; a string (a literal) to any type, parsed; unknown to
     * anything; DATE to TIMESTAMP and TIMESTAMP to DATE or TIME.
     *
     * @param from the expression type, or null for unknown.
     * @param to   the column type.
     * @return true if {@link Casts#assign(Object, ColumnType, ColumnType)} may be used.
     */
    public static boolean isAssignable(final ColumnType from, final ColumnType to)
    {
        if (from == null || from.kind() == to.kind())
        {
            return true;
        }
        if (isNumeric(from) && isNumeric(to))
        {
            return true;
        }
        if (isString(to) || isString(from))
        {
            return true;
        }
        final TypeKind kf = from.kind();
        final TypeKind kt = to.kind();
        return (kf == TypeKind.DATE && kt == TypeKind.TIMESTAMP) ||
            (kf == TypeKind.TIMESTAMP && (kt == TypeKind.DATE || kt == TypeKind.TIME));
    }

    /**
     * Checks {@link #isAssignable(ColumnType, ColumnType)} with PostgreSQL's error.
     *
     * @param from       the expression type, or null for unknown.
     * @param to         the column type.
     * @param columnName the column name, for the message.
     * @throws SqlException 42804 {@code column "x" is of type integer but expression is of type boolean}.
     */
    public static void checkAssignable(final ColumnType from, final ColumnType to, final String columnName)
    {
        if (!isAssignable(from, to))
        {
            throw new SqlException(
                SqlState.DATATYPE_MISMATCH,
                "column \"" + columnName + "\" is of type " + displayName(to) + " but expression is of type " +
                displayName(from));
        }
    }
}
