package io.phantomdb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Generic walks over {@link BoundExpr} trees: rebuild with mapped children, search, shift column indexes.
 * Subquery plans are not entered (their column references belong to their own rows).
 * <p>
 * <b>Note:</b> stateless.
 */
public final class BoundExprs
{
    private BoundExprs()
    {
    }

    /**
     * Rebuilds an expression bottom-up: children first, then {@code mapper} on the rebuilt node.
     *
     * @param e      the expression.
     * @param mapper applied to every node after its children.
     * @return the rebuilt expression.
     */
    public static BoundExpr transform(final BoundExpr e, final Function<BoundExpr, BoundExpr> mapper)
    {
        return mapper.apply(mapChildren(e, c -> transform(c, mapper)));
    }

    /**
     * @param e     an expression.
     * @param child maps each direct child.
     * @return the node with its direct children mapped.
     */
    public static BoundExpr mapChildren(final BoundExpr e, final Function<BoundExpr, BoundExpr> child)
    {
        if (e instanceof BoundExpr.Compare)
        {
            final BoundExpr.Compare c = (BoundExpr.Compare)e;
            return new BoundExpr.Compare(c.op(), child.apply(c.left()), child.apply(c.right()));
        }
        if (e instanceof BoundExpr.IsDistinct)
        {
            final BoundExpr.IsDistinct d = (BoundExpr.IsDistinct)e;
            return new BoundExpr.IsDistinct(child.apply(d.left()), child.apply(d.right()), d.negated());
        }
        if (e instanceof BoundExpr.And)
        {
            return new BoundExpr.And(mapList(((BoundExpr.And)e).terms(), child));
        }
        if (e instanceof BoundExpr.Or)
        {
            return new BoundExpr.Or(mapList(((BoundExpr.Or)e).terms(), child));
        }
        if (e instanceof BoundExpr.Not)
        {
            return new BoundExpr.Not(child.apply(((BoundExpr.Not)e).operand()));
        }
        if (e instanceof BoundExpr.Binary)
        {
            final BoundExpr.Binary b = (BoundExpr.Binary)e;
            return new BoundExpr.Binary(b.op(), child.apply(b.left()), child.apply(b.right()), b.type());
        }
        if (e instanceof BoundExpr.Negate)
        {
            final BoundExpr.Negate n = (BoundExpr.Negate)e;
            return new BoundExpr.Negate(child.apply(n.operand()), n.type());
        }
        if (e instanceof BoundExpr.IsNull)
        {
            final BoundExpr.IsNull n = (BoundExpr.IsNull)e;
            return new BoundExpr.IsNull(child.apply(n.operand()), n.negated());
        }
        if (e instanceof BoundExpr.IsTruth)
        {
            final BoundExpr.IsTruth t = (BoundExpr.IsTruth)e;
            return new BoundExpr.IsTruth(child.apply(t.operand()), t.truth(), t.negated());
        }
        if (e instanceof BoundExpr.InList)
        {
            final BoundExpr.InList in = (BoundExpr.InList)e;
            return new BoundExpr.InList(child.apply(in.operand()), mapList(in.values(), child), in.negated());
        }
        if (e instanceof BoundExpr.Case)
        {
            final BoundExpr.Case c = (BoundExpr.Case)e;
            return new BoundExpr.Case(mapList(c.conditions(), child), mapList(c.results(), child),
                child.apply(c.otherwise()), c.type());
        }
        if (e instanceof BoundExpr.Cast)
        {
            final BoundExpr.Cast c = (BoundExpr.Cast)e;
            return new BoundExpr.Cast(child.apply(c.operand()), c.type());
        }
        if (e instanceof BoundExpr.Call)
        {
            final BoundExpr.Call c = (BoundExpr.Call)e;
            return new BoundExpr.Call(c.name(), mapList(c.args(), child), c.type(), c.deterministic());
        }
        if (e instanceof BoundExpr.Like)
        {
            final BoundExpr.Like l = (BoundExpr.Like)e;
            return new BoundExpr.Like(l.kind(), child.apply(l.operand()), child.apply(l.pattern()),
                null == l.escape() ? null : child.apply(l.escape()), l.negated());
        }
        if (e instanceof BoundExpr.Aggregate)
        {
            final BoundExpr.Aggregate a = (BoundExpr.Aggregate)e;
            return new BoundExpr.Aggregate(a.name(), null == a.argument() ? null : child.apply(a.argument()),
                a.distinct(), a.type());
        }
        if (e instanceof BoundExpr.Subquery)
        {
            final BoundExpr.Subquery s = (BoundExpr.Subquery)e;
            if (null == s.operand())
            {
                return s;
            }
            return new BoundExpr.Subquery(s.kind(), s.plan(), child.apply(s.operand()), s.op(), s.negated(),
                s.correlated(), s.slot(), s.type());
        }
        return e;
    }

