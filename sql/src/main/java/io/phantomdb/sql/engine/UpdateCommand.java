package io.phantomdb.sql.engine;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.exec.Evaluator;
import io.phantomdb.sql.exec.ExecContext;
import io.phantomdb.sql.exec.GroupKey;
import io.phantomdb.sql.exec.Operator;
import io.phantomdb.sql.plan.SqlValueSemantics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UPDATE: reads the matching rows through the planned access path (all of them before the first write),
 * then computes each new row (SET expressions over the old row, hidden columns, CHECKs) and writes the
 * changed columns by primary key.
 * <p>
 * <b>Note:</b> owned by one session.
 */
final class UpdateCommand extends Command
{
    private final TableWriter writer;
    private final Operator scan;
    private final int[] ordinals;
    private final Evaluator[] values;
    private final ColumnType[] valueTypes;
    private final Returning returning;
    private final String[] changedNames;
    private final int[] changedOrdinals;

    UpdateCommand(final String sql, final Parameters parameters, final List<ResultColumn> columns,
        final TableWriter writer, final Operator scan, final int[] ordinals, final Evaluator[] values,
        final ColumnType[] valueTypes, final Returning returning)
    {
        super(sql, parameters, columns);
        this.writer = writer;
        this.scan = scan;
        this.ordinals = ordinals;
        this.values = values;
        this.valueTypes = valueTypes;
        this.returning = returning;
        final List<Integer> changed = new ArrayList<>();
        for (final int ordinal : ordinals)
        {
            if (!changed.contains(ordinal))
            {
                changed.add(ordinal);
            }
        }
        for (final int ordinal : writer.generatedOrdinals)
        {
            if (!changed.contains(ordinal))
            {
                changed.add(ordinal);
            }
        }
        this.changedOrdinals = new int[changed.size()];
        this.changedNames = new String[changed.size()];
        for (int i = 0; i < changedOrdinals.length; i++)
        {
            changedOrdinals[i] = changed.get(i);
            changedNames[i] = writer.columnNames[changed.get(i)];
        }
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
        final Set<GroupKey> seen = rows.size() > 1 && rows.get(0).length > writer.width ? new HashSet<>() : null;
        final List<Object[]> olds = new ArrayList<>(rows.size());
        final List<Object[]> news = new ArrayList<>(rows.size());
        for (final Object[] source : rows)
        {
            ctx.checkInterrupt();
            final Object[] old = source.length == writer.width ? source : Arrays.copyOf(source, writer.width);
            if (null != seen && !seen.add(new GroupKey(writer.key(old), SqlValueSemantics.INSTANCE)))
            {
                continue;
            }
            final Object[] updated = old.clone();
            for (int i = 0; i < ordinals.length; i++)
            {
                updated[ordinals[i]] = writer.assign(ordinals[i], values[i].eval(source, ctx), valueTypes[i]);
            }
            olds.add(old);
            news.add(updated);
        }
        // Every new row is computed before the first write, so subqueries in SET see the rows as they were
        // when the statement started (PostgreSQL's statement snapshot), not rows this UPDATE already changed.
        long count = 0;
        for (int r = 0; r < news.size(); r++)
        {
            ctx.checkInterrupt();
            final Object[] old = olds.get(r);
            final Object[] updated = news.get(r);
            count++;
            writer.completeRow(session, updated, ctx, false);
            final Map<String, Object> changes = new HashMap<>();
            final Object[] previous = new Object[changedOrdinals.length];
            for (int i = 0; i < changedOrdinals.length; i++)
            {
                changes.put(changedNames[i], updated[changedOrdinals[i]]);
                previous[i] = old[changedOrdinals[i]];
            }
            final Object[] pk = writer.key(old);
            ctx.tx().update(writer.name, pk, changes);
            if (undo)
            {
                session.undo().updated(writer.name, writer.key(updated), previous, changedNames);
            }
            if (null != out)
            {
                returning.add(out, updated, ctx);
            }
        }
        return null == out ? ListResult.count("UPDATE " + count, count) :
            new ListResult(returning.columns, out, count, "UPDATE " + count);
    }
}
