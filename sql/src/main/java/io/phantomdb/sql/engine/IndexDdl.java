package io.phantomdb.sql.engine;

import io.phantomdb.core.catalog.IndexDefinition;
import io.phantomdb.core.catalog.StorageType;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.core.table.RowCursor;
import io.phantomdb.core.table.Tx;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.OrderItem;
import io.phantomdb.sql.ast.QualifiedName;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.exec.Evaluator;
import io.phantomdb.sql.exec.ExecContext;
import io.phantomdb.sql.plan.BoundExpr;
import io.phantomdb.sql.plan.BoundExprs;
import io.phantomdb.sql.plan.SqlSchema;
import io.phantomdb.sql.plan.SqlText;
import io.phantomdb.sql.plan.TableExpressions;
import io.phantomdb.sql.value.Casts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CREATE INDEX and DROP INDEX: column key parts go to core as they are; an expression key part becomes a
 * hidden column the SQL layer fills now and maintains on every write, recorded in {@link MetaStore}.
 * <p>
 * <b>Note:</b> stateless; runs in the session's transaction on its thread.
 */
final class IndexDdl
{
    private static final String INVALID_TABLE_DEFINITION = "42P16";

    private IndexDdl()
    {
    }

    static SqlResult createIndex(final EngineSession session, final Tx tx, final Statement.CreateIndex create)
    {
        DdlCommand.checkSchema(create.table());
        final TableDefinition table = tx.catalog().findTable(create.table().name());
        if (null == table)
        {
            throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + create.table() + "\" does not exist",
                create.table().position());
        }
        String name = create.name();
        if (null == name)
        {
            name = generatedIndexName(tx, table, create.keys());
        }
        if (create.ifNotExists() && null != tx.catalog().findIndex(name))
        {
            return ListResult.tag("CREATE INDEX");
        }
        DdlCommand.checkNameFree(session, tx, name, create.position());
        final StorageType storage = indexStorage(create.method(), create.position());
        final List<String> columns = new ArrayList<>();
        final List<String> expressions = new ArrayList<>();
        final List<String> hidden = new ArrayList<>();
        final List<BoundExpr> computed = new ArrayList<>();
        final List<String> computedColumns = new ArrayList<>();
        boolean anyExpression = false;
        for (final OrderItem key : create.keys())
        {
            final String direction = key.descending() ? " DESC" : "";
            if (key.expression() instanceof Expression.ColumnRef && null == ((Expression.ColumnRef)key.expression()).table())
            {
                final String column = ((Expression.ColumnRef)key.expression()).column();
                if (table.schema().columnOrdinal(column) < 0 || SqlSchema.isHidden(column))
                {
                    throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" does not exist",
                        key.position());
                }
                columns.add(column + direction);
                expressions.add(column);
                hidden.add(null);
                continue;
            }
            anyExpression = true;
            final String text = SqlText.of(key.expression());
            final BoundExpr bound = TableExpressions.bind(session.schemaView(), session.functions(),
                tx.catalog().table(table.name()), text);
            if (!BoundExprs.isDeterministic(bound))
            {
                throw new SqlException(SqlState.INVALID_OBJECT_DEFINITION,
                    "functions in index expression must be marked IMMUTABLE", key.position());
            }
            final ColumnType type = null == bound.type() ? ColumnType.TEXT : bound.type();
            if (type.kind() == TypeKind.JSON)
            {
                throw new SqlException(INVALID_TABLE_DEFINITION, "an index expression of type json has no equality: index " +
                    "->> (text) instead of -> (json)", key.position());
            }
            final String column = SqlSchema.HIDDEN_PREFIX + "x" + tx.catalog().nextId() + "_" + expressions.size();
            tx.addColumn(table.name(), column, type, true);
            columns.add(column + direction);
            expressions.add(text);
            hidden.add(column);
            computed.add(bound);
            computedColumns.add(column);
        }
        if (anyExpression)
        {
            fillComputed(session, tx, table.name(), computed, computedColumns);
            MetaStore.putExpressionIndex(tx, new SqlSchema.ExpressionIndex(name, table.name(), expressions, hidden));
        }
        tx.createIndex(name, table.name(), create.unique(), storage, columns.toArray(new String[0]));
        session.markDdl(anyExpression);
        return ListResult.tag("CREATE INDEX");
    }

    private static String generatedIndexName(final Tx tx, final TableDefinition table, final List<OrderItem> keys)
    {
        final StringBuilder sb = new StringBuilder(table.name());
        for (final OrderItem key : keys)
        {
            sb.append('_').append(key.expression() instanceof Expression.ColumnRef ?
                ((Expression.ColumnRef)key.expression()).column() : "expr");
        }
        final String base = sb.append("_idx").toString();
        String candidate = base;
        for (int i = 1; null != tx.catalog().findIndex(candidate) || null != tx.catalog().findTable(candidate); i++)
        {
            candidate = base + i;
        }
        return candidate;
    }

    private static void fillComputed(final EngineSession session, final Tx tx, final String tableName,
        final List<BoundExpr> computed, final List<String> computedColumns)
    {
        final TableDefinition table = tx.catalog().table(tableName);
        final Planning planning = new Planning(session);
        final Evaluator[] evaluators = new Evaluator[computed.size()];
        for (int i = 0; i < evaluators.length; i++)
        {
            evaluators[i] = planning.planner.compiler().compile(computed.get(i));
        }
        final ExecContext ctx = new ExecContext();
        ctx.reset(tx, new Object[0], 0);
        final List<Object[]> keys = new ArrayList<>();
        final List<Map<String, Object>> changes = new ArrayList<>();
        final int[] pk = table.schema().primaryKey();
        final RowCursor cursor = tx.scan(tableName, null, null, true);
        while (cursor.next())
        {
            final Object[] row = cursor.row().toArray();
            final Map<String, Object> change = new HashMap<>();
            for (int i = 0; i < evaluators.length; i++)
            {
                final Object value = evaluators[i].eval(row, ctx);
                final ColumnType type = table.schema().column(computedColumns.get(i)).type();
                change.put(computedColumns.get(i), null == value ? null : Casts.assign(value, computed.get(i).type(), type));
            }
            final Object[] key = new Object[pk.length];
            for (int k = 0; k < pk.length; k++)
            {
                key[k] = row[pk[k]];
            }
            keys.add(key);
            changes.add(change);
        }
        for (int i = 0; i < keys.size(); i++)
        {
            tx.update(tableName, keys.get(i), changes.get(i));
        }
    }

    private static StorageType indexStorage(final String method, final int position)
    {
        if (null == method || "btree".equalsIgnoreCase(method))
        {
            return StorageType.BTREE;
        }
        if ("lsm".equalsIgnoreCase(method))
        {
            return StorageType.LSM;
        }
        if ("hash".equalsIgnoreCase(method))
        {
            return StorageType.HASH;
        }
        throw new SqlException(SqlState.UNDEFINED_OBJECT, "access method \"" + method + "\" does not exist", position);
    }

    static SqlResult dropIndex(final EngineSession session, final Tx tx, final Statement.DropIndex drop)
    {
        boolean meta = false;
        for (final QualifiedName name : drop.names())
        {
            final IndexDefinition index = tx.catalog().findIndex(name.name());
            if (null == index)
            {
                if (drop.ifExists())
                {
                    continue;
                }
                throw new SqlException(SqlState.UNDEFINED_OBJECT, "index \"" + name + "\" does not exist", name.position());
            }
            final SqlSchema.ExpressionIndex expression =
                session.schemaView().sql().expressionIndexes().get(TableSchema.fold(index.name()));
            tx.dropIndex(index.name());
            if (null != expression)
            {
                for (final String hidden : expression.hiddenColumns())
                {
                    if (null != hidden)
                    {
                        tx.dropColumn(expression.table(), hidden);
                    }
                }
                MetaStore.deleteExpressionIndex(tx, index.name());
                meta = true;
            }
        }
        session.markDdl(meta);
        return ListResult.tag("DROP INDEX");
    }
}
