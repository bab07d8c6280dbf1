package io.phantomdb.sql.engine;

import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.exec.ExecContext;
import io.phantomdb.sql.exec.Operator;

import java.util.ArrayList;
import java.util.List;

/**
 * A planned statement, ready to run many times: the unit the plan cache keeps. It remembers the catalog
 * versions it was planned against so the session can replan it when DDL changed them.
 * <p>
 * <b>Note:</b> owned by one session; confined to its thread.
 */
abstract class Command
{
    final String sql;
    final Parameters parameters;
    final List<ResultColumn> columns;
    long catalogVersion = -1;
    long sqlVersion = -1;
    List<Operator> subplans = List.of();

    Command(final String sql, final Parameters parameters, final List<ResultColumn> columns)
    {
        this.sql = sql;
        this.parameters = parameters;
        this.columns = columns;
    }

    /**
     * @return whether the statement runs inside a transaction (queries, DML, DDL).
     */
    boolean needsTransaction()
    {
        return true;
    }

    /**
     * @return whether the statement changes the schema (core's catalog or the SQL layer's).
     */
    boolean isDdl()
    {
        return false;
    }

    /**
     * Runs the statement.
     *
     * @param session the session (its transaction is open when {@link #needsTransaction()}).
     * @param ctx     the execution context, reset with the parameters.
     * @return the result; a streaming result keeps the statement open until it is read or closed.
     */
    abstract SqlResult execute(EngineSession session, ExecContext ctx);

    /**
     * Reads every row of an operator before the caller writes anything, so a statement's writes never feed
     * back into its own scan (PostgreSQL's statement snapshot).
     *
     * @param scan the operator.
     * @param ctx  the execution context.
     * @return copies of the rows.
     */
    static List<Object[]> readAll(final Operator scan, final ExecContext ctx)
    {
        final List<Object[]> rows = new ArrayList<>();
        scan.open(ctx);
        try
        {
            while (scan.next())
            {
                rows.add(scan.row().clone());
            }
        }
        finally
        {
            scan.close();
        }
        return rows;
    }
}
