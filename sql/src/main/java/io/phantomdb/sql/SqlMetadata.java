package io.phantomdb.sql;

import io.phantomdb.core.schema.ColumnType;

import java.util.List;

/**
 * What SQL clients may see of the schema: tables and views of the {@code public} schema, their visible
 * columns, keys and indexes. A snapshot of the latest committed catalog; immutable.
 *
 * @param tables the tables and views, by name.
 */
public record SqlMetadata(List<TableInfo> tables)
{
    /** Whether a relation is a table or a view. */
    public enum Kind
    {
        /** A base table. */
        TABLE,
        /** A view. */
        VIEW
    }

    /**
     * One table or view.
     *
     * @param name       its name (lower case unless created quoted).
     * @param kind       table or view.
     * @param columns    its visible columns in order.
     * @param primaryKey the primary key's column names in key order; empty for views.
     * @param indexes    its indexes (including the primary key's and UNIQUE constraints').
     * @param storage    {@code btree} or {@code lsm} for tables; null for views.
     * @param definition the view's SELECT text; null for tables.
     */
    public record TableInfo(
        String name, Kind kind, List<ColumnInfo> columns, List<String> primaryKey, List<IndexInfo> indexes,
        String storage, String definition)
    {
    }

    /**
     * One visible column.
     *
     * @param name         its name.
     * @param type         its type.
     * @param nullable     whether it accepts NULL.
     * @param defaultValue the DEFAULT expression's text, or null.
     * @param ordinal      1-based position among the visible columns.
     */
    public record ColumnInfo(String name, ColumnType type, boolean nullable, String defaultValue, int ordinal)
    {
    }

    /**
     * One index.
     *
     * @param name        its name.
     * @param unique      whether it enforces uniqueness.
     * @param method      {@code btree}, {@code lsm} or {@code hash}.
     * @param expressions its key parts: column names, or expression texts for expression indexes.
     * @param descending  per key part, whether it sorts descending.
     */
    public record IndexInfo(String name, boolean unique, String method, List<String> expressions, List<Boolean> descending)
    {
    }
}
