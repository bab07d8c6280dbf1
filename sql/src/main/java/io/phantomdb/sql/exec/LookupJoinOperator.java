package io.phantomdb.sql.exec;

import java.util.List;

/**
 * Index nested loop join: for each left row, the right side (a point lookup or key/index range scan whose
 * bounds read the left row through an outer-row slot) is opened again, so only matching right rows are
 * read. INNER, LEFT, SEMI and ANTI.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class LookupJoinOperator extends Operator
{
    private final Operator left;
    private final Operator right;
    private final JoinKind kind;
    private final int slot;
    private final Evaluator condition;
    private final String text;
    private final JoinOutput output;
    private final Object[] scratch;
    private Object[] leftRow;
    private boolean leftMatched;

    /**
     * @param left          the outer input.
     * @param right         the lookup, reading the left row from {@code slot}.
     * @param kind          INNER, LEFT, SEMI or ANTI.
     * @param slot          the outer-row slot the lookup's bounds read.
     * @param condition     the rest of the join condition over left ++ right, or null.
     * @param text          the condition for EXPLAIN.
     * @param estimatedRows the planner's estimate.
     */
    public LookupJoinOperator(
        final Operator left, final Operator right, final JoinKind kind, final int slot, final Evaluator condition,
        final String text, final double estimatedRows)
    {
        super(estimatedRows);
        this.left = left;
        this.right = right;
        this.kind = kind;
        this.slot = slot;
        this.condition = condition;
        this.text = text;
        this.output = new JoinOutput(left.width(), right.width(), kind.leftOnly());
        this.scratch = new Object[left.width() + right.width()];
    }

    @Override
    protected void doOpen()
    {
        leftRow = null;
        left.open(ctx);
    }

    @Override
    protected boolean doNext()
    {
        while (true)
        {
            if (null == leftRow)
            {
                if (!left.next())
                {
                    return false;
                }
                leftRow = left.row();
                leftMatched = false;
                ctx.setOuter(slot, leftRow);
                right.open(ctx);
            }
            while (right.next())
            {
                ctx.checkInterrupt();
                final Object[] candidate = right.row();
                if (null != condition && !Truth.isTrue(condition.eval(output.pair(leftRow, candidate, scratch), ctx)))
                {
                    continue;
                }
                leftMatched = true;
                if (kind == JoinKind.ANTI)
                {
                    break;
                }
                if (kind == JoinKind.SEMI)
                {
                    output.combine(leftRow, null);
                    right.close();
                    leftRow = null;
                    return true;
                }
                output.combine(leftRow, candidate);
                return true;
            }
            right.close();
            final Object[] finished = leftRow;
            leftRow = null;
            if (!leftMatched && (kind == JoinKind.LEFT || kind == JoinKind.ANTI))
            {
                output.combine(finished, null);
                return true;
            }
        }
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
        return "Index Nested Loop " + NestedLoopJoinOperator.kindText(kind) + " (" + text + ")";
    }
}
