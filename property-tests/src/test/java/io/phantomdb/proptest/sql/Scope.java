package io.phantomdb.proptest.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The columns a generated expression may use: those of the tables in the FROM clause under their
 * aliases, plus (for a correlated subquery) those of the enclosing query.
 *
 * @param columns qualified column references with their types.
 */
record Scope(List<Expr> columns)
{
    static Scope of(final String alias, final Table table)
    {
        return new Scope(List.of()).with(alias, table);
    }

    Scope with(final String alias, final Table table)
    {
        final List<Expr> all = new ArrayList<>(columns);
        for (final Column c : table.columns())
        {
            all.add(new Expr(alias + "." + c.name(), c.type()));
        }
        return new Scope(List.copyOf(all));
    }

    Scope plus(final Scope other)
    {
        final List<Expr> all = new ArrayList<>(columns);
        all.addAll(other.columns);
        return new Scope(List.copyOf(all));
    }

    List<Expr> of(final SqlType.Family family)
    {
        final List<Expr> out = new ArrayList<>();
        for (final Expr e : columns)
        {
            if (e.family() == family)
            {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * @return a random column of the family, or null if the scope has none.
     */
    Expr pick(final Random random, final SqlType.Family family)
    {
        final List<Expr> candidates = of(family);
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }
}
