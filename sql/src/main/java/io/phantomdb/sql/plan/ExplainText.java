package io.phantomdb.sql.plan;

import io.phantomdb.sql.value.Casts;

import java.util.List;

/**
 * Renders bound expressions as short SQL-like text for EXPLAIN ({@code $1} for parameters, column names,
 * quoted literals).
 * <p>
 * <b>Note:</b> stateless.
 */
public final class ExplainText
{
    private ExplainText()
    {
    }

    /**
     * @param list expressions.
     * @return their texts joined by commas.
     */
    public static String of(final List<BoundExpr> list)
    {
        final StringBuilder sb = new StringBuilder();
        for (final BoundExpr e : list)
        {
            sb.append(sb.length() == 0 ? "" : ", ").append(of(e));
        }
        return sb.toString();
    }

    /**
     * @param e an expression.
     * @return its text.
     */
    public static String of(final BoundExpr e)
    {
        if (e instanceof BoundExpr.Literal)
        {
            final Object value = ((BoundExpr.Literal)e).value();
            if (null == value)
            {
                return "NULL";
            }
            final String text = Casts.toText(value);
            return value instanceof Number || value instanceof Boolean ? text : "'" + text.replace("'", "''") + "'";
        }
        if (e instanceof BoundExpr.InputRef)
        {
            return ((BoundExpr.InputRef)e).name();
        }
        if (e instanceof BoundExpr.OuterRef)
        {
            return "outer." + ((BoundExpr.OuterRef)e).name();
        }
        if (e instanceof BoundExpr.Param)
        {
            return "$" + (((BoundExpr.Param)e).index() + 1);
        }
        if (e instanceof BoundExpr.Compare)
        {
            final BoundExpr.Compare c = (BoundExpr.Compare)e;
            return of(c.left()) + " " + c.op() + " " + of(c.right());
        }
        if (e instanceof BoundExpr.IsDistinct)
        {
            final BoundExpr.IsDistinct d = (BoundExpr.IsDistinct)e;
            return of(d.left()) + (d.negated() ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") + of(d.right());
        }
        if (e instanceof BoundExpr.And)
        {
            return join(((BoundExpr.And)e).terms(), " AND ");
        }
        if (e instanceof BoundExpr.Or)
        {
            return "(" + join(((BoundExpr.Or)e).terms(), " OR ") + ")";
        }
        if (e instanceof BoundExpr.Not)
        {
            return "NOT " + of(((BoundExpr.Not)e).operand());
        }
        if (e instanceof BoundExpr.Binary)
        {
            final BoundExpr.Binary b = (BoundExpr.Binary)e;
            return "(" + of(b.left()) + " " + b.op().symbol() + " " + of(b.right()) + ")";
        }
        if (e instanceof BoundExpr.Negate)
        {
            return "-" + of(((BoundExpr.Negate)e).operand());
        }
        if (e instanceof BoundExpr.IsNull)
        {
            final BoundExpr.IsNull n = (BoundExpr.IsNull)e;
            return of(n.operand()) + (n.negated() ? " IS NOT NULL" : " IS NULL");
        }
        if (e instanceof BoundExpr.InList)
        {
            final BoundExpr.InList in = (BoundExpr.InList)e;
            return of(in.operand()) + (in.negated() ? " NOT IN (" : " IN (") + of(in.values()) + ")";
        }
        if (e instanceof BoundExpr.Cast)
        {
            return of(((BoundExpr.Cast)e).operand()) + "::" + e.type().sqlName().toLowerCase();
        }
        if (e instanceof BoundExpr.Call)
        {
            return ((BoundExpr.Call)e).name() + "(" + of(((BoundExpr.Call)e).args()) + ")";
        }
        if (e instanceof BoundExpr.Aggregate)
        {
            final BoundExpr.Aggregate a = (BoundExpr.Aggregate)e;
            return a.name() + "(" + (a.distinct() ? "DISTINCT " : "") + (null == a.argument() ? "*" : of(a.argument())) + ")";
        }
        if (e instanceof BoundExpr.Like)
        {
            final BoundExpr.Like l = (BoundExpr.Like)e;
            return of(l.operand()) + (l.negated() ? " NOT " : " ") + l.kind().name() + " " + of(l.pattern());
        }
        if (e instanceof BoundExpr.Case)
        {
            return "CASE ... END";
        }
        if (e instanceof BoundExpr.Subquery)
        {
            final BoundExpr.Subquery s = (BoundExpr.Subquery)e;
            final String sub = "(SubPlan" + (s.correlated() ? ", correlated" : "") + ")";
            return switch (s.kind())
            {
                case SCALAR -> sub;
                case EXISTS -> "EXISTS " + sub;
                case ANY -> of(s.operand()) + ("=".equals(s.op()) ? (s.negated() ? " NOT IN " : " IN ") : " " + s.op() + " ANY ") + sub;
                case ALL -> of(s.operand()) + " " + s.op() + " ALL " + sub;
            };
        }
        return e.toString();
    }

    private static String join(final List<BoundExpr> terms, final String separator)
    {
        final StringBuilder sb = new StringBuilder();
        for (final BoundExpr t : terms)
        {
            sb.append(sb.length() == 0 ? "" : separator).append(of(t));
        }
        return sb.toString();
    }
}
