package io.phantomdb.sql.plan;

import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

import java.util.List;

/**
 * The columns a query level can name (its FROM row), linked to the enclosing query's scope for correlated
 * references. Each scope has a slot: the place in the execution context where a subquery finds this
 * level's current row.
 * <p>
 * <b>Note:</b> used by one binder on one thread.
 */
public final class Scope
{
    private final List<Field> fields;
    private final boolean[] unqualifiedHidden;
    private final Scope parent;
    private final int slot;

    /**
     * @param fields            the row's fields.
     * @param unqualifiedHidden per field, whether an unqualified name or {@code *} skips it (USING duplicates).
     * @param parent            the enclosing scope, or null.
     * @param slot              this level's outer-row slot.
     */
    public Scope(final List<Field> fields, final boolean[] unqualifiedHidden, final Scope parent, final int slot)
    {
        this.fields = fields;
        this.unqualifiedHidden = null == unqualifiedHidden ? new boolean[fields.size()] : unqualifiedHidden;
        this.parent = parent;
        this.slot = slot;
    }

    /**
     * @return the fields.
     */
    public List<Field> fields()
    {
        return fields;
    }

    /**
     * @return the enclosing scope, or null.
     */
    public Scope parent()
    {
        return parent;
    }

    /**
     * @return the outer-row slot.
     */
    public int slot()
    {
        return slot;
    }

    /**
     * @param index a field position.
     * @return whether unqualified names and {@code *} skip it.
     */
    public boolean unqualifiedHidden(final int index)
    {
        return unqualifiedHidden[index];
    }

    /**
     * Finds a column in this scope only.
     *
     * @param qualifier the table or alias, or null.
     * @param name      the column name.
     * @param position  the reference's position, for errors.
     * @return the field's position, or -1.
     * @throws SqlException 42702 when more than one column matches.
     */
    public int find(final String qualifier, final String name, final int position)
    {
        final String folded = TableSchema.fold(name);
        int found = -1;
        for (int i = 0; i < fields.size(); i++)
        {
            final Field field = fields.get(i);
            if (field.hidden() || !TableSchema.fold(field.name()).equals(folded))
            {
                continue;
            }
            if (null == qualifier)
            {
                if (unqualifiedHidden[i])
                {
                    continue;
                }
            }
            else if (null == field.qualifier() || !TableSchema.fold(field.qualifier()).equals(TableSchema.fold(qualifier)))
            {
                continue;
            }
            if (found >= 0)
            {
                throw new SqlException(SqlState.AMBIGUOUS_COLUMN,
                    "column reference \"" + (null == qualifier ? name : qualifier + "." + name) + "\" is ambiguous",
                    position);
            }
            found = i;
        }
        return found;
    }

    /**
     * @param qualifier a table name or alias.
     * @return whether some field has that qualifier.
     */
    public boolean hasQualifier(final String qualifier)
    {
        for (final Field field : fields)
        {
            if (null != field.qualifier() && TableSchema.fold(field.qualifier()).equals(TableSchema.fold(qualifier)))
            {
                return true;
            }
        }
        return false;
    }
}
