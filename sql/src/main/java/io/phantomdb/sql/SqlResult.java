package io.phantomdb.sql;

import java.util.List;

/**
 * The outcome of one statement: rows to read (a query, EXPLAIN, or RETURNING) or an update count.
 * A forward-only cursor; values are only valid until the next {@link #next()}. Same threading as its
 * session.
 */
public interface SqlResult extends AutoCloseable
{
    /**
     * @return whether the statement returns rows (then {@link #next()} and {@link #get(int)} apply).
     */
    boolean returnsRows();

    /**
     * @return the columns of the rows; empty when the statement returns none.
     */
    List<ResultColumn> columns();

    /**
     * Advances to the next row.
     *
     * @return false when there are no more rows.
     */
    boolean next();

    /**
     * @param column 0-based column index.
     * @return the current row's value, as the Java classes listed in {@link SqlSession}.
     */
    Object get(int column);

    /**
     * @return the rows inserted, updated or deleted; 0 for other statements; for a query, the rows read
     * so far.
     */
    long updateCount();

    /**
     * @return PostgreSQL's command tag for this statement, for example {@code INSERT 0 3},
     * {@code UPDATE 2}, {@code SELECT 5} (counting rows read so far), {@code CREATE TABLE}, {@code BEGIN}.
     */
    String commandTag();

    /**
     * Releases the cursor (and, in autocommit, finishes the statement's transaction). Idempotent.
     */
    @Override
    void close();
}
