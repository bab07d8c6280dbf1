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
import io.phantomdb.sql.ast.AlterAction;
import io.phantomdb.sql.ast.ColumnDefinition;
import io.phantomdb.sql.ast.Constraint;
import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.OrderItem;
import io.phantomdb.sql.ast.QualifiedName;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.exec.Evaluator;
import io.phantomdb.sql.exec.ExecContext;
import io.phantomdb.sql.plan.BoundExpr;
import io.phantomdb.sql.plan.BoundExprs;
import io.phantomdb.sql.plan.ExpressionBinder;
import io.phantomdb.sql.plan.LogicalPlan;
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
 * DDL: CREATE/DROP TABLE (PRIMARY KEY or a hidden row id, NOT NULL, UNIQUE as unique indexes, DEFAULT, CHECK,
 * storage), CREATE/DROP INDEX (columns and expressions: an expression key part is a hidden column the SQL
 * layer fills and maintains), ALTER TABLE ADD/DROP COLUMN and CREATE/DROP VIEW. Runs in the session's
 * transaction; core's catalog and the SQL layer's schema change together.
 * <p>
 * <b>Note:</b> owned by one session.
 */
final class DdlCommand extends Command
{
    private static final String INVALID_TABLE_DEFINITION = "42P16";

    private final Statement statement;

    DdlCommand(final String sql, final Parameters parameters, final Statement statement)
    {
        super(sql, parameters, List.of());
        this.statement = statement;
    }

    @Override
    boolean isDdl()
    {
        return true;
    }

    @Override
    SqlResult execute(final EngineSession session, final ExecContext ctx)
    {
        final Tx tx = session.tx();
        if (statement instanceof Statement.CreateTable)
        {
            return createTable(session, tx, (Statement.CreateTable)statement);
        }
        if (statement instanceof Statement.DropTable)
        {
            return dropTable(session, tx, (Statement.DropTable)statement);
        }
        if (statement instanceof Statement.CreateIndex)
        {
            return createIndex(session, tx, (Statement.CreateIndex)statement);
        }
        if (statement instanceof Statement.DropIndex)
        {
            return dropIndex(session, tx, (Statement.DropIndex)statement);
        }
        if (statement instanceof Statement.AlterTable)
        {
            return alterTable(session, tx, (Statement.AlterTable)statement);
        }
        if (statement instanceof Statement.CreateView)
        {
            return createView(session, tx, (Statement.CreateView)statement);
        }
        return dropView(session, tx, (Statement.DropView)statement);
    }

