package io.phantomdb.sql.ast;

import java.util.List;

/**
 * A column of CREATE TABLE or ALTER TABLE ADD COLUMN: name, type and its constraints in written order
 * (NOT NULL, NULL, DEFAULT, PRIMARY KEY, UNIQUE, CHECK, REFERENCES; column-level constraints have an
 * empty column list).
 * <p>
 * <b>Note:</b> immutable; thread safe.
 *
 * @param position    1-based offset of the column name.
 * @param name        the column name.
 * @param type        the declared type.
 * @param constraints the column constraints, possibly empty.
 */
public record ColumnDefinition(int position, String name, TypeName type, List<Constraint> constraints)
    implements Node
{
    /**
     * @return true when a NOT NULL or PRIMARY KEY constraint is declared on the column.
     */
    public boolean isNotNull()
    {
        for (int i = 0; i < constraints.size(); i++)
        {
            final Constraint c = constraints.get(i);
            if (c instanceof Constraint.NotNull || c instanceof Constraint.PrimaryKey)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return true when PRIMARY KEY is declared on the column.
     */
    public boolean isPrimaryKey()
    {
        return find(Constraint.PrimaryKey.class) != null;
    }

    /**
     * @return true when UNIQUE is declared on the column.
     */
    public boolean isUnique()
    {
        return find(Constraint.Unique.class) != null;
    }

    /**
     * @return the DEFAULT expression, or null when none is declared (the last one wins if repeated).
     */
    public Expression defaultValue()
    {
        Expression value = null;
        for (int i = 0; i < constraints.size(); i++)
        {
            final Constraint c = constraints.get(i);
            if (c instanceof Constraint.Default)
            {
                value = ((Constraint.Default)c).value();
            }
        }
        return value;
    }

    private <T extends Constraint> T find(final Class<T> type)
    {
        for (int i = 0; i < constraints.size(); i++)
        {
            final Constraint c = constraints.get(i);
            if (type.isInstance(c))
            {
                return type.cast(c);
            }
        }
        return null;
    }
}
