package io.phantomdb.sql.plan;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.exec.JoinKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule-based rewrites of a {@link LogicalPlan}: constant folding (non-deterministic functions are kept)
 * and predicate pushdown (WHERE conjuncts move into join conditions and down to the tables they read,
 * through projections of views and derived tables; conjuncts with subqueries stay in place).
 * <p>
 * <b>Note:</b> stateless apart from the compiler used for folding; used by one thread.
 */
public final class Optimizer
{
    private final ExpressionCompiler compiler;
    private final JoinOrder joinOrder;

    /**
     * @param compiler   evaluates constant expressions.
     * @param statistics row count estimates for join ordering.
     */
    public Optimizer(final ExpressionCompiler compiler, final Statistics statistics)
    {
        this.compiler = compiler;
        this.joinOrder = new JoinOrder(statistics);
    }

    /**
     * @param plan a plan.
     * @return the rewritten plan.
     */
    public LogicalPlan optimize(final LogicalPlan plan)
    {
        return reorderJoins(push(plan));
    }

    private LogicalPlan reorderJoins(final LogicalPlan plan)
    {
        if (plan instanceof LogicalPlan.Join && ((LogicalPlan.Join)plan).kind() == JoinKind.INNER)
        {
            final LogicalPlan reordered = joinOrder.reorder(plan);
            if (reordered != plan)
            {
                return reordered;
            }
        }
        if (plan instanceof LogicalPlan.Filter)
        {
            final LogicalPlan.Filter f = (LogicalPlan.Filter)plan;
            return new LogicalPlan.Filter(reorderJoins(f.input()), f.predicate());
        }
        if (plan instanceof LogicalPlan.Project)
        {
            final LogicalPlan.Project p = (LogicalPlan.Project)plan;
            return new LogicalPlan.Project(reorderJoins(p.input()), p.expressions(), p.fields());
        }
        if (plan instanceof LogicalPlan.Join)
        {
            final LogicalPlan.Join j = (LogicalPlan.Join)plan;
            return new LogicalPlan.Join(j.kind(), reorderJoins(j.left()), reorderJoins(j.right()), j.condition());
        }
        if (plan instanceof LogicalPlan.Aggregate)
        {
            final LogicalPlan.Aggregate a = (LogicalPlan.Aggregate)plan;
            return new LogicalPlan.Aggregate(reorderJoins(a.input()), a.groups(), a.aggregates(), a.fields());
        }
        if (plan instanceof LogicalPlan.Sort)
        {
            final LogicalPlan.Sort s = (LogicalPlan.Sort)plan;
            return new LogicalPlan.Sort(reorderJoins(s.input()), s.items());
        }
        if (plan instanceof LogicalPlan.Limit)
        {
            final LogicalPlan.Limit l = (LogicalPlan.Limit)plan;
            return new LogicalPlan.Limit(reorderJoins(l.input()), l.limit(), l.offset());
        }
        if (plan instanceof LogicalPlan.Distinct)
        {
            return new LogicalPlan.Distinct(reorderJoins(((LogicalPlan.Distinct)plan).input()));
        }
        if (plan instanceof LogicalPlan.SetOperation)
        {
            final LogicalPlan.SetOperation s = (LogicalPlan.SetOperation)plan;
            return new LogicalPlan.SetOperation(s.kind(), s.all(), reorderJoins(s.left()), reorderJoins(s.right()),
                s.fields());
        }
        return plan;
    }

    /**
     * Folds constant sub-expressions.
     *
     * @param e an expression.
     * @return the folded expression.
     */
    public BoundExpr fold(final BoundExpr e)
    {
        if (null == e)
        {
            return null;
        }
        return BoundExprs.transform(e, node ->
        {
            if (node instanceof BoundExpr.Literal || !BoundExprs.isConstant(node))
            {
                return node;
            }
            try
            {
                return new BoundExpr.Literal(compiler.evaluateConstant(node), node.type());
            }
            catch (final SqlException ex)
            {
                return node;
            }
        });
    }

    private List<BoundExpr> foldAll(final List<BoundExpr> list)
    {
        final List<BoundExpr> out = new ArrayList<>(list.size());
        for (final BoundExpr e : list)
        {
            out.add(fold(e));
        }
        return out;
    }

