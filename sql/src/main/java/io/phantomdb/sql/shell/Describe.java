package io.phantomdb.sql.shell;

import io.phantomdb.core.schema.TypeKind;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shell's {@code \d} commands, answered from JDBC's {@link DatabaseMetaData}: {@code \d} lists tables,
 * views and indexes; {@code \d name} shows a table's or view's columns (type, nullability, default) and
 * its indexes.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
final class Describe
{
    private static final String SCHEMA = "public";

    private Describe()
    {
    }

    /**
     * Prints the tables, views and indexes.
     *
     * @param connection the connection.
     * @param out        where to print.
     * @throws SQLException if the metadata cannot be read.
     */
    static void relations(final Connection connection, final PrintStream out) throws SQLException
    {
        final DatabaseMetaData meta = connection.getMetaData();
        final List<List<String>> rows = new ArrayList<>();
        final List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, SCHEMA, "%", null))
        {
            while (rs.next())
            {
                final String type = rs.getString("TABLE_TYPE").toLowerCase(Locale.ROOT);
                rows.add(List.of(SCHEMA, rs.getString("TABLE_NAME"), type, ""));
                if ("table".equals(type))
                {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        for (final String table : tables)
        {
            for (final String index : indexes(meta, table).keySet())
            {
                rows.add(List.of(SCHEMA, index, "index", table));
            }
        }
        if (rows.isEmpty())
        {
            out.println("Did not find any relations.");
            return;
        }
        out.println("List of relations");
        TablePrinter.print(List.of("Schema", "Name", "Type", "Table"), rows, new boolean[4], out);
    }

    /**
     * Prints one table's or view's columns and indexes.
     *
     * @param connection the connection.
     * @param name       the table or view name, as stored (unquoted names are lower case).
     * @param out        where to print.
     * @throws SQLException if the metadata cannot be read, or (SQLSTATE 42P01) if there is no such relation.
     */
    static void relation(final Connection connection, final String name, final PrintStream out) throws SQLException
    {
        final DatabaseMetaData meta = connection.getMetaData();
        final String stored = stored(meta, name);
        String type = null;
        try (ResultSet rs = meta.getTables(null, SCHEMA, escape(stored), null))
        {
            if (rs.next())
            {
                type = rs.getString("TABLE_TYPE");
            }
        }
        if (type == null)
        {
            throw new SQLException("Did not find any relation named \"" + name + "\".", "42P01");
        }
        final List<List<String>> rows = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, SCHEMA, escape(stored), "%"))
        {
            while (rs.next())
            {
                final String def = rs.getString("COLUMN_DEF");
                rows.add(List.of(rs.getString("COLUMN_NAME"),
                    typeText(rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS")),
                    "NO".equals(rs.getString("IS_NULLABLE")) ? "not null" : "", def == null ? "" : def));
            }
        }
        out.println(("VIEW".equals(type) ? "View" : "Table") + " \"" + SCHEMA + "." + stored + "\"");
        TablePrinter.print(List.of("Column", "Type", "Nullable", "Default"), rows, new boolean[4], out);
        final Map<String, IndexText> indexes = indexes(meta, stored);
        if (!indexes.isEmpty())
        {
            out.println("Indexes:");
            final List<String> primary = primaryKey(meta, stored);
            for (final Map.Entry<String, IndexText> index : indexes.entrySet())
            {
                out.println("    \"" + index.getKey() + "\" " + index.getValue().text(primary));
            }
        }
    }

    private static String stored(final DatabaseMetaData meta, final String name) throws SQLException
    {
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\""))
        {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return meta.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static String escape(final String name)
    {
        return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static List<String> primaryKey(final DatabaseMetaData meta, final String table) throws SQLException
    {
        final List<String> columns = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, SCHEMA, table))
        {
            while (rs.next())
            {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }

    /**
     * An index as {@code \d} prints it.
     *
     * @param unique  whether it is unique.
     * @param hashed  whether it is a hash index.
     * @param columns its key parts in order, with {@code DESC} where descending.
     */
    private record IndexText(boolean unique, boolean hashed, List<String> columns)
    {
        /**
         * @param primaryKey the table's primary key columns.
         * @return for example {@code PRIMARY KEY, btree (id)}.
         */
        String text(final List<String> primaryKey)
        {
            final String kind = unique && columns.equals(primaryKey) ? "PRIMARY KEY, " : unique ? "UNIQUE, " : "";
            return kind + (hashed ? "hash" : "btree") + " (" + String.join(", ", columns) + ")";
        }
    }

    private static Map<String, IndexText> indexes(final DatabaseMetaData meta, final String table) throws SQLException
    {
        final Map<String, IndexText> indexes = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, SCHEMA, table, false, true))
        {
            while (rs.next())
            {
                final String name = rs.getString("INDEX_NAME");
                IndexText index = indexes.get(name);
                if (index == null)
                {
                    index = new IndexText(!rs.getBoolean("NON_UNIQUE"),
                        rs.getShort("TYPE") == DatabaseMetaData.tableIndexHashed, new ArrayList<>());
                    indexes.put(name, index);
                }
                index.columns().add(rs.getString("COLUMN_NAME") + ("D".equals(rs.getString("ASC_OR_DESC")) ? " DESC" : ""));
            }
        }
        return indexes;
    }

    /**
     * @param pgName  the PostgreSQL type name {@code getColumns} reports.
     * @param size    its COLUMN_SIZE.
     * @param decimal its DECIMAL_DIGITS.
     * @return the type as SQL spells it, for example {@code integer}, {@code varchar(20)}, {@code numeric(10,2)}.
     */
    static String typeText(final String pgName, final int size, final int decimal)
    {
        for (final TypeKind kind : TypeKind.values())
        {
            if (kind.pgTypeName().equals(pgName))
            {
                switch (kind)
                {
                    case NUMERIC:
                        return size == 0 ? "numeric" : "numeric(" + size + "," + decimal + ")";
                    case CHAR:
                        return "character(" + size + ")";
                    case VARCHAR:
                        return size == Integer.MAX_VALUE ? "varchar" : "varchar(" + size + ")";
                    default:
                        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
                }
            }
        }
        return pgName;
    }
}
