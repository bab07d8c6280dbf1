package io.phantomdb.sql.jdbc;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;

/**
 * Translates {@link SqlException}s into the {@link SQLException} subclass JDBC callers expect for their
 * SQLSTATE class, keeping SQLSTATE, message and the original exception (with its position) as the cause.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
public final class SqlErrors
{
    /** SQLSTATE of a connection that cannot be established (bad URL or property). */
    public static final String CONNECTION_FAILED = "08001";
    /** SQLSTATE of a call on a closed connection, statement or result set. */
    public static final String CONNECTION_DOES_NOT_EXIST = "08003";
    /** SQLSTATE of a parameter left without a value. */
    public static final String PARAMETER_NOT_SET = "07001";
    /** SQLSTATE of a value that cannot be converted to the type asked for. */
    public static final String INVALID_PARAMETER_TYPE = "07006";
    /** SQLSTATE of a statement that returned a result kind the method does not allow. */
    public static final String WRONG_RESULT_KIND = "07000";
    /** SQLSTATE of a bad column index or label, or a read outside a row. */
    public static final String INVALID_COLUMN = "42703";

    private SqlErrors()
    {
    }

    /**
     * @param ex       the SQL layer's error.
     * @param timedOut whether the statement had a time limit and was not cancelled explicitly, so a 57014
     *                 is a timeout.
     * @return the JDBC exception for its SQLSTATE, with {@code ex} as the cause.
     */
    public static SQLException translate(final SqlException ex, final boolean timedOut)
    {
        final String state = ex.sqlState();
        final String message = ex.getMessage();
        final SQLException result;
        if (state.startsWith("23"))
        {
            result = new SQLIntegrityConstraintViolationException(message, state, ex);
        }
        else if (state.startsWith("40"))
        {
            result = new SQLTransactionRollbackException(message, state, ex);
        }
        else if (state.startsWith("42"))
        {
            result = new SQLSyntaxErrorException(message, state, ex);
        }
        else if (state.startsWith("0A"))
        {
            result = new SQLFeatureNotSupportedException(message, state, ex);
        }
        else if (SqlState.QUERY_CANCELED.equals(state) && timedOut)
        {
            result = new SQLTimeoutException(message, state, ex);
        }
        else if (SqlState.ADMIN_SHUTDOWN.equals(state))
        {
            result = new SQLNonTransientConnectionException(message, state, ex);
        }
        else
        {
            result = new SQLException(message, state, ex);
        }
        return result;
    }

    /**
     * @param ex the SQL layer's error.
     * @return {@link #translate(SqlException, boolean)} without a time limit.
     */
    public static SQLException translate(final SqlException ex)
    {
        return translate(ex, false);
    }

    /**
     * @param what what is not supported, as a sentence fragment, for example {@code "savepoints"}.
     * @return a {@link SQLFeatureNotSupportedException} with SQLSTATE 0A000.
     */
    public static SQLFeatureNotSupportedException unsupported(final String what)
    {
        return new SQLFeatureNotSupportedException(
            "PhantomDB's JDBC driver does not support " + what, SqlState.FEATURE_NOT_SUPPORTED);
    }

    /**
     * @param what the closed object, for example {@code "connection"}.
     * @return the error for a call on a closed object (SQLSTATE 08003).
     */
    public static SQLException closed(final String what)
    {
        return new SQLException("the " + what + " is closed", CONNECTION_DOES_NOT_EXIST);
    }

    /**
     * @param value  the value that cannot be converted.
     * @param target what it should have become.
     * @return the error (SQLSTATE 07006).
     */
    public static SQLException cannotConvert(final Object value, final String target)
    {
        return new SQLException("cannot convert " + describe(value) + " to " + target, INVALID_PARAMETER_TYPE);
    }

    private static String describe(final Object value)
    {
        final String text = value instanceof byte[] ? "bytea" : String.valueOf(value);
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "' (" + value.getClass().getSimpleName() + ")";
    }
}
