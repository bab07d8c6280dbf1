package io.phantomdb.sql.parse;

import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.QueryBody;
import io.phantomdb.sql.ast.SelectItem;
import io.phantomdb.sql.ast.Statement;

import java.util.List;

/**
 * Renders expressions as compact prefix strings, e.g. {@code (+ 1 (* 2 a))}, so precedence tests read well.
 */
final class Sexpr
{
    private Sexpr()
    {
    }

    /**
     * Parses {@code SELECT <expression>} and renders the expression.
     */
    static String of(final String expression)
    {
        final Statement.Query query = (Statement.Query)SqlParser.parse("SELECT " + expression);
        final QueryBody.Select select = (QueryBody.Select)query.body();
        return render(((SelectItem.ExpressionItem)select.items().get(0)).expression());
    }

    static String render(final Expression e)
    {
        if (e instanceof Expression.IntegerLiteral)
        {
            return Long.toString(((Expression.IntegerLiteral)e).value());
        }
        if (e instanceof Expression.NumericLiteral)
        {
            return ((Expression.NumericLiteral)e).text();
        }
        if (e instanceof Expression.StringLiteral)
        {
            return "'" + ((Expression.StringLiteral)e).value() + "'";
        }
        if (e instanceof Expression.BooleanLiteral)
        {
            return Boolean.toString(((Expression.BooleanLiteral)e).value());
        }
        if (e instanceof Expression.NullLiteral)
        {
            return "null";
        }
        if (e instanceof Expression.Parameter)
        {
            return "$" + ((Expression.Parameter)e).index();
        }
        if (e instanceof Expression.ColumnRef)
        {
            final Expression.ColumnRef c = (Expression.ColumnRef)e;
            return (c.schema() == null ? "" : c.schema() + ".") + (c.table() == null ? "" : c.table() + ".") + c.column();
        }
        if (e instanceof Expression.Unary)
        {
            final Expression.Unary u = (Expression.Unary)e;
            return "(" + u.operator().name().toLowerCase() + " " + render(u.operand()) + ")";
        }
        if (e instanceof Expression.Binary)
        {
            final Expression.Binary b = (Expression.Binary)e;
            return "(" + b.operator().symbol() + " " + render(b.left()) + " " + render(b.right()) + ")";
        }
        if (e instanceof Expression.IsNull)
        {
            final Expression.IsNull i = (Expression.IsNull)e;
            return "(" + (i.negated() ? "notnull " : "isnull ") + render(i.operand()) + ")";
        }
        if (e instanceof Expression.IsTruth)
        {
            final Expression.IsTruth i = (Expression.IsTruth)e;
            return "(is" + (i.negated() ? "not" : "") + i.truth().name().toLowerCase() + " " + render(i.operand()) + ")";
        }
        if (e instanceof Expression.Between)
        {
            final Expression.Between b = (Expression.Between)e;
            return "(" + (b.negated() ? "not" : "") + "between" + (b.symmetric() ? "sym " : " ") + render(b.operand())
                + " " + render(b.low()) + " " + render(b.high()) + ")";
        }
        if (e instanceof Expression.InList)
        {
            final Expression.InList i = (Expression.InList)e;
            return "(" + (i.negated() ? "notin " : "in ") + render(i.operand()) + " " + list(i.values()) + ")";
        }
        if (e instanceof Expression.Like)
        {
            final Expression.Like l = (Expression.Like)e;
            return "(" + (l.negated() ? "not" : "") + l.kind().name().toLowerCase() + " " + render(l.operand()) + " "
                + render(l.pattern()) + (l.escape() == null ? "" : " " + render(l.escape())) + ")";
        }
        if (e instanceof Expression.Cast)
        {
            final Expression.Cast c = (Expression.Cast)e;
            return "(cast " + render(c.operand()) + " " + c.type() + ")";
        }
        if (e instanceof Expression.FunctionCall)
        {
            final Expression.FunctionCall f = (Expression.FunctionCall)e;
            return f.name() + "(" + (f.distinct() ? "distinct " : "") + (f.star() ? "*" : list(f.arguments())) + ")"
                + (f.filter() == null ? "" : " filter " + render(f.filter()));
        }
        if (e instanceof Expression.TypedLiteral)
        {
            final Expression.TypedLiteral t = (Expression.TypedLiteral)e;
            return t.type() + " '" + t.value() + "'";
        }
        if (e instanceof Expression.Case)
        {
            final Expression.Case c = (Expression.Case)e;
            final StringBuilder sb = new StringBuilder("(case");
            if (c.operand() != null)
            {
                sb.append(' ').append(render(c.operand()));
            }
            for (final Expression.When w : c.whens())
            {
                sb.append(" (").append(render(w.condition())).append(' ').append(render(w.result())).append(')');
            }
            if (c.elseResult() != null)
            {
                sb.append(" else ").append(render(c.elseResult()));
            }
            return sb.append(')').toString();
        }
        if (e instanceof Expression.Exists)
        {
            return "(exists)";
        }
        if (e instanceof Expression.ScalarSubquery)
        {
            return "(subquery)";
        }
        if (e instanceof Expression.InSubquery)
        {
            final Expression.InSubquery i = (Expression.InSubquery)e;
            return "(" + (i.negated() ? "notin " : "in ") + render(i.operand()) + " subquery)";
        }
        if (e instanceof Expression.Quantified)
        {
            final Expression.Quantified q = (Expression.Quantified)e;
            return "(" + q.operator().symbol() + " " + q.quantifier().name().toLowerCase() + " " + render(q.operand())
                + " subquery)";
        }
        return e.getClass().getSimpleName();
    }

    private static String list(final List<Expression> values)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++)
        {
            sb.append(i == 0 ? "" : " ").append(render(values.get(i)));
        }
        return sb.toString();
    }
}
