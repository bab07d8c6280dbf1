package io.phantomdb.sql.plan;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.ast.Expression;

import java.util.List;

/**
 * A typed expression resolved against its input row: column references are positions in the row. Records,
 * so equal expressions are equal objects (used to match GROUP BY expressions and expression indexes). A
 * null type means unknown (an untyped literal or NULL).
 * <p>
 * <b>Note:</b> immutable records; safe to share.
 */
public sealed interface BoundExpr
{
    /**
     * @return the value type, or null for unknown.
     */
    ColumnType type();

    /**
     * A constant.
     *
     * @param value the value (null for NULL).
     * @param type  its type or null.
     */
    record Literal(Object value, ColumnType type) implements BoundExpr
    {
    }

    /**
     * A column of the input row.
     *
     * @param index its position.
     * @param type  its type.
     * @param name  its name for EXPLAIN.
     */
    record InputRef(int index, ColumnType type, String name) implements BoundExpr
    {
    }

    /**
     * A column of an enclosing query's row (correlated subquery).
     *
     * @param slot  the enclosing scope's slot.
     * @param index the column's position in that row.
     * @param type  its type.
     * @param name  its name for EXPLAIN.
     */
    record OuterRef(int slot, int index, ColumnType type, String name) implements BoundExpr
    {
    }

    /**
     * A statement parameter ($n), 0-based.
     *
     * @param index the parameter index.
     * @param type  the inferred type.
     */
    record Param(int index, ColumnType type) implements BoundExpr
    {
    }

    /**
     * A comparison ({@code = <> < <= > >=}); operands already cast to one type.
     *
     * @param op    the operator symbol.
     * @param left  left operand.
     * @param right right operand.
     */
    record Compare(String op, BoundExpr left, BoundExpr right) implements BoundExpr
    {
        @Override
        public ColumnType type()
        {
            return ColumnType.BOOLEAN;
        }
    }

    /**
     * {@code IS [NOT] DISTINCT FROM}.
     *
     * @param left    left operand.
     * @param right   right operand.
     * @param negated true for IS NOT DISTINCT FROM.
     */
    record IsDistinct(BoundExpr left, BoundExpr right, boolean negated) implements BoundExpr
    {
        @Override
        public ColumnType type()
        {
            return ColumnType.BOOLEAN;
        }
    }

    /**
     * AND (three-valued).
     *
     * @param terms the conjuncts.
     */
    record And(List<BoundExpr> terms) implements BoundExpr
    {
        @Override
        public ColumnType type()
        {
            return ColumnType.BOOLEAN;
        }
    }

    /**
     * OR (three-valued).
     *
     * @param terms the disjuncts.
     */
    record Or(List<BoundExpr> terms) implements BoundExpr
    {
        @Override
        public ColumnType type()
        {
            return ColumnType.BOOLEAN;
        }
    }

    /**
     * NOT (three-valued).
     *
     * @param operand the operand.
     */
    record Not(BoundExpr operand) implements BoundExpr
    {
        @Override
        public ColumnType type()
        {
            return ColumnType.BOOLEAN;
        }
    }

    /**
     * A binary operator other than comparison and logic: arithmetic, {@code ||}, JSON operators.
     *
     * @param op    the operator.
     * @param left  left operand.
     * @param right right operand.
     * @param type  the result type.
     */
    record Binary(Expression.BinaryOperator op, BoundExpr left, BoundExpr right, ColumnType type) implements BoundExpr
    {
    }

    /**
     * Unary minus.
     *
     * @param operand the operand.
     * @param type    the result type.
     */
    record Negate(BoundExpr operand, ColumnType type) implements BoundExpr
    {
    }

    /**
     * {@code IS [NOT] NULL}.
     *
     * @param operand the operand.
     * @param negated true for IS NOT NULL.
     */
    record IsNull(BoundExpr operand, boolean negated) implements BoundExpr
    {
        @Override
        public ColumnType type()
        {
            return ColumnType.BOOLEAN;
        }
    }

