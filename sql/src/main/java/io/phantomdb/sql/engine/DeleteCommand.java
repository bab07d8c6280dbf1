package io.phantomdb.sql.engine;

import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.exec.ExecContext;
import io.phantomdb.sql.exec.Operator;

import java.util.List;

/**
 * DELETE: reads the matching rows through the planned access path (all of them before the first write),
 * then deletes each by primary key.
 * <p>
 * <b>Note:</b> owned by one session.
 */
final class DeleteCommand extends Command
{
    private final TableWriter writer;
    private final Operator scan;
    private final Returning returning;

    DeleteCommand(final String sql, final Parameters parameters, final List<ResultColumn> columns,
        final TableWriter writer, final Operator scan, final Returning returning)
    {
        super(sql, parameters, columns);
        this.writer = writer;
        this.scan = scan;
        this.returning = returning;
    }

    Operator scan()
    {
        return scan;
    }

    String table()
    {
        return writer.name;
    }

    @Override
    SqlResult execute(final EngineSession session, final ExecContext ctx)
    {
        session.markWrite();
        final List<Object[]> rows = readAll(scan, ctx);
        final List<Object[]> out = Returning.rowsFor(returning);
        final boolean undo = session.recordsUndo();
        long count = 0;
        for (final Object[] old : rows)
        {
            ctx.checkInterrupt();
            if (ctx.tx().delete(writer.name, writer.key(old)))
            {
                count++;
                if (undo)
                {
                    session.undo().deleted(writer.name, old);
                }
                if (null != out)
                {
                    returning.add(out, old, ctx);
                }
            }
        }
        session.database().adjustRowCount(writer.table.id(), -count);
        return null == out ? ListResult.count("DELETE " + count, count) :
            new ListResult(returning.columns, out, count, "DELETE " + count);
    }
}
