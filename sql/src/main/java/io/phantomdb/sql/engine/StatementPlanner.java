package io.phantomdb.sql.engine;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.exec.Operator;
import io.phantomdb.sql.parse.ParsedStatement;
import io.phantomdb.sql.parse.SqlParser;
import io.phantomdb.sql.plan.LogicalPlan;
import io.phantomdb.sql.plan.QueryBinder;

import java.util.List;

/**
 * Parses one statement and turns it into a {@link Command}: queries are bound, optimized and planned into
 * operator trees; DML into insert/update/delete commands; DDL, transaction control, SET/SHOW and EXPLAIN
 * into their commands. Features PhantomDB lacks fail with 0A000.
 * <p>
 * <b>Note:</b> stateless; runs on the session's thread.
 */
final class StatementPlanner
{
    private StatementPlanner()
    {
    }

    static Command plan(final EngineSession session, final String sql)
    {
        final ParsedStatement parsed = SqlParser.prepare(sql);
        return plan(session, sql, parsed.statement(), parsed.parameterCount());
    }

    static Command plan(final EngineSession session, final String sql, final Statement statement, final int parameterCount)
    {
        if (statement instanceof Statement.Query)
        {
            final Planning planning = new Planning(session);
            final LogicalPlan logical = planning.queries.bindQuery((Statement.Query)statement);
            final Operator root = planning.planner.plan(logical);
            return withSubplans(new QueryCommand(sql, new Parameters(planning.context.parameterTypes(), parameterCount),
                QueryBinder.resultColumns(logical), root), planning);
        }
        if (statement instanceof Statement.Insert)
        {
            final Planning planning = new Planning(session);
            return withSubplans(DmlPlanner.insert(planning, sql, (Statement.Insert)statement, parameterCount), planning);
        }
        if (statement instanceof Statement.Update)
        {
            final Planning planning = new Planning(session);
            return withSubplans(DmlPlanner.update(planning, sql, (Statement.Update)statement, parameterCount), planning);
        }
        if (statement instanceof Statement.Delete)
        {
            final Planning planning = new Planning(session);
            return withSubplans(DmlPlanner.delete(planning, sql, (Statement.Delete)statement, parameterCount), planning);
        }
        if (statement instanceof Statement.Explain)
        {
            final Statement.Explain explain = (Statement.Explain)statement;
            final Command inner = plan(session, sql, explain.statement(), parameterCount);
            return new ExplainCommand(sql, explain.analyze() ? inner.parameters : inner.parameters.asOptional(), inner,
                explain.analyze());
        }
        if (statement instanceof Statement.Begin || statement instanceof Statement.Commit ||
            statement instanceof Statement.Rollback || statement instanceof Statement.SetTransaction ||
            statement instanceof Statement.SetVariable || statement instanceof Statement.Show)
        {
            return new UtilityCommand(sql, new Parameters(List.of(), parameterCount), statement);
        }
        if (statement instanceof Statement.CreateTable || statement instanceof Statement.DropTable ||
            statement instanceof Statement.CreateIndex || statement instanceof Statement.DropIndex ||
            statement instanceof Statement.AlterTable || statement instanceof Statement.CreateView ||
            statement instanceof Statement.DropView)
        {
            return new DdlCommand(sql, new Parameters(List.of(), parameterCount), statement);
        }
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
            statement.getClass().getSimpleName() + " is not supported", statement.position());
    }

    private static Command withSubplans(final Command command, final Planning planning)
    {
        command.subplans = List.copyOf(planning.planner.subplans());
        return command;
    }
}
