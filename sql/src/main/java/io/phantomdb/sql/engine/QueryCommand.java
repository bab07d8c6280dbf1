package io.phantomdb.sql.engine;

import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.exec.ExecContext;
import io.phantomdb.sql.exec.Operator;

import java.util.List;

/**
 * A planned query: its operator tree and the reused streaming result over it.
 * <p>
 * <b>Note:</b> owned by one session.
 */
final class QueryCommand extends Command
{
    final Operator root;
    private final QueryResult result;

    QueryCommand(final String sql, final Parameters parameters, final List<ResultColumn> columns, final Operator root)
    {
        super(sql, parameters, columns);
        this.root = root;
        this.result = new QueryResult(root, columns);
    }

    @Override
    SqlResult execute(final EngineSession session, final ExecContext ctx)
    {
        root.open(ctx);
        return result.start(session);
    }
}
