package io.phantomdb.sql.parse;

import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.AlterAction;
import io.phantomdb.sql.ast.ColumnDefinition;
import io.phantomdb.sql.ast.Constraint;
import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.OrderItem;
import io.phantomdb.sql.ast.QualifiedName;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.ast.TypeName;

import java.util.ArrayList;
import java.util.List;

/**
 * Data definition and user statements: CREATE / DROP / ALTER of tables, indexes, views and users.
 * The caller has consumed CREATE, DROP or ALTER.
 * <p>
 * <b>Note:</b> single use and not thread safe.
 */
abstract class DdlParser extends QueryParser
{
    DdlParser(final Lexer lexer)
    {
        super(lexer);
    }

    final Statement create(final int position)
    {
        if (accept(Keyword.TABLE))
        {
            return createTable(position);
        }
        if (accept(Keyword.UNIQUE))
        {
            expect(Keyword.INDEX);
            return createIndex(position, true);
        }
        if (accept(Keyword.INDEX))
        {
            return createIndex(position, false);
        }
        boolean orReplace = false;
        if (accept(Keyword.OR))
        {
            expect(Keyword.REPLACE);
            orReplace = true;
        }
        if (accept(Keyword.VIEW))
        {
            return createView(position, orReplace);
        }
        if (!orReplace && (accept(Keyword.USER) || accept(Keyword.ROLE)))
        {
            final String name = name();
            return new Statement.CreateUser(position, name, userOptions(false));
        }
        if (isWord("temp") || isWord("temporary"))
        {
            throw unsupported("temporary tables are not supported");
        }
        throw error();
    }

    final Statement drop(final int position)
    {
        final Keyword what = keyword();
        if (what != Keyword.TABLE && what != Keyword.INDEX && what != Keyword.VIEW && what != Keyword.USER
            && what != Keyword.ROLE)
        {
            throw error();
        }
        pos++;
        final boolean ifExists = ifExists();
        if (what == Keyword.USER || what == Keyword.ROLE)
        {
            final List<String> names = new ArrayList<>(1);
            do
            {
                names.add(name());
            }
            while (accept(TokenType.COMMA));
            return new Statement.DropUser(position, ifExists, List.copyOf(names));
        }
        final List<QualifiedName> names = new ArrayList<>(1);
        do
        {
            names.add(qualifiedName());
        }
        while (accept(TokenType.COMMA));
        if (is(Keyword.CASCADE))
        {
            throw unsupported("DROP ... CASCADE is not supported");
        }
        accept(Keyword.RESTRICT);
        final List<QualifiedName> list = List.copyOf(names);
        if (what == Keyword.TABLE)
        {
            return new Statement.DropTable(position, ifExists, list);
        }
        return what == Keyword.INDEX ? new Statement.DropIndex(position, ifExists, list) :
            new Statement.DropView(position, ifExists, list);
    }

    final Statement alter(final int position)
    {
        if (accept(Keyword.USER) || accept(Keyword.ROLE))
        {
            final String name = name();
            return new Statement.AlterUser(position, name, userOptions(true));
        }
        expect(Keyword.TABLE);
        final boolean ifExists = ifExists();
        accept(Keyword.ONLY);
        final QualifiedName table = qualifiedName();
        final List<AlterAction> actions = new ArrayList<>(1);
        do
        {
            actions.add(alterAction());
        }
        while (accept(TokenType.COMMA));
        return new Statement.AlterTable(position, ifExists, table, List.copyOf(actions));
    }

    private AlterAction alterAction()
    {
        final int position = position();
        if (accept(Keyword.ADD))
        {
            accept(Keyword.COLUMN);
            final boolean ifNotExists = ifNotExists();
            return new AlterAction.AddColumn(position, ifNotExists, columnDefinition());
        }
        if (accept(Keyword.DROP))
        {
            accept(Keyword.COLUMN);
            final boolean ifExists = ifExists();
            final String column = name();
            if (is(Keyword.CASCADE))
            {
                throw unsupported("DROP COLUMN ... CASCADE is not supported");
            }
            accept(Keyword.RESTRICT);
            return new AlterAction.DropColumn(position, ifExists, column);
        }
        if (is(Keyword.ALTER) || isWord("rename"))
        {
            throw unsupported("ALTER TABLE supports only ADD COLUMN and DROP COLUMN");
        }
        throw error();
    }

