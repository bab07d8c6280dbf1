package io.phantomdb.proptest.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A random schema of two or three tables {@code t0..t2} with its data: a primary key of one or two
 * columns ({@code k0}, {@code k1}: INTEGER, BIGINT or VARCHAR), then two to four columns {@code c1..}
 * of any {@link SqlType}, some NOT NULL; up to 12 rows per table with NULLs (one in five values of a
 * nullable column) and many duplicates (values mostly drawn from narrow ranges), one table in four up
 * to 80 rows; and zero to three secondary indexes (one or two columns, sometimes UNIQUE on a
 * column whose data allows it), created before the data is loaded.
 *
 * @param tables  the tables.
 * @param indexes the CREATE INDEX statements.
 */
record Schema(List<Table> tables, List<String> indexes)
{
    private static final SqlType[] KEY_TYPES = { SqlType.INTEGER, SqlType.BIGINT, SqlType.VARCHAR };

    /**
     * @param random the source.
     * @return a new schema with data.
     */
    static Schema random(final Random random)
    {
        return random(random, false);
    }

    /**
     * @param random the source.
     * @param edges  whether one value in three is an extreme ({@link SqlType#edgeValue}) and every
     *               schema has at least one index.
     * @return a new schema with data.
     */
    static Schema random(final Random random, final boolean edges)
    {
        final int count = 2 + random.nextInt(2);
        final List<Table> tables = new ArrayList<>();
        for (int t = 0; t < count; t++)
        {
            final List<Column> columns = new ArrayList<>();
            final int keys = random.nextInt(4) == 0 ? 2 : 1;
            for (int k = 0; k < keys; k++)
            {
                columns.add(new Column("k" + k, KEY_TYPES[random.nextInt(KEY_TYPES.length)], true, true));
            }
            final int others = 2 + random.nextInt(3);
            for (int c = 1; c <= others; c++)
            {
                final SqlType type = SqlType.values()[random.nextInt(SqlType.values().length)];
                columns.add(new Column("c" + c, type, random.nextInt(4) == 0, false));
            }
            tables.add(new Table("t" + t, List.copyOf(columns), rows(random, columns, edges)));
        }
        return new Schema(List.copyOf(tables), indexes(random, tables, edges));
    }

    private static List<String> indexes(final Random random, final List<Table> tables, final boolean edges)
    {
        final List<String> indexes = new ArrayList<>();
        final int n = edges ? 1 + random.nextInt(3) : random.nextInt(4);
        for (int i = 0; i < n; i++)
        {
            final Table table = tables.get(random.nextInt(tables.size()));
            final int first = random.nextInt(table.columns().size());
            final String columns = random.nextBoolean() ? table.columns().get(first).name() :
                table.columns().get(first).name() + ", " + table.columns().get((first + 1) % table.columns().size()).name();
            final boolean unique = !columns.contains(",") && random.nextInt(4) == 0 && distinct(table, first);
            indexes.add("CREATE " + (unique ? "UNIQUE " : "") + "INDEX i" + i + " ON " + table.name() + " (" + columns + ")");
        }
        return List.copyOf(indexes);
    }

    private static boolean distinct(final Table table, final int column)
    {
        final Set<Object> seen = new HashSet<>();
        for (final Object[] row : table.rows())
        {
            if (row[column] != null && !seen.add(row[column]))
            {
                return false;
            }
        }
        return true;
    }

    private static List<Object[]> rows(final Random random, final List<Column> columns, final boolean edges)
    {
        final int n = random.nextInt(4) == 0 ? random.nextInt(81) : random.nextInt(13);
        final List<Object[]> rows = new ArrayList<>();
        final Set<List<Object>> keys = new HashSet<>();
        for (int attempt = 0; attempt < n * 3 && rows.size() < n; attempt++)
        {
            final Object[] row = new Object[columns.size()];
            final List<Object> key = new ArrayList<>();
            for (int i = 0; i < row.length; i++)
            {
                final Column c = columns.get(i);
                row[i] = !c.notNull() && random.nextInt(5) == 0 ? null : edges && random.nextInt(3) == 0 ? c.type().edgeValue(random) :
                    c.type().randomValue(random, c.primaryKey() && random.nextBoolean());
                if (c.primaryKey())
                {
                    key.add(row[i]);
                }
            }
            if (keys.add(key))
            {
                rows.add(row);
            }
        }
        return List.copyOf(rows);
    }

    /**
     * @param table a table of this schema.
     * @return the names of its columns that a single-column UNIQUE index covers.
     */
    Set<String> uniqueColumns(final Table table)
    {
        final Set<String> columns = new HashSet<>();
        final String prefix = " ON " + table.name() + " (";
        for (final String index : indexes)
        {
            if (index.startsWith("CREATE UNIQUE") && index.contains(prefix))
            {
                columns.add(index.substring(index.indexOf(prefix) + prefix.length(), index.length() - 1));
            }
        }
        return columns;
    }

    /**
     * @return every statement that creates the schema and loads the data.
     */
    List<String> setUp()
    {
        final List<String> statements = new ArrayList<>();
        for (final Table t : tables)
        {
            statements.add(t.ddl());
        }
        statements.addAll(indexes);
        for (final Table t : tables)
        {
            statements.addAll(t.inserts());
        }
        return statements;
    }

    /**
     * @return the set-up statements, one a line, for failure messages.
     */
    String describe()
    {
        return String.join(";\n", setUp()) + ";";
    }
}
