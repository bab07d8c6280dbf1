package io.phantomdb.sql.engine;

import io.phantomdb.core.catalog.Catalog;
import io.phantomdb.core.catalog.IndexColumn;
import io.phantomdb.core.catalog.IndexDefinition;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.schema.Column;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlMetadata;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.func.EvalContext;
import io.phantomdb.sql.func.FunctionRegistry;
import io.phantomdb.sql.parse.SqlParser;
import io.phantomdb.sql.plan.BindContext;
import io.phantomdb.sql.plan.Field;
import io.phantomdb.sql.plan.LogicalPlan;
import io.phantomdb.sql.plan.QueryBinder;
import io.phantomdb.sql.plan.SchemaView;
import io.phantomdb.sql.plan.SqlSchema;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the client-visible {@link SqlMetadata} from core's catalog and the SQL layer's schema: hidden
 * columns and internal tables are left out; expression index parts show their expression text; a view whose
 * query no longer binds (a table it reads was dropped) is listed without columns.
 * <p>
 * <b>Note:</b> stateless.
 */
final class MetadataBuilder
{
    private MetadataBuilder()
    {
    }

    static SqlMetadata build(final SchemaView view)
    {
        final Catalog catalog = view.catalog();
        final SqlSchema schema = view.sql();
        final List<SqlMetadata.TableInfo> tables = new ArrayList<>();
        for (final TableDefinition table : catalog.tables())
        {
            if (SqlSchema.isHidden(table.name()))
            {
                continue;
            }
            tables.add(table(catalog, schema, table));
        }
        for (final SqlSchema.ViewDefinition definition : schema.views().values())
        {
            tables.add(new SqlMetadata.TableInfo(definition.name(), SqlMetadata.Kind.VIEW, viewColumns(view, definition),
                List.of(), List.of(), null, definition.query()));
        }
        tables.sort(Comparator.comparing(SqlMetadata.TableInfo::name));
        return new SqlMetadata(List.copyOf(tables));
    }

    private static List<SqlMetadata.ColumnInfo> viewColumns(final SchemaView view, final SqlSchema.ViewDefinition definition)
    {
        final List<SqlMetadata.ColumnInfo> out = new ArrayList<>();
        final BindContext context = new BindContext(view, new FunctionRegistry(EvalContext.fixed(LocalDateTime.now())));
        final LogicalPlan plan;
        try
        {
            plan = new QueryBinder(context).bindQuery((Statement.Query)SqlParser.parse(definition.query()));
        }
        catch (final SqlException ex)
        {
            return out;
        }
        final List<Field> fields = plan.fields();
        for (int i = 0; i < fields.size(); i++)
        {
            final String name = i < definition.columns().size() ? definition.columns().get(i) : fields.get(i).name();
            final ColumnType type = null == fields.get(i).type() ? ColumnType.TEXT : fields.get(i).type();
            out.add(new SqlMetadata.ColumnInfo(name, type, fields.get(i).nullable(), null, i + 1));
        }
        return out;
    }

    private static SqlMetadata.TableInfo table(final Catalog catalog, final SqlSchema schema, final TableDefinition table)
    {
        final TableSchema s = table.schema();
        final List<SqlMetadata.ColumnInfo> columns = new ArrayList<>();
        int ordinal = 1;
        for (final Column c : s.columns())
        {
            if (!SqlSchema.isHidden(c.name()))
            {
                columns.add(new SqlMetadata.ColumnInfo(c.name(), c.type(), c.nullable(), c.defaultExpression(), ordinal++));
            }
        }
        final List<String> primaryKey = new ArrayList<>();
        final List<String> pkNames = new ArrayList<>();
        for (final int o : s.primaryKey())
        {
            pkNames.add(s.column(o).name());
        }
        if (!(pkNames.size() == 1 && SqlSchema.isHidden(pkNames.get(0))))
        {
            primaryKey.addAll(pkNames);
        }
        final List<SqlMetadata.IndexInfo> indexes = new ArrayList<>();
        if (!primaryKey.isEmpty())
        {
            final List<Boolean> asc = new ArrayList<>();
            for (int i = 0; i < primaryKey.size(); i++)
            {
                asc.add(false);
            }
            indexes.add(new SqlMetadata.IndexInfo(table.name() + "_pkey", true, "btree", primaryKey, asc));
        }
        for (final IndexDefinition index : catalog.indexesOf(table.id()))
        {
            final SqlSchema.ExpressionIndex expression = schema.expressionIndexes().get(TableSchema.fold(index.name()));
            final List<String> parts = new ArrayList<>();
            final List<Boolean> descending = new ArrayList<>();
            for (int i = 0; i < index.columns().size(); i++)
            {
                final IndexColumn column = index.columns().get(i);
                parts.add(null != expression && i < expression.expressions().size() ? expression.expressions().get(i) :
                    s.column(column.ordinal()).name());
                descending.add(column.descending());
            }
            indexes.add(new SqlMetadata.IndexInfo(index.name(), index.unique(),
                index.storage().name().toLowerCase(), parts, descending));
        }
        return new SqlMetadata.TableInfo(table.name(), SqlMetadata.Kind.TABLE, columns, primaryKey, indexes,
            table.storage().name().toLowerCase(), null);
    }
}
