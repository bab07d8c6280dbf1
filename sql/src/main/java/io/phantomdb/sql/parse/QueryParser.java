package io.phantomdb.sql.parse;

import io.phantomdb.sql.ast.CommonTableExpression;
import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.OrderItem;
import io.phantomdb.sql.ast.QualifiedName;
import io.phantomdb.sql.ast.QueryBody;
import io.phantomdb.sql.ast.SelectItem;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.ast.Statement.Query;
import io.phantomdb.sql.ast.TableRef;

import java.util.ArrayList;
import java.util.List;

/**
 * Queries: WITH, SELECT blocks, VALUES, set operations (INTERSECT binds tighter than UNION and EXCEPT),
 * parenthesised queries, FROM with joins, ORDER BY, LIMIT / OFFSET / FETCH FIRST and FOR UPDATE / FOR SHARE.
 * <p>
 * <b>Note:</b> single use and not thread safe.
 */
abstract class QueryParser extends PrimaryParser
{
    QueryParser(final Lexer lexer)
    {
        super(lexer);
    }

    @Override
    final Query query()
    {
        enter();
        final int position = position();
        List<CommonTableExpression> with = List.of();
        if (accept(Keyword.WITH))
        {
            if (is(Keyword.RECURSIVE))
            {
                throw unsupported("WITH RECURSIVE is not supported");
            }
            with = commonTableExpressions();
        }
        return finish(position, with, setExpression(primaryQuery()));
    }

    @Override
    final Query continueQuery(final Query first)
    {
        enter();
        return finish(first.position(), List.of(), setExpression(unwrap(first)));
    }

    private Query finish(final int position, final List<CommonTableExpression> with, final QueryBody body)
    {
        final List<OrderItem> orderBy = orderBy();
        Expression limit = null;
        Expression offset = null;
        boolean sawLimit = false;
        while (true)
        {
            if (!sawLimit && is(Keyword.LIMIT))
            {
                pos++;
                sawLimit = true;
                limit = accept(Keyword.ALL) ? null : expression();
            }
            else if (offset == null && accept(Keyword.OFFSET))
            {
                offset = expression();
                if (!accept(Keyword.ROWS))
                {
                    accept(Keyword.ROW);
                }
            }
            else if (!sawLimit && is(Keyword.FETCH))
            {
                pos++;
                sawLimit = true;
                limit = fetchFirst();
            }
            else
            {
                break;
            }
        }
        final Statement.LockMode lock = lockMode();
        leave();
        if (with.isEmpty() && orderBy.isEmpty() && limit == null && offset == null && lock == Statement.LockMode.NONE
            && body instanceof Query)
        {
            return (Query)body;
        }
        return new Query(position, with, body, orderBy, limit, offset, lock);
    }

    private List<CommonTableExpression> commonTableExpressions()
    {
        final List<CommonTableExpression> ctes = new ArrayList<>(2);
        do
        {
            final int position = position();
            final String name = name();
            final List<String> columns = is(TokenType.LPAREN) ? nameList() : List.of();
            expect(Keyword.AS);
            expect(TokenType.LPAREN);
            final Query query = query();
            expect(TokenType.RPAREN);
            ctes.add(new CommonTableExpression(position, name, columns, query));
        }
        while (accept(TokenType.COMMA));
        return List.copyOf(ctes);
    }

    private Expression fetchFirst()
    {
        if (!accept(Keyword.FIRST))
        {
            expect(Keyword.NEXT);
        }
        Expression count = null;
        if (!is(Keyword.ROW) && !is(Keyword.ROWS))
        {
            count = expression();
        }
        if (!accept(Keyword.ROWS))
        {
            expect(Keyword.ROW);
        }
        expect(Keyword.ONLY);
        return count == null ? new Expression.IntegerLiteral(position(), 1) : count;
    }