    private static void checkSchema(final QualifiedName name)
    {
        if (null != name.schema() && !"public".equalsIgnoreCase(name.schema()))
        {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "schema \"" + name.schema() +
                "\" is read-only: tables live in schema public", name.position());
        }
    }

    private static void checkNameFree(final EngineSession session, final Tx tx, final String name, final int position)
    {
        if (null != tx.catalog().findTable(name) || null != tx.catalog().findIndex(name) ||
            null != session.schemaView().sql().view(name))
        {
            throw new SqlException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists", position);
        }
    }

    private SqlResult createTable(final EngineSession session, final Tx tx, final Statement.CreateTable create)
    {
        checkSchema(create.name());
        final String name = create.name().name();
        if (create.ifNotExists() && (null != tx.catalog().findTable(name) || null != session.schemaView().sql().view(name)))
        {
            return ListResult.tag("CREATE TABLE");
        }
        checkNameFree(session, tx, name, create.name().position());
        final List<String> primaryKey = new ArrayList<>();
        final List<List<String>> uniques = new ArrayList<>();
        final List<String> uniqueNames = new ArrayList<>();
        final List<String[]> checks = new ArrayList<>();
        final Map<String, Boolean> notNull = new HashMap<>();
        for (final ColumnDefinition column : create.columns())
        {
            for (final Constraint c : column.constraints())
            {
                if (c instanceof Constraint.PrimaryKey)
                {
                    if (!primaryKey.isEmpty())
                    {
                        throw new SqlException(INVALID_TABLE_DEFINITION,
                            "multiple primary keys for table \"" + name + "\" are not allowed", c.position());
                    }
                    primaryKey.add(column.name());
                }
                else if (c instanceof Constraint.Unique)
                {
                    uniques.add(List.of(column.name()));
                    uniqueNames.add(null == c.name() ? name + "_" + column.name() + "_key" : c.name());
                }
                else if (c instanceof Constraint.Check)
                {
                    checks.add(new String[]{null == c.name() ? name + "_" + column.name() + "_check" : c.name(),
                        SqlText.of(((Constraint.Check)c).condition())});
                }
                else if (c instanceof Constraint.NotNull)
                {
                    notNull.put(TableSchema.fold(column.name()), true);
                }
            }
        }
        for (final Constraint c : create.constraints())
        {
            if (c instanceof Constraint.PrimaryKey)
            {
                if (!primaryKey.isEmpty())
                {
                    throw new SqlException(INVALID_TABLE_DEFINITION, "multiple primary keys for table \"" + name + "\" are not allowed",
                        c.position());
                }
                primaryKey.addAll(((Constraint.PrimaryKey)c).columns());
            }
            else if (c instanceof Constraint.Unique)
            {
                final List<String> columns = ((Constraint.Unique)c).columns();
                uniques.add(columns);
                uniqueNames.add(null == c.name() ? name + "_" + String.join("_", columns) + "_key" : c.name());
            }
            else if (c instanceof Constraint.Check)
            {
                checks.add(new String[]{null == c.name() ? name + "_check" + (checks.size() + 1) : c.name(),
                    SqlText.of(((Constraint.Check)c).condition())});
            }
        }
        final TableSchema.Builder builder = TableSchema.builder(0, name);
        for (final ColumnDefinition column : create.columns())
        {
            if (SqlSchema.isHidden(column.name()))
            {
                throw new SqlException("42939", "column name \"" + column.name() + "\" is reserved", column.position());
            }
            final ColumnType type = Serial.isSerial(column.type()) ? Serial.type(column.type()) :
                column.type().toColumnType();
            boolean inKey = false;
            for (final String k : primaryKey)
            {
                inKey |= TableSchema.fold(k).equals(TableSchema.fold(column.name()));
            }
            String defaultText = Serial.isSerial(column.type()) ? Serial.defaultText(name, column.name()) : null;
            for (final Constraint c : column.constraints())
            {
                if (c instanceof Constraint.Default)
                {
                    defaultText = SqlText.of(((Constraint.Default)c).value());
                }
            }
            final boolean nullable = !inKey && !notNull.containsKey(TableSchema.fold(column.name())) &&
                !Serial.isSerial(column.type());
            builder.column(column.name(), type, nullable, defaultText);
        }
        if (primaryKey.isEmpty())
        {
            builder.column(SqlSchema.ROWID, ColumnType.BIGINT, false);
            builder.primaryKey(SqlSchema.ROWID);
        }
        else
        {
            builder.primaryKey(primaryKey.toArray(new String[0]));
        }
        final StorageType storage = storage(create.storage(), create.position());
        final TableSchema schema;
        try
        {
            schema = builder.build();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new SqlException(ex.getMessage().contains("duplicate column") ? SqlState.DUPLICATE_COLUMN :
                INVALID_TABLE_DEFINITION, ex.getMessage(), create.position(), ex);
        }
        final TableDefinition table = tx.createTable(schema, storage);
        for (int i = 0; i < uniques.size(); i++)
        {
            final List<String> columns = uniques.get(i);
            tx.createIndex(uniqueNames.get(i), name, true, storage, columns.toArray(new String[0]));
        }
        for (final String[] check : checks)
        {
            TableExpressions.bind(session.schemaView(), session.functions(), tx.catalog().table(table.name()), check[1]);
            MetaStore.putCheck(tx, new SqlSchema.CheckDefinition(name, check[0], check[1]));
        }
        session.markDdl(!checks.isEmpty());
        return ListResult.tag("CREATE TABLE");
    }

    private static StorageType storage(final String storage, final int position)
    {
        if (null == storage || "btree".equalsIgnoreCase(storage))
        {
            return StorageType.BTREE;
        }
        if ("lsm".equalsIgnoreCase(storage))
        {
            return StorageType.LSM;
        }
        throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "unknown storage \"" + storage +
            "\": use 'btree' or 'lsm'", position);
    }

    private SqlResult dropTable(final EngineSession session, final Tx tx, final Statement.DropTable drop)
    {
        boolean meta = false;
        for (final QualifiedName name : drop.names())
        {
            final TableDefinition table = tx.catalog().findTable(name.name());
            if (null == table || SqlSchema.isHidden(name.name()))
            {
                if (drop.ifExists())
                {
                    continue;
                }
                throw new SqlException(SqlState.UNDEFINED_TABLE, "table \"" + name + "\" does not exist", name.position());
            }
            MetaStore.deleteTable(tx, session.schemaView().sql(), table.name());
            tx.dropTable(table.name());
            meta = true;
        }
        if (meta)
        {
            session.markDdl(true);
        }
        return ListResult.tag("DROP TABLE");
    }

    private SqlResult createIndex(final EngineSession session, final Tx tx, final Statement.CreateIndex create)
    {
        checkSchema(create.table());
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
        checkNameFree(session, tx, name, create.position());
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

    private void fillComputed(final EngineSession session, final Tx tx, final String tableName,
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

    private SqlResult dropIndex(final EngineSession session, final Tx tx, final Statement.DropIndex drop)
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

    private SqlResult alterTable(final EngineSession session, final Tx tx, final Statement.AlterTable alter)
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

    private boolean addColumn(final EngineSession session, final Tx tx, final String tableName,
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

    private SqlResult createView(final EngineSession session, final Tx tx, final Statement.CreateView create)
    {
        checkSchema(create.name());
        final String name = create.name().name();
        final boolean exists = null != session.schemaView().sql().view(name);
        if (!(create.orReplace() && exists))
        {
            checkNameFree(session, tx, name, create.name().position());
        }
        final Planning planning = new Planning(session);
        final LogicalPlan plan = planning.queries.bindQuery(create.query());
        if (create.columns().size() > plan.fields().size())
        {
            throw new SqlException(SqlState.SYNTAX_ERROR, "CREATE VIEW specifies more column names than columns",
                create.position());
        }
        String text = sql.substring(create.query().position() - 1).trim();
        while (text.endsWith(";"))
        {
            text = text.substring(0, text.length() - 1).trim();
        }
        MetaStore.putView(tx, new SqlSchema.ViewDefinition(name, text, create.columns()));
        session.markDdl(true);
        return ListResult.tag("CREATE VIEW");
    }

    private SqlResult dropView(final EngineSession session, final Tx tx, final Statement.DropView drop)
    {
        for (final QualifiedName name : drop.names())
        {
            if (!MetaStore.deleteView(tx, name.name()))
            {
                if (drop.ifExists())
                {
                    continue;
                }
                throw new SqlException(SqlState.UNDEFINED_TABLE, "view \"" + name + "\" does not exist", name.position());
            }
        }
        session.markDdl(true);
        return ListResult.tag("DROP VIEW");
    }
}
