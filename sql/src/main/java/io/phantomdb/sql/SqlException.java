package io.phantomdb.sql;

import io.phantomdb.PhantomException;

/**
 * Every error the SQL layer reports: a PostgreSQL SQLSTATE, a message, and where known the 1-based
 * character position in the statement text (PostgreSQL's {@code P} field; 0 when unknown).
 * <p>
 * Callers of {@link SqlSession} see no other exception type for bad input: syntax, names, types,
 * constraints, conflicts and engine errors are all translated into this class.
 */
public class SqlException extends PhantomException
{
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final int position;

    /**
     * @param sqlState the five-character SQLSTATE, see {@link SqlState}.
     * @param message  the primary message, without the SQLSTATE.
     */
    public SqlException(final String sqlState, final String message)
    {
        this(sqlState, message, 0, null);
    }

    /**
     * @param sqlState the five-character SQLSTATE, see {@link SqlState}.
     * @param message  the primary message, without the SQLSTATE.
     * @param position the 1-based character position in the statement, or 0 when unknown.
     */
    public SqlException(final String sqlState, final String message, final int position)
    {
        this(sqlState, message, position, null);
    }

    /**
     * @param sqlState the five-character SQLSTATE, see {@link SqlState}.
     * @param message  the primary message, without the SQLSTATE.
     * @param position the 1-based character position in the statement, or 0 when unknown.
     * @param cause    the underlying error, or null.
     */
    public SqlException(final String sqlState, final String message, final int position, final Throwable cause)
    {
        super(message, cause);
        if (sqlState == null || sqlState.length() != 5)
        {
            throw new IllegalArgumentException("SQLSTATE must have five characters: " + sqlState);
        }
        this.sqlState = sqlState;
        this.position = position;
    }

    /**
     * @return the five-character SQLSTATE.
     */
    public String sqlState()
    {
        return sqlState;
    }

    /**
     * @return the 1-based character position in the statement text, or 0 when unknown.
     */
    public int position()
    {
        return position;
    }
}
