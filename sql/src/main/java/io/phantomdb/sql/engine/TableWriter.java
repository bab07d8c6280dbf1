package io.phantomdb.sql.engine;

import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.exec.Evaluator;
import io.phantomdb.sql.exec.ExecContext;
import io.phantomdb.sql.value.Casts;

/**
 * What every write to one table shares, compiled once per statement: column types for assignment
 * coercion (22001, 22003, 42804), DEFAULT evaluators, the hidden columns the SQL layer maintains (the row id
 * of tables without a primary key, expression index values), CHECK constraints (23514) and primary key
 * extraction.
 * <p>
 * <b>Note:</b> confined to the session's thread.
 */
final class TableWriter
{
    final TableDefinition table;
    final String name;
    final int width;
    final ColumnType[] types;
    final String[] columnNames;
    final int[] primaryKey;
    final Evaluator[] defaults;
    final ColumnType[] defaultTypes;
    final int rowIdOrdinal;
    final int[] generatedOrdinals;
    final Evaluator[] generated;
    final ColumnType[] generatedTypes;
    final Evaluator[] checks;
    final String[] checkNames;

    TableWriter(final TableDefinition table, final Evaluator[] defaults, final ColumnType[] defaultTypes,
        final int rowIdOrdinal,
        final int[] generatedOrdinals, final Evaluator[] generated, final ColumnType[] generatedTypes,
        final Evaluator[] checks, final String[] checkNames)
    {
        this.table = table;
        this.name = table.name();
        this.width = table.schema().columnCount();
        this.types = new ColumnType[width];
        this.columnNames = new String[width];
        for (int i = 0; i < width; i++)
        {
            types[i] = table.schema().column(i).type();
            columnNames[i] = table.schema().column(i).name();
        }
        this.primaryKey = table.schema().primaryKey();
        this.defaults = defaults;
        this.defaultTypes = defaultTypes;
        this.rowIdOrdinal = rowIdOrdinal;
        this.generatedOrdinals = generatedOrdinals;
        this.generated = generated;
        this.generatedTypes = generatedTypes;
        this.checks = checks;
        this.checkNames = checkNames;
    }

    Object assign(final int ordinal, final Object value, final ColumnType from)
    {
        if (null == value)
        {
            return null;
        }
        return Casts.assign(value, from, types[ordinal]);
    }

    Object defaultValue(final int ordinal, final ExecContext ctx)
    {
        final Evaluator evaluator = defaults[ordinal];
        return null == evaluator ? null : assign(ordinal, evaluator.eval(null, ctx), defaultTypes[ordinal]);
    }

    void completeRow(final EngineSession session, final Object[] row, final ExecContext ctx, final boolean newRow)
    {
        if (newRow && rowIdOrdinal >= 0)
        {
            row[rowIdOrdinal] = session.database().nextRowId(session.tx(), table, rowIdOrdinal);
        }
        for (int i = 0; i < generatedOrdinals.length; i++)
        {
            final Object value = generated[i].eval(row, ctx);
            row[generatedOrdinals[i]] = null == value ? null : Casts.assign(value, generatedTypes[i],
                types[generatedOrdinals[i]]);
        }
        for (int i = 0; i < checks.length; i++)
        {
            if (Boolean.FALSE.equals(checks[i].eval(row, ctx)))
            {
                throw new SqlException(SqlState.CHECK_VIOLATION, "new row for relation \"" + name +
                    "\" violates check constraint \"" + checkNames[i] + "\"");
            }
        }
    }

    Object[] key(final Object[] row)
    {
        final Object[] key = new Object[primaryKey.length];
        for (int i = 0; i < key.length; i++)
        {
            key[i] = row[primaryKey[i]];
        }
        return key;
    }
}
