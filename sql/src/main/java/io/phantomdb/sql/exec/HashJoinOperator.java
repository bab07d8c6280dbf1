package io.phantomdb.sql.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Equi-join: builds a hash table of the right input on its key expressions, then probes it with each left
 * row; a residual condition (the non-equality rest of ON) filters the pairs. NULL keys never match.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class HashJoinOperator extends Operator
{
    private final Operator left;
    private final Operator right;
    private final JoinKind kind;
    private final Evaluator[] leftKeys;
    private final Evaluator[] rightKeys;
    private final Evaluator residual;
    private final ValueSemantics semantics;
    private final String text;
    private final JoinOutput output;
    private final Object[] scratch;
    private final List<Object[]> rightRows = new ArrayList<>();
    private final Map<GroupKey, List<Integer>> table = new HashMap<>();
    private boolean[] rightMatched;
    private Object[] leftRow;
    private List<Integer> candidates;
    private int candidatePosition;
    private boolean leftMatched;
    private boolean leftDone;
    private int unmatchedPosition;

    /**
     * @param left          the probe input.
     * @param right         the build input.
     * @param kind          the join kind.
     * @param leftKeys      key expressions over the left row.
     * @param rightKeys     key expressions over the right row.
     * @param residual      the rest of the condition over left ++ right, or null.
     * @param semantics     value equality and hashing.
     * @param text          the condition's text for EXPLAIN.
     * @param estimatedRows the planner's estimate.
     */
    public HashJoinOperator(
        final Operator left, final Operator right, final JoinKind kind, final Evaluator[] leftKeys,
        final Evaluator[] rightKeys, final Evaluator residual, final ValueSemantics semantics, final String text,
        final double estimatedRows)
    {
        super(estimatedRows);
        this.left = left;
        this.right = right;
        this.kind = kind;
        this.leftKeys = leftKeys.clone();
        this.rightKeys = rightKeys.clone();
        this.residual = residual;
        this.semantics = semantics;
        this.text = text;
        this.output = new JoinOutput(left.width(), right.width(), kind.leftOnly());
        this.scratch = new Object[left.width() + right.width()];
    }

    @Override
    protected void doOpen()
    {
        rightRows.clear();
        table.clear();
        right.open(ctx);
        while (right.next())
        {
            ctx.checkInterrupt();
            final Object[] row = right.row().clone();
            final GroupKey key = key(rightKeys, row);
            rightRows.add(row);
            if (!key.hasNull())
            {
                table.computeIfAbsent(key, k -> new ArrayList<>(1)).add(rightRows.size() - 1);
            }
        }
        right.close();
        rightMatched = new boolean[rightRows.size()];
        leftRow = null;
        leftDone = false;
        unmatchedPosition = 0;
        left.open(ctx);
    }

    private GroupKey key(final Evaluator[] keys, final Object[] row)
    {
        final Object[] values = new Object[keys.length];
        for (int i = 0; i < keys.length; i++)
        {
            values[i] = keys[i].eval(row, ctx);
        }
        return new GroupKey(values, semantics);
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
                ctx.checkInterrupt();
                leftRow = left.row();
                leftMatched = false;
                final GroupKey key = key(leftKeys, leftRow);
                candidates = key.hasNull() ? null : table.get(key);
                candidatePosition = 0;
            }
            while (null != candidates && candidatePosition < candidates.size())
            {
                final int index = candidates.get(candidatePosition++);
                final Object[] candidate = rightRows.get(index);
                if (null == residual || Truth.isTrue(residual.eval(output.pair(leftRow, candidate, scratch), ctx)))
                {
                    leftMatched = true;
                    rightMatched[index] = true;
                    if (kind == JoinKind.SEMI)
                    {
                        output.combine(leftRow, null);
                        leftRow = null;
                        return true;
                    }
                    if (kind == JoinKind.ANTI)
                    {
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
        table.clear();
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
        return "Hash " + NestedLoopJoinOperator.kindText(kind) + " (" + text + ")";
    }
}
