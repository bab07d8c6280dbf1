package io.phantomdb.sql.engine;

import io.phantomdb.core.catalog.StorageType;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.table.Tx;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.ColumnDefinition;
import io.phantomdb.sql.ast.Constraint;
import io.phantomdb.sql.ast.QualifiedName;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.exec.ExecContext;
import io.phantomdb.sql.plan.SqlSchema;
import io.phantomdb.sql.plan.SqlText;
import io.phantomdb.sql.plan.TableExpressions;

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
            return IndexDdl.createIndex(session, tx, (Statement.CreateIndex)statement);
        }
        if (statement instanceof Statement.DropIndex)
        {
            return IndexDdl.dropIndex(session, tx, (Statement.DropIndex)statement);
        }
        if (statement instanceof Statement.AlterTable)
        {
            return AlterTableDdl.alterTable(session, tx, (Statement.AlterTable)statement);
        }
        if (statement instanceof Statement.CreateView)
        {
            return ViewDdl.createView(session, tx, (Statement.CreateView)statement, sql);
        }
        return ViewDdl.dropView(session, tx, (Statement.DropView)statement);
    }
    static void checkSchema(final QualifiedName name)
    {
        if (null != name.schema() && !"public".equalsIgnoreCase(name.schema()))
        {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "schema \"" + name.schema() +
                "\" is read-only: tables live in schema public", name.position());
        }
    }

    static void checkNameFree(final EngineSession session, final Tx tx, final String name, final int position)
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
}
