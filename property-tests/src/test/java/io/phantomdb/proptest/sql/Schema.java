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
 * nullable column) and many duplicates (values mostly drawn from narrow ranges).
 *
 * @param tables the tables.
 */
record Schema(List<Table> tables)
{
    private static final SqlType[] KEY_TYPES = { SqlType.INTEGER, SqlType.BIGINT, SqlType.VARCHAR };

    /**
     * @param random the source.
     * @return a new schema with data.
     */
    static Schema random(final Random random)
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
            tables.add(new Table("t" + t, List.copyOf(columns), rows(random, columns)));
        }
        return new Schema(List.copyOf(tables));
    }

    private static List<Object[]> rows(final Random random, final List<Column> columns)
    {
        final int n = random.nextInt(13);
        final List<Object[]> rows = new ArrayList<>();
        final Set<List<Object>> keys = new HashSet<>();
        for (int attempt = 0; attempt < n * 3 && rows.size() < n; attempt++)
        {
            final Object[] row = new Object[columns.size()];
            final List<Object> key = new ArrayList<>();
            for (int i = 0; i < row.length; i++)
            {
                final Column c = columns.get(i);
                row[i] = !c.notNull() && random.nextInt(5) == 0 ? null : c.type().randomValue(random, c.primaryKey() && random.nextBoolean());
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
     * @return every statement that creates the schema and loads the data.
     */
    List<String> setUp()
    {
        final List<String> statements = new ArrayList<>();
        for (final Table t : tables)
        {
            statements.add(t.ddl());
        }
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
