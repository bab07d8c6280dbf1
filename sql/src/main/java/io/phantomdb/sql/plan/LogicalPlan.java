package io.phantomdb.sql.plan;

import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.sql.exec.JoinKind;
import io.phantomdb.sql.exec.SetOperationKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A relational plan as the binder produces it and the optimizer rewrites it: what to compute, not how.
 * Every node knows the fields of its output row.
 * <p>
 * <b>Note:</b> immutable records; safe to share.
 */
public sealed interface LogicalPlan
{
    /**
     * @return the output row's columns.
     */
    List<Field> fields();

    /**
     * A base table read; the output row has every column of the table at its ordinal.
     *
     * @param table     the table.
     * @param fields    its fields under the alias.
     * @param forUpdate whether rows are locked (SELECT ... FOR UPDATE).
     */
    record Scan(TableDefinition table, List<Field> fields, boolean forUpdate) implements LogicalPlan
    {
    }

    /**
     * A registered system table.
     *
     * @param table  the table.
     * @param fields its fields.
     */
    record SystemScan(SystemTable table, List<Field> fields) implements LogicalPlan
    {
    }

    /**
     * Literal rows.
     *
     * @param rows   the rows' expressions (no column references).
     * @param fields the columns.
     */
    record Values(List<List<BoundExpr>> rows, List<Field> fields) implements LogicalPlan
    {
    }

    /**
     * Rows of the input for which a predicate is TRUE.
     *
     * @param input     the input.
     * @param predicate the predicate over the input row.
     */
    record Filter(LogicalPlan input, BoundExpr predicate) implements LogicalPlan
    {
        @Override
        public List<Field> fields()
        {
            return input.fields();
        }
    }

    /**
     * Computed columns.
     *
     * @param input       the input.
     * @param expressions one per output field.
     * @param fields      the output fields.
     */
    record Project(LogicalPlan input, List<BoundExpr> expressions, List<Field> fields) implements LogicalPlan
    {
    }

    /**
     * A join; the output row is left then right (left only for SEMI and ANTI).
     *
     * @param kind      the join kind.
     * @param left      the left input.
     * @param right     the right input.
     * @param condition the condition over left ++ right, or null.
     */
    record Join(JoinKind kind, LogicalPlan left, LogicalPlan right, BoundExpr condition) implements LogicalPlan
    {
        @Override
        public List<Field> fields()
        {
            final List<Field> out = new ArrayList<>();
            for (final Field f : left.fields())
            {
                out.add(kind == JoinKind.RIGHT || kind == JoinKind.FULL ? f.asNullable() : f);
            }
            if (!kind.leftOnly())
            {
                for (final Field f : right.fields())
                {
                    out.add(kind == JoinKind.LEFT || kind == JoinKind.FULL ? f.asNullable() : f);
                }
            }
            return out;
        }
    }

    /**
     * GROUP BY and aggregates; the output row is the group values then the aggregate results.
     *
     * @param input      the input.
     * @param groups     the grouping expressions.
     * @param aggregates the aggregate calls (arguments over the input row).
     * @param fields     the output fields.
     */
    record Aggregate(LogicalPlan input, List<BoundExpr> groups, List<BoundExpr.Aggregate> aggregates,
        List<Field> fields) implements LogicalPlan
    {
    }

    /**
     * ORDER BY.
     *
     * @param input the input.
     * @param items the sort items over the input row.
     */
    record Sort(LogicalPlan input, List<SortItem> items) implements LogicalPlan
    {
        @Override
        public List<Field> fields()
        {
            return input.fields();
        }
    }

    /**
     * LIMIT / OFFSET.
     *
     * @param input  the input.
     * @param limit  the limit expression or null.
     * @param offset the offset expression or null.
     */
    record Limit(LogicalPlan input, BoundExpr limit, BoundExpr offset) implements LogicalPlan
    {
        @Override
        public List<Field> fields()
        {
            return input.fields();
        }
    }

    /**
     * DISTINCT.
     *
     * @param input the input.
     */
    record Distinct(LogicalPlan input) implements LogicalPlan
    {
        @Override
        public List<Field> fields()
        {
            return input.fields();
        }
    }

    /**
     * UNION / INTERSECT / EXCEPT.
     *
     * @param kind   the operation.
     * @param all    whether ALL.
     * @param left   the left input.
     * @param right  the right input.
     * @param fields the output fields.
     */
    record SetOperation(SetOperationKind kind, boolean all, LogicalPlan left, LogicalPlan right, List<Field> fields)
        implements LogicalPlan
    {
    }
}
