package io.phantomdb.sql.plan;

import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Visits every expression node of a logical plan, including the plans and operands of nested subqueries.
 * <p>
 * <b>Note:</b> stateless.
 */
final class PlanExpressions
{
    private PlanExpressions()
    {
    }

    static void forEach(final LogicalPlan plan, final Consumer<BoundExpr> visitor)
    {
        if (plan instanceof LogicalPlan.Filter)
        {
            final LogicalPlan.Filter f = (LogicalPlan.Filter)plan;
            visit(f.predicate(), visitor);
            forEach(f.input(), visitor);
        }
        else if (plan instanceof LogicalPlan.Project)
        {
            final LogicalPlan.Project p = (LogicalPlan.Project)plan;
            p.expressions().forEach(e -> visit(e, visitor));
            forEach(p.input(), visitor);
        }
        else if (plan instanceof LogicalPlan.Join)
        {
            final LogicalPlan.Join j = (LogicalPlan.Join)plan;
            visit(j.condition(), visitor);
            forEach(j.left(), visitor);
            forEach(j.right(), visitor);
        }
        else if (plan instanceof LogicalPlan.Aggregate)
        {
            final LogicalPlan.Aggregate a = (LogicalPlan.Aggregate)plan;
            a.groups().forEach(e -> visit(e, visitor));
            a.aggregates().forEach(e -> visit(e, visitor));
            forEach(a.input(), visitor);
        }
        else if (plan instanceof LogicalPlan.Sort)
        {
            final LogicalPlan.Sort s = (LogicalPlan.Sort)plan;
            s.items().forEach(i -> visit(i.expression(), visitor));
            forEach(s.input(), visitor);
        }
        else if (plan instanceof LogicalPlan.Limit)
        {
            final LogicalPlan.Limit l = (LogicalPlan.Limit)plan;
            visit(l.limit(), visitor);
            visit(l.offset(), visitor);
            forEach(l.input(), visitor);
        }
        else if (plan instanceof LogicalPlan.Distinct)
        {
            forEach(((LogicalPlan.Distinct)plan).input(), visitor);
        }
        else if (plan instanceof LogicalPlan.SetOperation)
        {
            forEach(((LogicalPlan.SetOperation)plan).left(), visitor);
            forEach(((LogicalPlan.SetOperation)plan).right(), visitor);
        }
        else if (plan instanceof LogicalPlan.Values)
        {
            ((LogicalPlan.Values)plan).rows().forEach(row -> row.forEach(e -> visit(e, visitor)));
        }
    }

    private static void visit(final BoundExpr e, final Consumer<BoundExpr> visitor)
    {
        if (null == e)
        {
            return;
        }
        BoundExprs.transform(e, node ->
        {
            visitor.accept(node);
            if (node instanceof BoundExpr.Subquery)
            {
                forEach(((BoundExpr.Subquery)node).plan(), visitor);
            }
            return node;
        });
    }

    /**
     * @param plan a correlated subquery's plan.
     * @param slot the enclosing row's slot.
     * @return the enclosing row's column positions the plan reads, or null when it also reads other outer
     * rows (then its result cannot be cached by those columns alone).
     */
    static int[] outerColumns(final LogicalPlan plan, final int slot)
    {
        final TreeSet<Integer> columns = new TreeSet<>();
        final boolean[] other = new boolean[1];
        forEach(plan, node ->
        {
            if (node instanceof BoundExpr.OuterRef)
            {
                final BoundExpr.OuterRef ref = (BoundExpr.OuterRef)node;
                if (ref.slot() == slot)
                {
                    columns.add(ref.index());
                }
                else
                {
                    other[0] = true;
                }
            }
            if (node instanceof BoundExpr.Call && !((BoundExpr.Call)node).deterministic())
            {
                other[0] = true;
            }
        });
        return other[0] ? null : columns.stream().mapToInt(Integer::intValue).toArray();
    }
}