    private Statement.LockMode lockMode()
    {
        if (!is(Keyword.FOR))
        {
            return Statement.LockMode.NONE;
        }
        pos++;
        final Statement.LockMode mode;
        if (accept(Keyword.UPDATE))
        {
            mode = Statement.LockMode.FOR_UPDATE;
        }
        else if (accept(Keyword.SHARE))
        {
            mode = Statement.LockMode.FOR_SHARE;
        }
        else if (accept(Keyword.NO))
        {
            expect(Keyword.KEY);
            expect(Keyword.UPDATE);
            mode = Statement.LockMode.FOR_UPDATE;
        }
        else
        {
            expect(Keyword.KEY);
            expect(Keyword.SHARE);
            mode = Statement.LockMode.FOR_SHARE;
        }
        if (is(Keyword.OF) || is(Keyword.NOWAIT) || is(Keyword.SKIP))
        {
            throw unsupported("FOR UPDATE OF, NOWAIT and SKIP LOCKED are not supported");
        }
        return mode;
    }

    /**
     * @return ORDER BY items, or an empty list when there is no ORDER BY.
     */
    final List<OrderItem> orderBy()
    {
        if (!accept(Keyword.ORDER))
        {
            return List.of();
        }
        expect(Keyword.BY);
        final List<OrderItem> items = new ArrayList<>(2);
        do
        {
            final int position = position();
            items.add(orderItem(position, expression()));
        }
        while (accept(TokenType.COMMA));
        return List.copyOf(items);
    }

    /**
     * Reads [ASC|DESC] [NULLS FIRST|LAST] after a sort expression.
     *
     * @param position   the expression's position.
     * @param expression the sort key.
     * @return the order item.
     */
    final OrderItem orderItem(final int position, final Expression expression)
    {
        boolean descending = false;
        if (accept(Keyword.DESC))
        {
            descending = true;
        }
        else
        {
            accept(Keyword.ASC);
        }
        OrderItem.NullsOrder nulls = OrderItem.NullsOrder.DEFAULT;
        if (accept(Keyword.NULLS))
        {
            if (accept(Keyword.FIRST))
            {
                nulls = OrderItem.NullsOrder.FIRST;
            }
            else
            {
                expect(Keyword.LAST);
                nulls = OrderItem.NullsOrder.LAST;
            }
        }
        return new OrderItem(position, expression, descending, nulls);
    }

    private QueryBody setExpression(final QueryBody first)
    {
        QueryBody left = intersectExpression(first);
        while (is(Keyword.UNION) || is(Keyword.EXCEPT))
        {
            final QueryBody.SetOperator operator =
                is(Keyword.UNION) ? QueryBody.SetOperator.UNION : QueryBody.SetOperator.EXCEPT;
            pos++;
            final boolean all = allOrDistinct();
            left = new QueryBody.SetOperation(left.position(), operator, all, left,
                intersectExpression(primaryQuery()));
        }
        return left;
    }

    private QueryBody intersectExpression(final QueryBody first)
    {
        QueryBody left = first;
        while (accept(Keyword.INTERSECT))
        {
            final boolean all = allOrDistinct();
            left = new QueryBody.SetOperation(left.position(), QueryBody.SetOperator.INTERSECT, all, left,
                primaryQuery());
        }
        return left;
    }

    private boolean allOrDistinct()
    {
        if (accept(Keyword.ALL))
        {
            return true;
        }
        accept(Keyword.DISTINCT);
        return false;
    }

    private QueryBody primaryQuery()
    {
        final Keyword keyword = keyword();
        if (keyword == Keyword.SELECT)
        {
            return select();
        }
        if (keyword == Keyword.VALUES)
        {
            return values();
        }
        if (keyword == Keyword.TABLE)
        {
            final int position = position();
            pos++;
            final QualifiedName name = qualifiedName();
            return new QueryBody.Select(position, false, List.of(), List.of(new SelectItem.AllColumns(position, null)),
                List.of(new TableRef.NamedTable(name.position(), name, null, List.of())), null, List.of(), null);
        }
        if (is(TokenType.LPAREN))
        {
            pos++;
            final Query inner = query();
            expect(TokenType.RPAREN);
            return unwrap(inner);
        }
        throw error();
    }

