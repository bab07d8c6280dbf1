package io.phantomdb.sql.exec;

import io.phantomdb.core.table.Row;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the rows of a list of single-column primary keys ({@code id IN (1, 2, $1)}): one {@code Tx.get} per
 * distinct non-NULL key, in list order.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class KeyListLookupOperator extends Operator
{
    private final String table;
    private final TableColumns columns;
    private final Evaluator[] keys;
    private final ValueCoercer coercer;
    private final ValueSemantics semantics;
    private final String text;
    private final Object[] row;
    private final Object[] key = new Object[1];
    private final Set<GroupKey> seen = new HashSet<>();
    private int position;

    /**
     * @param table     the table.
     * @param width     the table's column count.
     * @param columns   the columns to read.
     * @param keys      the key values.
     * @param coercer   to the key column's class.
     * @param semantics value equality (duplicates are read once).
     * @param text      the list for EXPLAIN.
     */
    public KeyListLookupOperator(
        final String table, final int width, final TableColumns columns, final Evaluator[] keys,
        final ValueCoercer coercer, final ValueSemantics semantics, final String text)
    {
        super(keys.length);
        this.table = table;
        this.columns = columns;
        this.keys = keys.clone();
        this.coercer = coercer;
        this.semantics = semantics;
        this.text = text;
        this.row = new Object[width];
    }

    @Override
    protected void doOpen()
    {
        position = 0;
        seen.clear();
    }

    @Override
    protected boolean doNext()
    {
        while (position < keys.length)
        {
            final Object value = keys[position++].eval(null, ctx);
            if (null == value)
            {
                continue;
            }
            key[0] = coercer.coerce(value);
            if (keys.length > 1 && !seen.add(new GroupKey(new Object[]{key[0]}, semantics)))
            {
                continue;
            }
            final Row found = ctx.tx().get(table, key);
            if (null != found)
            {
                columns.copy(found, row);
                return true;
            }
        }
        return false;
    }

    @Override
    public Object[] row()
    {
        return row;
    }

    @Override
    public int width()
    {
        return row.length;
    }

    @Override
    public List<Operator> children()
    {
        return List.of();
    }

    @Override
    public String describe()
    {
        return "Key List Lookup on " + table + " (" + text + ")";
    }
}
