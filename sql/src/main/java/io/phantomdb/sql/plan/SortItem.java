package io.phantomdb.sql.plan;

/**
 * One bound ORDER BY item.
 * <p>
 * <b>Note:</b> immutable.
 *
 * @param expression the expression over the input row.
 * @param descending whether descending.
 * @param nullsFirst whether NULLs sort first.
 */
public record SortItem(BoundExpr expression, boolean descending, boolean nullsFirst)
{
}
