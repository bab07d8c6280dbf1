package io.phantomdb.sql.engine;

import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.table.RowCursor;
import io.phantomdb.core.table.Tx;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.AlterAction;
import io.phantomdb.sql.ast.ColumnDefinition;
import io.phantomdb.sql.ast.Constraint;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.exec.Evaluator;
import io.phantomdb.sql.exec.ExecContext;
import io.phantomdb.sql.plan.BoundExpr;
import io.phantomdb.sql.plan.BoundExprs;
import io.phantomdb.sql.plan.ExpressionBinder;
import io.phantomdb.sql.plan.Scope;
import io.phantomdb.sql.plan.SqlSchema;
import io.phantomdb.sql.plan.SqlText;
import io.phantomdb.sql.plan.TableExpressions;
import io.phantomdb.sql.value.Casts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ALTER TABLE ADD COLUMN (NOT NULL, DEFAULT filled into existing rows) and DROP COLUMN (dropping the expression
 * indexes and CHECK constraints that read the column).
 * <p>
 * <b>Note:</b> stateless; runs in the session's transaction on its thread.
 */
final class AlterTableDdl
{
    private AlterTableDdl()
    {
    }

    static SqlResult alterTable(final EngineSession session, final Tx tx, final Statement.AlterTable alter)
    {
        final TableDefinition table = tx.catalog().findTable(alter.table().name());
        if (null == table)
        {
            if (alter.ifExists())
            {
                return ListResult.tag("ALTER TABLE");
            }
            throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + alter.table() + "\" does not exist",
                alter.table().position());
        }
        boolean meta = false;
        for (final AlterAction action : alter.actions())
        {
            if (action instanceof AlterAction.AddColumn)
            {
                meta |= addColumn(session, tx, table.name(), (AlterAction.AddColumn)action);
            }
            else
            {
                final AlterAction.DropColumn drop = (AlterAction.DropColumn)action;
                final int ordinal = tx.catalog().table(table.name()).schema().columnOrdinal(drop.column());
                if (ordinal < 0 || SqlSchema.isHidden(drop.column()))
                {
                    if (drop.ifExists())
                    {
                        continue;
                    }
                    throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + drop.column() + "\" of relation \"" +
                        table.name() + "\" does not exist", drop.position());
                }
                meta |= dropDependents(session, tx, table.name(), ordinal);
                tx.dropColumn(table.name(), drop.column());
                if (null != session.schemaView().sql().addedDefault(table.name(), drop.column()))
                {
                    MetaStore.deleteDefault(tx, table.name(), drop.column());
                    meta = true;
                }
            }
        }
        session.markDdl(meta);
        return ListResult.tag("ALTER TABLE");
    }

    /**
     * Drops what depends on a column about to be dropped, as PostgreSQL does: expression indexes and CHECK
     * constraints whose expressions read it.
     *
     * @return whether the SQL layer's schema changed.
     */
    private static boolean dropDependents(final EngineSession session, final Tx tx, final String tableName,
        final int ordinal)
    {
        final SqlSchema schema = session.schemaView().sql();
        final TableDefinition table = tx.catalog().table(tableName);
        boolean changed = false;
        for (final SqlSchema.ExpressionIndex index : schema.expressionIndexes().values())
        {
            if (!index.table().equalsIgnoreCase(tableName) || !reads(session, table, index.expressions(), ordinal))
            {
                continue;
            }
            tx.dropIndex(index.index());
            for (final String hidden : index.hiddenColumns())
            {
                if (null != hidden)
                {
                    tx.dropColumn(tableName, hidden);
                }
            }
            MetaStore.deleteExpressionIndex(tx, index.index());
            changed = true;
        }
        for (final SqlSchema.CheckDefinition check : schema.checksOf(tableName))
        {
            if (reads(session, table, List.of(check.expression()), ordinal))
            {
                MetaStore.deleteCheck(tx, check);
                changed = true;
            }
        }
        return changed;
    }

    private static boolean reads(final EngineSession session, final TableDefinition table, final List<String> texts,
        final int ordinal)
    {
        final String column = table.schema().column(ordinal).name();
        for (final String text : texts)
        {
            if (text.equalsIgnoreCase(column))
            {
                continue;
            }
            final BoundExpr bound = TableExpressions.bind(session.schemaView(), session.functions(), table, text);
            if (BoundExprs.any(bound, n -> n instanceof BoundExpr.InputRef && ((BoundExpr.InputRef)n).index() == ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static boolean addColumn(final EngineSession session, final Tx tx, final String tableName,
        final AlterAction.AddColumn add)
    {
        final ColumnDefinition column = add.column();
        final TableDefinition table = tx.catalog().table(tableName);
        if (table.schema().columnOrdinal(column.name()) >= 0)
        {
            if (add.ifNotExists())
            {
                return false;
            }
            throw new SqlException(SqlState.DUPLICATE_COLUMN, "column \"" + column.name() + "\" of relation \"" +
                tableName + "\" already exists", column.position());
        }
        final ColumnType type = column.type().toColumnType();
        boolean nullable = true;
        String defaultText = null;
        for (final Constraint c : column.constraints())
        {
            if (c instanceof Constraint.NotNull)
            {
                nullable = false;
            }
            else if (c instanceof Constraint.Default)
            {
                defaultText = SqlText.of(((Constraint.Default)c).value());
            }
            else if (!(c instanceof Constraint.Nullable))
            {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    "ADD COLUMN supports NOT NULL and DEFAULT only", c.position());
            }
        }
        if (null == defaultText)
        {
            tx.addColumn(tableName, column.name(), type, nullable);
            return false;
        }
        if (!nullable)
        {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                "ADD COLUMN with both NOT NULL and DEFAULT is not supported", column.position());
        }
        tx.addColumn(tableName, column.name(), type, true);
        MetaStore.putDefault(tx, tableName, column.name(), defaultText);
        final Planning planning = new Planning(session);
        final Scope empty = new Scope(List.of(), null, null,
            planning.context.newSlot());
        final BoundExpr bound = ExpressionBinder.coerce(planning.queries.expressions().bind(
            TableExpressions.parse(defaultText), empty, "DEFAULT"), type, planning.context);
        final ExecContext ctx = new ExecContext();
        ctx.reset(tx, new Object[0], 0);
        final Evaluator evaluator = planning.planner.compiler().compile(bound);
        final TableDefinition widened = tx.catalog().table(tableName);
        final int[] pk = widened.schema().primaryKey();
        final List<Object[]> keys = new ArrayList<>();
        final RowCursor cursor = tx.scan(tableName, null, null, true);
        while (cursor.next())
        {
            final Object[] key = new Object[pk.length];
            for (int k = 0; k < pk.length; k++)
            {
                key[k] = cursor.row().getObject(pk[k]);
            }
            keys.add(key);
        }
        for (final Object[] key : keys)
        {
            final Object value = evaluator.eval(null, ctx);
            final Map<String, Object> change = new HashMap<>();
            change.put(column.name(), null == value ? null : Casts.assign(value, bound.type(), type));
            tx.update(tableName, key, change);
        }
        return true;
    }
}
