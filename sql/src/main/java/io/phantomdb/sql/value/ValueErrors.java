package io.phantomdb.sql.value;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

/**
 * Builds the {@link SqlException}s of value semantics with PostgreSQL's SQLSTATEs and messages, and holds
 * the SQLSTATEs that {@link SqlState} does not list.
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
public final class ValueErrors
{
    /** {@code 22008} datetime_field_overflow: a date/time field is out of range. */
    public static final String DATETIME_FIELD_OVERFLOW = "22008";
    /** {@code 42846} cannot_coerce: no cast exists between two types. */
    public static final String CANNOT_COERCE = "42846";
    /** {@code 22025} invalid_escape_sequence: a bad LIKE escape. */
    public static final String INVALID_ESCAPE_SEQUENCE = "22025";
    /** {@code 54001} statement_too_complex: nesting too deep. */
    public static final String STATEMENT_TOO_COMPLEX = "54001";
    /** {@code 2201E} invalid_argument_for_logarithm. */
    public static final String INVALID_ARGUMENT_FOR_LOGARITHM = "2201E";
    /** {@code 2201F} invalid_argument_for_power_function. */
    public static final String INVALID_ARGUMENT_FOR_POWER = "2201F";
    /** {@code 22011} substring_error: a negative substring length. */
    public static final String SUBSTRING_ERROR = "22011";
    /** {@code 42725} ambiguous_function: more than one operator or function fits. */
    public static final String AMBIGUOUS_FUNCTION = "42725";

    private ValueErrors()
    {
    }

    /**
     * @param typeName the PostgreSQL type name, for example {@code integer}.
     * @return 22003 "integer out of range".
     */
    public static SqlException outOfRange(final String typeName)
    {
        return new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
    }

    /**
     * @param typeName the PostgreSQL type name.
     * @param text     the input text.
     * @return 22P02 {@code invalid input syntax for type integer: "abc"}.
     */
    public static SqlException invalidText(final String typeName, final String text)
    {
        return new SqlException(
            SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    /**
     * @return 22012 "division by zero".
     */
    public static SqlException divisionByZero()
    {
        return new SqlException(SqlState.DIVISION_BY_ZERO, "division by zero");
    }

    /**
     * @param from the source type name.
     * @param to   the target type name.
     * @return 42846 "cannot cast type boolean to date".
     */
    public static SqlException cannotCast(final String from, final String to)
    {
        return new SqlException(CANNOT_COERCE, "cannot cast type " + from + " to " + to);
    }

    /**
     * @param op    the operator.
     * @param left  the left operand's type name.
     * @param right the right operand's type name.
     * @return 42883 "operator does not exist: integer = text".
     */
    public static SqlException noOperator(final String op, final String left, final String right)
    {
        return new SqlException(SqlState.UNDEFINED_OPERATOR, "operator does not exist: " + left + " " + op + " " + right);
    }
}
