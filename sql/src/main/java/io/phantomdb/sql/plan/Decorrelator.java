package io.phantomdb.sql.plan;

import io.phantomdb.sql.exec.JoinKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns simple correlated {@code [NOT] EXISTS} conjuncts of a WHERE clause into semi (anti) joins: when the
 * subquery is a filtered relation whose only references to the outer row are equalities
 * {@code inner column = outer column}, those equalities become the join condition and the subquery runs
 * once instead of once per outer row (then usually as a hash semi join).
 * <p>
 * <b>Note:</b> stateless.
 */
final class Decorrelator
{
    private Decorrelator()
    {
    }

    /**
     * @param input     the FROM plan the WHERE clause filters (its row is the subqueries' outer row).
     * @param conjuncts the WHERE conjuncts; decorrelated ones are removed.
     * @return the input joined with every decorrelated subquery.
     */
    static LogicalPlan apply(final LogicalPlan input, final List<BoundExpr> conjuncts)
    {
        LogicalPlan plan = input;
        for (int i = 0; i < conjuncts.size(); i++)
        {
            BoundExpr c = conjuncts.get(i);
            boolean negated = false;
            if (c instanceof BoundExpr.Not && ((BoundExpr.Not)c).operand() instanceof BoundExpr.Subquery)
            {
                c = ((BoundExpr.Not)c).operand();
                negated = true;
            }
            if (!(c instanceof BoundExpr.Subquery))
            {
                continue;
            }
            final BoundExpr.Subquery s = (BoundExpr.Subquery)c;
            if (s.kind() != BoundExpr.SubqueryKind.EXISTS || !s.correlated())
            {
                continue;
            }
            final LogicalPlan joined = semiJoin(plan, s, negated != s.negated());
            if (null != joined)
            {
                plan = joined;
                conjuncts.remove(i);
                i--;
            }
        }
        return plan;
    }

    private static LogicalPlan semiJoin(final LogicalPlan outer, final BoundExpr.Subquery s, final boolean anti)
    {
        LogicalPlan inner = s.plan();
        if (inner instanceof LogicalPlan.Project)
        {
            inner = ((LogicalPlan.Project)inner).input();
        }
        if (!(inner instanceof LogicalPlan.Filter))
        {
            return null;
        }
        final LogicalPlan.Filter filter = (LogicalPlan.Filter)inner;
        if (mentionsOuter(filter.input()))
        {
            return null;
        }
        final int width = outer.fields().size();
        final List<BoundExpr> keep = new ArrayList<>();
        final List<BoundExpr> join = new ArrayList<>();
        for (final BoundExpr c : BoundExprs.conjuncts(filter.predicate()))
        {
            if (BoundExprs.any(c, n -> n instanceof BoundExpr.Subquery && ((BoundExpr.Subquery)n).correlated()))
            {
                return null;
            }
            if (!BoundExprs.any(c, n -> n instanceof BoundExpr.OuterRef))
            {
                keep.add(c);
                continue;
            }
            final BoundExpr rewritten = correlatedEquality(c, s.slot(), width);
            if (null == rewritten)
            {
                return null;
            }
            join.add(rewritten);
        }
        if (join.isEmpty())
        {
            return null;
        }
        final LogicalPlan right = keep.isEmpty() ? filter.input() : new LogicalPlan.Filter(filter.input(), BoundExprs.and(keep));
        return new LogicalPlan.Join(anti ? JoinKind.ANTI : JoinKind.SEMI, outer, right, BoundExprs.and(join));
    }

    private static BoundExpr correlatedEquality(final BoundExpr c, final int slot, final int width)
    {
        if (!(c instanceof BoundExpr.Compare) || !"=".equals(((BoundExpr.Compare)c).op()))
        {
            return null;
        }
        final BoundExpr l = ((BoundExpr.Compare)c).left();
        final BoundExpr r = ((BoundExpr.Compare)c).right();
        if (outerOf(l, slot) && innerOnly(r))
        {
            return new BoundExpr.Compare("=", toLeft(l), BoundExprs.shift(r, width));
        }
        if (outerOf(r, slot) && innerOnly(l))
        {
            return new BoundExpr.Compare("=", toLeft(r), BoundExprs.shift(l, width));
        }
        return null;
    }

    private static boolean outerOf(final BoundExpr e, final int slot)
    {
        return e instanceof BoundExpr.OuterRef && ((BoundExpr.OuterRef)e).slot() == slot;
    }

    private static boolean innerOnly(final BoundExpr e)
    {
        return !BoundExprs.any(e, n -> n instanceof BoundExpr.OuterRef || n instanceof BoundExpr.Subquery);
    }

    private static BoundExpr toLeft(final BoundExpr e)
    {
        final BoundExpr.OuterRef ref = (BoundExpr.OuterRef)e;
        return new BoundExpr.InputRef(ref.index(), ref.type(), ref.name());
    }

    private static boolean mentionsOuter(final LogicalPlan plan)
    {
        if (plan instanceof LogicalPlan.Scan || plan instanceof LogicalPlan.SystemScan)
        {
            return false;
        }
        if (plan instanceof LogicalPlan.Filter)
        {
            final LogicalPlan.Filter f = (LogicalPlan.Filter)plan;
            return hasOuter(f.predicate()) || mentionsOuter(f.input());
        }
        if (plan instanceof LogicalPlan.Join)
        {
            final LogicalPlan.Join j = (LogicalPlan.Join)plan;
            return (null != j.condition() && hasOuter(j.condition())) || mentionsOuter(j.left()) || mentionsOuter(j.right());
        }
        if (plan instanceof LogicalPlan.Project)
        {
            final LogicalPlan.Project p = (LogicalPlan.Project)plan;
            for (final BoundExpr e : p.expressions())
            {
                if (hasOuter(e))
                {
                    return true;
                }
            }
            return mentionsOuter(p.input());
        }
        return true;
    }

    private static boolean hasOuter(final BoundExpr e)
    {
        return BoundExprs.any(e, n -> n instanceof BoundExpr.OuterRef || n instanceof BoundExpr.Subquery);
    }
}
