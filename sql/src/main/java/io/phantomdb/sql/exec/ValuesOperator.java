package io.phantomdb.sql.exec;

import java.util.List;

/**
 * Returns literal rows (a VALUES list, or the single empty row of a SELECT without FROM).
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class ValuesOperator extends Operator
{
    private final Evaluator[][] rows;
    private final Object[] row;
    private int position;

    /**
     * @param rows  the rows' compiled expressions.
     * @param width the number of columns.
     */
    public ValuesOperator(final Evaluator[][] rows, final int width)
    {
        super(rows.length);
        this.rows = rows.clone();
        this.row = new Object[width];
    }

    @Override
    protected void doOpen()
    {
        position = 0;
    }

    @Override
    protected boolean doNext()
    {
        if (position >= rows.length)
        {
            return false;
        }
        final Evaluator[] expressions = rows[position++];
        for (int i = 0; i < expressions.length; i++)
        {
            row[i] = expressions[i].eval(null, ctx);
        }
        return true;
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
        return rows.length == 1 && row.length == 0 ? "Result" : "Values (" + rows.length + " rows)";
    }
}
