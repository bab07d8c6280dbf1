package io.phantomdb.sql.parse;

import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.Expression.BinaryOperator;
import io.phantomdb.sql.ast.Statement.Query;
import io.phantomdb.sql.ast.TypeName;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over PostgreSQL's expression precedence, lowest first: OR; AND; NOT; IS; comparison
 * (non-associative); BETWEEN / IN / LIKE / ILIKE / SIMILAR; other operators ({@code ||} and the JSON
 * operators); {@code + -}; {@code * / %}; {@code ^}; unary {@code + -}; {@code ::}.
 * <p>
 * <b>Note:</b> single use and not thread safe.
 */
abstract class ExpressionParser extends TokenCursor
{
    ExpressionParser(final Lexer lexer)
    {
        super(lexer);
    }

    /**
     * Parses a complete query (WITH, body, ORDER BY, LIMIT, ...); implemented by the query grammar.
     *
     * @return the query.
     */
    abstract Query query();

    /**
     * Parses a primary expression (literal, name, call, parenthesised expression, special form); implemented
     * by {@link PrimaryParser}.
     *
     * @return the expression.
     */
    abstract Expression primary();

    /**
     * Continues a query whose first operand was already parsed as a parenthesised subquery, e.g. in
     * {@code ((SELECT 1) UNION (SELECT 2))}: set operations, ORDER BY, LIMIT and locking.
     *
     * @param first the first operand.
     * @return the whole query.
     */
    abstract Query continueQuery(Query first);

    /**
     * @return true when the current token continues a query after its first operand.
     */
    final boolean continuesQuery()
    {
        final Keyword keyword = keyword();
        return keyword == Keyword.UNION || keyword == Keyword.INTERSECT || keyword == Keyword.EXCEPT
            || keyword == Keyword.ORDER || keyword == Keyword.LIMIT || keyword == Keyword.OFFSET
            || keyword == Keyword.FETCH || keyword == Keyword.FOR;
    }

    /**
     * @return true when the current token starts a query (SELECT, VALUES, WITH).
     */
    final boolean startsQuery()
    {
        final Keyword keyword = keyword();
        return keyword == Keyword.SELECT || keyword == Keyword.VALUES || keyword == Keyword.WITH;
    }

    /**
     * @return a full expression.
     */
    final Expression expression()
    {
        enter();
        final Expression result = or();
        leave();
        return result;
    }

    /**
     * @return a comma-separated list of expressions, at least one.
     */
    final List<Expression> expressionList()
    {
        final List<Expression> list = new ArrayList<>(4);
        do
        {
            list.add(expression());
        }
        while (accept(TokenType.COMMA));
        return List.copyOf(list);
    }

    private Expression or()
    {
        Expression left = and();
        while (is(Keyword.OR))
        {
            final int position = position();
            pos++;
            left = new Expression.Binary(position, BinaryOperator.OR, left, and());
        }
        return left;
    }

    private Expression and()
    {
        Expression left = not();
        while (is(Keyword.AND))
        {
            final int position = position();
            pos++;
            left = new Expression.Binary(position, BinaryOperator.AND, left, not());
        }
        return left;
    }

    /**
     * @return an expression at NOT's level: {@code NOT x} or an IS test.
     */
    final Expression not()
    {
        if (is(Keyword.NOT))
        {
            final int position = position();
            pos++;
            enter();
            final Expression operand = not();
            leave();
            return new Expression.Unary(position, Expression.UnaryOperator.NOT, operand);
        }
        return isTest();
    }

    private Expression isTest()
    {
        Expression left = comparison();
        while (true)
        {
            final int position = position();
            if (is(Keyword.ISNULL) || is(Keyword.NOTNULL))
            {
                final boolean negated = is(Keyword.NOTNULL);
                pos++;
                left = new Expression.IsNull(position, left, negated);
                continue;
            }
            if (!accept(Keyword.IS))
            {
                return left;
            }
            final boolean negated = accept(Keyword.NOT);
            final Keyword keyword = keyword();
            if (keyword == Keyword.NULL)
            {
                pos++;
                left = new Expression.IsNull(position, left, negated);
            }
            else if (keyword == Keyword.TRUE || keyword == Keyword.FALSE || keyword == Keyword.UNKNOWN)
            {
                pos++;
                final Expression.Truth truth = keyword == Keyword.TRUE ? Expression.Truth.TRUE :
                    keyword == Keyword.FALSE ? Expression.Truth.FALSE : Expression.Truth.UNKNOWN;
                left = new Expression.IsTruth(position, left, truth, negated);
            }
            else if (keyword == Keyword.DISTINCT)
            {
                pos++;
                expect(Keyword.FROM);
                left = new Expression.Binary(position,
                    negated ? BinaryOperator.IS_NOT_DISTINCT_FROM : BinaryOperator.IS_DISTINCT_FROM, left, comparison());
            }
            else
            {
                throw error();
            }
        }
    }