    private String userOptions(final boolean required)
    {
        accept(Keyword.WITH);
        if (!is(Keyword.PASSWORD))
        {
            if (required)
            {
                throw error();
            }
            return null;
        }
        pos++;
        if (accept(Keyword.NULL))
        {
            return null;
        }
        if (!is(TokenType.STRING))
        {
            throw error();
        }
        return lexer.text(pos++);
    }

    private boolean ifExists()
    {
        if (is(Keyword.IF))
        {
            pos++;
            expect(Keyword.EXISTS);
            return true;
        }
        return false;
    }

    private boolean ifNotExists()
    {
        if (is(Keyword.IF))
        {
            pos++;
            expect(Keyword.NOT);
            expect(Keyword.EXISTS);
            return true;
        }
        return false;
    }

    private Statement createTable(final int position)
    {
        final boolean ifNotExists = ifNotExists();
        final QualifiedName name = qualifiedName();
        expect(TokenType.LPAREN);
        final List<ColumnDefinition> columns = new ArrayList<>(8);
        final List<Constraint> constraints = new ArrayList<>(2);
        do
        {
            final Keyword keyword = keyword();
            if (keyword == Keyword.CONSTRAINT || keyword == Keyword.PRIMARY || keyword == Keyword.UNIQUE
                || keyword == Keyword.CHECK || keyword == Keyword.FOREIGN)
            {
                constraints.add(tableConstraint());
            }
            else
            {
                columns.add(columnDefinition());
            }
        }
        while (accept(TokenType.COMMA));
        expect(TokenType.RPAREN);
        String storage = null;
        if (accept(Keyword.WITH))
        {
            storage = storageOption();
        }
        return new Statement.CreateTable(position, name, ifNotExists, List.copyOf(columns), freeze(constraints),
            storage);
    }

    private String storageOption()
    {
        expect(TokenType.LPAREN);
        if (!isWord("storage"))
        {
            if (is(TokenType.IDENT) || is(TokenType.QUOTED_IDENT))
            {
                throw SyntaxErrors.at(SqlState.INVALID_PARAMETER_VALUE,
                    "unrecognized parameter \"" + lexer.text(pos) + "\"", sql, start());
            }
            throw error();
        }
        pos++;
        expect(TokenType.EQ);
        final String storage;
        if (is(TokenType.STRING) || is(TokenType.IDENT) || is(TokenType.QUOTED_IDENT))
        {
            storage = lexer.text(pos).toLowerCase(java.util.Locale.ROOT);
            if (!"btree".equals(storage) && !"lsm".equals(storage))
            {
                throw SyntaxErrors.at(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"storage\": \"" + lexer.text(pos) + "\" (expected btree or lsm)",
                    sql, start());
            }
            pos++;
        }
        else
        {
            throw error();
        }
        expect(TokenType.RPAREN);
        return storage;
    }

    private ColumnDefinition columnDefinition()
    {
        final int position = position();
        final String name = name();
        final TypeName type = typeName();
        final List<Constraint> constraints = new ArrayList<>(2);
        while (true)
        {
            final int constraintPosition = position();
            String constraintName = null;
            if (accept(Keyword.CONSTRAINT))
            {
                constraintName = name();
            }
            final Constraint constraint = columnConstraint(constraintPosition, constraintName);
            if (constraint == null)
            {
                if (constraintName != null)
                {
                    throw error();
                }
                return new ColumnDefinition(position, name, type, freeze(constraints));
            }
            constraints.add(constraint);
        }
    }

