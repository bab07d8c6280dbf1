package io.phantomdb.sql.parse;

import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.Statement.Query;
import io.phantomdb.sql.ast.TypeName;

import java.util.ArrayList;
import java.util.List;

/**
 * The primary expressions: literals, parameters, column references, function calls (with DISTINCT,
 * {@code *} and FILTER), parenthesised expressions and scalar subqueries, EXISTS, CASE, CAST, typed literals
 * and the special forms EXTRACT, SUBSTRING, POSITION, TRIM and CURRENT_DATE and friends.
 * <p>
 * <b>Note:</b> single use and not thread safe.
 */
abstract class PrimaryParser extends ExpressionParser
{
    PrimaryParser(final Lexer lexer)
    {
        super(lexer);
    }

    @Override
    final Expression primary()
    {
        final int position = position();
        switch (type())
        {
            case INTEGER:
                return new Expression.IntegerLiteral(position, lexer.value(pos++));
            case NUMERIC:
            {
                final boolean exponent = lexer.value(pos) != 0;
                return new Expression.NumericLiteral(position, lexer.text(pos++), exponent);
            }
            case STRING:
                return new Expression.StringLiteral(position, lexer.text(pos++));
            case QMARK:
            {
                final int index = nextQuestionMark();
                pos++;
                return new Expression.Parameter(position, index);
            }
            case DOLLAR_PARAM:
            {
                final int index = dollarParameter(lexer.value(pos));
                pos++;
                return new Expression.Parameter(position, index);
            }
            case LPAREN:
                return parenthesised(position);
            case QUOTED_IDENT:
                return nameOrCall(position);
            case IDENT:
                return word(position);
            default:
                throw error();
        }
    }

    private Expression parenthesised(final int position)
    {
        pos++;
        if (startsQuery())
        {
            enter();
            final Query query = query();
            leave();
            expect(TokenType.RPAREN);
            return new Expression.ScalarSubquery(position, query);
        }
        final Expression inner = expression();
        if (inner instanceof Expression.ScalarSubquery && continuesQuery())
        {
            final Query query = continueQuery(((Expression.ScalarSubquery)inner).query());
            expect(TokenType.RPAREN);
            return new Expression.ScalarSubquery(position, query);
        }
        expect(TokenType.RPAREN);
        return inner;
    }

    private Expression word(final int position)
    {
        final Keyword keyword = keyword();
        if (keyword == null)
        {
            if (type(1) == TokenType.STRING)
            {
                final TypeName type = new TypeName(position, lexer.text(pos), List.of());
                pos++;
                return new Expression.TypedLiteral(position, type, lexer.text(pos++));
            }
            return nameOrCall(position);
        }
        switch (keyword)
        {
            case NOT:
                return not();
            case NULL:
                pos++;
                return new Expression.NullLiteral(position);
            case TRUE:
            case FALSE:
                pos++;
                return new Expression.BooleanLiteral(position, keyword == Keyword.TRUE);
            case CASE:
                pos++;
                return caseExpression(position);
            case CAST:
                pos++;
                return cast(position);
            case CURRENT_DATE:
            case CURRENT_TIME:
            case CURRENT_TIMESTAMP:
            case LOCALTIME:
            case LOCALTIMESTAMP:
                pos++;
                return new Expression.FunctionCall(
                    position, null, keyword.name().toLowerCase(java.util.Locale.ROOT), List.of(), false, false, null);
            case INTERVAL:
                if (type(1) == TokenType.STRING || type(1) == TokenType.LPAREN)
                {
                    throw unsupported("type interval is not supported");
                }
                return nameOrCall(position);
            default:
                break;
        }
        if (type(1) == TokenType.LPAREN)
        {
            switch (keyword)
            {
                case EXISTS:
                    pos += 2;
                    return exists(position);
                case EXTRACT:
                    pos += 2;
                    return extract(position);
                case SUBSTRING:
                    pos += 2;
                    return substring(position);
                case POSITION:
                    pos += 2;
                    return positionCall(position);
                case TRIM:
                    pos += 2;
                    return trim(position);
                default:
                    if (keyword.isFunctionName())
                    {
                        return nameOrCall(position);
                    }
                    throw error();
            }
        }
        if (keyword.isIdentifier())
        {
            return nameOrCall(position);
        }
        throw error();
    }

    private Expression nameOrCall(final int position)
    {
        final String first = lexer.text(pos++);
        if (is(TokenType.LPAREN))
        {
            return call(position, null, first);
        }
        if (!accept(TokenType.DOT))
        {
            return new Expression.ColumnRef(position, null, null, first);
        }
        final String second = name();
        if (is(TokenType.LPAREN))
        {
            return call(position, first, second);
        }
        if (!accept(TokenType.DOT))
        {
            return new Expression.ColumnRef(position, null, first, second);
        }
        return new Expression.ColumnRef(position, first, second, name());
    }

