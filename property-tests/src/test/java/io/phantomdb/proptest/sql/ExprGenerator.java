package io.phantomdb.proptest.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random, well-typed scalar expressions and predicates over a {@link Scope}: arithmetic, comparisons,
 * AND/OR/NOT, IS [NOT] NULL, [NOT] BETWEEN, [NOT] IN lists, [NOT] LIKE, CASE, COALESCE, NULLIF, ABS,
 * UPPER/LOWER, {@code ||}, and (while the nesting budget lasts) scalar, IN and EXISTS subqueries,
 * correlated or not. Division only by non-zero integer literals (integers) or 2 and 4 (doubles), so
 * results never depend on where an engine evaluates a division by zero, and never on rounding.
 * <p>
 * <b>Note:</b> not thread-safe; one per generated scenario.
 */
final class ExprGenerator
{
    private static final String[] COMPARISONS = { "=", "<>", "<", "<=", ">", ">=" };
    private static final String[] PATTERNS = { "a%", "%b", "_b%", "%", "a_b", "%'%", "ab", "" };

    private final Schema schema;
    private final Random random;
    private int aliases;
    private List<Object> parameters;
    private boolean edges;

    ExprGenerator(final Schema schema, final Random random)
    {
        this.schema = schema;
        this.random = random;
    }

    /**
     * Makes half of the literals of {@link #simpleComparison} parameters, written {@code ?{i}} where
     * {@code i} is the index of the value appended to the list (generation order, not text order: see
     * {@link QueryGenerator#nextPrepared}); null turns parameters off.
     *
     * @param parameters the list to fill, or null.
     */
    void parameters(final List<Object> parameters)
    {
        this.parameters = parameters;
    }

    private String valueOrParameter(final SqlType type)
    {
        if (parameters == null || random.nextBoolean())
        {
            return literal(type).sql();
        }
        parameters.add(type.randomValue(random, false));
        return "?{" + (parameters.size() - 1) + "}";
    }

    String freshAlias()
    {
        return "s" + aliases++;
    }

    Table randomTable()
    {
        return schema.tables().get(random.nextInt(schema.tables().size()));
    }

    Expr any(final Scope scope, final int depth)
    {
        return switch (random.nextInt(6))
        {
            case 0, 1, 2 -> number(scope, depth);
            case 3, 4 -> string(scope, depth);
            default -> bool(scope, depth);
        };
    }

    Expr of(final SqlType.Family family, final Scope scope, final int depth)
    {
        return switch (family)
        {
            case NUMBER -> number(scope, depth);
            case STRING -> string(scope, depth);
            case BOOL -> bool(scope, depth);
        };
    }

    Expr literal(final SqlType.Family family)
    {
        final SqlType type = switch (family)
        {
            case NUMBER -> new SqlType[] { SqlType.INTEGER, SqlType.BIGINT, SqlType.NUMERIC, SqlType.DOUBLE }[random.nextInt(4)];
            case STRING -> SqlType.VARCHAR;
            case BOOL -> SqlType.BOOLEAN;
        };
        return literal(type, false);
    }

    /**
     * Makes half of the literals of one type ({@link #literal(SqlType)}) extremes ({@link SqlType#edgeValue}).
     *
     * @param edges whether to.
     */
    void edges(final boolean edges)
    {
        this.edges = edges;
    }

    /**
     * @param type the literal's type.
     * @return a literal of the type; with {@link #edges(boolean)} on, half of them extremes (only here,
     *         where the caller compares it with a column of the same type: an INTEGER key compared with
     *         an out-of-range BIGINT is PhantomDB bug 4 in docs/testing.md).
     */
    Expr literal(final SqlType type)
    {
        return literal(type, edges);
    }

    private Expr literal(final SqlType type, final boolean edge)
    {
        final Object value = edge && random.nextBoolean() ? type.edgeValue(random) : type.randomValue(random, false);
        if (type == SqlType.DOUBLE)
        {
            return new Expr("CAST(" + SqlType.literal(value) + " AS DOUBLE PRECISION)", type);
        }
        if (type == SqlType.BIGINT)
        {
            return new Expr("CAST(" + SqlType.literal(value) + " AS BIGINT)", type);
        }
        return new Expr(SqlType.literal(value), type);
    }

