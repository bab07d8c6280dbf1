package io.phantomdb.replication.sql;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.parse.SqlParser;

/**
 * How a replicated session routes a statement.
 * <p>
 * <b>Note:</b> stateless; thread safe.
 */
enum StatementKind
{
    /** Reads only (queries): runs on the member's copy; in a transaction its result is validated. */
    READ(true),
    /** Changes data or schema: runs on the member's copy, then on every member through the log. */
    WRITE(true),
    /** Plain EXPLAIN (or EXPLAIN ANALYZE of a query): runs on the member's copy, its output is not compared. */
    EXPLAIN_READ(false),
    /** EXPLAIN ANALYZE of a change: replicated, but its output (timings) is not compared. */
    EXPLAIN_WRITE(false),
    /** BEGIN / START TRANSACTION. */
    BEGIN(false),
    /** COMMIT / END. */
    COMMIT(false),
    /** ROLLBACK / ABORT. */
    ROLLBACK(false),
    /** Session state (SET, SHOW, SET TRANSACTION, savepoints, users): this member's session only. */
    SESSION(false);

    private final boolean validated;

    StatementKind(final boolean validated)
    {
        this.validated = validated;
    }

    /**
     * @return true if the statement's result digest must match when the cluster runs it.
     */
    boolean validated()
    {
        return validated;
    }

    /**
     * @param sql one statement.
     * @return its kind; {@link #READ} for text that does not parse (running it reports the syntax error).
     */
    static StatementKind of(final String sql)
    {
        try
        {
            return of(SqlParser.parse(sql));
        }
        catch (final SqlException ex)
        {
            return READ;
        }
    }

    private static StatementKind of(final Statement statement)
    {
        if (statement instanceof Statement.Query)
        {
            return READ;
        }
        if (statement instanceof Statement.Explain explain)
        {
            final StatementKind inner = of(explain.statement());
            return explain.analyze() && WRITE == inner ? EXPLAIN_WRITE : EXPLAIN_READ;
        }
        if (statement instanceof Statement.Begin)
        {
            return BEGIN;
        }
        if (statement instanceof Statement.Commit)
        {
            return COMMIT;
        }
        if (statement instanceof Statement.Rollback)
        {
            return ROLLBACK;
        }
        if (statement instanceof Statement.SetTransaction || statement instanceof Statement.SetVariable ||
            statement instanceof Statement.Show || statement instanceof Statement.Savepoint ||
            statement instanceof Statement.ReleaseSavepoint || statement instanceof Statement.RollbackToSavepoint ||
            statement instanceof Statement.CreateUser || statement instanceof Statement.AlterUser ||
            statement instanceof Statement.DropUser)
        {
            return SESSION;
        }
        return WRITE;
    }
}
