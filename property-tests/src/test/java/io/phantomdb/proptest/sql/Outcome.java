package io.phantomdb.proptest.sql;

import java.util.List;

/**
 * What one statement did on one database: rows, an update count, or an error.
 *
 * @param rows        the rows of a query (each value as the database returned it), or null.
 * @param updateCount rows changed by DML; 0 otherwise.
 * @param sqlState    the SQLSTATE of the error, or null on success; {@value #NOT_SQL} when the database
 *                    threw something that is not its SQL exception type (always a bug).
 * @param message     the error message, or null.
 */
record Outcome(List<List<Object>> rows, long updateCount, String sqlState, String message)
{
    /** The pseudo-SQLSTATE of an exception that is not the database's SQL exception. */
    static final String NOT_SQL = "JAVA!";

    static Outcome rows(final List<List<Object>> rows)
    {
        return new Outcome(rows, 0, null, null);
    }

    static Outcome count(final long updateCount)
    {
        return new Outcome(null, updateCount, null, null);
    }

    static Outcome error(final String sqlState, final String message)
    {
        return new Outcome(null, 0, sqlState, message);
    }

    boolean failed()
    {
        return sqlState != null;
    }

    @Override
    public String toString()
    {
        if (failed())
        {
            return "ERROR " + sqlState + ": " + message;
        }
        return rows == null ? "update count " + updateCount : rows.size() + " rows " + rows;
    }
}