    Expr number(final Scope scope, final int depth)
    {
        final Expr column = scope.pick(random, SqlType.Family.NUMBER);
        final int choice = depth <= 0 ? random.nextInt(3) : random.nextInt(16);
        if (column != null && choice < 2)
        {
            return column;
        }
        switch (choice)
        {
            case 0, 1, 2 ->
            {
                return literal(SqlType.Family.NUMBER);
            }
            case 3, 4 ->
            {
                final Expr l = number(scope, depth - 1);
                final Expr r = number(scope, depth - 1);
                return new Expr("(" + l.sql() + (random.nextBoolean() ? " + " : " - ") + r.sql() + ")", Expr.widen(l.type(), r.type()));
            }
            case 5 ->
            {
                final Expr l = number(scope, depth - 1);
                final int k = random.nextInt(7) - 3;
                return new Expr("(" + l.sql() + " * " + SqlType.literal(k) + ")", l.type());
            }
            case 6 ->
            {
                final Expr l = number(scope, depth - 1);
                if (l.type().integral())
                {
                    final int k = new int[] { 1, 2, 3, -2, 7 }[random.nextInt(5)];
                    return new Expr("(" + l.sql() + (random.nextBoolean() ? " / " : " % ") + SqlType.literal(k) + ")", l.type());
                }
                if (l.type() == SqlType.DOUBLE)
                {
                    return new Expr("(" + l.sql() + " / " + (random.nextBoolean() ? "2" : "4") + ")", l.type());
                }
                return new Expr("(-" + l.sql() + ")", l.type());
            }
            case 7 ->
            {
                final Expr l = number(scope, depth - 1);
                return new Expr("ABS(" + l.sql() + ")", l.type());
            }
            case 8 ->
            {
                final Expr a = number(scope, depth - 1);
                final Expr b = number(scope, depth - 1);
                final SqlType type = Expr.widen(a.type(), b.type());
                return new Expr("CASE WHEN " + bool(scope, depth - 1).sql() + " THEN " + typed(a, type) + " ELSE " +
                    typed(b, type) + " END", type);
            }
            case 9 ->
            {
                final Expr a = number(scope, depth - 1);
                final Expr b = number(scope, depth - 1);
                final SqlType type = Expr.widen(a.type(), b.type());
                return new Expr("COALESCE(" + typed(a, type) + ", " + typed(b, type) + ")", type);
            }
            case 10 ->
            {
                final Expr x = number(scope, depth - 1);
                final Expr y = number(scope, depth - 1);
                final Expr a = x.type().ordinal() >= y.type().ordinal() ? x : y;
                final Expr b = a == x ? y : x;
                return new Expr("NULLIF(" + a.sql() + ", " + b.sql() + ")", a.type());
            }
            case 11 ->
            {
                return scalarSubquery(scope, depth, SqlType.Family.NUMBER);
            }
            case 12 ->
            {
                return new Expr("LENGTH(" + string(scope, depth - 1).sql() + ")", SqlType.INTEGER);
            }
            case 13 ->
            {
                return simpleCase(scope, depth, SqlType.Family.NUMBER);
            }
            default ->
            {
                return column != null ? column : literal(SqlType.Family.NUMBER);
            }
        }
    }

    Expr string(final Scope scope, final int depth)
    {
        final Expr column = scope.pick(random, SqlType.Family.STRING);
        final int choice = depth <= 0 ? random.nextInt(3) : random.nextInt(13);
        if (column != null && choice < 2)
        {
            return column;
        }
        return switch (choice)
        {
            case 3 -> new Expr("COALESCE(" + string(scope, depth - 1).sql() + ", " + string(scope, depth - 1).sql() + ")", SqlType.VARCHAR);
            case 4 -> new Expr("CASE WHEN " + bool(scope, depth - 1).sql() + " THEN " + string(scope, depth - 1).sql() + " ELSE " +
                string(scope, depth - 1).sql() + " END", SqlType.VARCHAR);
            case 5 -> new Expr((random.nextBoolean() ? "UPPER(" : "LOWER(") + string(scope, depth - 1).sql() + ")", SqlType.VARCHAR);
            case 6 -> new Expr("(" + string(scope, depth - 1).sql() + " || " + string(scope, depth - 1).sql() + ")", SqlType.VARCHAR);
            case 7 -> new Expr("NULLIF(" + string(scope, depth - 1).sql() + ", " + string(scope, depth - 1).sql() + ")", SqlType.VARCHAR);
            case 8 -> scalarSubquery(scope, depth, SqlType.Family.STRING);
            case 9 -> new Expr("SUBSTRING(" + string(scope, depth - 1).sql() + " FROM " + (1 + random.nextInt(3)) + " FOR " +
                random.nextInt(3) + ")", SqlType.VARCHAR);
            case 10 -> new Expr("CAST(" + exactNumber(scope, depth - 1).sql() + " AS VARCHAR(30))", SqlType.VARCHAR);
            case 11 -> simpleCase(scope, depth, SqlType.Family.STRING);
            default -> column != null ? column : literal(SqlType.Family.STRING);
        };
    }

