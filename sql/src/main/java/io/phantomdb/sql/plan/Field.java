package io.phantomdb.sql.plan;

import io.phantomdb.core.schema.ColumnType;

/**
 * One column of a relation during binding: the name a query may use, its qualifier, type and origin.
 * <p>
 * <b>Note:</b> immutable.
 *
 * @param qualifier the table name or alias that qualifies it, or null.
 * @param name      the column name (or select alias).
 * @param type      its type; null while unknown (an untyped NULL or literal).
 * @param hidden    whether it is the SQL layer's internal column (not in {@code *}, not visible to clients).
 * @param table     the base table it comes from unchanged, or null.
 * @param column    the base column name, or null.
 * @param nullable  whether it may be NULL.
 */
public record Field(
    String qualifier, String name, ColumnType type, boolean hidden, String table, String column, boolean nullable)
{
    /**
     * @return this field made nullable (the inner side of an outer join).
     */
    public Field asNullable()
    {
        return new Field(qualifier, name, type, hidden, table, column, true);
    }
}
