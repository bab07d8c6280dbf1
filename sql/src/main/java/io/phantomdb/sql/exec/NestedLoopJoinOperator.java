package io.phantomdb.sql.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins by comparing every left row with every right row (the right side is read once per open and kept):
 * for non-equi conditions, cross joins and small inputs.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class NestedLoopJoinOperator extends Operator
{
    private final Operator left;
    private final Operator right;
    private final JoinKind kind;
    private final Evaluator condition;
    private final String text;
    private final JoinOutput output;
    private final Object[] scratch;
    private final List<Object[]> rightRows = new ArrayList<>();
    private boolean[] rightMatched;
    private Object[] leftRow;
    private boolean leftMatched;
    private int rightPosition;
    private int unmatchedPosition;
    private boolean leftDone;

    /**
     * @param left          the outer input.
     * @param right         the inner input.
     * @param kind          the join kind.
     * @param condition     the join condition over left ++ right, or null for none.
     * @param text          the condition's text for EXPLAIN.
     * @param estimatedRows the planner's estimate.
     */
    public NestedLoopJoinOperator(
        final Operator left, final Operator right, final JoinKind kind, final Evaluator condition, final String text,
        final double estimatedRows)
    {
        super(estimatedRows);
        this.left = left;
        this.right = right;
        this.kind = kind;
        this.condition = condition;
        this.text = text;
        this.output = new JoinOutput(left.width(), right.width(), kind.leftOnly());
        this.scratch = new Object[left.width() + right.width()];
    }

    @Override
    protected void doOpen()
    {
        rightRows.clear();
        right.open(ctx);
        while (right.next())
        {
            ctx.checkInterrupt();
            rightRows.add(right.row().clone());
        }
        right.close();
        rightMatched = new boolean[rightRows.size()];
        leftRow = null;
        leftDone = false;
        unmatchedPosition = 0;
        left.open(ctx);
    }

    @Override
    protected boolean doNext()
    {
        while (!leftDone)
        {
            if (null == leftRow)
            {
                if (!left.next())
                {
                    leftDone = true;
                    break;
                }
                leftRow = left.row();
                leftMatched = false;
                rightPosition = 0;
            }
            while (rightPosition < rightRows.size())
            {
                ctx.checkInterrupt();
                final int position = rightPosition++;
                final Object[] candidate = rightRows.get(position);
                if (null == condition ||
                    Truth.isTrue(condition.eval(output.pair(leftRow, candidate, scratch), ctx)))
                {
                    leftMatched = true;
                    rightMatched[position] = true;
                    if (kind == JoinKind.SEMI)
                    {
                        rightPosition = rightRows.size();
                        output.combine(leftRow, null);
                        leftRow = null;
                        return true;
                    }
                    if (kind == JoinKind.ANTI)
                    {
                        rightPosition = rightRows.size();
                        break;
                    }
                    output.combine(leftRow, candidate);
                    return true;
                }
            }
            final Object[] finished = leftRow;
            leftRow = null;
            if (!leftMatched && (kind == JoinKind.LEFT || kind == JoinKind.FULL || kind == JoinKind.ANTI))
            {
                output.combine(finished, null);
                return true;
            }
        }
        if (kind == JoinKind.RIGHT || kind == JoinKind.FULL)
        {
            while (unmatchedPosition < rightRows.size())
            {
                final int position = unmatchedPosition++;
                if (!rightMatched[position])
                {
                    output.combine(null, rightRows.get(position));
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close()
    {
        rightRows.clear();
        super.close();
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
        return "Nested Loop " + kindText(kind) + (null == condition ? "" : " (" + text + ")");
    }

    static String kindText(final JoinKind kind)
    {
        return switch (kind)
        {
            case INNER -> "Inner Join";
            case LEFT -> "Left Join";
            case RIGHT -> "Right Join";
            case FULL -> "Full Join";
            case SEMI -> "Semi Join";
            case ANTI -> "Anti Join";
        };
    }
}
