package io.phantomdb.proptest.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random queries over a {@link Schema}: single-table selects (projections with arithmetic, WHERE,
 * DISTINCT), inner/left/right/full joins of two or three tables, GROUP BY with COUNT/SUM/MIN/MAX/AVG and
 * HAVING (or a global aggregate), UNION/INTERSECT/EXCEPT [ALL], each with subqueries in their
 * expressions. Some queries get an ORDER BY that ends in the primary keys of every table in FROM (or
 * the GROUP BY keys), which makes the order unique: only those may carry LIMIT/OFFSET, and only those
 * are compared in order.
 * <p>
 * <b>Note:</b> not thread-safe; one per generated scenario.
 */
final class QueryGenerator
{
    /**
     * A generated query.
     *
     * @param sql       its text.
     * @param ordered   whether its ORDER BY fixes the order of every row.
     * @param reference the text the reference runs: {@code sql}, or for a FULL JOIN (which H2 lacks) the
     *                  equivalent LEFT JOIN rows UNION ALL the RIGHT JOIN rows whose left primary key is NULL.
     * @param allOp     {@code INTERSECT ALL} or {@code EXCEPT ALL} (which H2 lacks), computed by the test
     *                  from the reference's rows of {@code left} and {@code right}; else null.
     * @param left      the left operand of {@code allOp}, or null.
     * @param right     the right operand of {@code allOp}, or null.
     */
    record Query(String sql, boolean ordered, String reference, String allOp, String left, String right)
    {
        Query(final String sql, final boolean ordered)
        {
            this(sql, ordered, sql, null, null, null);
        }
    }

    /** A column reference: ORDER BY and GROUP BY items must contain one (a constant there is a position or an error). */
    private static final Pattern COLUMN = Pattern.compile("\\ba[0-9]\\.[kc][0-9]");
    private static final Pattern PARAMETER = Pattern.compile("\\?\\{([0-9]+)\\}");
    private static final String[] JOINS = { "JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN" };

    private final ExprGenerator exprs;
    private final Random random;

    QueryGenerator(final Schema schema, final Random random)
    {
        this.exprs = new ExprGenerator(schema, random);
        this.random = random;
    }

    /**
     * The next index-shaped query, with extremes among the literals: a table's rows filtered by one to
     * three {@code column op literal} conditions (AND/OR) in primary-key order, MIN/MAX/COUNT of a
     * column so filtered, or an equi-join of two columns of the same type in key order. (Restriction for
     * PhantomDB bug 4: extremes are compared only with columns of their own type. No derived tables: their
     * arithmetic overflows on extremes, and where an engine evaluates it first is open. LIMIT only in
     * ascending order: H2 returns the wrong rows for {@code k IN (..) ORDER BY k DESC, k2 DESC LIMIT n OFFSET m}
     * over an index on k.)
     *
     * @return the query.
     */
    Query nextLookup()
    {
        exprs.edges(true);
        try
        {
            final From from = single(false);
            final StringBuilder where = new StringBuilder(exprs.simpleComparison(from.scope()).sql());
            final int more = random.nextInt(3);
            for (int i = 0; i < more; i++)
            {
                where.append(random.nextInt(3) == 0 ? " OR " : " AND ").append(exprs.simpleComparison(from.scope()).sql());
            }
            final Expr column = from.scope().columns().get(random.nextInt(from.scope().columns().size()));
            switch (random.nextInt(3))
            {
                case 0 ->
                {
                    final String aggregates = column.family() == SqlType.Family.BOOL ? "COUNT(" + column.sql() + ")" :
                        "MIN(" + column.sql() + "), MAX(" + column.sql() + "), COUNT(" + column.sql() + ")";
                    return new Query("SELECT " + aggregates + " FROM " + from.sql() + " WHERE " + where, false);
                }
                case 1 ->
                {
                    final Table other = exprs.randomTable();
                    final Scope right = Scope.of("a1", other);
                    final Expr candidate = right.pick(random, column.family());
                    final Expr match = candidate != null && candidate.type() == column.type() ? candidate : null;
                    if (match != null)
                    {
                        final List<String> keys = new ArrayList<>(from.keys());
                        for (final Column c : other.primaryKey())
                        {
                            keys.add("a1." + c.name());
                        }
                        return new Query("SELECT " + column.sql() + ", " + match.sql() + ", " + String.join(", ", keys) + " FROM " +
                            from.sql() + (random.nextBoolean() ? " JOIN " : " LEFT JOIN ") + other.name() + " a1 ON " + column.sql() +
                            " = " + match.sql() + " WHERE " + where + " ORDER BY " + String.join(", ", keys), true);
                    }
                    return new Query("SELECT * FROM " + from.sql() + " WHERE " + where + " ORDER BY " + String.join(", ", from.keys()), true);
                }
                default ->
                {
                    final boolean descending = random.nextBoolean();
                    return new Query("SELECT * FROM " + from.sql() + " WHERE " + where + " ORDER BY " +
                        String.join(descending ? " DESC, " : ", ", from.keys()) + (descending ? " DESC" : limit()), true);
                }
            }
        }
        finally
        {
            exprs.edges(false);
        }
    }