    private static QueryBody unwrap(final Query query)
    {
        if (query.with().isEmpty() && query.orderBy().isEmpty() && query.limit() == null && query.offset() == null
            && query.lock() == Statement.LockMode.NONE)
        {
            return query.body();
        }
        return query;
    }

    /**
     * @return {@code VALUES (row), ...}.
     */
    final QueryBody.Values values()
    {
        final int position = position();
        expect(Keyword.VALUES);
        final List<List<Expression>> rows = new ArrayList<>(4);
        do
        {
            rows.add(valuesRow());
        }
        while (accept(TokenType.COMMA));
        return new QueryBody.Values(position, List.copyOf(rows));
    }

    private List<Expression> valuesRow()
    {
        expect(TokenType.LPAREN);
        final List<Expression> row = new ArrayList<>(8);
        do
        {
            row.add(valueOrDefault());
        }
        while (accept(TokenType.COMMA));
        expect(TokenType.RPAREN);
        return List.copyOf(row);
    }

    /**
     * @return an expression, or {@link Expression.DefaultValue} for a lone DEFAULT.
     */
    final Expression valueOrDefault()
    {
        if (is(Keyword.DEFAULT))
        {
            final int position = position();
            pos++;
            return new Expression.DefaultValue(position);
        }
        return expression();
    }

    private QueryBody.Select select()
    {
        final int position = position();
        expect(Keyword.SELECT);
        boolean distinct = false;
        List<Expression> distinctOn = List.of();
        if (accept(Keyword.DISTINCT))
        {
            distinct = true;
            if (accept(Keyword.ON))
            {
                expect(TokenType.LPAREN);
                distinctOn = expressionList();
                expect(TokenType.RPAREN);
            }
        }
        else
        {
            accept(Keyword.ALL);
        }
        final List<SelectItem> items = selectList();
        final List<TableRef> from = accept(Keyword.FROM) ? fromList() : List.of();
        final Expression where = accept(Keyword.WHERE) ? expression() : null;
        List<Expression> groupBy = List.of();
        if (accept(Keyword.GROUP))
        {
            expect(Keyword.BY);
            groupBy = expressionList();
        }
        final Expression having = accept(Keyword.HAVING) ? expression() : null;
        if (is(Keyword.WINDOW))
        {
            throw unsupported("WINDOW is not supported");
        }
        return new QueryBody.Select(position, distinct, distinctOn, items, from, where, groupBy, having);
    }

    /**
     * @return a select list or RETURNING list: {@code *}, {@code t.*} or {@code expression [[AS] alias]}.
     */
    final List<SelectItem> selectList()
    {
        final List<SelectItem> items = new ArrayList<>(8);
        do
        {
            items.add(selectItem());
        }
        while (accept(TokenType.COMMA));
        return List.copyOf(items);
    }

    private SelectItem selectItem()
    {
        final int position = position();
        if (accept(TokenType.STAR))
        {
            return new SelectItem.AllColumns(position, null);
        }
        if (isName() && type(1) == TokenType.DOT)
        {
            if (type(2) == TokenType.STAR)
            {
                final String table = name();
                pos += 2;
                return new SelectItem.AllColumns(position, new QualifiedName(position, null, table));
            }
            if (type(3) == TokenType.DOT && type(4) == TokenType.STAR)
            {
                final String schema = name();
                pos++;
                final String table = name();
                pos += 2;
                return new SelectItem.AllColumns(position, new QualifiedName(position, schema, table));
            }
        }
        final Expression expression = expression();
        String alias = null;
        if (accept(Keyword.AS))
        {
            alias = label();
        }
        else if (isPlainName())
        {
            alias = lexer.text(pos++);
        }
        return new SelectItem.ExpressionItem(position, expression, alias);
    }

    /**
     * @return comma-separated FROM entries with their joins.
     */
    final List<TableRef> fromList()
    {
        final List<TableRef> from = new ArrayList<>(2);
        do
        {
            from.add(tableRef());
        }
        while (accept(TokenType.COMMA));
        return List.copyOf(from);
    }

