package io.phantomdb.sql.exec;

import java.util.List;

/**
 * Inner equi-join of two inputs that arrive ordered on a unique key (primary key scans): advances
 * whichever side has the smaller key, emits a row when the keys are equal. No hash table, no buffering.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class MergeJoinOperator extends Operator
{
    private final Operator left;
    private final Operator right;
    private final Evaluator leftKey;
    private final Evaluator rightKey;
    private final ValueSemantics semantics;
    private final String text;
    private final JoinOutput output;
    private boolean leftValid;
    private boolean rightValid;

    /**
     * @param left          the left input, ordered on its key with unique keys.
     * @param right         the right input, ordered on its key with unique keys.
     * @param leftKey       the left key.
     * @param rightKey      the right key.
     * @param semantics     value comparison.
     * @param text          the condition for EXPLAIN.
     * @param estimatedRows the planner's estimate.
     */
    public MergeJoinOperator(
        final Operator left, final Operator right, final Evaluator leftKey, final Evaluator rightKey,
        final ValueSemantics semantics, final String text, final double estimatedRows)
    {
        super(estimatedRows);
        this.left = left;
        this.right = right;
        this.leftKey = leftKey;
        this.rightKey = rightKey;
        this.semantics = semantics;
        this.text = text;
        this.output = new JoinOutput(left.width(), right.width(), false);
    }

    @Override
    protected void doOpen()
    {
        left.open(ctx);
        right.open(ctx);
        leftValid = left.next();
        rightValid = right.next();
    }

    @Override
    protected boolean doNext()
    {
        while (leftValid && rightValid)
        {
            ctx.checkInterrupt();
            final Object l = leftKey.eval(left.row(), ctx);
            final Object r = rightKey.eval(right.row(), ctx);
            final int order = semantics.compare(l, r);
            if (order < 0)
            {
                leftValid = left.next();
            }
            else if (order > 0)
            {
                rightValid = right.next();
            }
            else
            {
                output.combine(left.row(), right.row());
                leftValid = left.next();
                rightValid = right.next();
                return true;
            }
        }
        return false;
    }

    @Override
    public Object[] row()
    {
        return output.row;
    }

    @Override
    public int width()
    {
        return output.row.length;
    }

    @Override
    public List<Operator> children()
    {
        return List.of(left, right);
    }

    @Override
    public String describe()
    {
        return "Merge Join (" + text + ")";
    }
}
