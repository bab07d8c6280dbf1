package io.phantomdb.sql.parse;

import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.Assignment;
import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.OnConflict;
import io.phantomdb.sql.ast.QualifiedName;
import io.phantomdb.sql.ast.SelectItem;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.ast.Statement.Query;
import io.phantomdb.sql.ast.TableRef;

import java.util.ArrayList;
import java.util.List;

/**
 * The statement dispatcher and the DML, transaction, SET / SHOW and EXPLAIN statements.
 * <p>
 * <b>Note:</b> single use and not thread safe.
 */
final class StatementParser extends DdlParser
{
    StatementParser(final Lexer lexer)
    {
        super(lexer);
    }

    /**
     * Parses one statement starting at the current token; stops before a semicolon or the end.
     *
     * @return the statement.
     */
    Statement statement()
    {
        final int position = position();
        if (is(TokenType.LPAREN))
        {
            return query();
        }
        final Keyword keyword = keyword();
        if (keyword == null)
        {
            throw error();
        }
        switch (keyword)
        {
            case SELECT:
            case VALUES:
            case WITH:
            case TABLE:
                return query();
            case INSERT:
                pos++;
                return insert(position);
            case UPDATE:
                pos++;
                return update(position);
            case DELETE:
                pos++;
                return delete(position);
            case CREATE:
                pos++;
                return create(position);
            case DROP:
                pos++;
                return drop(position);
            case ALTER:
                pos++;
                return alter(position);
            case BEGIN:
                pos++;
                if (!accept(Keyword.WORK))
                {
                    accept(Keyword.TRANSACTION);
                }
                return begin(position);
            case START:
                pos++;
                expect(Keyword.TRANSACTION);
                return begin(position);
            case COMMIT:
            case END:
                pos++;
                workOrTransaction();
                noChain();
                return new Statement.Commit(position);
            case ROLLBACK:
            case ABORT:
                pos++;
                return rollback(position, keyword == Keyword.ROLLBACK);
            case SAVEPOINT:
                pos++;
                return new Statement.Savepoint(position, name());
            case RELEASE:
                pos++;
                accept(Keyword.SAVEPOINT);
                return new Statement.ReleaseSavepoint(position, name());
            case SET:
                pos++;
                return set(position);
            case SHOW:
                pos++;
                return show(position);
            case EXPLAIN:
                pos++;
                return explain(position);
            default:
                throw error();
        }
    }

    private void workOrTransaction()
    {
        if (!accept(Keyword.WORK))
        {
            accept(Keyword.TRANSACTION);
        }
    }

    private void noChain()
    {
        if (accept(Keyword.AND))
        {
            if (is(Keyword.CHAIN))
            {
                throw unsupported("AND CHAIN is not supported");
            }
            expect(Keyword.NO);
            expect(Keyword.CHAIN);
        }
    }

    private Statement rollback(final int position, final boolean allowSavepoint)
    {
        workOrTransaction();
        if (allowSavepoint && accept(Keyword.TO))
        {
            accept(Keyword.SAVEPOINT);
            return new Statement.RollbackToSavepoint(position, name());
        }
        noChain();
        return new Statement.Rollback(position);
    }

    private Statement begin(final int position)
    {
        final TransactionModes modes = transactionModes(false);
        return new Statement.Begin(position, modes.isolation, modes.accessMode);
    }

    private TransactionModes transactionModes(final boolean required)
    {
        final TransactionModes modes = new TransactionModes();
        boolean any = false;
        while (true)
        {
            if (accept(Keyword.ISOLATION))
            {
                expect(Keyword.LEVEL);
                modes.isolation = isolationLevel();
            }
            else if (is(Keyword.READ) && (keyword(1) == Keyword.ONLY || isWordAt(1, "write")))
            {
                pos++;
                modes.accessMode = accept(Keyword.ONLY) ? Statement.AccessMode.READ_ONLY : readWrite();
            }
            else if (is(Keyword.NOT) && keyword(1) == Keyword.DEFERRABLE || is(Keyword.DEFERRABLE))
            {
                accept(Keyword.NOT);
                pos++;
            }
            else
            {
                break;
            }
            any = true;
            if (!accept(TokenType.COMMA) && !is(Keyword.ISOLATION) && !is(Keyword.READ))
            {
                break;
            }
        }
        if (required && !any)
        {
            throw error();
        }
        return modes;
    }

