package io.phantomdb.core.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table's definition: id, name, columns in order, and the primary key. Validated once, on
 * construction: at least one column, at most {@link #MAX_COLUMNS}, ordinals equal to positions, names
 * unique ignoring case, a non-empty primary key of distinct {@code NOT NULL} columns of a type with
 * equality (not {@code JSON}).
 * <p>
 * Column names are looked up case-insensitively, folding ASCII letters only, as PostgreSQL does for
 * identifiers in UTF-8 databases; for that reason two names that differ only in ASCII case are
 * duplicates.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public final class TableSchema
{
    /** Most columns a table may have, as PostgreSQL's MaxHeapAttributeNumber. */
    public static final int MAX_COLUMNS = 1600;

    private final int tableId;
    private final String name;
    private final List<Column> columns;
    private final int[] primaryKey;
    private final Map<String, Integer> ordinalByFoldedName;

    /**
     * @param tableId    catalog id of the table, 0 or more.
     * @param name       table name, 1 to {@link Column#MAX_NAME_BYTES} UTF-8 bytes.
     * @param columns    the columns; column i must have ordinal i.
     * @param primaryKey ordinals of the primary key columns, in key order.
     * @throws IllegalArgumentException if the definition is invalid; the message names the values.
     * @throws NullPointerException     if an argument or a column is null.
     */
    public TableSchema(final int tableId, final String name, final List<Column> columns, final int... primaryKey)
    {
        this.name = Column.checkName("table", name);
        if (tableId < 0)
        {
            throw new IllegalArgumentException("table \"" + name + "\": table id " + tableId + " must be >= 0");
        }
        this.tableId = tableId;
        this.columns = List.copyOf(columns);
        this.primaryKey = primaryKey.clone();
        this.ordinalByFoldedName = new HashMap<>();
        validateColumns();
        validatePrimaryKey();
    }

    private void validateColumns()
    {
        if (columns.isEmpty() || columns.size() > MAX_COLUMNS)
        {
            throw new IllegalArgumentException(
                "table \"" + name + "\" has " + columns.size() + " columns, must have 1 to " + MAX_COLUMNS);
        }
        for (int i = 0; i < columns.size(); i++)
        {
            final Column column = columns.get(i);
            if (column.ordinal() != i)
            {
                throw new IllegalArgumentException(
                    "table \"" + name + "\": column \"" + column.name() + "\" at position " + i +
                    " has ordinal " + column.ordinal());
            }
            final Integer previous = ordinalByFoldedName.putIfAbsent(fold(column.name()), i);
            if (null != previous)
            {
                throw new IllegalArgumentException(
                    "table \"" + name + "\": duplicate column name \"" + column.name() + "\" at position " + i +
                    " (same as \"" + columns.get(previous).name() + "\" at position " + previous + ")");
            }
        }
    }

    private void validatePrimaryKey()
    {
        if (0 == primaryKey.length)
        {
            throw new IllegalArgumentException("table \"" + name + "\": primary key must have at least one column");
        }
        for (int i = 0; i < primaryKey.length; i++)
        {
            final int ordinal = primaryKey[i];
            if (ordinal < 0 || ordinal >= columns.size())
            {
                throw new IllegalArgumentException(
                    "table \"" + name + "\": primary key ordinal " + ordinal + " is not a column (0 to " +
                    (columns.size() - 1) + ")");
            }
            final Column column = columns.get(ordinal);
            for (int j = 0; j < i; j++)
            {
                if (primaryKey[j] == ordinal)
                {
                    throw new IllegalArgumentException(
                        "table \"" + name + "\": column \"" + column.name() + "\" appears twice in the primary key");
                }
            }
            if (column.nullable())
            {
                throw new IllegalArgumentException(
                    "table \"" + name + "\": primary key column \"" + column.name() + "\" must be NOT NULL");
            }
            if (column.type().kind() == TypeKind.JSON)
            {
                throw new IllegalArgumentException(
                    "table \"" + name + "\": primary key column \"" + column.name() +
                    "\" has type JSON, which has no equality");
            }
        }
    }

    /**
     * Fold a name for case-insensitive comparison: ASCII A-Z to a-z, everything else unchanged.
     *
     * @param name the name.
     * @return the folded name.
     */
    public static String fold(final String name)
    {
        final char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++)
        {
            final char c = chars[i];
            if (c >= 'A' && c <= 'Z')
            {
                chars[i] = (char)(c + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    /**
     * Start a schema, columns numbered in the order they are added.
     *
     * @param tableId catalog id of the table.
     * @param name    table name.
     * @return a new builder.
     */
    public static Builder builder(final int tableId, final String name)
    {
        return new Builder(tableId, name);
    }

    /**
     * @return catalog id of the table.
     */
    public int tableId()
    {
        return tableId;
    }

    /**
     * @return table name as given.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return the columns in ordinal order, unmodifiable.
     */
    public List<Column> columns()
    {
        return columns;
    }

    /**
     * @return number of columns.
     */
    public int columnCount()
    {
        return columns.size();
    }

    /**
     * @param ordinal column position, from 0.
     * @return the column.
     * @throws IndexOutOfBoundsException if there is no such column.
     */
    public Column column(final int ordinal)
    {
        return columns.get(ordinal);
    }

    /**
     * @return ordinals of the primary key columns in key order (a copy).
     */
    public int[] primaryKey()
    {
        return primaryKey.clone();
    }

    /**
     * Find a column by name, ignoring ASCII case.
     *
     * @param columnName the name.
     * @return the ordinal, or -1 if the table has no such column.
     */
    public int columnOrdinal(final String columnName)
    {
        final Integer ordinal = ordinalByFoldedName.get(fold(columnName));
        return null == ordinal ? -1 : ordinal;
    }

    /**
     * Find a column by name, ignoring ASCII case.
     *
     * @param columnName the name.
     * @return the column.
     * @throws IllegalArgumentException if the table has no such column (SQLSTATE 42703 in the SQL layer).
     */
    public Column column(final String columnName)
    {
        final int ordinal = columnOrdinal(columnName);
        if (ordinal < 0)
        {
            throw new IllegalArgumentException(
                "column \"" + columnName + "\" does not exist in table \"" + name + "\"");
        }
        return columns.get(ordinal);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public boolean equals(final Object o)
    {
        if (this == o)
        {
            return true;
        }
        if (!(o instanceof TableSchema))
        {
            return false;
        }
        final TableSchema that = (TableSchema)o;
        return tableId == that.tableId && name.equals(that.name) && columns.equals(that.columns) &&
            Arrays.equals(primaryKey, that.primaryKey);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int hashCode()
    {
        return Objects.hash(tableId, name, columns) * 31 + Arrays.hashCode(primaryKey);
    }

    /**
     * @return the table as a {@code CREATE TABLE} statement.
     */
    @Override
    public String toString()
    {
        final StringBuilder sb = new StringBuilder("CREATE TABLE \"").append(name).append("\" (");
        for (final Column column : columns)
        {
            sb.append(column).append(", ");
        }
        sb.append("PRIMARY KEY (");
        for (int i = 0; i < primaryKey.length; i++)
        {
            sb.append(i > 0 ? ", \"" : "\"").append(columns.get(primaryKey[i]).name()).append('"');
        }
        return sb.append(")) /* id ").append(tableId).append(" */").toString();
    }

    /**
     * Builds a {@link TableSchema}, numbering columns in the order they are added; all validation happens
     * in {@link #build()}.
     * <p>
     * <b>Note:</b> not thread safe; use from one thread.
     */
    public static final class Builder
    {
        private final int tableId;
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private String[] primaryKey = new String[0];

        private Builder(final int tableId, final String name)
        {
            this.tableId = tableId;
            this.name = name;
        }

        /**
         * Add a column without a default.
         *
         * @param columnName column name.
         * @param type       column type.
         * @param nullable   false for {@code NOT NULL}.
         * @return this builder.
         * @throws IllegalArgumentException if the column is invalid on its own.
         */
        public Builder column(final String columnName, final ColumnType type, final boolean nullable)
        {
            return column(columnName, type, nullable, null);
        }

        /**
         * Add a column.
         *
         * @param columnName        column name.
         * @param type              column type.
         * @param nullable          false for {@code NOT NULL}.
         * @param defaultExpression SQL text of the default, or null.
         * @return this builder.
         * @throws IllegalArgumentException if the column is invalid on its own.
         */
        public Builder column(
            final String columnName, final ColumnType type, final boolean nullable, final String defaultExpression)
        {
            columns.add(new Column(columnName, type, nullable, defaultExpression, columns.size()));
            return this;
        }

        /**
         * @param columnNames names of the primary key columns in key order, matched ignoring ASCII case.
         * @return this builder.
         */
        public Builder primaryKey(final String... columnNames)
        {
            primaryKey = columnNames.clone();
            return this;
        }

        /**
         * @return the validated schema.
         * @throws IllegalArgumentException if the definition is invalid or a primary key name is not a column.
         */
        public TableSchema build()
        {
            final int[] ordinals = new int[primaryKey.length];
            for (int i = 0; i < primaryKey.length; i++)
            {
                ordinals[i] = -1;
                for (final Column column : columns)
                {
                    if (fold(column.name()).equals(fold(primaryKey[i])))
                    {
                        ordinals[i] = column.ordinal();
                        break;
                    }
                }
                if (ordinals[i] < 0)
                {
                    throw new IllegalArgumentException(
                        "table \"" + name + "\": primary key column \"" + primaryKey[i] + "\" does not exist");
                }
            }
            return new TableSchema(tableId, name, columns, ordinals);
        }
    }
}
