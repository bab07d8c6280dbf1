package io.phantomdb.sql.engine;

import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.exec.Evaluator;
import io.phantomdb.sql.exec.ExecContext;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled RETURNING clause: evaluates its items over each written table row and keeps the results.
 * <p>
 * <b>Note:</b> confined to the session's thread.
 */
final class Returning
{
    final List<ResultColumn> columns;
    private final Evaluator[] items;

    Returning(final List<ResultColumn> columns, final Evaluator[] items)
    {
        this.columns = columns;
        this.items = items;
    }

    void add(final List<Object[]> rows, final Object[] row, final ExecContext ctx)
    {
        final Object[] out = new Object[items.length];
        for (int i = 0; i < items.length; i++)
        {
            out[i] = items[i].eval(row, ctx);
        }
        rows.add(out);
    }

    static List<Object[]> rowsFor(final Returning returning)
    {
        return null == returning ? null : new ArrayList<>();
    }
}