    private Expression comparison()
    {
        final Expression left = predicate();
        final BinaryOperator operator = comparisonOperator(type());
        if (operator == null)
        {
            return left;
        }
        final int position = position();
        pos++;
        final Keyword keyword = keyword();
        if ((keyword == Keyword.ANY || keyword == Keyword.SOME || keyword == Keyword.ALL) && type(1) == TokenType.LPAREN)
        {
            pos += 2;
            if (!startsQuery())
            {
                throw unsupported("ANY/ALL over an array is not supported; use a subquery");
            }
            final Query query = query();
            expect(TokenType.RPAREN);
            return new Expression.Quantified(position, operator,
                keyword == Keyword.ALL ? Expression.Quantifier.ALL : Expression.Quantifier.ANY, left, query);
        }
        return new Expression.Binary(position, operator, left, predicate());
    }

    private static BinaryOperator comparisonOperator(final TokenType type)
    {
        switch (type)
        {
            case EQ:
                return BinaryOperator.EQUAL;
            case NE:
                return BinaryOperator.NOT_EQUAL;
            case LT:
                return BinaryOperator.LESS;
            case LE:
                return BinaryOperator.LESS_EQUAL;
            case GT:
                return BinaryOperator.GREATER;
            case GE:
                return BinaryOperator.GREATER_EQUAL;
            default:
                return null;
        }
    }

    private Expression predicate()
    {
        final Expression left = other();
        final int position = position();
        boolean negated = false;
        Keyword keyword = keyword();
        if (keyword == Keyword.NOT)
        {
            final Keyword next = keyword(1);
            if (next != Keyword.BETWEEN && next != Keyword.IN && next != Keyword.LIKE && next != Keyword.ILIKE
                && next != Keyword.SIMILAR)
            {
                return left;
            }
            negated = true;
            pos++;
            keyword = next;
        }
        if (keyword == Keyword.BETWEEN)
        {
            pos++;
            final boolean symmetric = accept(Keyword.SYMMETRIC);
            if (!symmetric)
            {
                accept(Keyword.ASYMMETRIC);
            }
            final Expression low = other();
            expect(Keyword.AND);
            return new Expression.Between(position, left, low, other(), negated, symmetric);
        }
        if (keyword == Keyword.IN)
        {
            pos++;
            return in(position, left, negated);
        }
        if (keyword == Keyword.LIKE || keyword == Keyword.ILIKE || keyword == Keyword.SIMILAR)
        {
            pos++;
            if (keyword == Keyword.SIMILAR)
            {
                expect(Keyword.TO);
            }
            final Expression pattern = other();
            final Expression escape = accept(Keyword.ESCAPE) ? other() : null;
            final Expression.LikeKind kind = keyword == Keyword.LIKE ? Expression.LikeKind.LIKE :
                keyword == Keyword.ILIKE ? Expression.LikeKind.ILIKE : Expression.LikeKind.SIMILAR;
            return new Expression.Like(position, kind, left, pattern, escape, negated);
        }
        return left;
    }

    private Expression in(final int position, final Expression left, final boolean negated)
    {
        expect(TokenType.LPAREN);
        if (startsQuery())
        {
            final Query query = query();
            expect(TokenType.RPAREN);
            return new Expression.InSubquery(position, left, query, negated);
        }
        final List<Expression> values = expressionList();
        if (values.size() == 1 && values.get(0) instanceof Expression.ScalarSubquery && continuesQuery())
        {
            final Query query = continueQuery(((Expression.ScalarSubquery)values.get(0)).query());
            expect(TokenType.RPAREN);
            return new Expression.InSubquery(position, left, query, negated);
        }
        expect(TokenType.RPAREN);
        return new Expression.InList(position, left, values, negated);
    }

    final Expression other()
    {
        Expression left = additive();
        while (true)
        {
            final BinaryOperator operator = otherOperator(type());
            if (operator == null)
            {
                return left;
            }
            final int position = position();
            pos++;
            left = new Expression.Binary(position, operator, left, additive());
        }
    }

    private static BinaryOperator otherOperator(final TokenType type)
    {
        switch (type)
        {
            case CONCAT:
                return BinaryOperator.CONCAT;
            case ARROW:
                return BinaryOperator.JSON_GET;
            case ARROW_TEXT:
                return BinaryOperator.JSON_GET_TEXT;
            case HASH_ARROW:
                return BinaryOperator.JSON_PATH;
            case HASH_ARROW_TEXT:
                return BinaryOperator.JSON_PATH_TEXT;
            case CONTAINS:
                return BinaryOperator.JSON_CONTAINS;
            case CONTAINED:
                return BinaryOperator.JSON_CONTAINED;
            case QMARK:
                return BinaryOperator.JSON_HAS_KEY;
            case QMARK_PIPE:
                return BinaryOperator.JSON_HAS_ANY;
            case QMARK_AMP:
                return BinaryOperator.JSON_HAS_ALL;
            default:
                return null;
        }
    }

