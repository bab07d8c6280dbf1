package io.phantomdb.sql.engine;

import io.phantomdb.core.catalog.IndexColumn;
import io.phantomdb.core.catalog.IndexDefinition;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.table.ConstraintViolationException;
import io.phantomdb.core.table.Row;
import io.phantomdb.core.table.RowCursor;
import io.phantomdb.core.table.Tx;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.exec.Evaluator;
import io.phantomdb.sql.exec.ExecContext;
import io.phantomdb.sql.exec.Operator;
import io.phantomdb.sql.exec.Truth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * INSERT (VALUES or SELECT), with ON CONFLICT DO NOTHING / DO UPDATE (EXCLUDED is the proposed row) and
 * RETURNING. A SELECT source is read completely before the first write.
 * <p>
 * <b>Note:</b> owned by one session.
 */
final class InsertCommand extends Command
{
    /** ON CONFLICT handling. */
    record Conflict(boolean doNothing, IndexDefinition index, int[] assignOrdinals, Evaluator[] assignValues,
        ColumnType[] assignTypes, Evaluator where)
    {
    }

    private final TableWriter writer;
    private final Operator source;
    private final int[] targets;
    private final ColumnType[] sourceTypes;
    private final boolean materialize;
    private final Conflict conflict;
    private final Returning returning;
    private final Object[] row;
    private final int[] defaulted;
    private final ListResult oneRow = ListResult.count("INSERT 0 1", 1);

    InsertCommand(final String sql, final Parameters parameters, final List<ResultColumn> columns,
        final TableWriter writer, final Operator source, final int[] targets, final ColumnType[] sourceTypes,
        final boolean materialize, final Conflict conflict, final Returning returning)
    {
        super(sql, parameters, columns);
        this.writer = writer;
        this.source = source;
        this.targets = targets;
        this.sourceTypes = sourceTypes;
        this.materialize = materialize;
        this.conflict = conflict;
        this.returning = returning;
        this.row = new Object[writer.width];
        final boolean[] targeted = new boolean[writer.width];
        for (final int target : targets)
        {
            targeted[target] = true;
        }
        int n = 0;
        final int[] ordinals = new int[writer.width];
        for (int ordinal = 0; ordinal < writer.width; ordinal++)
        {
            if (!targeted[ordinal] && null != writer.defaults[ordinal])
            {
                ordinals[n++] = ordinal;
            }
        }
        this.defaulted = Arrays.copyOf(ordinals, n);
    }

    Operator source()
    {
        return source;
    }

    String table()
    {
        return writer.name;
    }

    @Override
    SqlResult execute(final EngineSession session, final ExecContext ctx)
    {
        session.markWrite();
        final List<Object[]> out = Returning.rowsFor(returning);
        final boolean undo = session.recordsUndo();
        long count = 0;
        source.open(ctx);
        try
        {
            if (materialize)
            {
                final List<Object[]> rows = new ArrayList<>();
                while (source.next())
                {
                    rows.add(source.row().clone());
                }
                source.close();
                for (final Object[] in : rows)
                {
                    count += insert(session, ctx, in, out, undo);
                }
            }
            else
            {
                while (source.next())
                {
                    count += insert(session, ctx, source.row(), out, undo);
                }
            }
        }
        finally
        {
            source.close();
            session.database().adjustRowCount(writer.table.id(), count);
        }
        if (null == out && count == 1)
        {
            return oneRow;
        }
        return null == out ? ListResult.count("INSERT 0 " + count, count) :
            new ListResult(returning.columns, out, count, "INSERT 0 " + count);
    }

    private int insert(final EngineSession session, final ExecContext ctx, final Object[] in, final List<Object[]> out,
        final boolean undo)
    {
        ctx.checkInterrupt();
        Arrays.fill(row, null);
        for (final int ordinal : defaulted)
        {
            row[ordinal] = writer.defaultValue(ordinal, ctx);
        }
        for (int i = 0; i < targets.length; i++)
        {
            row[targets[i]] = writer.assign(targets[i], in[i], sourceTypes[i]);
        }
        writer.completeRow(session, row, ctx, true);
        final Tx tx = ctx.tx();
        try
        {
            tx.insert(writer.name, row);
        }
        catch (final ConstraintViolationException ex)
        {
            if (null == conflict || !ConstraintViolationException.UNIQUE_VIOLATION.equals(ex.sqlState()))
            {
                throw ex;
            }
            return conflict.doNothing() ? 0 : update(session, ctx, out, undo);
        }
        if (undo)
        {
            session.undo().inserted(writer.name, writer.key(row));
        }
        if (null != out)
        {
            returning.add(out, row, ctx);
        }
        return 1;
    }

    private int update(final EngineSession session, final ExecContext ctx, final List<Object[]> out, final boolean undo)
    {
        final Object[] existing = find(ctx.tx());
        if (null == existing)
        {
            return 0;
        }
        final Object[] combined = new Object[writer.width * 2];
        System.arraycopy(existing, 0, combined, 0, writer.width);
        System.arraycopy(row, 0, combined, writer.width, writer.width);
        if (null != conflict.where() && !Truth.isTrue(conflict.where().eval(combined, ctx)))
        {
            return 0;
        }
        final Object[] updated = existing.clone();
        for (int i = 0; i < conflict.assignOrdinals().length; i++)
        {
            final int ordinal = conflict.assignOrdinals()[i];
            updated[ordinal] = writer.assign(ordinal, conflict.assignValues()[i].eval(combined, ctx),
                conflict.assignTypes()[i]);
        }
        writer.completeRow(session, updated, ctx, false);
        final Map<String, Object> changes = new HashMap<>();
        final String[] names = new String[writer.width];
        for (int i = 0; i < writer.width; i++)
        {
            changes.put(writer.columnNames[i], updated[i]);
            names[i] = writer.columnNames[i];
        }
        ctx.tx().update(writer.name, writer.key(existing), changes);
        if (undo)
        {
            session.undo().updated(writer.name, writer.key(updated), existing, names);
        }
        if (null != out)
        {
            returning.add(out, updated, ctx);
        }
        return 1;
    }

    private Object[] find(final Tx tx)
    {
        if (null == conflict.index())
        {
            final Row found = tx.get(writer.name, writer.key(row));
            if (null != found)
            {
                return found.toArray();
            }
        }
        for (final IndexDefinition index : tx.catalog().indexesOf(writer.table.id()))
        {
            if (!index.unique() || (null != conflict.index() && index.id() != conflict.index().id()))
            {
                continue;
            }
            final Object[] key = new Object[index.columns().size()];
            boolean hasNull = false;
            for (int i = 0; i < key.length; i++)
            {
                final IndexColumn column = index.columns().get(i);
                key[i] = row[column.ordinal()];
                hasNull |= null == key[i];
            }
            if (hasNull)
            {
                continue;
            }
            final RowCursor cursor = tx.indexScan(index.name(), key, key, true);
            if (cursor.next())
            {
                return cursor.row().toArray();
            }
        }
        return null;
    }
}