    private LogicalPlan push(final LogicalPlan plan)
    {
        if (plan instanceof LogicalPlan.Filter)
        {
            final LogicalPlan.Filter f = (LogicalPlan.Filter)plan;
            final List<BoundExpr> conjuncts = new ArrayList<>(BoundExprs.conjuncts(fold(f.predicate())));
            final LogicalPlan input = Decorrelator.apply(f.input(), conjuncts);
            return pushInto(push(input), conjuncts);
        }
        if (plan instanceof LogicalPlan.Join)
        {
            final LogicalPlan.Join j = (LogicalPlan.Join)plan;
            final LogicalPlan left = push(j.left());
            final LogicalPlan right = push(j.right());
            List<BoundExpr> conjuncts = BoundExprs.conjuncts(fold(j.condition()));
            if (j.kind() == JoinKind.INNER)
            {
                conjuncts = TransitiveEqualities.extend(conjuncts);
            }
            final int leftWidth = left.fields().size();
            final List<BoundExpr> toLeft = new ArrayList<>();
            final List<BoundExpr> toRight = new ArrayList<>();
            final List<BoundExpr> stay = new ArrayList<>();
            for (final BoundExpr c : conjuncts)
            {
                final int[] range = BoundExprs.inputRange(c);
                final boolean movable = !BoundExprs.containsSubquery(c) && range[0] >= 0;
                if (movable && range[1] < leftWidth && (j.kind() == JoinKind.INNER || j.kind() == JoinKind.RIGHT))
                {
                    toLeft.add(c);
                }
                else if (movable && range[0] >= leftWidth && (j.kind() == JoinKind.INNER || j.kind() == JoinKind.LEFT ||
                    j.kind() == JoinKind.SEMI || j.kind() == JoinKind.ANTI))
                {
                    toRight.add(BoundExprs.shift(c, -leftWidth));
                }
                else
                {
                    stay.add(c);
                }
            }
            return new LogicalPlan.Join(j.kind(), pushInto(left, toLeft), pushInto(right, toRight), BoundExprs.and(stay));
        }
        if (plan instanceof LogicalPlan.Project)
        {
            final LogicalPlan.Project p = (LogicalPlan.Project)plan;
            return new LogicalPlan.Project(push(p.input()), foldAll(p.expressions()), p.fields());
        }
        if (plan instanceof LogicalPlan.Aggregate)
        {
            final LogicalPlan.Aggregate a = (LogicalPlan.Aggregate)plan;
            return new LogicalPlan.Aggregate(push(a.input()), foldAll(a.groups()), a.aggregates(), a.fields());
        }
        if (plan instanceof LogicalPlan.Sort)
        {
            final LogicalPlan.Sort s = (LogicalPlan.Sort)plan;
            return new LogicalPlan.Sort(push(s.input()), s.items());
        }
        if (plan instanceof LogicalPlan.Limit)
        {
            final LogicalPlan.Limit l = (LogicalPlan.Limit)plan;
            return new LogicalPlan.Limit(push(l.input()), fold(l.limit()), fold(l.offset()));
        }
        if (plan instanceof LogicalPlan.Distinct)
        {
            return new LogicalPlan.Distinct(push(((LogicalPlan.Distinct)plan).input()));
        }
        if (plan instanceof LogicalPlan.SetOperation)
        {
            final LogicalPlan.SetOperation s = (LogicalPlan.SetOperation)plan;
            return new LogicalPlan.SetOperation(s.kind(), s.all(), push(s.left()), push(s.right()), s.fields());
        }
        if (plan instanceof LogicalPlan.Values)
        {
            final LogicalPlan.Values v = (LogicalPlan.Values)plan;
            final List<List<BoundExpr>> rows = new ArrayList<>();
            for (final List<BoundExpr> row : v.rows())
            {
                rows.add(foldAll(row));
            }
            return new LogicalPlan.Values(rows, v.fields());
        }
        return plan;
    }

