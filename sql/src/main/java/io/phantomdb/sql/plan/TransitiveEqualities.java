package io.phantomdb.sql.plan;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.value.TypeRules;

import java.util.ArrayList;
import java.util.List;

/**
 * Derives equalities implied by an inner join's conditions: from {@code a = v} (v a constant, parameter or
 * outer value) and {@code a = b} it adds {@code b = v}, so a key predicate on one side of a join also
 * selects the other side ({@code o.customer_id = ? AND c.id = o.customer_id} gives {@code c.id = ?}, a point
 * lookup).
 * <p>
 * <b>Note:</b> stateless.
 */
final class TransitiveEqualities
{
    private TransitiveEqualities()
    {
    }

    static List<BoundExpr> extend(final List<BoundExpr> conjuncts)
    {
        final List<BoundExpr.InputRef[]> pairs = new ArrayList<>();
        final List<Object[]> constants = new ArrayList<>();
        for (final BoundExpr c : conjuncts)
        {
            if (!(c instanceof BoundExpr.Compare) || !"=".equals(((BoundExpr.Compare)c).op()))
            {
                continue;
            }
            final BoundExpr l = ((BoundExpr.Compare)c).left();
            final BoundExpr r = ((BoundExpr.Compare)c).right();
            if (l instanceof BoundExpr.InputRef && r instanceof BoundExpr.InputRef)
            {
                pairs.add(new BoundExpr.InputRef[]{(BoundExpr.InputRef)l, (BoundExpr.InputRef)r});
            }
            else if (l instanceof BoundExpr.InputRef && isValue(r))
            {
                constants.add(new Object[]{l, r});
            }
            else if (r instanceof BoundExpr.InputRef && isValue(l))
            {
                constants.add(new Object[]{r, l});
            }
        }
        if (pairs.isEmpty() || constants.isEmpty())
        {
            return conjuncts;
        }
        final List<BoundExpr> out = new ArrayList<>(conjuncts);
        for (final Object[] constant : constants)
        {
            final BoundExpr.InputRef column = (BoundExpr.InputRef)constant[0];
            final BoundExpr value = (BoundExpr)constant[1];
            for (final BoundExpr.InputRef[] pair : pairs)
            {
                final BoundExpr.InputRef other = pair[0].index() == column.index() ? pair[1] :
                    pair[1].index() == column.index() ? pair[0] : null;
                if (null == other || !sameKind(other.type(), column.type()))
                {
                    continue;
                }
                final BoundExpr derived = new BoundExpr.Compare("=", other, value);
                if (!out.contains(derived))
                {
                    out.add(derived);
                }
            }
        }
        return out;
    }

    private static boolean isValue(final BoundExpr e)
    {
        return !BoundExprs.any(e, n -> n instanceof BoundExpr.InputRef || n instanceof BoundExpr.Subquery ||
            n instanceof BoundExpr.Aggregate || (n instanceof BoundExpr.Call && !((BoundExpr.Call)n).deterministic()));
    }

    private static boolean sameKind(final ColumnType a, final ColumnType b)
    {
        if (null == a || null == b)
        {
            return false;
        }
        return a.kind() == b.kind() || (TypeRules.isIntegral(a) && TypeRules.isIntegral(b));
    }
}
