package io.phantomdb.sql;

import io.phantomdb.core.schema.ColumnType;

import java.util.List;

/**
 * A parsed and planned statement of one {@link SqlSession}, run many times with different parameters.
 * Same threading as its session.
 */
public interface PreparedSql extends AutoCloseable
{
    /**
     * @return the statement text as prepared.
     */
    String sql();

    /**
     * @return how many parameters ({@code ?} or {@code $1..$n}) the statement takes.
     */
    int parameterCount();

    /**
     * @param index 0-based parameter index.
     * @return the type inferred for the parameter from its context; TEXT when nothing fixes it.
     */
    ColumnType parameterType(int index);

    /**
     * @return the columns the statement returns (a query or a RETURNING clause); empty otherwise.
     */
    List<ResultColumn> columns();

    /**
     * @return whether the statement returns rows.
     */
    boolean returnsRows();

    /**
     * Runs the statement.
     *
     * @param parameters one value per parameter, as described in {@link SqlSession}.
     * @return the result; close it (or read it to the end) before the session's next statement.
     */
    SqlResult execute(Object... parameters);

    /**
     * Releases the statement. Idempotent.
     */
    @Override
    void close();
}