    /**
     * The next query with some literals of simple comparisons as parameters ({@code ?}), never a FULL
     * JOIN (rewritten for the reference) or INTERSECT/EXCEPT ALL (computed from their operands), nor a
     * parameter in GROUP BY (the select list's copy of a group expression would hold other parameters,
     * which PostgreSQL rejects with 42803 and H2 accepts).
     *
     * @param parameters receives the parameter values, in order.
     * @return the query.
     */
    Query nextPrepared(final List<Object> parameters)
    {
        try
        {
            while (true)
            {
                final List<Object> generated = new ArrayList<>();
                exprs.parameters(generated);
                final Query query = next();
                final int groupBy = query.sql().indexOf(" GROUP BY ");
                final boolean groupParameter = groupBy >= 0 && query.sql().substring(groupBy).contains("?{");
                if (query.allOp() == null && query.sql().equals(query.reference()) && !groupParameter)
                {
                    parameters.clear();
                    final Matcher marker = PARAMETER.matcher(query.sql());
                    final StringBuilder sql = new StringBuilder();
                    while (marker.find())
                    {
                        parameters.add(generated.get(Integer.parseInt(marker.group(1))));
                        marker.appendReplacement(sql, "?");
                    }
                    marker.appendTail(sql);
                    return new Query(sql.toString(), query.ordered());
                }
            }
        }
        finally
        {
            exprs.parameters(null);
        }
    }

    Query next()
    {
        return switch (random.nextInt(10))
        {
            case 0, 1, 2 -> select(false);
            case 3, 4 -> select(true);
            case 5, 6 -> aggregate();
            case 7 -> setOperation();
            default -> join();
        };
    }

    /**
     * A FROM clause; for a FULL JOIN also its LEFT and RIGHT JOIN forms and a left key column (NOT NULL
     * in the table, so NULL only in a row the RIGHT JOIN extended).
     */
    private record From(String sql, Scope scope, List<String> keys, String leftJoin, String rightJoin, String leftKey)
    {
        From(final String sql, final Scope scope, final List<String> keys)
        {
            this(sql, scope, keys, null, null, null);
        }
    }

    /**
     * One table as {@code a0}: the table itself, or (one in five) a derived table that filters it and
     * keeps its columns and their names, so the same scope and keys apply.
     */
    private From single()
    {
        return single(true);
    }

    private From single(final boolean derived)
    {
        final Table table = exprs.randomTable();
        final String alias = "a0";
        final List<String> keys = new ArrayList<>();
        for (final Column c : table.primaryKey())
        {
            keys.add(alias + "." + c.name());
        }
        final String source;
        if (derived && random.nextInt(5) == 0)
        {
            final String inner = exprs.freshAlias();
            source = "(SELECT " + table.columnList() + " FROM " + table.name() + " " + inner + " WHERE " +
                exprs.bool(Scope.of(inner, table), 2).sql() + ")";
        }
        else
        {
            source = table.name();
        }
        return new From(source + " " + alias, Scope.of(alias, table), keys);
    }

    private From joined(final boolean fullAllowed)
    {
        From from = single();
        final int tables = 2 + (random.nextInt(3) == 0 ? 1 : 0);
        for (int i = 1; i < tables; i++)
        {
            final Table table = exprs.randomTable();
            final String alias = "a" + i;
            final Scope right = Scope.of(alias, table);
            final Scope both = from.scope().plus(right);
            String join = JOINS[random.nextInt(fullAllowed && tables == 2 ? JOINS.length : JOINS.length - 1)];
            final String on;
            final String equi = equiJoin(from.scope(), right);
            if (join.equals("FULL JOIN"))
            {
                if (equi == null)
                {
                    join = "JOIN";
                    on = exprs.bool(both, 2).sql();
                }
                else
                {
                    on = equi;
                }
            }
            else if (equi != null && random.nextInt(3) > 0)
            {
                on = random.nextBoolean() ? equi : equi + " AND " + exprs.bool(both, 1).sql();
            }
            else
            {
                on = exprs.bool(both, 2).sql();
            }
            final List<String> keys = new ArrayList<>(from.keys());
            for (final Column c : table.primaryKey())
            {
                keys.add(alias + "." + c.name());
            }
            from = new From(from.sql() + " " + join + " " + table.name() + " " + alias + " ON " + on, both, keys);
            if (join.equals("FULL JOIN"))
            {
                from = new From(from.sql(), both, keys, from.sql().replace(" FULL JOIN ", " LEFT JOIN "),
                    from.sql().replace(" FULL JOIN ", " RIGHT JOIN "), from.keys().get(0));
            }
        }
        return from;
    }

