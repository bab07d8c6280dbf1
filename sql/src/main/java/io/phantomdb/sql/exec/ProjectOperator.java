package io.phantomdb.sql.exec;

import java.util.List;

/**
 * Computes output columns from each input row into one reused array.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class ProjectOperator extends Operator
{
    private final Operator input;
    private final Evaluator[] expressions;
    private final String text;
    private final Object[] row;

    /**
     * @param input       the input.
     * @param expressions one per output column.
     * @param text        the output list for EXPLAIN.
     */
    public ProjectOperator(final Operator input, final Evaluator[] expressions, final String text)
    {
        super(input.estimatedRows());
        this.input = input;
        this.expressions = expressions.clone();
        this.text = text;
        this.row = new Object[expressions.length];
    }

    @Override
    protected void doOpen()
    {
        input.open(ctx);
    }

    @Override
    protected boolean doNext()
    {
        if (!input.next())
        {
            return false;
        }
        final Object[] in = input.row();
        for (int i = 0; i < expressions.length; i++)
        {
            row[i] = expressions[i].eval(in, ctx);
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
        return List.of(input);
    }

    @Override
    public String describe()
    {
        return "Project (" + text + ")";
    }
}
