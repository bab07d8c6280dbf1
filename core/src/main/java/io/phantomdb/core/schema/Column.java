package io.phantomdb.core.schema;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One column of a table: name, type, nullability, default expression and position.
 * <p>
 * The name is kept as given; the SQL layer has already folded unquoted identifiers to lower case.
 * {@link TableSchema} compares names case-insensitively. The default expression is SQL text that the
 * SQL layer parses and evaluates; this class only keeps it.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public final class Column
{
    /** Longest column or table name in UTF-8 bytes, as PostgreSQL's NAMEDATALEN - 1. */
    public static final int MAX_NAME_BYTES = 63;

    private final String name;
    private final ColumnType type;
    private final boolean nullable;
    private final String defaultExpression;
    private final int ordinal;

    /**
     * @param name              the column name, 1 to {@link #MAX_NAME_BYTES} UTF-8 bytes.
     * @param type              the column type.
     * @param nullable          false for {@code NOT NULL}.
     * @param defaultExpression SQL text of the {@code DEFAULT} clause, or null for none; not blank.
     * @param ordinal           position of the column in its table, from 0.
     * @throws IllegalArgumentException if a value is out of range, naming it.
     * @throws NullPointerException     if name or type is null.
     */
    public Column(
        final String name,
        final ColumnType type,
        final boolean nullable,
        final String defaultExpression,
        final int ordinal)
    {
        this.name = checkName("column", name);
        this.type = Objects.requireNonNull(type, "type");
        if (null != defaultExpression && defaultExpression.isBlank())
        {
            throw new IllegalArgumentException(
                "column \"" + name + "\": default expression must be null or non-blank, got \"" + defaultExpression + "\"");
        }
        if (ordinal < 0)
        {
            throw new IllegalArgumentException("column \"" + name + "\": ordinal " + ordinal + " must be >= 0");
        }
        this.nullable = nullable;
        this.defaultExpression = defaultExpression;
        this.ordinal = ordinal;
    }

    static String checkName(final String what, final String name)
    {
        Objects.requireNonNull(name, what + " name");
        final int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (0 == bytes || bytes > MAX_NAME_BYTES)
        {
            throw new IllegalArgumentException(
                what + " name \"" + name + "\" has " + bytes + " UTF-8 bytes, must have 1 to " + MAX_NAME_BYTES);
        }
        return name;
    }

    /**
     * @return the column name as given.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return the column type.
     */
    public ColumnType type()
    {
        return type;
    }

    /**
     * @return false for a {@code NOT NULL} column.
     */
    public boolean nullable()
    {
        return nullable;
    }

    /**
     * @return SQL text of the default expression, or null when the column has none (the default is NULL).
     */
    public String defaultExpression()
    {
        return defaultExpression;
    }

    /**
     * @return position of the column in its table, from 0.
     */
    public int ordinal()
    {
        return ordinal;
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
        if (!(o instanceof Column))
        {
            return false;
        }
        final Column that = (Column)o;
        return nullable == that.nullable && ordinal == that.ordinal && name.equals(that.name) &&
            type.equals(that.type) && Objects.equals(defaultExpression, that.defaultExpression);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int hashCode()
    {
        return Objects.hash(name, type, nullable, defaultExpression, ordinal);
    }

    /**
     * @return the column as in a {@code CREATE TABLE}, for example {@code "id" INTEGER NOT NULL}.
     */
    @Override
    public String toString()
    {
        return "\"" + name + "\" " + type.sqlName() + (nullable ? "" : " NOT NULL") +
            (null == defaultExpression ? "" : " DEFAULT " + defaultExpression);
    }
}
