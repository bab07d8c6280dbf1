package io.phantomdb.proptest.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated table: its columns (primary-key columns first) and its initial rows.
 *
 * @param name    its name.
 * @param columns its columns.
 * @param rows    its rows, one value per column (null for SQL NULL).
 */
record Table(String name, List<Column> columns, List<Object[]> rows)
{
    /**
     * @return the CREATE TABLE statement.
     */
    String ddl()
    {
        final StringBuilder sb = new StringBuilder("CREATE TABLE ").append(name).append(" (");
        final List<String> pk = new ArrayList<>();
        for (final Column c : columns)
        {
            sb.append(c.name()).append(' ').append(c.type().ddl()).append(c.notNull() ? " NOT NULL" : "").append(", ");
            if (c.primaryKey())
            {
                pk.add(c.name());
            }
        }
        return sb.append("PRIMARY KEY (").append(String.join(", ", pk)).append("))").toString();
    }

    /**
     * @return one multi-row INSERT with every row, or none when the table is empty.
     */
    List<String> inserts()
    {
        if (rows.isEmpty())
        {
            return List.of();
        }
        final List<String> values = new ArrayList<>();
        for (final Object[] row : rows)
        {
            values.add(tuple(row));
        }
        return List.of("INSERT INTO " + name + " (" + columnList() + ") VALUES " + String.join(", ", values));
    }

    /**
     * @return the column names, comma-separated.
     */
    String columnList()
    {
        final List<String> names = new ArrayList<>();
        for (final Column c : columns)
        {
            names.add(c.name());
        }
        return String.join(", ", names);
    }

    /**
     * @return the primary-key columns.
     */
    List<Column> primaryKey()
    {
        final List<Column> pk = new ArrayList<>();
        for (final Column c : columns)
        {
            if (c.primaryKey())
            {
                pk.add(c);
            }
        }
        return pk;
    }

    static String tuple(final Object[] row)
    {
        final List<String> literals = new ArrayList<>();
        for (final Object value : row)
        {
            literals.add(SqlType.literal(value));
        }
        return "(" + String.join(", ", literals) + ")";
    }
}