    private String equiJoin(final Scope left, final Scope right)
    {
        for (int attempt = 0; attempt < 6; attempt++)
        {
            final SqlType.Family family = SqlType.Family.values()[random.nextInt(2)];
            final Expr l = left.pick(random, family);
            final Expr r = right.pick(random, family);
            if (l != null && r != null)
            {
                return l.sql() + " = " + r.sql();
            }
        }
        return null;
    }

    private String where(final Scope scope)
    {
        return random.nextInt(4) == 0 ? "" : " WHERE " + exprs.bool(scope, 3).sql();
    }

    private List<String> projection(final Scope scope, final int depth)
    {
        final List<String> items = new ArrayList<>();
        final int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++)
        {
            items.add(exprs.any(scope, depth).sql());
        }
        return items;
    }

    private Query select(final boolean ordered)
    {
        final From from = single();
        return finish(from, ordered);
    }

    private Query join()
    {
        return finish(joined(true), random.nextInt(3) == 0);
    }

    private Query finish(final From from, final boolean ordered)
    {
        final boolean distinct = !ordered && random.nextInt(4) == 0;
        final List<String> items = projection(from.scope(), 2);
        final int width = items.size();
        final String select = "SELECT " + (distinct ? "DISTINCT " : "") + String.join(", ", items) + " FROM ";
        final String where = where(from.scope());
        final String sql = select + from.sql() + where;
        if (from.leftJoin() != null)
        {
            final String extended = from.leftKey() + " IS NULL";
            return new Query(sql, false, select + from.leftJoin() + where + (distinct ? " UNION " : " UNION ALL ") + select +
                from.rightJoin() + (where.isEmpty() ? " WHERE " + extended : where + " AND " + extended), null, null, null);
        }
        if (!ordered)
        {
            return new Query(sql, false);
        }
        final List<String> order = new ArrayList<>();
        final int leading = random.nextInt(3);
        for (int i = 0; i < leading; i++)
        {
            final String item = random.nextInt(4) == 0 ? Integer.toString(1 + random.nextInt(width)) + " a0.k0" : exprs.any(from.scope(), 1).sql();
            if (item.endsWith(" a0.k0"))
            {
                order.add(item.substring(0, item.length() - " a0.k0".length()) + direction());
            }
            else if (COLUMN.matcher(item).find())
            {
                order.add(item + direction());
            }
        }
        for (final String key : from.keys())
        {
            order.add(key + direction());
        }
        return new Query(sql + " ORDER BY " + String.join(", ", order) + limit(), true);
    }

    private String direction()
    {
        return switch (random.nextInt(3))
        {
            case 0 -> " DESC";
            case 1 -> " ASC";
            default -> "";
        };
    }

    private String limit()
    {
        return switch (random.nextInt(4))
        {
            case 0 -> " LIMIT " + random.nextInt(6);
            case 1 -> " LIMIT " + (1 + random.nextInt(5)) + " OFFSET " + random.nextInt(4);
            case 2 -> random.nextBoolean() ? " OFFSET " + random.nextInt(4) : " FETCH FIRST " + (1 + random.nextInt(4)) + " ROWS ONLY";
            default -> "";
        };
    }

    private Query aggregate()
    {
        final From from = random.nextBoolean() ? single() : joined(false);
        final Scope scope = from.scope();
        final List<String> groups = new ArrayList<>();
        final List<Expr> groupColumns = new ArrayList<>();
        final int n = random.nextInt(3);
        for (int i = 0; i < n; i++)
        {
            final boolean plain = random.nextInt(4) > 0;
            final Expr g = plain ? scope.columns().get(random.nextInt(scope.columns().size())) : exprs.any(scope, 1);
            if (!groups.contains(g.sql()) && COLUMN.matcher(g.sql()).find())
            {
                groups.add(g.sql());
                if (plain)
                {
                    groupColumns.add(g);
                }
            }
        }
        final List<String> items = new ArrayList<>(groups);
        final int aggregates = 1 + random.nextInt(3);
        for (int i = 0; i < aggregates; i++)
        {
            items.add(aggregateCall(scope));
        }
        if (!groupColumns.isEmpty() && random.nextInt(3) == 0)
        {
            items.add(exprs.correlatedCount(new Scope(List.copyOf(groupColumns))));
        }
        String sql = "SELECT " + String.join(", ", items) + " FROM " + from.sql() + where(scope);
        if (!groups.isEmpty())
        {
            sql += " GROUP BY " + String.join(", ", groups);
        }
        if (random.nextInt(3) == 0)
        {
            sql += " HAVING " + having(scope);
            if (!groupColumns.isEmpty() && random.nextInt(3) == 0)
            {
                sql += " AND COUNT(*) >= " + exprs.correlatedCount(new Scope(List.copyOf(groupColumns)));
            }
        }
        if (!groups.isEmpty() && random.nextBoolean())
        {
            final List<String> order = new ArrayList<>();
            for (final String g : groups)
            {
                order.add(g + direction());
            }
            return new Query(sql + " ORDER BY " + String.join(", ", order) + limit(), true);
        }
        return new Query(sql, false);
    }

    private String aggregateCall(final Scope scope)
    {
        final Expr number = exprs.number(scope, 1);
        return switch (random.nextInt(9))
        {
            case 0 -> "COUNT(*)";
            case 1 -> "COUNT(" + exprs.any(scope, 1).sql() + ")";
            case 2 -> "COUNT(DISTINCT " + exprs.any(scope, 0).sql() + ")";
            case 3 -> "SUM(" + number.sql() + ")";
            case 4 -> "AVG(" + number.sql() + ")";
            case 5 -> (random.nextBoolean() ? "MIN(" : "MAX(") + number.sql() + ")";
            case 6 -> (random.nextBoolean() ? "MIN(" : "MAX(") + exprs.string(scope, 1).sql() + ")";
            case 7 -> random.nextBoolean() ? "SUM(DISTINCT " + number.sql() + ")" :
                "COUNT(*) FILTER (WHERE " + exprs.simpleComparison(scope).sql() + ")";
            default -> "(COUNT(*) + " + (random.nextBoolean() ? "SUM(" : "MAX(") + number.sql() + "))";
        };
    }

    private String having(final Scope scope)
    {
        final String left = switch (random.nextInt(4))
        {
            case 0 -> "COUNT(*)";
            case 1 -> "SUM(" + exprs.number(scope, 0).sql() + ")";
            case 2 -> "MIN(" + exprs.number(scope, 0).sql() + ")";
            default -> "MAX(" + exprs.string(scope, 0).sql() + ")";
        };
        final String right;
        if (left.startsWith("MAX("))
        {
            right = exprs.literal(SqlType.Family.STRING).sql();
        }
        else
        {
            right = random.nextInt(4) == 0 ? exprs.literal(SqlType.Family.NUMBER).sql() : Integer.toString(random.nextInt(5));
        }
        final String comparison = left + new String[] { " > ", " >= ", " = ", " <> ", " < " }[random.nextInt(5)] + right;
        return random.nextInt(3) == 0 ? "(" + comparison + " OR COUNT(*) > 2)" : comparison;
    }

    private Query setOperation()
    {
        final int width = 1 + random.nextInt(2);
        final List<SqlType.Family> families = new ArrayList<>();
        for (int i = 0; i < width; i++)
        {
            families.add(SqlType.Family.values()[random.nextInt(SqlType.Family.values().length)]);
        }
        final String op = new String[] { "UNION", "INTERSECT", "EXCEPT" }[random.nextInt(3)] + (random.nextBoolean() ? " ALL" : "");
        final String left = branch(families);
        final String right = random.nextInt(4) == 0 ? "(" + branch(families) + " " +
            new String[] { "UNION", "INTERSECT", "EXCEPT" }[random.nextInt(3)] + " " + branch(families) + ")" : branch(families);
        final String sql = left + " " + op + " " + right;
        return op.equals("INTERSECT ALL") || op.equals("EXCEPT ALL") ? new Query(sql, false, null, op, left, right) : new Query(sql, false);
    }

    private String branch(final List<SqlType.Family> families)
    {
        final From from = single();
        final List<String> items = new ArrayList<>();
        for (final SqlType.Family family : families)
        {
            final Expr column = from.scope().pick(random, family);
            items.add(column != null && random.nextInt(4) > 0 ? column.sql() : exprs.of(family, from.scope(), 1).sql());
        }
        return "SELECT " + String.join(", ", items) + " FROM " + from.sql() + where(from.scope());
    }
}
