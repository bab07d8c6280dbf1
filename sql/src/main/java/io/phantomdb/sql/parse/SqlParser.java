package io.phantomdb.sql.parse;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.ast.Statement;

import java.util.ArrayList;
import java.util.List;

/**
 * The entry points of the SQL front end: text in, {@link Statement} syntax trees out.
 * <p>
 * Every failure is a {@link SqlException}: 42601 for syntax errors (message
 * {@code syntax error at or near "TOKEN" (line L, column C)} or {@code syntax error at end of input},
 * with the 1-based position), 0A000 for recognised but unsupported syntax, 54001 for statements nested
 * deeper than {@link TokenCursor#MAX_DEPTH} levels. No other exception type escapes for any input.
 * Positions in scripts are offsets in the whole script.
 * <p>
 * <b>Note:</b> stateless; thread safe. Each call uses its own lexer and parser.
 */
public final class SqlParser
{
    private static final String STATEMENT_TOO_COMPLEX = "54001";

    private SqlParser()
    {
    }

    /**
     * Parses exactly one statement, optionally followed by semicolons.
     *
     * @param sql the statement text.
     * @return the syntax tree.
     * @throws SqlException for any syntax error, including empty input and a second statement.
     */
    public static Statement parse(final String sql)
    {
        return prepare(sql).statement();
    }

    /**
     * Parses exactly one statement, optionally followed by semicolons, and counts its parameters.
     *
     * @param sql the statement text.
     * @return the syntax tree with its parameter count.
     * @throws SqlException for any syntax error, including empty input and a second statement.
     */
    public static ParsedStatement prepare(final String sql)
    {
        try
        {
            final StatementParser parser = new StatementParser(new Lexer(sql));
            final Statement statement = parser.statement();
            while (parser.accept(TokenType.SEMICOLON))
            {
                continue;
            }
            if (!parser.is(TokenType.EOF))
            {
                throw parser.error();
            }
            return new ParsedStatement(statement, parser.parameterCount());
        }
        catch (final StackOverflowError ex)
        {
            throw tooComplex(ex);
        }
    }

    /**
     * Parses a script of statements separated by semicolons; empty statements are skipped.
     *
     * @param sql the script.
     * @return the statements in order, possibly empty.
     * @throws SqlException for the first syntax error; positions are offsets in the whole script.
     */
    public static List<Statement> parseScript(final String sql)
    {
        final List<ParsedStatement> parsed = prepareScript(sql);
        final List<Statement> statements = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++)
        {
            statements.add(parsed.get(i).statement());
        }
        return List.copyOf(statements);
    }

    /**
     * Parses a script of statements separated by semicolons, counting each statement's parameters.
     *
     * @param sql the script.
     * @return the statements in order, possibly empty.
     * @throws SqlException for the first syntax error; positions are offsets in the whole script.
     */
    public static List<ParsedStatement> prepareScript(final String sql)
    {
        try
        {
            final StatementParser parser = new StatementParser(new Lexer(sql));
            final List<ParsedStatement> statements = new ArrayList<>();
            while (true)
            {
                while (parser.accept(TokenType.SEMICOLON))
                {
                    continue;
                }
                if (parser.is(TokenType.EOF))
                {
                    return List.copyOf(statements);
                }
                parser.resetParameters();
                final Statement statement = parser.statement();
                statements.add(new ParsedStatement(statement, parser.parameterCount()));
                if (!parser.is(TokenType.EOF) && !parser.is(TokenType.SEMICOLON))
                {
                    throw parser.error();
                }
            }
        }
        catch (final StackOverflowError ex)
        {
            throw tooComplex(ex);
        }
    }

    /**
     * Splits a script into statement texts at semicolons found by the lexer: semicolons inside strings,
     * quoted names, comments and dollar quotes do not split. Each text runs from its first token to its last
     * (comments around statements are dropped); statements without tokens are dropped.
     *
     * @param script the script.
     * @return the statement texts, without the semicolons.
     * @throws SqlException 42601 for an unterminated string, quoted identifier or comment.
     */
    public static List<String> split(final String script)
    {
        final Lexer lexer = new Lexer(script);
        final List<String> statements = new ArrayList<>();
        int first = -1;
        int last = -1;
        for (int i = 0; i < lexer.count(); i++)
        {
            final TokenType type = lexer.type(i);
            if (type == TokenType.SEMICOLON || type == TokenType.EOF)
            {
                if (first >= 0)
                {
                    statements.add(script.substring(lexer.start(first), lexer.end(last)));
                }
                first = -1;
            }
            else
            {
                if (first < 0)
                {
                    first = i;
                }
                last = i;
            }
        }
        return List.copyOf(statements);
    }

    private static SqlException tooComplex(final StackOverflowError ex)
    {
        return new SqlException(STATEMENT_TOO_COMPLEX, "statement too complex: stack depth limit exceeded", 0, ex);
    }
}