    private Constraint columnConstraint(final int position, final String name)
    {
        final Keyword keyword = keyword();
        if (keyword == null)
        {
            return null;
        }
        switch (keyword)
        {
            case NOT:
                pos++;
                expect(Keyword.NULL);
                return new Constraint.NotNull(position, name);
            case NULL:
                pos++;
                return new Constraint.Nullable(position, name);
            case DEFAULT:
                pos++;
                return new Constraint.Default(position, name, other());
            case PRIMARY:
                pos++;
                expect(Keyword.KEY);
                return new Constraint.PrimaryKey(position, name, List.of());
            case UNIQUE:
                pos++;
                return new Constraint.Unique(position, name, List.of());
            case CHECK:
                pos++;
                return new Constraint.Check(position, name, check());
            case REFERENCES:
                pos++;
                return references(position, name, List.of());
            default:
                return null;
        }
    }

    private Expression check()
    {
        expect(TokenType.LPAREN);
        final Expression condition = expression();
        expect(TokenType.RPAREN);
        return condition;
    }

    private Constraint references(final int position, final String name, final List<String> columns)
    {
        final QualifiedName table = qualifiedName();
        final List<String> referenced = is(TokenType.LPAREN) ? nameList() : List.of();
        while (is(Keyword.ON) && (keyword(1) == Keyword.DELETE || keyword(1) == Keyword.UPDATE))
        {
            pos += 2;
            referentialAction();
        }
        return new Constraint.References(position, name, columns, table, referenced);
    }

    private void referentialAction()
    {
        if (accept(Keyword.CASCADE) || accept(Keyword.RESTRICT))
        {
            return;
        }
        if (accept(Keyword.SET))
        {
            if (!accept(Keyword.NULL))
            {
                expect(Keyword.DEFAULT);
            }
            return;
        }
        expect(Keyword.NO);
        expect(Keyword.ACTION);
    }

    private Constraint tableConstraint()
    {
        final int position = position();
        final String name = accept(Keyword.CONSTRAINT) ? name() : null;
        final Keyword keyword = keyword();
        if (keyword == Keyword.PRIMARY)
        {
            pos++;
            expect(Keyword.KEY);
            return new Constraint.PrimaryKey(position, name, nameList());
        }
        if (keyword == Keyword.UNIQUE)
        {
            pos++;
            return new Constraint.Unique(position, name, nameList());
        }
        if (keyword == Keyword.CHECK)
        {
            pos++;
            return new Constraint.Check(position, name, check());
        }
        if (keyword == Keyword.FOREIGN)
        {
            pos++;
            expect(Keyword.KEY);
            final List<String> columns = nameList();
            expect(Keyword.REFERENCES);
            return references(position, name, columns);
        }
        throw error();
    }

    private Statement createIndex(final int position, final boolean unique)
    {
        if (is(Keyword.CONCURRENTLY))
        {
            throw unsupported("CREATE INDEX CONCURRENTLY is not supported");
        }
        final boolean ifNotExists = ifNotExists();
        final String name = is(Keyword.ON) ? null : name();
        expect(Keyword.ON);
        accept(Keyword.ONLY);
        final QualifiedName table = qualifiedName();
        String method = null;
        if (accept(Keyword.USING))
        {
            method = name();
        }
        expect(TokenType.LPAREN);
        final List<OrderItem> keys = new ArrayList<>(2);
        do
        {
            final int keyPosition = position();
            final Expression key;
            if (accept(TokenType.LPAREN))
            {
                key = expression();
                expect(TokenType.RPAREN);
            }
            else
            {
                key = primary();
            }
            keys.add(orderItem(keyPosition, key));
        }
        while (accept(TokenType.COMMA));
        expect(TokenType.RPAREN);
        if (is(Keyword.WHERE))
        {
            throw unsupported("partial indexes are not supported");
        }
        return new Statement.CreateIndex(position, name, unique, ifNotExists, table, method, List.copyOf(keys));
    }

    private Statement createView(final int position, final boolean orReplace)
    {
        final QualifiedName name = qualifiedName();
        final List<String> columns = is(TokenType.LPAREN) ? nameList() : List.of();
        expect(Keyword.AS);
        return new Statement.CreateView(position, orReplace, name, columns, query());
    }
}
