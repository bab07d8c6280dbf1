package io.phantomdb.sql.exec;

/**
 * An expression compiled once per plan: evaluates against the current input row without walking a tree
 * of syntax.
 * <p>
 * <b>Note:</b> stateless or confined to the thread running the plan.
 */
@FunctionalInterface
public interface Evaluator
{
    /**
     * @param row the input row (may be null for expressions without column references).
     * @param ctx the statement's execution context (parameters, transaction, outer rows).
     * @return the value as the Java classes of the SQL contract; null for SQL NULL.
     */
    Object eval(Object[] row, ExecContext ctx);
}
