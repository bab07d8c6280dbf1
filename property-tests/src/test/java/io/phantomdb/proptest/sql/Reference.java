package io.phantomdb.proptest.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a generated query on the reference, filling in what H2 lacks: INTERSECT ALL and EXCEPT ALL are
 * computed here from the rows of their two operands (as multisets of {@link Results#canonical} rows).
 * <p>
 * <b>Note:</b> stateless.
 */
final class Reference
{
    private Reference()
    {
    }

    static Outcome run(final SqlSide reference, final QueryGenerator.Query query)
    {
        if (query.allOp() == null)
        {
            return reference.run(query.reference());
        }
        final Outcome left = reference.run(query.left());
        final Outcome right = reference.run(query.right());
        if (left.failed())
        {
            return left;
        }
        if (right.failed())
        {
            return right;
        }
        final Map<String, Integer> rightCounts = new HashMap<>();
        for (final String row : Results.canonical(right.rows()))
        {
            rightCounts.merge(row, 1, Integer::sum);
        }
        final boolean intersect = query.allOp().startsWith("INTERSECT");
        final List<String> leftKeys = Results.canonical(left.rows());
        final List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < leftKeys.size(); i++)
        {
            final int remaining = rightCounts.getOrDefault(leftKeys.get(i), 0);
            if (remaining > 0)
            {
                rightCounts.put(leftKeys.get(i), remaining - 1);
            }
            if (intersect == remaining > 0)
            {
                rows.add(left.rows().get(i));
            }
        }
        return Outcome.rows(rows);
    }
}
