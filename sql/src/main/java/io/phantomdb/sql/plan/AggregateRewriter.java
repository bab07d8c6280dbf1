package io.phantomdb.sql.plan;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites expressions of a grouped query to read the aggregate's output row: GROUP BY expressions become
 * its first columns, aggregate calls the following ones; any other column reference is a grouping error
 * (42803).
 * <p>
 * <b>Note:</b> used once, by one thread.
 */
final class AggregateRewriter
{
    private final List<BoundExpr> groups;
    private final List<BoundExpr.Aggregate> aggregates = new ArrayList<>();

    AggregateRewriter(final List<BoundExpr> groups)
    {
        this.groups = groups;
    }

    BoundExpr rewrite(final BoundExpr e, final int position)
    {
        final int group = groups.indexOf(e);
        if (group >= 0)
        {
            return new BoundExpr.InputRef(group, e.type(), "group" + (group + 1));
        }
        if (e instanceof BoundExpr.Aggregate)
        {
            int index = aggregates.indexOf(e);
            if (index < 0)
            {
                aggregates.add((BoundExpr.Aggregate)e);
                index = aggregates.size() - 1;
            }
            return new BoundExpr.InputRef(groups.size() + index, e.type(), ((BoundExpr.Aggregate)e).name());
        }
        if (e instanceof BoundExpr.InputRef)
        {
            throw new SqlException(SqlState.GROUPING_ERROR, "column \"" + ((BoundExpr.InputRef)e).name() +
                "\" must appear in the GROUP BY clause or be used in an aggregate function", position);
        }
        if (e instanceof BoundExpr.Subquery && ((BoundExpr.Subquery)e).correlated())
        {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                "correlated subqueries in the select list or HAVING of a grouped query are not supported", position);
        }
        return BoundExprs.mapChildren(e, child -> rewrite(child, position));
    }

    LogicalPlan plan(final LogicalPlan input, final List<Field> inputFields)
    {
        final List<Field> fields = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++)
        {
            final BoundExpr g = groups.get(i);
            if (g instanceof BoundExpr.InputRef)
            {
                final Field f = inputFields.get(((BoundExpr.InputRef)g).index());
                fields.add(new Field(f.qualifier(), f.name(), f.type(), f.hidden(), f.table(), f.column(), f.nullable()));
            }
            else
            {
                fields.add(new Field(null, "group" + (i + 1), g.type(), false, null, null, true));
            }
        }
        for (final BoundExpr.Aggregate a : aggregates)
        {
            fields.add(new Field(null, a.name(), a.type(), false, null, null, true));
        }
        return new LogicalPlan.Aggregate(input, groups, List.copyOf(aggregates), fields);
    }
}
