package io.phantomdb.proptest.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random INSERT, UPDATE and DELETE statements over a {@link Schema}, built to hit constraints: INSERTs
 * of one to four rows reuse existing primary keys (23505) and put NULL into NOT NULL columns (23502)
 * now and then; UPDATEs assign expressions no wider than the column (so no engine rounds a double into
 * an integer), sometimes NULL, and change a primary key only from one literal key to another (and
 * never touch a UNIQUE-indexed column: PostgreSQL checks uniqueness row by row, so a statement that
 * swaps values fails or not depending on row order); DELETEs
 * filter with any predicate, subqueries included.
 * <p>
 * <b>Note:</b> not thread-safe; one per generated scenario.
 */
final class DmlGenerator
{
    private final Schema schema;
    private final ExprGenerator exprs;
    private final Random random;

    DmlGenerator(final Schema schema, final Random random)
    {
        this.schema = schema;
        this.exprs = new ExprGenerator(schema, random);
        this.random = random;
    }

    /**
     * @return the next statement and the table it changes.
     */
    String[] next()
    {
        final Table table = schema.tables().get(random.nextInt(schema.tables().size()));
        final String sql = switch (random.nextInt(10))
        {
            case 0, 1, 2, 3 -> insert(table);
            case 4, 5, 6 -> update(table);
            case 7 -> updateKey(table);
            default -> delete(table);
        };
        return new String[] { sql, table.name() };
    }

    private Object value(final Table table, final Column column)
    {
        if (column.primaryKey() && !table.rows().isEmpty() && random.nextInt(3) == 0)
        {
            return table.rows().get(random.nextInt(table.rows().size()))[table.columns().indexOf(column)];
        }
        if (random.nextInt(column.notNull() ? 25 : 5) == 0)
        {
            return null;
        }
        return column.type().randomValue(random, column.primaryKey() && random.nextBoolean());
    }

    private String insert(final Table table)
    {
        final List<String> tuples = new ArrayList<>();
        final int n = 1 + random.nextInt(4);
        for (int r = 0; r < n; r++)
        {
            final Object[] row = new Object[table.columns().size()];
            for (int i = 0; i < row.length; i++)
            {
                row[i] = value(table, table.columns().get(i));
            }
            tuples.add(Table.tuple(row));
        }
        return "INSERT INTO " + table.name() + " (" + table.columnList() + ") VALUES " + String.join(", ", tuples);
    }

    private String update(final Table table)
    {
        final Scope scope = Scope.of(table.name(), table);
        final List<String> sets = new ArrayList<>();
        final Set<String> unique = schema.uniqueColumns(table);
        for (final Column c : table.columns())
        {
            if (c.primaryKey() || unique.contains(c.name()))
            {
                continue;
            }
            if (random.nextInt(3) == 0 || sets.isEmpty() && c == table.columns().get(table.columns().size() - 1))
            {
                sets.add(c.name() + " = " + assignment(scope, c));
            }
        }
        if (sets.isEmpty())
        {
            return updateKey(table);
        }
        return "UPDATE " + table.name() + " SET " + String.join(", ", sets) + where(scope);
    }

    private String assignment(final Scope scope, final Column column)
    {
        if (random.nextInt(column.notNull() ? 20 : 6) == 0)
        {
            return "NULL";
        }
        for (int attempt = 0; attempt < 8; attempt++)
        {
            final Expr e = exprs.of(column.type().family(), scope, 2);
            if (column.type().family() != SqlType.Family.NUMBER || e.type().ordinal() <= column.type().ordinal())
            {
                return e.sql();
            }
        }
        return exprs.literal(column.type()).sql();
    }

    private String updateKey(final Table table)
    {
        final Column key = table.primaryKey().get(0);
        final Object from = value(table, key);
        final Object to = key.type().randomValue(random, random.nextBoolean());
        return "UPDATE " + table.name() + " SET " + key.name() + " = " + SqlType.literal(to) + " WHERE " + key.name() + " = " +
            SqlType.literal(from == null ? key.type().randomValue(random, false) : from);
    }

    private String delete(final Table table)
    {
        return "DELETE FROM " + table.name() + where(Scope.of(table.name(), table));
    }

    private String where(final Scope scope)
    {
        return random.nextInt(8) == 0 ? "" : " WHERE " + exprs.bool(scope, 3).sql();
    }
}
