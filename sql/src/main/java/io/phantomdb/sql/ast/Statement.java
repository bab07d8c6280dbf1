package io.phantomdb.sql.ast;

import java.util.List;

/**
 * A parsed SQL statement: the root of the syntax tree.
 * <p>
 * <b>Note:</b> immutable records; thread safe.
 */
public sealed interface Statement extends Node
{
    /**
     * A query: {@code [WITH ctes] body [ORDER BY ...] [LIMIT n|ALL] [OFFSET n [ROWS]]
     * [FETCH FIRST n ROWS ONLY] [FOR UPDATE|FOR SHARE]}. Also used for subqueries and INSERT sources.
     *
     * @param position 1-based offset of the first token (WITH, SELECT, VALUES or a parenthesis).
     * @param with     common table expressions, empty when not written.
     * @param body     the SELECT, VALUES or set operation.
     * @param orderBy  sort keys, empty when not written.
     * @param limit    the LIMIT or FETCH FIRST count, or null (also for LIMIT ALL).
     * @param offset   the OFFSET count, or null.
     * @param lock     the row locking clause.
     */
    record Query(
        int position, List<CommonTableExpression> with, QueryBody body, List<OrderItem> orderBy, Expression limit,
        Expression offset, LockMode lock) implements Statement, QueryBody
    {
    }

    /**
     * CREATE TABLE [IF NOT EXISTS] name (columns and table constraints) [WITH (storage = 'btree'|'lsm')].
     *
     * @param position    1-based offset of CREATE.
     * @param name        the table name.
     * @param ifNotExists true when IF NOT EXISTS was written.
     * @param columns     the columns, in order.
     * @param constraints the table constraints, in order.
     * @param storage     the storage kind from WITH (storage = '...'), lower case, or null.
     */
    record CreateTable(
        int position, QualifiedName name, boolean ifNotExists, List<ColumnDefinition> columns,
        List<Constraint> constraints, String storage) implements Statement
    {
    }

    /**
     * DROP TABLE [IF EXISTS] names.
     *
     * @param position 1-based offset of DROP.
     * @param ifExists true when IF EXISTS was written.
     * @param names    the tables.
     */
    record DropTable(int position, boolean ifExists, List<QualifiedName> names) implements Statement
    {
    }

    /**
     * CREATE [UNIQUE] INDEX [IF NOT EXISTS] [name] ON table [USING method] (keys).
     *
     * @param position    1-based offset of CREATE.
     * @param name        the index name, or null when not written.
     * @param unique      true for UNIQUE.
     * @param ifNotExists true when IF NOT EXISTS was written.
     * @param table       the indexed table.
     * @param method      the access method (btree, lsm, hash), lower case, or null.
     * @param keys        the key parts: a column reference or a parenthesised expression, with order.
     */
    record CreateIndex(
        int position, String name, boolean unique, boolean ifNotExists, QualifiedName table, String method,
        List<OrderItem> keys) implements Statement
    {
    }

    /**
     * DROP INDEX [IF EXISTS] names.
     *
     * @param position 1-based offset of DROP.
     * @param ifExists true when IF EXISTS was written.
     * @param names    the indexes.
     */
    record DropIndex(int position, boolean ifExists, List<QualifiedName> names) implements Statement
    {
    }

    /**
     * ALTER TABLE [IF EXISTS] name action [, action ...].
     *
     * @param position 1-based offset of ALTER.
     * @param ifExists true when IF EXISTS was written.
     * @param table    the table.
     * @param actions  the actions (never empty).
     */
    record AlterTable(int position, boolean ifExists, QualifiedName table, List<AlterAction> actions)
        implements Statement
    {
    }

    /**
     * CREATE [OR REPLACE] VIEW name [(columns)] AS query.
     *
     * @param position  1-based offset of CREATE.
     * @param orReplace true for OR REPLACE.
     * @param name      the view name.
     * @param columns   column names, empty when not written.
     * @param query     the defining query.
     */
    record CreateView(int position, boolean orReplace, QualifiedName name, List<String> columns, Query query)
        implements Statement
    {
    }

    /**
     * DROP VIEW [IF EXISTS] names.
     *
     * @param position 1-based offset of DROP.
     * @param ifExists true when IF EXISTS was written.
     * @param names    the views.
     */
    record DropView(int position, boolean ifExists, List<QualifiedName> names) implements Statement
    {
    }

    /**
     * INSERT INTO table [AS alias] [(columns)] {VALUES ... | query | DEFAULT VALUES} [ON CONFLICT ...]
     * [RETURNING ...].
     *
     * @param position   1-based offset of INSERT.
     * @param table      the target table.
     * @param alias      the alias, or null.
     * @param columns    the target columns, empty when not written.
     * @param source     the rows (a query whose body is usually {@link QueryBody.Values}), or null for DEFAULT VALUES.
     * @param onConflict the ON CONFLICT clause, or null.
     * @param returning  the RETURNING list, empty when not written.
     */
    record Insert(
        int position, QualifiedName table, String alias, List<String> columns, Query source, OnConflict onConflict,
        List<SelectItem> returning) implements Statement
    {
    }

    /**
     * UPDATE table [[AS] alias] SET assignments [FROM ...] [WHERE ...] [RETURNING ...].
     *
     * @param position    1-based offset of UPDATE.
     * @param table       the target table.
     * @param alias       the alias, or null.
     * @param assignments the SET list (never empty).
     * @param from        extra FROM entries, empty when not written.
     * @param where       the condition, or null.
     * @param returning   the RETURNING list, empty when not written.
     */
    record Update(
        int position, QualifiedName table, String alias, List<Assignment> assignments, List<TableRef> from,
        Expression where, List<SelectItem> returning) implements Statement
    {
    }