    /**
     * {@code IS [NOT] TRUE/FALSE/UNKNOWN}.
     *
     * @param operand the operand.
     * @param truth   the tested truth value.
     * @param negated whether NOT.
     */
    record IsTruth(BoundExpr operand, Expression.Truth truth, boolean negated) implements BoundExpr
    {
        @Override
        public ColumnType type()
        {
            return ColumnType.BOOLEAN;
        }
    }

    /**
     * {@code x [NOT] IN (a, b, ...)}.
     *
     * @param operand the tested value.
     * @param values  the list.
     * @param negated whether NOT IN.
     */
    record InList(BoundExpr operand, List<BoundExpr> values, boolean negated) implements BoundExpr
    {
        @Override
        public ColumnType type()
        {
            return ColumnType.BOOLEAN;
        }
    }

    /**
     * A searched CASE (a simple CASE is bound to this with equality conditions).
     *
     * @param conditions the WHEN conditions.
     * @param results    the THEN results.
     * @param otherwise  the ELSE result (a NULL literal when absent).
     * @param type       the common result type.
     */
    record Case(List<BoundExpr> conditions, List<BoundExpr> results, BoundExpr otherwise, ColumnType type)
        implements BoundExpr
    {
    }

    /**
     * A cast (explicit, or inserted by the binder to align operand types).
     *
     * @param operand the operand.
     * @param type    the target type.
     */
    record Cast(BoundExpr operand, ColumnType type) implements BoundExpr
    {
    }

    /**
     * A scalar function call, including COALESCE, NULLIF, GREATEST and LEAST.
     *
     * @param name          the function name (lower case).
     * @param args          the arguments.
     * @param type          the result type.
     * @param deterministic whether it may be folded when its arguments are constants.
     */
    record Call(String name, List<BoundExpr> args, ColumnType type, boolean deterministic) implements BoundExpr
    {
    }

    /**
     * LIKE / ILIKE / SIMILAR TO.
     *
     * @param kind    which.
     * @param operand the string.
     * @param pattern the pattern.
     * @param escape  the escape string, or null.
     * @param negated whether NOT.
     */
    record Like(Expression.LikeKind kind, BoundExpr operand, BoundExpr pattern, BoundExpr escape, boolean negated)
        implements BoundExpr
    {
        @Override
        public ColumnType type()
        {
            return ColumnType.BOOLEAN;
        }
    }

    /**
     * An aggregate call before the aggregation rewrite replaces it by a column of the aggregate's output.
     *
     * @param name     the aggregate name.
     * @param argument the argument, or null for {@code COUNT(*)}.
     * @param distinct whether DISTINCT.
     * @param type     the result type.
     */
    record Aggregate(String name, BoundExpr argument, boolean distinct, ColumnType type) implements BoundExpr
    {
    }

    /**
     * A subquery used as an expression.
     *
     * @param kind       scalar, EXISTS, IN, or a quantified comparison.
     * @param plan       the subquery's plan.
     * @param operand    the left operand of IN / ANY / ALL, or null.
     * @param op         the comparison of ANY / ALL ({@code =} for IN), or null.
     * @param negated    NOT IN / NOT EXISTS.
     * @param correlated whether it reads the enclosing row.
     * @param slot       the outer-row slot it sees the enclosing row in.
     * @param type       the result type.
     */
    record Subquery(
        SubqueryKind kind, LogicalPlan plan, BoundExpr operand, String op, boolean negated, boolean correlated,
        int slot, ColumnType type) implements BoundExpr
    {
    }

    /**
     * The kinds of subquery expression.
     */
    enum SubqueryKind
    {
        /** A value (NULL for no row, 21000 for more than one). */
        SCALAR,
        /** Whether any row exists. */
        EXISTS,
        /** Quantified comparison with ANY (IN is {@code = ANY}). */
        ANY,
        /** Quantified comparison with ALL. */
        ALL
    }
}