    private Expression call(final int position, final String schema, final String name)
    {
        expect(TokenType.LPAREN);
        boolean distinct = false;
        boolean star = false;
        List<Expression> arguments = List.of();
        if (accept(TokenType.STAR))
        {
            star = true;
        }
        else if (!is(TokenType.RPAREN))
        {
            distinct = accept(Keyword.DISTINCT);
            if (!distinct)
            {
                accept(Keyword.ALL);
            }
            arguments = expressionList();
        }
        expect(TokenType.RPAREN);
        Expression filter = null;
        if (is(Keyword.FILTER) && type(1) == TokenType.LPAREN)
        {
            pos += 2;
            expect(Keyword.WHERE);
            filter = expression();
            expect(TokenType.RPAREN);
        }
        if (is(Keyword.OVER))
        {
            throw unsupported("window functions are not supported");
        }
        return new Expression.FunctionCall(position, schema, name, arguments, distinct, star, filter);
    }

    private Expression caseExpression(final int position)
    {
        final Expression operand = is(Keyword.WHEN) ? null : expression();
        final List<Expression.When> whens = new ArrayList<>(4);
        do
        {
            final int whenPosition = position();
            expect(Keyword.WHEN);
            final Expression condition = expression();
            expect(Keyword.THEN);
            whens.add(new Expression.When(whenPosition, condition, expression()));
        }
        while (is(Keyword.WHEN));
        final Expression elseResult = accept(Keyword.ELSE) ? expression() : null;
        expect(Keyword.END);
        return new Expression.Case(position, operand, List.copyOf(whens), elseResult);
    }

    private Expression cast(final int position)
    {
        expect(TokenType.LPAREN);
        final Expression operand = expression();
        expect(Keyword.AS);
        final TypeName type = typeName();
        expect(TokenType.RPAREN);
        return new Expression.Cast(position, operand, type);
    }

    private Expression exists(final int position)
    {
        if (!startsQuery())
        {
            throw error();
        }
        enter();
        final Query query = query();
        leave();
        expect(TokenType.RPAREN);
        return new Expression.Exists(position, query);
    }

    private Expression extract(final int position)
    {
        final int fieldPosition = position();
        final String field;
        if (is(TokenType.STRING) || is(TokenType.IDENT) || is(TokenType.QUOTED_IDENT))
        {
            field = lexer.text(pos++);
        }
        else
        {
            throw error();
        }
        expect(Keyword.FROM);
        final Expression source = expression();
        expect(TokenType.RPAREN);
        return new Expression.FunctionCall(position, null, "extract",
            List.of(new Expression.StringLiteral(fieldPosition, field), source), false, false, null);
    }

    private Expression substring(final int position)
    {
        final Expression source = expression();
        final List<Expression> arguments = new ArrayList<>(3);
        arguments.add(source);
        if (accept(TokenType.COMMA))
        {
            arguments.addAll(expressionList());
        }
        else
        {
            final Expression from = accept(Keyword.FROM) ? expression() : null;
            final Expression length = accept(Keyword.FOR) ? expression() : null;
            if (from == null && length == null)
            {
                throw error();
            }
            arguments.add(from == null ? new Expression.IntegerLiteral(position, 1) : from);
            if (length != null)
            {
                arguments.add(length);
            }
        }
        expect(TokenType.RPAREN);
        return new Expression.FunctionCall(position, null, "substring", List.copyOf(arguments), false, false, null);
    }

    private Expression positionCall(final int position)
    {
        final Expression needle = other();
        expect(Keyword.IN);
        final Expression haystack = other();
        expect(TokenType.RPAREN);
        return new Expression.FunctionCall(position, null, "position", List.of(needle, haystack), false, false, null);
    }

    private Expression trim(final int position)
    {
        String name = "btrim";
        if (accept(Keyword.LEADING))
        {
            name = "ltrim";
        }
        else if (accept(Keyword.TRAILING))
        {
            name = "rtrim";
        }
        else
        {
            accept(Keyword.BOTH);
        }
        Expression characters = null;
        final Expression source;
        if (accept(Keyword.FROM))
        {
            source = expression();
        }
        else
        {
            final Expression first = expression();
            if (accept(Keyword.FROM))
            {
                characters = first;
                source = expression();
            }
            else if (accept(TokenType.COMMA))
            {
                source = first;
                characters = expression();
            }
            else
            {
                source = first;
            }
        }
        expect(TokenType.RPAREN);
        final List<Expression> arguments = characters == null ? List.of(source) : List.of(source, characters);
        return new Expression.FunctionCall(position, null, name, arguments, false, false, null);
    }
}
