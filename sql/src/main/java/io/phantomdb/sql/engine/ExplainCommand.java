package io.phantomdb.sql.engine;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.exec.ExecContext;
import io.phantomdb.sql.exec.Operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * EXPLAIN prints the chosen operator tree, one operator per line with the planner's row estimate;
 * EXPLAIN ANALYZE runs the statement and adds each operator's actual rows, loops and time (inputs
 * included).
 * <pre>
 * Hash Inner Join (a.id = b.a_id)  (rows=1000)
 *   -&gt; Seq Scan on a  (rows=1000)
 *   -&gt; Seq Scan on b  (rows=5000)
 * </pre>
 * <p>
 * <b>Note:</b> owned by one session.
 */
final class ExplainCommand extends Command
{
    private static final List<ResultColumn> COLUMNS = List.of(ResultColumn.computed("QUERY PLAN", ColumnType.TEXT));

    private final Command inner;
    private final boolean analyze;

    ExplainCommand(final String sql, final Parameters parameters, final Command inner, final boolean analyze)
    {
        super(sql, parameters, COLUMNS);
        this.inner = inner;
        this.analyze = analyze;
    }

    @Override
    boolean needsTransaction()
    {
        return inner.needsTransaction();
    }

    @Override
    SqlResult execute(final EngineSession session, final ExecContext ctx)
    {
        final Operator root;
        final String header;
        if (inner instanceof QueryCommand)
        {
            root = ((QueryCommand)inner).root;
            header = null;
        }
        else if (inner instanceof InsertCommand)
        {
            root = ((InsertCommand)inner).source();
            header = "Insert on " + ((InsertCommand)inner).table();
        }
        else if (inner instanceof UpdateCommand)
        {
            root = ((UpdateCommand)inner).scan();
            header = "Update on " + ((UpdateCommand)inner).table();
        }
        else if (inner instanceof DeleteCommand)
        {
            root = ((DeleteCommand)inner).scan();
            header = "Delete on " + ((DeleteCommand)inner).table();
        }
        else
        {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "EXPLAIN supports queries, INSERT, UPDATE and DELETE");
        }
        long total = 0;
        if (analyze)
        {
            root.resetStatistics();
            root.enableProfiling();
            for (final Operator subplan : inner.subplans)
            {
                subplan.resetStatistics();
                subplan.enableProfiling();
            }
            final long start = System.nanoTime();
            if (inner instanceof QueryCommand)
            {
                root.open(ctx);
                try
                {
                    while (root.next())
                    {
                        ctx.checkInterrupt();
                    }
                }
                finally
                {
                    root.close();
                }
            }
            else
            {
                inner.execute(session, ctx);
            }
            total = System.nanoTime() - start;
        }
        final List<Object[]> rows = new ArrayList<>();
        int depth = 0;
        if (null != header)
        {
            rows.add(new Object[]{header});
            depth = 1;
        }
        render(root, depth, rows);
        for (int i = 0; i < inner.subplans.size(); i++)
        {
            rows.add(new Object[]{"SubPlan " + (i + 1)});
            render(inner.subplans.get(i), 1, rows);
        }
        if (analyze)
        {
            rows.add(new Object[]{String.format(Locale.ROOT, "Execution Time: %.3f ms", total / 1e6)});
        }
        return new ListResult(COLUMNS, rows, 0, "EXPLAIN");
    }

    private void render(final Operator op, final int depth, final List<Object[]> rows)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 1; i < depth; i++)
        {
            sb.append("  ");
        }
        if (depth > 0)
        {
            sb.append("  -> ");
        }
        sb.append(op.describe()).append(String.format(Locale.ROOT, "  (rows=%.0f)", op.estimatedRows()));
        if (analyze)
        {
            sb.append(String.format(Locale.ROOT, " (actual rows=%d loops=%d time=%.3f ms)", op.actualRows(), op.loops(),
                op.nanos() / 1e6));
        }
        rows.add(new Object[]{sb.toString()});
        for (final Operator child : op.children())
        {
            render(child, depth + 1, rows);
        }
    }
}
