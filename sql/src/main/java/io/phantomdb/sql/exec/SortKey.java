package io.phantomdb.sql.exec;

/**
 * One ORDER BY item compiled: its expression, direction and NULL placement.
 * <p>
 * <b>Note:</b> immutable; the evaluator is confined to the plan's thread.
 *
 * @param expression the compiled expression over the input row.
 * @param descending whether it sorts descending.
 * @param nullsFirst whether NULLs come first.
 */
public record SortKey(Evaluator expression, boolean descending, boolean nullsFirst)
{
}
