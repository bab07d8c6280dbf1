package io.phantomdb.sql.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads all input rows, copies them with their sort keys, sorts them (stable) and returns them in order.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class SortOperator extends Operator
{
    private final Operator input;
    private final SortKey[] keys;
    private final ValueSemantics semantics;
    private final String text;
    private final List<Object[][]> rows = new ArrayList<>();
    private Object[] row;
    private int position;

    /**
     * @param input     the input.
     * @param keys      the sort keys.
     * @param semantics value comparison.
     * @param text      the keys' text for EXPLAIN.
     */
    public SortOperator(final Operator input, final SortKey[] keys, final ValueSemantics semantics, final String text)
    {
        super(input.estimatedRows());
        this.input = input;
        this.keys = keys.clone();
        this.semantics = semantics;
        this.text = text;
    }

    @Override
    protected void doOpen()
    {
        rows.clear();
        position = 0;
        input.open(ctx);
        while (input.next())
        {
            ctx.checkInterrupt();
            final Object[] in = input.row();
            final Object[] keyValues = new Object[keys.length];
            for (int i = 0; i < keys.length; i++)
            {
                keyValues[i] = keys[i].expression().eval(in, ctx);
            }
            rows.add(new Object[][]{in.clone(), keyValues});
        }
        rows.sort(this::compare);
    }

    private int compare(final Object[][] a, final Object[][] b)
    {
        for (int i = 0; i < keys.length; i++)
        {
            final SortKey key = keys[i];
            final Object x = a[1][i];
            final Object y = b[1][i];
            final int c;
            if (null == x || null == y)
            {
                if (null == x && null == y)
                {
                    continue;
                }
                c = (null == x) == key.nullsFirst() ? -1 : 1;
                return c;
            }
            final int order = semantics.compare(x, y);
            if (order != 0)
            {
                return key.descending() ? -order : order;
            }
        }
        return 0;
    }

    @Override
    protected boolean doNext()
    {
        if (position >= rows.size())
        {
            return false;
        }
        row = rows.get(position++)[0];
        return true;
    }

    @Override
    public void close()
    {
        rows.clear();
        super.close();
    }

    @Override
    public Object[] row()
    {
        return row;
    }

    @Override
    public int width()
    {
        return input.width();
    }

    @Override
    public List<Operator> children()
    {
        return List.of(input);
    }

    @Override
    public String describe()
    {
        return "Sort (" + text + ")";
    }
}