    /**
     * DELETE FROM table [[AS] alias] [WHERE ...] [RETURNING ...].
     *
     * @param position  1-based offset of DELETE.
     * @param table     the target table.
     * @param alias     the alias, or null.
     * @param where     the condition, or null.
     * @param returning the RETURNING list, empty when not written.
     */
    record Delete(int position, QualifiedName table, String alias, Expression where, List<SelectItem> returning)
        implements Statement
    {
    }

    /**
     * BEGIN [WORK|TRANSACTION] / START TRANSACTION [ISOLATION LEVEL ...] [READ ONLY|READ WRITE].
     *
     * @param position   1-based offset of BEGIN or START.
     * @param isolation  the isolation level, or null when not written.
     * @param accessMode the access mode.
     */
    record Begin(int position, IsolationLevel isolation, AccessMode accessMode) implements Statement
    {
    }

    /**
     * COMMIT [WORK|TRANSACTION] or END.
     *
     * @param position 1-based offset.
     */
    record Commit(int position) implements Statement
    {
    }

    /**
     * ROLLBACK [WORK|TRANSACTION] or ABORT.
     *
     * @param position 1-based offset.
     */
    record Rollback(int position) implements Statement
    {
    }

    /**
     * SAVEPOINT name.
     *
     * @param position 1-based offset.
     * @param name     the savepoint.
     */
    record Savepoint(int position, String name) implements Statement
    {
    }

    /**
     * RELEASE [SAVEPOINT] name.
     *
     * @param position 1-based offset.
     * @param name     the savepoint.
     */
    record ReleaseSavepoint(int position, String name) implements Statement
    {
    }

    /**
     * ROLLBACK [WORK|TRANSACTION] TO [SAVEPOINT] name.
     *
     * @param position 1-based offset.
     * @param name     the savepoint.
     */
    record RollbackToSavepoint(int position, String name) implements Statement
    {
    }

    /**
     * SET TRANSACTION ... or SET SESSION CHARACTERISTICS AS TRANSACTION ...: isolation level and/or access mode.
     *
     * @param position   1-based offset of SET.
     * @param session    true for SESSION CHARACTERISTICS (the session default), false for the current transaction.
     * @param isolation  the isolation level, or null when not written.
     * @param accessMode the access mode.
     */
    record SetTransaction(int position, boolean session, IsolationLevel isolation, AccessMode accessMode)
        implements Statement
    {
    }

    /**
     * SET [SESSION|LOCAL] name {= | TO} value [, value ...] | DEFAULT.
     *
     * @param position 1-based offset of SET.
     * @param local    true for SET LOCAL.
     * @param name     the setting name, lower case (dotted names joined with '.').
     * @param values   the values as text: identifiers and keywords lower case, strings decoded, numbers as
     *                 written; empty for DEFAULT.
     */
    record SetVariable(int position, boolean local, String name, List<String> values) implements Statement
    {
    }

    /**
     * SHOW name | SHOW ALL | SHOW TRANSACTION ISOLATION LEVEL (name {@code transaction_isolation}).
     *
     * @param position 1-based offset.
     * @param name     the setting name, lower case ({@code all} for SHOW ALL).
     */
    record Show(int position, String name) implements Statement
    {
    }

    /**
     * EXPLAIN [ANALYZE] [VERBOSE] statement, also EXPLAIN (ANALYZE, VERBOSE) statement.
     *
     * @param position  1-based offset of EXPLAIN.
     * @param analyze   true for ANALYZE.
     * @param verbose   true for VERBOSE.
     * @param statement the explained statement.
     */
    record Explain(int position, boolean analyze, boolean verbose, Statement statement) implements Statement
    {
    }

    /**
     * CREATE USER|ROLE name [WITH] [PASSWORD 'x'].
     *
     * @param position 1-based offset of CREATE.
     * @param name     the user name.
     * @param password the password, or null.
     */
    record CreateUser(int position, String name, String password) implements Statement
    {
    }

    /**
     * ALTER USER|ROLE name [WITH] PASSWORD 'x' | PASSWORD NULL.
     *
     * @param position 1-based offset of ALTER.
     * @param name     the user name.
     * @param password the new password, or null for PASSWORD NULL.
     */
    record AlterUser(int position, String name, String password) implements Statement
    {
    }

    /**
     * DROP USER|ROLE [IF EXISTS] names.
     *
     * @param position 1-based offset of DROP.
     * @param ifExists true when IF EXISTS was written.
     * @param names    the users.
     */
    record DropUser(int position, boolean ifExists, List<String> names) implements Statement
    {
    }

    /**
     * Transaction isolation levels as written.
     */
    enum IsolationLevel
    {
        /** READ UNCOMMITTED. */
        READ_UNCOMMITTED,
        /** READ COMMITTED. */
        READ_COMMITTED,
        /** REPEATABLE READ. */
        REPEATABLE_READ,
        /** SERIALIZABLE. */
        SERIALIZABLE
    }

    /**
     * READ ONLY / READ WRITE, or not written.
     */
    enum AccessMode
    {
        /** Not written. */
        DEFAULT,
        /** READ ONLY. */
        READ_ONLY,
        /** READ WRITE. */
        READ_WRITE
    }

    /**
     * Row locking of a query.
     */
    enum LockMode
    {
        /** No locking clause. */
        NONE,
        /** FOR UPDATE (also FOR NO KEY UPDATE). */
        FOR_UPDATE,
        /** FOR SHARE (also FOR KEY SHARE). */
        FOR_SHARE
    }
}
