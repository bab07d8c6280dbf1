package io.phantomdb.sql.plan;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.Expression;

import java.util.List;

/**
 * Prints syntax-tree expressions back as SQL text that parses to the same tree, for the expressions the SQL
 * layer stores (DEFAULT, CHECK, expression index keys). Operators are fully parenthesized; names are quoted
 * when they need it.
 * <p>
 * <b>Note:</b> stateless.
 */
public final class SqlText
{
    private SqlText()
    {
    }

    /**
     * @param e an expression.
     * @return its SQL text.
     */
    public static String of(final Expression e)
    {
        final StringBuilder sb = new StringBuilder();
        append(sb, e);
        return sb.toString();
    }

    /**
     * @param name an identifier.
     * @return it, double-quoted when it is not a plain lower-case name.
     */
    public static String name(final String name)
    {
        if (name.matches("[a-z_][a-z0-9_]*"))
        {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static void append(final StringBuilder sb, final Expression e)
    {
        if (e instanceof Expression.NullLiteral)
        {
            sb.append("NULL");
        }
        else if (e instanceof Expression.BooleanLiteral)
        {
            sb.append(((Expression.BooleanLiteral)e).value() ? "TRUE" : "FALSE");
        }
        else if (e instanceof Expression.IntegerLiteral)
        {
            sb.append(((Expression.IntegerLiteral)e).value());
        }
        else if (e instanceof Expression.NumericLiteral)
        {
            sb.append(((Expression.NumericLiteral)e).text());
        }
        else if (e instanceof Expression.StringLiteral)
        {
            quote(sb, ((Expression.StringLiteral)e).value());
        }
        else if (e instanceof Expression.TypedLiteral)
        {
            final Expression.TypedLiteral t = (Expression.TypedLiteral)e;
            sb.append("CAST(");
            quote(sb, t.value());
            sb.append(" AS ").append(t.type()).append(')');
        }
        else if (e instanceof Expression.ColumnRef)
        {
            final Expression.ColumnRef c = (Expression.ColumnRef)e;
            if (null != c.table())
            {
                sb.append(name(c.table())).append('.');
            }
            sb.append(name(c.column()));
        }
        else if (e instanceof Expression.Unary)
        {
            final Expression.Unary u = (Expression.Unary)e;
            sb.append('(').append(switch (u.operator())
            {
                case NEGATE -> "- ";
                case PLUS -> "+ ";
                case NOT -> "NOT ";
            });
            append(sb, u.operand());
            sb.append(')');
        }
        else if (e instanceof Expression.Binary)
        {
            final Expression.Binary b = (Expression.Binary)e;
            sb.append('(');
            append(sb, b.left());
            sb.append(' ').append(b.operator().symbol()).append(' ');
            append(sb, b.right());
            sb.append(')');
        }
        else if (e instanceof Expression.IsNull)
        {
            final Expression.IsNull n = (Expression.IsNull)e;
            sb.append('(');
            append(sb, n.operand());
            sb.append(n.negated() ? " IS NOT NULL)" : " IS NULL)");
        }
        else if (e instanceof Expression.IsTruth)
        {
            final Expression.IsTruth t = (Expression.IsTruth)e;
            sb.append('(');
            append(sb, t.operand());
            sb.append(t.negated() ? " IS NOT " : " IS ").append(t.truth().name()).append(')');
        }
        else if (e instanceof Expression.Between)
        {
            final Expression.Between b = (Expression.Between)e;
            sb.append('(');
            append(sb, b.operand());
            sb.append(b.negated() ? " NOT BETWEEN " : " BETWEEN ").append(b.symmetric() ? "SYMMETRIC " : "");
            append(sb, b.low());
            sb.append(" AND ");
            append(sb, b.high());
            sb.append(')');
        }
        else if (e instanceof Expression.InList)
        {
            final Expression.InList in = (Expression.InList)e;
            sb.append('(');
            append(sb, in.operand());
            sb.append(in.negated() ? " NOT IN (" : " IN (");
            list(sb, in.values());
            sb.append("))");
        }
        else if (e instanceof Expression.Like)
        {
            final Expression.Like l = (Expression.Like)e;
            sb.append('(');
            append(sb, l.operand());
            sb.append(l.negated() ? " NOT " : " ").append(l.kind() == Expression.LikeKind.SIMILAR ? "SIMILAR TO" :
                l.kind().name()).append(' ');
            append(sb, l.pattern());
            if (null != l.escape())
            {
                sb.append(" ESCAPE ");
                append(sb, l.escape());
            }
            sb.append(')');
        }
        else if (e instanceof Expression.Case)
        {
            final Expression.Case c = (Expression.Case)e;
            sb.append("CASE");
            if (null != c.operand())
            {
                sb.append(' ');
                append(sb, c.operand());
            }
            for (final Expression.When w : c.whens())
            {
                sb.append(" WHEN ");
                append(sb, w.condition());
                sb.append(" THEN ");
                append(sb, w.result());
            }
            if (null != c.elseResult())
            {
                sb.append(" ELSE ");
                append(sb, c.elseResult());
            }
            sb.append(" END");
        }
        else if (e instanceof Expression.Cast)
        {
            final Expression.Cast c = (Expression.Cast)e;
            sb.append("CAST(");
            append(sb, c.operand());
            sb.append(" AS ").append(c.type()).append(')');
        }
        else if (e instanceof Expression.FunctionCall)
        {
            final Expression.FunctionCall f = (Expression.FunctionCall)e;
            if (f.arguments().isEmpty() && !f.star() && f.name().matches("current_date|current_time|current_timestamp|localtime|localtimestamp"))
            {
                sb.append(f.name());
                return;
            }
            sb.append(name(f.name())).append('(');
            if (f.star())
            {
                sb.append('*');
            }
            else
            {
                if (f.distinct())
                {
                    sb.append("DISTINCT ");
                }
                list(sb, f.arguments());
            }
            sb.append(')');
        }
        else
        {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                "this expression cannot be stored (DEFAULT, CHECK, index): " + e.getClass().getSimpleName(),
                e.position());
        }
    }

    private static void list(final StringBuilder sb, final List<Expression> list)
    {
        for (int i = 0; i < list.size(); i++)
        {
            if (i > 0)
            {
                sb.append(", ");
            }
            append(sb, list.get(i));
        }
    }

    private static void quote(final StringBuilder sb, final String value)
    {
        sb.append('\'').append(value.replace("'", "''")).append('\'');
    }
}