    private LogicalPlan pushInto(final LogicalPlan plan, final List<BoundExpr> conjuncts)
    {
        if (conjuncts.isEmpty())
        {
            return plan;
        }
        if (plan instanceof LogicalPlan.Filter)
        {
            final LogicalPlan.Filter f = (LogicalPlan.Filter)plan;
            final List<BoundExpr> all = new ArrayList<>(BoundExprs.conjuncts(f.predicate()));
            all.addAll(conjuncts);
            return pushInto(f.input(), all);
        }
        if (plan instanceof LogicalPlan.Join && ((LogicalPlan.Join)plan).kind() == JoinKind.INNER)
        {
            final LogicalPlan.Join j = (LogicalPlan.Join)plan;
            final List<BoundExpr> condition = new ArrayList<>(BoundExprs.conjuncts(j.condition()));
            final List<BoundExpr> stay = new ArrayList<>();
            for (final BoundExpr c : conjuncts)
            {
                if (BoundExprs.containsSubquery(c) || BoundExprs.inputRange(c)[0] < 0)
                {
                    stay.add(c);
                }
                else
                {
                    condition.add(c);
                }
            }
            final LogicalPlan joined = push(new LogicalPlan.Join(j.kind(), j.left(), j.right(), BoundExprs.and(condition)));
            return stay.isEmpty() ? joined : new LogicalPlan.Filter(joined, BoundExprs.and(stay));
        }
        if (plan instanceof LogicalPlan.Join && ((LogicalPlan.Join)plan).kind().leftOnly())
        {
            final LogicalPlan.Join j = (LogicalPlan.Join)plan;
            final List<BoundExpr> toLeft = new ArrayList<>();
            final List<BoundExpr> stay = new ArrayList<>();
            for (final BoundExpr c : conjuncts)
            {
                (BoundExprs.containsSubquery(c) ? stay : toLeft).add(c);
            }
            final LogicalPlan joined = new LogicalPlan.Join(j.kind(), pushInto(j.left(), toLeft), j.right(), j.condition());
            return stay.isEmpty() ? joined : new LogicalPlan.Filter(joined, BoundExprs.and(stay));
        }
        if (plan instanceof LogicalPlan.Join && ((LogicalPlan.Join)plan).kind() == JoinKind.LEFT)
        {
            final LogicalPlan.Join j = (LogicalPlan.Join)plan;
            final int leftWidth = j.left().fields().size();
            final List<BoundExpr> toLeft = new ArrayList<>();
            final List<BoundExpr> stay = new ArrayList<>();
            for (final BoundExpr c : conjuncts)
            {
                final int[] range = BoundExprs.inputRange(c);
                if (!BoundExprs.containsSubquery(c) && range[0] >= 0 && range[1] < leftWidth)
                {
                    toLeft.add(c);
                }
                else
                {
                    stay.add(c);
                }
            }
            final LogicalPlan joined = new LogicalPlan.Join(j.kind(), pushInto(j.left(), toLeft), j.right(), j.condition());
            return stay.isEmpty() ? joined : new LogicalPlan.Filter(joined, BoundExprs.and(stay));
        }
        if (plan instanceof LogicalPlan.Project)
        {
            final LogicalPlan.Project p = (LogicalPlan.Project)plan;
            final List<BoundExpr> through = new ArrayList<>();
            final List<BoundExpr> stay = new ArrayList<>();
            for (final BoundExpr c : conjuncts)
            {
                if (BoundExprs.containsSubquery(c) || !substitutable(c, p))
                {
                    stay.add(c);
                }
                else
                {
                    through.add(BoundExprs.transform(c, node -> node instanceof BoundExpr.InputRef ?
                        p.expressions().get(((BoundExpr.InputRef)node).index()) : node));
                }
            }
            final LogicalPlan projected = new LogicalPlan.Project(pushInto(p.input(), through), p.expressions(), p.fields());
            return stay.isEmpty() ? projected : new LogicalPlan.Filter(projected, BoundExprs.and(stay));
        }
        return new LogicalPlan.Filter(plan, BoundExprs.and(conjuncts));
    }

    private static boolean substitutable(final BoundExpr c, final LogicalPlan.Project p)
    {
        return !BoundExprs.any(c, node -> node instanceof BoundExpr.InputRef &&
            !simple(p.expressions().get(((BoundExpr.InputRef)node).index())));
    }

    private static boolean simple(final BoundExpr e)
    {
        return !BoundExprs.containsSubquery(e) && !BoundExprs.containsAggregate(e) &&
            !BoundExprs.any(e, n -> n instanceof BoundExpr.Call && !((BoundExpr.Call)n).deterministic());
    }
}