    private Expression additive()
    {
        Expression left = multiplicative();
        while (true)
        {
            final TokenType type = type();
            if (type != TokenType.PLUS && type != TokenType.MINUS)
            {
                return left;
            }
            final int position = position();
            pos++;
            left = new Expression.Binary(position,
                type == TokenType.PLUS ? BinaryOperator.ADD : BinaryOperator.SUBTRACT, left, multiplicative());
        }
    }

    private Expression multiplicative()
    {
        Expression left = power();
        while (true)
        {
            final BinaryOperator operator;
            switch (type())
            {
                case STAR:
                    operator = BinaryOperator.MULTIPLY;
                    break;
                case SLASH:
                    operator = BinaryOperator.DIVIDE;
                    break;
                case PERCENT:
                    operator = BinaryOperator.MODULO;
                    break;
                default:
                    return left;
            }
            final int position = position();
            pos++;
            left = new Expression.Binary(position, operator, left, power());
        }
    }

    private Expression power()
    {
        Expression left = unary();
        while (is(TokenType.CARET))
        {
            final int position = position();
            pos++;
            left = new Expression.Binary(position, BinaryOperator.POWER, left, unary());
        }
        return left;
    }

    private Expression unary()
    {
        final TokenType type = type();
        if (type != TokenType.MINUS && type != TokenType.PLUS)
        {
            return postfix();
        }
        final int position = position();
        pos++;
        enter();
        final Expression operand = unary();
        leave();
        if (type == TokenType.PLUS)
        {
            return new Expression.Unary(position, Expression.UnaryOperator.PLUS, operand);
        }
        if (operand instanceof Expression.IntegerLiteral)
        {
            return new Expression.IntegerLiteral(position, -((Expression.IntegerLiteral)operand).value());
        }
        if (operand instanceof Expression.NumericLiteral)
        {
            return negate(position, (Expression.NumericLiteral)operand);
        }
        return new Expression.Unary(position, Expression.UnaryOperator.NEGATE, operand);
    }

    private static Expression negate(final int position, final Expression.NumericLiteral literal)
    {
        final String text = literal.text();
        if (text.startsWith("-"))
        {
            return new Expression.NumericLiteral(position, text.substring(1), literal.exponent());
        }
        if ("9223372036854775808".equals(text))
        {
            return new Expression.IntegerLiteral(position, Long.MIN_VALUE);
        }
        return new Expression.NumericLiteral(position, "-" + text, literal.exponent());
    }

    private Expression postfix()
    {
        Expression operand = primary();
        while (is(TokenType.COLON_COLON))
        {
            final int position = position();
            pos++;
            operand = new Expression.Cast(position, operand, typeName());
        }
        return operand;
    }

    /**
     * Parses a type: one or more words ({@code double precision}, {@code character varying},
     * {@code timestamp without time zone}) and optional parameters.
     *
     * @return the type name.
     */
    final TypeName typeName()
    {
        final int position = position();
        if (!is(TokenType.IDENT) && !is(TokenType.QUOTED_IDENT))
        {
            throw error();
        }
        final Keyword keyword = keyword();
        if (keyword != null && keyword != Keyword.INTERVAL)
        {
            throw error();
        }
        String name = lexer.text(pos++);
        if (("double".equals(name) && isWord("precision"))
            || (("character".equals(name) || "char".equals(name)) && isWord("varying")))
        {
            name = "double".equals(name) ? "double precision" : "character varying";
            pos++;
        }
        final List<Integer> params = typeParams();
        if ("timestamp".equals(name) || "time".equals(name))
        {
            name = timeZone(name);
        }
        if (is(TokenType.LBRACKET))
        {
            throw unsupported("array types are not supported");
        }
        return new TypeName(position, name, params);
    }

    private List<Integer> typeParams()
    {
        if (!accept(TokenType.LPAREN))
        {
            return List.of();
        }
        final List<Integer> params = new ArrayList<>(2);
        do
        {
            if (!is(TokenType.INTEGER) || lexer.value(pos) > Integer.MAX_VALUE)
            {
                if (is(TokenType.INTEGER) || is(TokenType.NUMERIC))
                {
                    throw SyntaxErrors.at(SqlState.INVALID_PARAMETER_VALUE, "type modifier out of range", sql, start());
                }
                throw error();
            }
            params.add((int)lexer.value(pos++));
        }
        while (accept(TokenType.COMMA));
        expect(TokenType.RPAREN);
        return List.copyOf(params);
    }

    private String timeZone(final String name)
    {
        if (isWord("without") && isWordAt(1, "time") && isWordAt(2, "zone"))
        {
            pos += 3;
            return name;
        }
        if (is(Keyword.WITH) && isWordAt(1, "time") && isWordAt(2, "zone"))
        {
            pos += 3;
            return name + "tz";
        }
        return name;
    }

    /**
     * @param word a lower-case word.
     * @return true when the current token is that unquoted word.
     */
    final boolean isWord(final String word)
    {
        return isWordAt(0, word);
    }

    final boolean isWordAt(final int ahead, final String word)
    {
        final int index = Math.min(pos + ahead, lexer.count() - 1);
        return lexer.type(index) == TokenType.IDENT && word.equals(lexer.text(index));
    }
}
