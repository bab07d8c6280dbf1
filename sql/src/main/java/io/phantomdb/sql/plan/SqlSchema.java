package io.phantomdb.sql.plan;

import io.phantomdb.core.schema.TableSchema;

import java.util.List;
import java.util.Map;

/**
 * The SQL layer's own catalog on top of core's: view texts, CHECK constraints and expression indexes
 * (with the hidden columns that hold their values). Immutable; persisted in the SQL layer's system table.
 * <p>
 * <b>Note:</b> immutable; safe to share between threads.
 *
 * @param views             views by folded name.
 * @param checks            CHECK constraints by folded table name.
 * @param expressionIndexes expression indexes by folded index name.
 * @param defaults          DEFAULT texts of columns added by ALTER TABLE, by folded {@code table.column}.
 */
public record SqlSchema(
    Map<String, ViewDefinition> views, Map<String, List<CheckDefinition>> checks,
    Map<String, ExpressionIndex> expressionIndexes, Map<String, String> defaults)
{
    /** The schema with nothing in it. */
    public static final SqlSchema EMPTY = new SqlSchema(Map.of(), Map.of(), Map.of(), Map.of());

    /** Prefix of the SQL layer's hidden column names. */
    public static final String HIDDEN_PREFIX = "__ph_";

    /** The hidden row id column of tables without a primary key. */
    public static final String ROWID = "__ph_rowid";

    /**
     * A view.
     *
     * @param name    its name.
     * @param query   the SELECT text.
     * @param columns column aliases, or empty.
     */
    public record ViewDefinition(String name, String query, List<String> columns)
    {
    }

    /**
     * A CHECK constraint.
     *
     * @param table      the table.
     * @param name       the constraint name.
     * @param expression the condition's text.
     */
    public record CheckDefinition(String table, String name, String expression)
    {
    }

    /**
     * An index with expression key parts: each part is a hidden column the SQL layer computes on every
     * write.
     *
     * @param index         the index name.
     * @param table         the table name.
     * @param expressions   per key part, the expression text (a plain column name for column parts).
     * @param hiddenColumns per key part, the hidden column holding the expression, or null for a plain column.
     */
    public record ExpressionIndex(String index, String table, List<String> expressions, List<String> hiddenColumns)
    {
    }

    /**
     * @param name a column name.
     * @return whether it is one of the SQL layer's hidden columns.
     */
    public static boolean isHidden(final String name)
    {
        return name.startsWith(HIDDEN_PREFIX);
    }

    /**
     * @param name a view name.
     * @return the view, or null.
     */
    public ViewDefinition view(final String name)
    {
        return views.get(TableSchema.fold(name));
    }

    /**
     * @param table  a table name.
     * @param column a column name.
     * @return the DEFAULT text ALTER TABLE ADD COLUMN gave the column, or null.
     */
    public String addedDefault(final String table, final String column)
    {
        return defaults.get(TableSchema.fold(table) + "." + TableSchema.fold(column));
    }

    /**
     * @param table a table name.
     * @return its CHECK constraints (possibly empty).
     */
    public List<CheckDefinition> checksOf(final String table)
    {
        return checks.getOrDefault(TableSchema.fold(table), List.of());
    }
}
