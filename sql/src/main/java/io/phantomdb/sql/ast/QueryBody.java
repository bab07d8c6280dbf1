package io.phantomdb.sql.ast;

import java.util.List;

/**
 * The body of a query: a SELECT block, a VALUES list, a set operation of two bodies, or a parenthesised
 * {@link Statement.Query} that has its own WITH / ORDER BY / LIMIT / locking.
 * <p>
 * <b>Note:</b> immutable records; thread safe.
 */
public sealed interface QueryBody extends Node permits QueryBody.Select, QueryBody.Values, QueryBody.SetOperation,
    Statement.Query
{
    /**
     * {@code SELECT [DISTINCT [ON (...)]] items [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...]}.
     *
     * @param position   1-based offset of SELECT.
     * @param distinct   true for DISTINCT (also true with DISTINCT ON).
     * @param distinctOn the DISTINCT ON expressions, empty when not written.
     * @param items      the select list (never empty).
     * @param from       FROM entries (comma-separated), empty when there is no FROM.
     * @param where      the WHERE condition, or null.
     * @param groupBy    GROUP BY expressions, empty when not written.
     * @param having     the HAVING condition, or null.
     */
    record Select(
        int position, boolean distinct, List<Expression> distinctOn, List<SelectItem> items, List<TableRef> from,
        Expression where, List<Expression> groupBy, Expression having) implements QueryBody
    {
    }

    /**
     * {@code VALUES (row), (row), ...}: every row has the same number of expressions.
     *
     * @param position 1-based offset of VALUES.
     * @param rows     the rows (never empty).
     */
    record Values(int position, List<List<Expression>> rows) implements QueryBody
    {
    }

    /**
     * {@code left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right}.
     *
     * @param position 1-based offset of the left operand.
     * @param operator the set operator.
     * @param all      true for ALL, false for DISTINCT (the default).
     * @param left     the left operand.
     * @param right    the right operand.
     */
    record SetOperation(int position, SetOperator operator, boolean all, QueryBody left, QueryBody right)
        implements QueryBody
    {
    }

    /**
     * The set operators; INTERSECT binds tighter than UNION and EXCEPT.
     */
    enum SetOperator
    {
        /** UNION. */
        UNION,
        /** INTERSECT. */
        INTERSECT,
        /** EXCEPT. */
        EXCEPT
    }
}
