package io.phantomdb.sql.exec;

import java.util.List;

/**
 * Passes the input rows for which a predicate is TRUE.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class FilterOperator extends Operator
{
    private final Operator input;
    private final Evaluator predicate;
    private final String text;

    /**
     * @param input         the input.
     * @param predicate     the compiled predicate.
     * @param text          the predicate's text for EXPLAIN.
     * @param estimatedRows the planner's estimate.
     */
    public FilterOperator(final Operator input, final Evaluator predicate, final String text, final double estimatedRows)
    {
        super(estimatedRows);
        this.input = input;
        this.predicate = predicate;
        this.text = text;
    }

    @Override
    protected void doOpen()
    {
        input.open(ctx);
    }

    @Override
    protected boolean doNext()
    {
        while (input.next())
        {
            ctx.checkInterrupt();
            if (Truth.isTrue(predicate.eval(input.row(), ctx)))
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object[] row()
    {
        return input.row();
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
        return "Filter (" + text + ")";
    }
}
