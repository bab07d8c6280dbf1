package io.phantomdb.sql.engine;

import io.phantomdb.core.catalog.StorageType;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.table.Row;
import io.phantomdb.core.table.RowCursor;
import io.phantomdb.core.table.Tx;
import io.phantomdb.sql.plan.SqlSchema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Persists the SQL layer's schema ({@link SqlSchema}: views, CHECK constraints, expression indexes) in a
 * table of its own created through core, so it commits and rolls back with the DDL that changes it and
 * survives reopen.
 * <pre>
 * __ph_sql_meta(kind TEXT, name TEXT, body TEXT, PRIMARY KEY (kind, name))
 *   kind 'view'  name = view    body = columns joined by U+0001, U+0002, SELECT text
 *   kind 'check' name = table.constraint   body = table U+0001 constraint U+0001 expression text
 *   kind 'default' name = table.column   body = DEFAULT text of a column added by ALTER TABLE
 *   kind 'index' name = index   body = table, then per key part: expression U+0001 hidden column (empty for none)
 *                                      parts joined by U+0002
 * </pre>
 * <p>
 * <b>Note:</b> stateless; every method works in the given transaction on its thread.
 */
final class MetaStore
{
    static final String TABLE = "__ph_sql_meta";
    private static final String SEP = "\u0001";
    private static final String PART = "\u0002";

    private MetaStore()
    {
    }

    static void ensureTable(final Tx tx)
    {
        if (null == tx.catalog().findTable(TABLE))
        {
            tx.createTable(TableSchema.builder(0, TABLE)
                .column("kind", ColumnType.TEXT, false)
                .column("name", ColumnType.TEXT, false)
                .column("body", ColumnType.TEXT, false)
                .primaryKey("kind", "name")
                .build(), StorageType.BTREE);
        }
    }

    static SqlSchema load(final Tx tx)
    {
        if (null == tx.catalog().findTable(TABLE))
        {
            return SqlSchema.EMPTY;
        }
        final Map<String, SqlSchema.ViewDefinition> views = new HashMap<>();
        final Map<String, List<SqlSchema.CheckDefinition>> checks = new HashMap<>();
        final Map<String, SqlSchema.ExpressionIndex> indexes = new HashMap<>();
        final Map<String, String> defaults = new HashMap<>();
        final RowCursor cursor = tx.scan(TABLE, null, null, true);
        while (cursor.next())
        {
            final Row row = cursor.row();
            final String kind = row.getString(0);
            final String name = row.getString(1);
            final String body = row.getString(2);
            switch (kind)
            {
                case "view":
                {
                    final int split = body.indexOf(PART);
                    final String columns = body.substring(0, split);
                    views.put(TableSchema.fold(name), new SqlSchema.ViewDefinition(name, body.substring(split + 1),
                        columns.isEmpty() ? List.of() : Arrays.asList(columns.split(SEP, -1))));
                    break;
                }
                case "check":
                {
                    final String[] parts = body.split(SEP, 3);
                    checks.computeIfAbsent(TableSchema.fold(parts[0]), k -> new ArrayList<>())
                        .add(new SqlSchema.CheckDefinition(parts[0], parts[1], parts[2]));
                    break;
                }
                case "default":
                    defaults.put(name, body);
                    break;
                default:
                {
                    final String[] parts = body.split(PART, -1);
                    final List<String> expressions = new ArrayList<>();
                    final List<String> hidden = new ArrayList<>();
                    for (int i = 1; i < parts.length; i++)
                    {
                        final String[] pair = parts[i].split(SEP, 2);
                        expressions.add(pair[0]);
                        hidden.add(pair[1].isEmpty() ? null : pair[1]);
                    }
                    indexes.put(TableSchema.fold(name), new SqlSchema.ExpressionIndex(name, parts[0], expressions, hidden));
                    break;
                }
            }
        }
        return new SqlSchema(views, checks, indexes, defaults);
    }

    static void putView(final Tx tx, final SqlSchema.ViewDefinition view)
    {
        ensureTable(tx);
        tx.upsert(TABLE, "view", TableSchema.fold(view.name()), String.join(SEP, view.columns()) + PART + view.query());
    }

    static boolean deleteView(final Tx tx, final String name)
    {
        return null != tx.catalog().findTable(TABLE) && tx.delete(TABLE, "view", TableSchema.fold(name));
    }

    static void putCheck(final Tx tx, final SqlSchema.CheckDefinition check)
    {
        ensureTable(tx);
        tx.upsert(TABLE, "check", TableSchema.fold(check.table()) + "." + check.name(),
            check.table() + SEP + check.name() + SEP + check.expression());
    }

    static void deleteCheck(final Tx tx, final SqlSchema.CheckDefinition check)
    {
        if (null != tx.catalog().findTable(TABLE))
        {
            tx.delete(TABLE, "check", TableSchema.fold(check.table()) + "." + check.name());
        }
    }

    static void putExpressionIndex(final Tx tx, final SqlSchema.ExpressionIndex index)
    {
        ensureTable(tx);
        final StringBuilder body = new StringBuilder(index.table());
        for (int i = 0; i < index.expressions().size(); i++)
        {
            final String hidden = index.hiddenColumns().get(i);
            body.append(PART).append(index.expressions().get(i)).append(SEP).append(null == hidden ? "" : hidden);
        }
        tx.upsert(TABLE, "index", TableSchema.fold(index.index()), body.toString());
    }

    static void deleteExpressionIndex(final Tx tx, final String name)
    {
        if (null != tx.catalog().findTable(TABLE))
        {
            tx.delete(TABLE, "index", TableSchema.fold(name));
        }
    }

    static void putDefault(final Tx tx, final String table, final String column, final String text)
    {
        ensureTable(tx);
        tx.upsert(TABLE, "default", TableSchema.fold(table) + "." + TableSchema.fold(column), text);
    }

    static void deleteDefault(final Tx tx, final String table, final String column)
    {
        if (null != tx.catalog().findTable(TABLE))
        {
            tx.delete(TABLE, "default", TableSchema.fold(table) + "." + TableSchema.fold(column));
        }
    }

    static void deleteTable(final Tx tx, final SqlSchema schema, final String table)
    {
        if (null == tx.catalog().findTable(TABLE))
        {
            return;
        }
        for (final SqlSchema.CheckDefinition check : schema.checksOf(table))
        {
            tx.delete(TABLE, "check", TableSchema.fold(check.table()) + "." + check.name());
        }
        for (final SqlSchema.ExpressionIndex index : schema.expressionIndexes().values())
        {
            if (index.table().equalsIgnoreCase(table))
            {
                tx.delete(TABLE, "index", TableSchema.fold(index.index()));
            }
        }
        final String prefix = TableSchema.fold(table) + ".";
        for (final String key : schema.defaults().keySet())
        {
            if (key.startsWith(prefix))
            {
                tx.delete(TABLE, "default", key);
            }
        }
    }
}
