package io.phantomdb.sql.ast;

/**
 * One key of an ORDER BY clause or of an index: an expression (an ordinal or an output alias is kept
 * as the expression that was written: an integer literal or a column reference), a direction and the
 * placement of nulls.
 * <p>
 * <b>Note:</b> immutable; thread safe.
 *
 * @param position   1-based offset of the expression.
 * @param expression the sort key.
 * @param descending true for DESC.
 * @param nulls      where nulls go, {@link NullsOrder#DEFAULT} when not written.
 */
public record OrderItem(int position, Expression expression, boolean descending, NullsOrder nulls) implements Node
{
    /**
     * NULLS FIRST / NULLS LAST, or not written (PostgreSQL default: nulls sort as if larger than any value).
     */
    public enum NullsOrder
    {
        /** Not written. */
        DEFAULT,
        /** NULLS FIRST. */
        FIRST,
        /** NULLS LAST. */
        LAST
    }
}
