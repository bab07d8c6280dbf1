package io.phantomdb.sql.plan;

import io.phantomdb.core.catalog.Catalog;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything names resolve against while binding one statement: core's catalog (tables, indexes), the SQL
 * layer's schema (views, checks, expression indexes) and the registered system tables.
 * <p>
 * <b>Note:</b> immutable view; the maps it holds are read only.
 *
 * @param catalog      core's catalog as the transaction sees it.
 * @param sql          the SQL layer's schema.
 * @param systemTables system tables by {@code schema.name} (folded).
 */
public record SchemaView(Catalog catalog, SqlSchema sql, Map<String, SystemTable> systemTables)
{
    /**
     * @param name a table name.
     * @return the table, or null.
     */
    public TableDefinition table(final String name)
    {
        return catalog.findTable(name);
    }

    /**
     * @param schema a schema name.
     * @param name   a table name.
     * @return the system table, or null.
     */
    public SystemTable systemTable(final String schema, final String name)
    {
        return systemTables.get(TableSchema.fold(schema) + "." + TableSchema.fold(name));
    }

    /**
     * @param table a table.
     * @return the expression indexes on it.
     */
    public List<SqlSchema.ExpressionIndex> expressionIndexesOf(final String table)
    {
        final List<SqlSchema.ExpressionIndex> out = new ArrayList<>();
        for (final SqlSchema.ExpressionIndex index : sql.expressionIndexes().values())
        {
            if (index.table().equalsIgnoreCase(table))
            {
                out.add(index);
            }
        }
        return out;
    }
}