    /**
     * @return an INTEGER, BIGINT or NUMERIC expression (exact: its text form is the same everywhere).
     */
    Expr exactNumber(final Scope scope, final int depth)
    {
        for (int attempt = 0; attempt < 6; attempt++)
        {
            final Expr e = number(scope, depth);
            if (e.type() != SqlType.DOUBLE)
            {
                return e;
            }
        }
        return literal(SqlType.INTEGER);
    }

    /**
     * @return {@code CASE x WHEN v1 THEN r1 [WHEN v2 THEN r2] [ELSE r3] END} with results of the family.
     */
    Expr simpleCase(final Scope scope, final int depth, final SqlType.Family family)
    {
        final SqlType.Family operand = random.nextBoolean() ? SqlType.Family.NUMBER : SqlType.Family.STRING;
        final StringBuilder sb = new StringBuilder("CASE ").append(of(operand, scope, depth - 1).sql());
        final List<String> whens = new ArrayList<>();
        final List<Expr> results = new ArrayList<>();
        final int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++)
        {
            whens.add(random.nextBoolean() ? literal(operand).sql() : of(operand, scope, depth - 1).sql());
            results.add(of(family, scope, depth - 1));
        }
        final Expr otherwise = random.nextBoolean() ? of(family, scope, depth - 1) : null;
        SqlType type = results.get(0).type();
        for (final Expr result : results)
        {
            type = family == SqlType.Family.NUMBER ? Expr.widen(type, result.type()) : type;
        }
        if (null != otherwise && family == SqlType.Family.NUMBER)
        {
            type = Expr.widen(type, otherwise.type());
        }
        // Mixed numeric branches are cast to their common type explicitly: H2 folds a CASE whose operand it
        // can evaluate to the chosen branch's own type (an INTEGER branch of a DOUBLE CASE stays INTEGER, so
        // `/ 2` divides integers there), where PostgreSQL and PhantomDB use the CASE's type.
        for (int i = 0; i < count; i++)
        {
            sb.append(" WHEN ").append(whens.get(i)).append(" THEN ").append(typed(results.get(i), type));
        }
        if (null != otherwise)
        {
            sb.append(" ELSE ").append(typed(otherwise, type));
        }
        return new Expr(sb.append(" END").toString(), type);
    }

    private static String typed(final Expr result, final SqlType type)
    {
        return result.type() == type || type.family() != SqlType.Family.NUMBER ?
            result.sql() : "CAST(" + result.sql() + " AS " + type.ddl() + ")";
    }

    /**
     * @return a boolean expression (a predicate).
     */
    Expr bool(final Scope scope, final int depth)
    {
        final int choice = depth <= 0 ? random.nextInt(4) : random.nextInt(16);
        switch (choice)
        {
            case 0, 1 ->
            {
                return comparison(scope, depth - 1);
            }
            case 2 ->
            {
                final Expr column = scope.pick(random, SqlType.Family.BOOL);
                return column != null ? column : comparison(scope, depth - 1);
            }
            case 3 ->
            {
                return new Expr("(" + any(scope, depth - 1).sql() + (random.nextBoolean() ? " IS NULL)" : " IS NOT NULL)"), SqlType.BOOLEAN);
            }
            case 4, 5 ->
            {
                final String op = random.nextInt(3) == 0 ? " OR " : " AND ";
                return new Expr("(" + bool(scope, depth - 1).sql() + op + bool(scope, depth - 1).sql() + ")", SqlType.BOOLEAN);
            }
            case 6 ->
            {
                return new Expr("(NOT " + bool(scope, depth - 1).sql() + ")", SqlType.BOOLEAN);
            }
            case 7 ->
            {
                return new Expr("(" + number(scope, depth - 1).sql() + (random.nextBoolean() ? " BETWEEN " : " NOT BETWEEN ") +
                    number(scope, 0).sql() + " AND " + number(scope, 0).sql() + ")", SqlType.BOOLEAN);
            }
            case 8 ->
            {
                final SqlType.Family family = random.nextBoolean() ? SqlType.Family.NUMBER : SqlType.Family.STRING;
                final List<String> items = new ArrayList<>();
                final int n = 1 + random.nextInt(4);
                for (int i = 0; i < n; i++)
                {
                    items.add(random.nextInt(6) == 0 ? "NULL" : literal(family).sql());
                }
                return new Expr("(" + of(family, scope, depth - 1).sql() + (random.nextBoolean() ? " IN (" : " NOT IN (") +
                    String.join(", ", items) + "))", SqlType.BOOLEAN);
            }
            case 9 ->
            {
                return new Expr("(" + string(scope, depth - 1).sql() + (random.nextBoolean() ? " LIKE '" : " NOT LIKE '") +
                    PATTERNS[random.nextInt(PATTERNS.length)].replace("'", "''") + "')", SqlType.BOOLEAN);
            }
            case 10 ->
            {
                return exists(scope, depth);
            }
            case 11 ->
            {
                return inSubquery(scope, depth);
            }
            case 12 ->
            {
                final Expr a = bool(scope, depth - 1);
                return new Expr("(" + a.sql() + (random.nextBoolean() ? " = " : " <> ") + bool(scope, depth - 1).sql() + ")", SqlType.BOOLEAN);
            }
            default ->
            {
                return comparison(scope, depth - 1);
            }
        }
    }

    Expr comparison(final Scope scope, final int depth)
    {
        if (random.nextBoolean())
        {
            return simpleComparison(scope);
        }
        final SqlType.Family family = random.nextInt(3) == 0 ? SqlType.Family.STRING : SqlType.Family.NUMBER;
        final String op = COMPARISONS[random.nextInt(COMPARISONS.length)];
        return new Expr("(" + of(family, scope, depth).sql() + " " + op + " " + of(family, scope, depth).sql() + ")", SqlType.BOOLEAN);
    }

    /**
     * {@code column op literal} (or the reverse), the shape an index can answer; also IN lists and
     * BETWEEN of literals, and IS NULL.
     */
    Expr simpleComparison(final Scope scope)
    {
        final Expr column = scope.columns().get(random.nextInt(scope.columns().size()));
        final SqlType type = column.type();
        return switch (random.nextInt(6))
        {
            case 0 -> new Expr("(" + valueOrParameter(type) + " " + COMPARISONS[random.nextInt(COMPARISONS.length)] + " " + column.sql() + ")",
                SqlType.BOOLEAN);
            case 1 ->
            {
                final String first = valueOrParameter(type);
                yield new Expr("(" + column.sql() + " IN (" + first + ", " + valueOrParameter(type) + "))", SqlType.BOOLEAN);
            }
            case 2 ->
            {
                if (column.family() == SqlType.Family.BOOL)
                {
                    yield new Expr("(" + column.sql() + " IS NULL)", SqlType.BOOLEAN);
                }
                final String low = valueOrParameter(type);
                yield new Expr("(" + column.sql() + " BETWEEN " + low + " AND " + valueOrParameter(type) + ")", SqlType.BOOLEAN);
            }
            case 3 -> new Expr("(" + column.sql() + (random.nextBoolean() ? " IS NULL)" : " IS NOT NULL)"), SqlType.BOOLEAN);
            default -> new Expr("(" + column.sql() + " " + COMPARISONS[random.nextInt(COMPARISONS.length)] + " " + valueOrParameter(type) + ")",
                SqlType.BOOLEAN);
        };
    }

    /**
     * A predicate over a table {@code inner} (alias {@code alias}) that may also use {@code outer}'s
     * columns: the WHERE of a correlated subquery.
     */
    private String subqueryWhere(final Scope inner, final Scope outer, final int depth)
    {
        if (random.nextInt(4) == 0)
        {
            return "";
        }
        final Scope both = inner.plus(outer);
        if (!outer.columns().isEmpty() && random.nextBoolean())
        {
            final SqlType.Family family = random.nextBoolean() ? SqlType.Family.NUMBER : SqlType.Family.STRING;
            final Expr in = inner.pick(random, family);
            final Expr out = outer.pick(random, family);
            if (in != null && out != null)
            {
                final String correlated = in.sql() + " = " + out.sql();
                return " WHERE " + (random.nextBoolean() ? correlated : correlated + " AND " + bool(both, depth - 1).sql());
            }
        }
        return " WHERE " + bool(random.nextBoolean() ? inner : both, depth - 1).sql();
    }

    private Expr scalarSubquery(final Scope outer, final int depth, final SqlType.Family family)
    {
        final Table table = randomTable();
        final String alias = freshAlias();
        final Scope inner = Scope.of(alias, table);
        final Expr column = inner.pick(random, family);
        if (column == null || depth < 2)
        {
            return literal(family);
        }
        final String where = subqueryWhere(inner, outer, depth - 1);
        if (family == SqlType.Family.NUMBER && random.nextInt(3) == 0)
        {
            return new Expr("(SELECT COUNT(*) FROM " + table.name() + " " + alias + where + ")", SqlType.BIGINT);
        }
        final String aggregate = random.nextBoolean() ? "MAX" : "MIN";
        return new Expr("(SELECT " + aggregate + "(" + column.sql() + ") FROM " + table.name() + " " + alias + where + ")", column.type());
    }

    private Expr exists(final Scope outer, final int depth)
    {
        if (depth < 2)
        {
            return comparison(outer, 0);
        }
        final Table table = randomTable();
        final String alias = freshAlias();
        final Scope inner = Scope.of(alias, table);
        return new Expr("(" + (random.nextBoolean() ? "" : "NOT ") + "EXISTS (SELECT 1 FROM " + table.name() + " " + alias +
            subqueryWhere(inner, outer, depth - 1) + "))", SqlType.BOOLEAN);
    }

    private Expr inSubquery(final Scope outer, final int depth)
    {
        final SqlType.Family family = random.nextBoolean() ? SqlType.Family.NUMBER : SqlType.Family.STRING;
        final Table table = randomTable();
        final String alias = freshAlias();
        final Scope inner = Scope.of(alias, table);
        final Expr column = inner.pick(random, family);
        if (column == null || depth < 2)
        {
            return comparison(outer, 0);
        }
        final String where = subqueryWhere(inner, outer, depth - 1);
        String limited = "";
        if (random.nextInt(4) == 0)
        {
            final List<String> keys = new ArrayList<>();
            for (final Column c : table.primaryKey())
            {
                keys.add(alias + "." + c.name() + (random.nextBoolean() ? " DESC" : ""));
            }
            limited = " ORDER BY " + String.join(", ", keys) + " LIMIT " + random.nextInt(4);
        }
        return new Expr("(" + of(family, outer, depth - 2).sql() + (random.nextBoolean() ? " IN " : " NOT IN ") + "(SELECT " +
            column.sql() + " FROM " + table.name() + " " + alias + where + limited + "))", SqlType.BOOLEAN);
    }

    /**
     * @param groupColumns the GROUP BY columns of the enclosing query.
     * @return {@code (SELECT COUNT(*) FROM t s WHERE s.x = <group column> [AND ...])}, a subquery
     *         correlated with a group key.
     */
    String correlatedCount(final Scope groupColumns)
    {
        final Expr key = groupColumns.columns().get(random.nextInt(groupColumns.columns().size()));
        final Table table = randomTable();
        final String alias = freshAlias();
        final Scope inner = Scope.of(alias, table);
        final Expr match = inner.pick(random, key.family());
        final String condition = match == null ? bool(inner, 1).sql() : match.sql() + " = " + key.sql();
        return "(SELECT COUNT(*) FROM " + table.name() + " " + alias + " WHERE " + condition + ")";
    }
}
