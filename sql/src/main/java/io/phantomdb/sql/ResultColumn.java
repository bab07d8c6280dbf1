package io.phantomdb.sql;

import io.phantomdb.core.schema.ColumnType;

/**
 * One column of a result.
 *
 * @param label    the name a client sees (the alias, or the column's name).
 * @param type     its SQL type.
 * @param table    the base table the value comes from unchanged, or null for an expression.
 * @param column   the base column's name, or null for an expression.
 * @param nullable whether the value can be NULL.
 */
public record ResultColumn(String label, ColumnType type, String table, String column, boolean nullable)
{
    /**
     * A computed column (no base table).
     *
     * @param label the name a client sees.
     * @param type  its SQL type.
     * @return the column.
     */
    public static ResultColumn computed(final String label, final ColumnType type)
    {
        return new ResultColumn(label, type, null, null, true);
    }
}
