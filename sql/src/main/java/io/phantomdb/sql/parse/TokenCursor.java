package io.phantomdb.sql.parse;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.QualifiedName;

import java.util.ArrayList;
import java.util.List;

/**
 * The parser's view of the token arrays: a read position, one-token lookahead tests, expectations that throw
 * positioned syntax errors, name parsing with PostgreSQL's keyword rules, a nesting-depth guard and the
 * statement's parameter numbering.
 * <p>
 * <b>Note:</b> single use and not thread safe.
 */
abstract class TokenCursor
{
    /** The deepest nesting of expressions and subqueries accepted; deeper input fails with 54001. */
    static final int MAX_DEPTH = 200;

    private static final String STATEMENT_TOO_COMPLEX = "54001";

    final Lexer lexer;
    final String sql;
    int pos;
    private int depth;
    private int questionMarks;
    private int maxDollar;

    TokenCursor(final Lexer lexer)
    {
        this.lexer = lexer;
        this.sql = lexer.sql();
    }

    /**
     * Forgets the parameters seen so far, at the start of a statement.
     */
    final void resetParameters()
    {
        questionMarks = 0;
        maxDollar = 0;
    }

    /**
     * @return the number of parameters of the statement parsed since {@link #resetParameters()}.
     */
    final int parameterCount()
    {
        return Math.max(questionMarks, maxDollar);
    }

    final int nextQuestionMark()
    {
        if (maxDollar > 0)
        {
            throw mixedParameters();
        }
        return ++questionMarks;
    }

    final int dollarParameter(final long number)
    {
        if (questionMarks > 0)
        {
            throw mixedParameters();
        }
        maxDollar = Math.max(maxDollar, (int)number);
        return (int)number;
    }

    private SqlException mixedParameters()
    {
        return SyntaxErrors.at(SqlState.SYNTAX_ERROR, "cannot mix ? and $n parameters", sql, start());
    }

    final void enter()
    {
        if (++depth > MAX_DEPTH)
        {
            throw SyntaxErrors.at(STATEMENT_TOO_COMPLEX, "statement too complex: nesting deeper than " + MAX_DEPTH,
                sql, start());
        }
    }

    final void leave()
    {
        depth--;
    }

    final TokenType type()
    {
        return lexer.type(pos);
    }

    final TokenType type(final int ahead)
    {
        final int index = Math.min(pos + ahead, lexer.count() - 1);
        return lexer.type(index);
    }

    final Keyword keyword()
    {
        return lexer.keyword(pos);
    }

    final Keyword keyword(final int ahead)
    {
        final int index = Math.min(pos + ahead, lexer.count() - 1);
        return lexer.keyword(index);
    }

    /**
     * @return the 1-based position of the current token.
     */
    final int position()
    {
        return lexer.start(pos) + 1;
    }

    final int start()
    {
        return lexer.start(pos);
    }

    final boolean is(final TokenType type)
    {
        return lexer.type(pos) == type;
    }

    final boolean is(final Keyword keyword)
    {
        return lexer.keyword(pos) == keyword;
    }

    final boolean accept(final TokenType type)
    {
        if (lexer.type(pos) == type)
        {
            pos++;
            return true;
        }
        return false;
    }

    final boolean accept(final Keyword keyword)
    {
        if (lexer.keyword(pos) == keyword)
        {
            pos++;
            return true;
        }
        return false;
    }

    final void expect(final TokenType type)
    {
        if (lexer.type(pos) != type)
        {
            throw error();
        }
        pos++;
    }

    final void expect(final Keyword keyword)
    {
        if (lexer.keyword(pos) != keyword)
        {
            throw error();
        }
        pos++;
    }

    /**
     * @return a syntax error at the current token (or at the end of the input).
     */
    final SqlException error()
    {
        if (lexer.type(pos) == TokenType.EOF)
        {
            return SyntaxErrors.atEnd(sql);
        }
        return SyntaxErrors.atOrNear(sql, lexer.start(pos), lexer.end(pos));
    }

    /**
     * @param message what is not supported.
     * @return a 0A000 error at the current token.
     */
    final SqlException unsupported(final String message)
    {
        return SyntaxErrors.at(SqlState.FEATURE_NOT_SUPPORTED, message, sql, Math.min(start(), sql.length()));
    }

    /**
     * @return true when the current token can be used as a column or table name.
     */
    final boolean isName()
    {
        final TokenType type = lexer.type(pos);
        if (type == TokenType.QUOTED_IDENT)
        {
            return true;
        }
        if (type != TokenType.IDENT)
        {
            return false;
        }
        final Keyword keyword = lexer.keyword(pos);
        return keyword == null || keyword.isIdentifier();
    }

    /**
     * @return true when the current token is a plain identifier that is no keyword at all, or quoted.
     */
    final boolean isPlainName()
    {
        final TokenType type = lexer.type(pos);
        return type == TokenType.QUOTED_IDENT || type == TokenType.IDENT && lexer.keyword(pos) == null;
    }

    /**
     * Reads a column or object name.
     *
     * @return the name, folded unless quoted.
     * @throws SqlException 42601 when the token is not a name.
     */
    final String name()
    {
        if (!isName())
        {
            throw error();
        }
        return lexer.text(pos++);
    }

    /**
     * Reads any word, reserved or not, or a quoted name: for labels after AS.
     *
     * @return the word.
     */
    final String label()
    {
        final TokenType type = lexer.type(pos);
        if (type != TokenType.IDENT && type != TokenType.QUOTED_IDENT)
        {
            throw error();
        }
        return lexer.text(pos++);
    }

    /**
     * @return {@code [schema.]name}.
     */
    final QualifiedName qualifiedName()
    {
        final int position = position();
        final String first = name();
        if (accept(TokenType.DOT))
        {
            return new QualifiedName(position, first, name());
        }
        return new QualifiedName(position, null, first);
    }

    /**
     * @return {@code (name, name, ...)}.
     */
    final List<String> nameList()
    {
        expect(TokenType.LPAREN);
        final List<String> names = new ArrayList<>(4);
        do
        {
            names.add(name());
        }
        while (accept(TokenType.COMMA));
        expect(TokenType.RPAREN);
        return List.copyOf(names);
    }

    static <T> List<T> freeze(final List<T> list)
    {
        return list.isEmpty() ? List.of() : List.copyOf(list);
    }
}