    private Statement.AccessMode readWrite()
    {
        expect(Keyword.WRITE);
        return Statement.AccessMode.READ_WRITE;
    }

    private Statement.IsolationLevel isolationLevel()
    {
        if (accept(Keyword.SERIALIZABLE))
        {
            return Statement.IsolationLevel.SERIALIZABLE;
        }
        if (accept(Keyword.REPEATABLE))
        {
            expect(Keyword.READ);
            return Statement.IsolationLevel.REPEATABLE_READ;
        }
        expect(Keyword.READ);
        if (accept(Keyword.COMMITTED))
        {
            return Statement.IsolationLevel.READ_COMMITTED;
        }
        expect(Keyword.UNCOMMITTED);
        return Statement.IsolationLevel.READ_UNCOMMITTED;
    }

    private Statement set(final int position)
    {
        if (accept(Keyword.TRANSACTION))
        {
            final TransactionModes modes = transactionModes(true);
            return new Statement.SetTransaction(position, false, modes.isolation, modes.accessMode);
        }
        boolean local = false;
        if (is(Keyword.SESSION))
        {
            if (keyword(1) == Keyword.CHARACTERISTICS)
            {
                pos += 2;
                expect(Keyword.AS);
                expect(Keyword.TRANSACTION);
                final TransactionModes modes = transactionModes(true);
                return new Statement.SetTransaction(position, true, modes.isolation, modes.accessMode);
            }
            pos++;
        }
        else if (is(Keyword.LOCAL))
        {
            local = true;
            pos++;
        }
        final String name;
        if (isWord("time") && isWordAt(1, "zone"))
        {
            pos += 2;
            name = "timezone";
        }
        else
        {
            name = settingName();
            if (!accept(TokenType.EQ))
            {
                expect(Keyword.TO);
            }
        }
        return new Statement.SetVariable(position, local, name, settingValues());
    }

    private String settingName()
    {
        final StringBuilder sb = new StringBuilder(name());
        while (accept(TokenType.DOT))
        {
            sb.append('.').append(name());
        }
        return sb.toString();
    }

    private List<String> settingValues()
    {
        if (accept(Keyword.DEFAULT) || is(Keyword.LOCAL))
        {
            accept(Keyword.LOCAL);
            return List.of();
        }
        final List<String> values = new ArrayList<>(1);
        do
        {
            values.add(settingValue());
        }
        while (accept(TokenType.COMMA));
        return List.copyOf(values);
    }

    private String settingValue()
    {
        final boolean negative = accept(TokenType.MINUS);
        final TokenType type = type();
        if (type == TokenType.INTEGER || type == TokenType.NUMERIC)
        {
            final String text = sql.substring(lexer.start(pos), lexer.end(pos));
            pos++;
            return negative ? "-" + text : text;
        }
        if (!negative && (type == TokenType.STRING || type == TokenType.IDENT || type == TokenType.QUOTED_IDENT))
        {
            return lexer.text(pos++);
        }
        throw error();
    }

    private Statement show(final int position)
    {
        if (accept(Keyword.ALL))
        {
            return new Statement.Show(position, "all");
        }
        if (is(Keyword.TRANSACTION) && keyword(1) == Keyword.ISOLATION)
        {
            pos += 2;
            expect(Keyword.LEVEL);
            return new Statement.Show(position, "transaction_isolation");
        }
        if (isWord("time") && isWordAt(1, "zone"))
        {
            pos += 2;
            return new Statement.Show(position, "timezone");
        }
        return new Statement.Show(position, settingName());
    }

    private Statement explain(final int position)
    {
        boolean analyze = false;
        boolean verbose = false;
        if (is(TokenType.LPAREN))
        {
            pos++;
            do
            {
                final Keyword option = keyword();
                if (option != Keyword.ANALYZE && option != Keyword.VERBOSE)
                {
                    if (is(TokenType.IDENT))
                    {
                        throw SyntaxErrors.at(SqlState.SYNTAX_ERROR,
                            "unrecognized EXPLAIN option \"" + lexer.text(pos) + "\"", sql, start());
                    }
                    throw error();
                }
                pos++;
                final boolean value = booleanOption();
                if (option == Keyword.ANALYZE)
                {
                    analyze = value;
                }
                else
                {
                    verbose = value;
                }
            }
            while (accept(TokenType.COMMA));
            expect(TokenType.RPAREN);
        }
        else
        {
            analyze = accept(Keyword.ANALYZE);
            verbose = accept(Keyword.VERBOSE);
        }
        if (is(Keyword.EXPLAIN))
        {
            throw error();
        }
        return new Statement.Explain(position, analyze, verbose, statement());
    }

