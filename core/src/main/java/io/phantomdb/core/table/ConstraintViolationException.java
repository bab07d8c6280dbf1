package io.phantomdb.core.table;

import io.phantomdb.PhantomException;

/**
 * A write broke an integrity constraint: a duplicate primary key or unique index key
 * ({@link #UNIQUE_VIOLATION}, 23505) or NULL in a {@code NOT NULL} column ({@link #NOT_NULL_VIOLATION}, 23502).
 * The message names the constraint and the values. The transaction stays active: the failed statement
 * wrote nothing.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public class ConstraintViolationException extends PhantomException
{
    /** {@code unique_violation}. */
    public static final String UNIQUE_VIOLATION = "23505";
    /** {@code not_null_violation}. */
    public static final String NOT_NULL_VIOLATION = "23502";

    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final String constraint;

    /**
     * @param sqlState   {@link #UNIQUE_VIOLATION} or {@link #NOT_NULL_VIOLATION}.
     * @param constraint name of the constraint (index, primary key or column).
     * @param message    what was violated, with the values.
     */
    public ConstraintViolationException(final String sqlState, final String constraint, final String message)
    {
        super(message);
        this.sqlState = sqlState;
        this.constraint = constraint;
    }

    /**
     * @return the SQLSTATE.
     */
    public String sqlState()
    {
        return sqlState;
    }

    /**
     * @return name of the violated constraint: {@code <table>_pkey}, an index name, or a column name.
     */
    public String constraint()
    {
        return constraint;
    }
}