    private static List<BoundExpr> mapList(final List<BoundExpr> list, final Function<BoundExpr, BoundExpr> child)
    {
        final List<BoundExpr> out = new ArrayList<>(list.size());
        for (final BoundExpr e : list)
        {
            out.add(child.apply(e));
        }
        return out;
    }

    /**
     * @param e    an expression.
     * @param test a node test.
     * @return whether any node (not inside subquery plans) passes.
     */
    public static boolean any(final BoundExpr e, final Predicate<BoundExpr> test)
    {
        final boolean[] found = new boolean[1];
        transform(e, node ->
        {
            if (test.test(node))
            {
                found[0] = true;
            }
            return node;
        });
        return found[0];
    }

    /**
     * @param e an expression.
     * @return whether it contains an aggregate call.
     */
    public static boolean containsAggregate(final BoundExpr e)
    {
        return any(e, n -> n instanceof BoundExpr.Aggregate);
    }

    /**
     * @param e an expression.
     * @return whether it contains a subquery.
     */
    public static boolean containsSubquery(final BoundExpr e)
    {
        return any(e, n -> n instanceof BoundExpr.Subquery);
    }

    /**
     * @param e an expression.
     * @return whether it reads nothing that varies per row or per execution (no columns, parameters,
     * subqueries or volatile functions).
     */
    public static boolean isConstant(final BoundExpr e)
    {
        return !any(e, n -> n instanceof BoundExpr.InputRef || n instanceof BoundExpr.OuterRef ||
            n instanceof BoundExpr.Param || n instanceof BoundExpr.Subquery || n instanceof BoundExpr.Aggregate ||
            (n instanceof BoundExpr.Call && !((BoundExpr.Call)n).deterministic()));
    }

    /**
     * @param e an expression.
     * @return whether it gives the same value for the same row every time (no parameters, subqueries,
     * aggregates or volatile functions): what an index expression must be.
     */
    public static boolean isDeterministic(final BoundExpr e)
    {
        return !any(e, n -> n instanceof BoundExpr.Param || n instanceof BoundExpr.Subquery ||
            n instanceof BoundExpr.Aggregate || n instanceof BoundExpr.OuterRef ||
            (n instanceof BoundExpr.Call && !((BoundExpr.Call)n).deterministic()));
    }

    /**
     * @param e an expression.
     * @return the lowest and highest input column index it reads, or {-1, -1} for none.
     */
    public static int[] inputRange(final BoundExpr e)
    {
        final int[] range = {Integer.MAX_VALUE, -1};
        transform(e, node ->
        {
            if (node instanceof BoundExpr.InputRef)
            {
                final int index = ((BoundExpr.InputRef)node).index();
                range[0] = Math.min(range[0], index);
                range[1] = Math.max(range[1], index);
            }
            return node;
        });
        return range[1] < 0 ? new int[]{-1, -1} : range;
    }

    /**
     * @param e     an expression.
     * @param delta added to every input column index.
     * @return the shifted expression.
     */
    public static BoundExpr shift(final BoundExpr e, final int delta)
    {
        if (delta == 0)
        {
            return e;
        }
        return transform(e, node ->
        {
            if (node instanceof BoundExpr.InputRef)
            {
                final BoundExpr.InputRef r = (BoundExpr.InputRef)node;
                return new BoundExpr.InputRef(r.index() + delta, r.type(), r.name());
            }
            return node;
        });
    }

    /**
     * @param e a predicate.
     * @return its AND-ed terms (the predicate itself when it is not an AND).
     */
    public static List<BoundExpr> conjuncts(final BoundExpr e)
    {
        final List<BoundExpr> out = new ArrayList<>();
        if (e instanceof BoundExpr.And)
        {
            for (final BoundExpr term : ((BoundExpr.And)e).terms())
            {
                out.addAll(conjuncts(term));
            }
        }
        else if (null != e)
        {
            out.add(e);
        }
        return out;
    }

    /**
     * @param terms predicates.
     * @return their AND, the single term, or null for none.
     */
    public static BoundExpr and(final List<BoundExpr> terms)
    {
        if (terms.isEmpty())
        {
            return null;
        }
        return terms.size() == 1 ? terms.get(0) : new BoundExpr.And(List.copyOf(terms));
    }
}