    private boolean booleanOption()
    {
        if (accept(Keyword.TRUE) || accept(Keyword.ON))
        {
            return true;
        }
        if (accept(Keyword.FALSE))
        {
            return false;
        }
        if (isWord("off"))
        {
            pos++;
            return false;
        }
        return true;
    }

    private Statement insert(final int position)
    {
        expect(Keyword.INTO);
        final QualifiedName table = qualifiedName();
        final String alias = accept(Keyword.AS) ? name() : null;
        List<String> columns = List.of();
        if (is(TokenType.LPAREN) && !startsQueryAfterParenthesis())
        {
            columns = nameList();
        }
        Query source = null;
        if (is(Keyword.DEFAULT))
        {
            pos++;
            expect(Keyword.VALUES);
        }
        else if (is(Keyword.VALUES))
        {
            final int valuesPosition = position();
            source = new Query(valuesPosition, List.of(), values(), List.of(), null, null, Statement.LockMode.NONE);
        }
        else
        {
            source = query();
        }
        final OnConflict onConflict = is(Keyword.ON) ? onConflict() : null;
        return new Statement.Insert(position, table, alias, columns, source, onConflict, returning());
    }

    private boolean startsQueryAfterParenthesis()
    {
        int ahead = 1;
        while (type(ahead) == TokenType.LPAREN)
        {
            ahead++;
        }
        final Keyword keyword = keyword(ahead);
        return keyword == Keyword.SELECT || keyword == Keyword.VALUES || keyword == Keyword.WITH;
    }

    private OnConflict onConflict()
    {
        final int position = position();
        expect(Keyword.ON);
        expect(Keyword.CONFLICT);
        final List<String> columns = is(TokenType.LPAREN) ? nameList() : List.of();
        if (is(Keyword.ON))
        {
            throw unsupported("ON CONFLICT ON CONSTRAINT is not supported");
        }
        expect(Keyword.DO);
        if (accept(Keyword.NOTHING))
        {
            return new OnConflict(position, columns, true, List.of(), null);
        }
        expect(Keyword.UPDATE);
        expect(Keyword.SET);
        final List<Assignment> assignments = assignments();
        final Expression where = accept(Keyword.WHERE) ? expression() : null;
        return new OnConflict(position, columns, false, assignments, where);
    }

    private List<Assignment> assignments()
    {
        final List<Assignment> assignments = new ArrayList<>(2);
        do
        {
            final int position = position();
            if (is(TokenType.LPAREN))
            {
                throw unsupported("multi-column assignment is not supported");
            }
            final String column = name();
            expect(TokenType.EQ);
            assignments.add(new Assignment(position, column, valueOrDefault()));
        }
        while (accept(TokenType.COMMA));
        return List.copyOf(assignments);
    }

    private List<SelectItem> returning()
    {
        return accept(Keyword.RETURNING) ? selectList() : List.of();
    }

    private Statement update(final int position)
    {
        accept(Keyword.ONLY);
        final QualifiedName table = qualifiedName();
        final String alias = tableAlias();
        expect(Keyword.SET);
        final List<Assignment> assignments = assignments();
        final List<TableRef> from = accept(Keyword.FROM) ? fromList() : List.of();
        final Expression where = accept(Keyword.WHERE) ? expression() : null;
        return new Statement.Update(position, table, alias, assignments, from, where, returning());
    }

    private Statement delete(final int position)
    {
        expect(Keyword.FROM);
        accept(Keyword.ONLY);
        final QualifiedName table = qualifiedName();
        final String alias = tableAlias();
        if (is(Keyword.USING))
        {
            throw unsupported("DELETE ... USING is not supported");
        }
        final Expression where = accept(Keyword.WHERE) ? expression() : null;
        return new Statement.Delete(position, table, alias, where, returning());
    }

    /**
     * Isolation level and access mode collected from a list of transaction modes.
     */
    private static final class TransactionModes
    {
        private Statement.IsolationLevel isolation;
        private Statement.AccessMode accessMode = Statement.AccessMode.DEFAULT;
    }
}