    private TableRef tableRef()
    {
        return joins(tablePrimary());
    }

    private TableRef joins(final TableRef first)
    {
        TableRef left = first;
        while (true)
        {
            final Keyword keyword = keyword();
            if (keyword == Keyword.CROSS)
            {
                pos++;
                expect(Keyword.JOIN);
                left = new TableRef.Join(left.position(), TableRef.JoinType.CROSS, false, left, tablePrimary(), null,
                    List.of());
                continue;
            }
            final boolean natural = keyword == Keyword.NATURAL;
            if (natural)
            {
                pos++;
            }
            final TableRef.JoinType type = joinType();
            if (type == null)
            {
                if (natural)
                {
                    throw error();
                }
                return left;
            }
            TableRef right = tablePrimary();
            if (!natural && !is(Keyword.ON) && !is(Keyword.USING) && startsJoin())
            {
                enter();
                right = joins(right);
                leave();
            }
            Expression condition = null;
            List<String> using = List.of();
            if (!natural)
            {
                if (accept(Keyword.ON))
                {
                    condition = expression();
                }
                else if (accept(Keyword.USING))
                {
                    using = nameList();
                }
                else
                {
                    throw error();
                }
            }
            left = new TableRef.Join(left.position(), type, natural, left, right, condition, using);
        }
    }

    private boolean startsJoin()
    {
        final Keyword keyword = keyword();
        return keyword == Keyword.JOIN || keyword == Keyword.INNER || keyword == Keyword.LEFT
            || keyword == Keyword.RIGHT || keyword == Keyword.FULL || keyword == Keyword.CROSS
            || keyword == Keyword.NATURAL;
    }

    private TableRef.JoinType joinType()
    {
        final Keyword keyword = keyword();
        final TableRef.JoinType type;
        switch (keyword == null ? Keyword.ABORT : keyword)
        {
            case JOIN:
                pos++;
                return TableRef.JoinType.INNER;
            case INNER:
                pos++;
                expect(Keyword.JOIN);
                return TableRef.JoinType.INNER;
            case LEFT:
                type = TableRef.JoinType.LEFT;
                break;
            case RIGHT:
                type = TableRef.JoinType.RIGHT;
                break;
            case FULL:
                type = TableRef.JoinType.FULL;
                break;
            default:
                return null;
        }
        pos++;
        accept(Keyword.OUTER);
        expect(Keyword.JOIN);
        return type;
    }

    private TableRef tablePrimary()
    {
        final int position = position();
        if (is(Keyword.LATERAL))
        {
            throw unsupported("LATERAL is not supported");
        }
        if (accept(TokenType.LPAREN))
        {
            if (startsQuery() || is(TokenType.LPAREN) && startsQueryAfterParentheses())
            {
                final Query query = query();
                expect(TokenType.RPAREN);
                final String alias = tableAlias();
                final List<String> columns = alias != null && is(TokenType.LPAREN) ? nameList() : List.of();
                return new TableRef.DerivedTable(position, query, alias, columns);
            }
            enter();
            final TableRef inner = tableRef();
            leave();
            expect(TokenType.RPAREN);
            return inner;
        }
        accept(Keyword.ONLY);
        final QualifiedName name = qualifiedName();
        final String alias = tableAlias();
        final List<String> columns = alias != null && is(TokenType.LPAREN) ? nameList() : List.of();
        return new TableRef.NamedTable(position, name, alias, columns);
    }

    private boolean startsQueryAfterParentheses()
    {
        int ahead = 0;
        while (type(ahead) == TokenType.LPAREN)
        {
            ahead++;
        }
        final Keyword keyword = keyword(ahead);
        return keyword == Keyword.SELECT || keyword == Keyword.VALUES || keyword == Keyword.WITH;
    }

    /**
     * @return {@code [AS] alias} after a table, or null; a bare alias may be any name except SET.
     */
    final String tableAlias()
    {
        if (accept(Keyword.AS))
        {
            return name();
        }
        if (isName() && !is(Keyword.SET))
        {
            return lexer.text(pos++);
        }
        return null;
    }
}
