package io.phantomdb.sql.plan;

import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.sql.exec.JoinKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Reorders a tree of three or more INNER joins by simple statistics: the relations are flattened with all
 * join conditions, then a left-deep tree is built greedily, starting from the relation with the fewest
 * estimated rows and adding at each step the smallest relation connected to the ones joined so far by a
 * condition (a cross product only when nothing is connected). Each condition is placed at the first join
 * that has all its columns. A projection restores the original column order.
 * <p>
 * <b>Note:</b> used by one thread while planning.
 */
final class JoinOrder
{
    private final Statistics statistics;

    JoinOrder(final Statistics statistics)
    {
        this.statistics = statistics;
    }

    LogicalPlan reorder(final LogicalPlan plan)
    {
        final List<LogicalPlan> leaves = new ArrayList<>();
        final List<BoundExpr> conditions = new ArrayList<>();
        flatten(plan, 0, leaves, conditions);
        if (leaves.size() < 3)
        {
            return plan;
        }
        final int n = leaves.size();
        final int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            offsets[i + 1] = offsets[i] + leaves.get(i).fields().size();
        }
        final double[] estimates = new double[n];
        for (int i = 0; i < n; i++)
        {
            estimates[i] = estimate(leaves.get(i));
        }
        final long[] masks = new long[conditions.size()];
        for (int c = 0; c < masks.length; c++)
        {
            masks[c] = leafMask(conditions.get(c), offsets);
        }
        final List<Integer> order = new ArrayList<>();
        long joined = 0;
        while (order.size() < n)
        {
            int best = -1;
            boolean bestConnected = false;
            for (int i = 0; i < n; i++)
            {
                if ((joined & (1L << i)) != 0)
                {
                    continue;
                }
                final boolean connected = order.isEmpty() || connected(masks, joined, i);
                if (best < 0 || (connected && !bestConnected) ||
                    (connected == bestConnected && estimates[i] < estimates[best]))
                {
                    best = i;
                    bestConnected = connected;
                }
            }
            order.add(best);
            joined |= 1L << best;
        }
        if (isIdentity(order))
        {
            return plan;
        }
        final int[] newPosition = new int[offsets[n]];
        int position = 0;
        for (final int leaf : order)
        {
            for (int g = offsets[leaf]; g < offsets[leaf + 1]; g++)
            {
                newPosition[g] = position++;
            }
        }
        final boolean[] placed = new boolean[conditions.size()];
        LogicalPlan tree = leaves.get(order.get(0));
        long have = 1L << order.get(0);
        for (int k = 1; k < n; k++)
        {
            have |= 1L << order.get(k);
            final List<BoundExpr> here = new ArrayList<>();
            for (int c = 0; c < conditions.size(); c++)
            {
                if (!placed[c] && (masks[c] & ~have) == 0)
                {
                    placed[c] = true;
                    here.add(remap(conditions.get(c), newPosition));
                }
            }
            tree = new LogicalPlan.Join(JoinKind.INNER, tree, leaves.get(order.get(k)), BoundExprs.and(here));
        }
        final List<BoundExpr> restore = new ArrayList<>();
        final List<Field> fields = plan.fields();
        for (int g = 0; g < fields.size(); g++)
        {
            restore.add(new BoundExpr.InputRef(newPosition[g], fields.get(g).type(), fields.get(g).name()));
        }
        return new LogicalPlan.Project(tree, restore, fields);
    }

    private static boolean isIdentity(final List<Integer> order)
    {
        for (int i = 0; i < order.size(); i++)
        {
            if (order.get(i) != i)
            {
                return false;
            }
        }
        return true;
    }

    private static boolean connected(final long[] masks, final long joined, final int leaf)
    {
        for (final long mask : masks)
        {
            if ((mask & (1L << leaf)) != 0 && (mask & joined) != 0 && (mask & ~(joined | (1L << leaf))) == 0)
            {
                return true;
            }
        }
        return false;
    }

    private static void flatten(final LogicalPlan plan, final int offset, final List<LogicalPlan> leaves,
        final List<BoundExpr> conditions)
    {
        if (plan instanceof LogicalPlan.Join && ((LogicalPlan.Join)plan).kind() == JoinKind.INNER && leaves.size() < 60)
        {
            final LogicalPlan.Join join = (LogicalPlan.Join)plan;
            for (final BoundExpr c : BoundExprs.conjuncts(join.condition()))
            {
                if (BoundExprs.containsSubquery(c))
                {
                    leaves.clear();
                    return;
                }
                conditions.add(BoundExprs.shift(c, offset));
            }
            flatten(join.left(), offset, leaves, conditions);
            flatten(join.right(), offset + join.left().fields().size(), leaves, conditions);
            return;
        }
        leaves.add(plan);
    }

    private static long leafMask(final BoundExpr condition, final int[] offsets)
    {
        final long[] mask = new long[1];
        BoundExprs.transform(condition, node ->
        {
            if (node instanceof BoundExpr.InputRef)
            {
                final int index = ((BoundExpr.InputRef)node).index();
                for (int i = 0; i + 1 < offsets.length; i++)
                {
                    if (index >= offsets[i] && index < offsets[i + 1])
                    {
                        mask[0] |= 1L << i;
                    }
                }
            }
            return node;
        });
        return mask[0];
    }

    private static BoundExpr remap(final BoundExpr e, final int[] newPosition)
    {
        return BoundExprs.transform(e, node ->
        {
            if (node instanceof BoundExpr.InputRef)
            {
                final BoundExpr.InputRef r = (BoundExpr.InputRef)node;
                return new BoundExpr.InputRef(newPosition[r.index()], r.type(), r.name());
            }
            return node;
        });
    }

    private double estimate(final LogicalPlan plan)
    {
        if (plan instanceof LogicalPlan.Scan)
        {
            return statistics.rowCount(((LogicalPlan.Scan)plan).table());
        }
        if (plan instanceof LogicalPlan.Filter && ((LogicalPlan.Filter)plan).input() instanceof LogicalPlan.Scan)
        {
            final TableDefinition table = ((LogicalPlan.Scan)((LogicalPlan.Filter)plan).input()).table();
            double rows = statistics.rowCount(table);
            for (final BoundExpr c : BoundExprs.conjuncts(((LogicalPlan.Filter)plan).predicate()))
            {
                rows *= c instanceof BoundExpr.Compare && "=".equals(((BoundExpr.Compare)c).op()) ? 0.1 : 0.5;
            }
            return Math.max(1, rows);
        }
        return 1000;
    }
}
