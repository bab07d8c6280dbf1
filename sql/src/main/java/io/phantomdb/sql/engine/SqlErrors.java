package io.phantomdb.sql.engine;

import io.phantomdb.ClosedException;
import io.phantomdb.CorruptionException;
import io.phantomdb.core.catalog.CatalogException;
import io.phantomdb.core.table.ConstraintViolationException;
import io.phantomdb.core.txn.TransactionConflictException;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

/**
 * Translates every failure into a {@link SqlException} with a SQLSTATE: core's exceptions keep their
 * {@code sqlState()}, a closed engine is 57P01, corruption XX001, and anything unexpected XX000 with the cause.
 * <p>
 * <b>Note:</b> stateless.
 */
final class SqlErrors
{
    private SqlErrors()
    {
    }

    static SqlException translate(final Throwable t)
    {
        if (t instanceof SqlException)
        {
            return (SqlException)t;
        }
        if (t instanceof ConstraintViolationException)
        {
            return new SqlException(((ConstraintViolationException)t).sqlState(), t.getMessage(), 0, t);
        }
        if (t instanceof CatalogException)
        {
            return new SqlException(((CatalogException)t).sqlState(), t.getMessage(), 0, t);
        }
        if (t instanceof TransactionConflictException)
        {
            return new SqlException(SqlState.SERIALIZATION_FAILURE,
                "could not serialize access due to concurrent update: " + t.getMessage(), 0, t);
        }
        if (t instanceof ClosedException)
        {
            return new SqlException(SqlState.ADMIN_SHUTDOWN, "terminating connection: the database is closed", 0, t);
        }
        if (t instanceof CorruptionException)
        {
            return new SqlException(SqlState.DATA_CORRUPTED, t.getMessage(), 0, t);
        }
        if (t instanceof IllegalArgumentException && null != t.getMessage())
        {
            final String message = t.getMessage();
            if (message.contains("out of range") || message.contains("overflow"))
            {
                return new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, message, 0, t);
            }
            if (message.contains("too long"))
            {
                return new SqlException(SqlState.STRING_DATA_RIGHT_TRUNCATION, message, 0, t);
            }
        }
        if (t instanceof StackOverflowError)
        {
            return new SqlException("54001", "stack depth limit exceeded", 0, t);
        }
        return new SqlException(SqlState.INTERNAL_ERROR, "internal error: " + t, 0, t);
    }
}
