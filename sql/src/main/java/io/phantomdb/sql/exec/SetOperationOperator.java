package io.phantomdb.sql.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UNION / INTERSECT / EXCEPT, with or without ALL, by counting rows per distinct tuple. UNION ALL streams;
 * the others read the right input into a multiset first (NULLs compare equal, as SQL set operations do).
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class SetOperationOperator extends Operator
{
    private final Operator left;
    private final Operator right;
    private final SetOperationKind kind;
    private final boolean all;
    private final ValueSemantics semantics;
    private final Object[] row;
    private final List<Object[]> output = new ArrayList<>();
    private boolean onRight;
    private int position;

    /**
     * @param left      the left input.
     * @param right     the right input (same width).
     * @param kind      the operation.
     * @param all       whether duplicates are kept (ALL).
     * @param semantics value equality.
     */
    public SetOperationOperator(
        final Operator left, final Operator right, final SetOperationKind kind, final boolean all,
        final ValueSemantics semantics)
    {
        super(kind == SetOperationKind.UNION ? left.estimatedRows() + right.estimatedRows() : left.estimatedRows());
        this.left = left;
        this.right = right;
        this.kind = kind;
        this.all = all;
        this.semantics = semantics;
        this.row = new Object[left.width()];
    }

    @Override
    protected void doOpen()
    {
        output.clear();
        position = 0;
        onRight = false;
        left.open(ctx);
        if (kind == SetOperationKind.UNION && all)
        {
            return;
        }
        if (kind == SetOperationKind.UNION)
        {
            final Map<GroupKey, Boolean> seen = new LinkedHashMap<>();
            drain(left, seen);
            right.open(ctx);
            drain(right, seen);
            for (final GroupKey key : seen.keySet())
            {
                output.add(key.values());
            }
            return;
        }
        right.open(ctx);
        final Map<GroupKey, int[]> rightCounts = new HashMap<>();
        while (right.next())
        {
            ctx.checkInterrupt();
            rightCounts.computeIfAbsent(new GroupKey(right.row().clone(), semantics), k -> new int[1])[0]++;
        }
        final Map<GroupKey, int[]> leftCounts = new LinkedHashMap<>();
        while (left.next())
        {
            ctx.checkInterrupt();
            leftCounts.computeIfAbsent(new GroupKey(left.row().clone(), semantics), k -> new int[1])[0]++;
        }
        for (final Map.Entry<GroupKey, int[]> entry : leftCounts.entrySet())
        {
            final int[] inRight = rightCounts.get(entry.getKey());
            final int l = entry.getValue()[0];
            final int r = null == inRight ? 0 : inRight[0];
            final int times;
            if (kind == SetOperationKind.INTERSECT)
            {
                times = all ? Math.min(l, r) : (r > 0 ? 1 : 0);
            }
            else
            {
                times = all ? Math.max(0, l - r) : (r > 0 ? 0 : 1);
            }
            for (int i = 0; i < times; i++)
            {
                output.add(entry.getKey().values());
            }
        }
    }

    private void drain(final Operator input, final Map<GroupKey, Boolean> seen)
    {
        while (input.next())
        {
            ctx.checkInterrupt();
            seen.putIfAbsent(new GroupKey(input.row().clone(), semantics), Boolean.TRUE);
        }
    }

    @Override
    protected boolean doNext()
    {
        if (kind == SetOperationKind.UNION && all)
        {
            if (!onRight)
            {
                if (left.next())
                {
                    System.arraycopy(left.row(), 0, row, 0, row.length);
                    return true;
                }
                onRight = true;
                right.open(ctx);
            }
            if (right.next())
            {
                System.arraycopy(right.row(), 0, row, 0, row.length);
                return true;
            }
            return false;
        }
        if (position >= output.size())
        {
            return false;
        }
        System.arraycopy(output.get(position++), 0, row, 0, row.length);
        return true;
    }

    @Override
    public void close()
    {
        output.clear();
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
        return row.length;
    }

    @Override
    public List<Operator> children()
    {
        return List.of(left, right);
    }

    @Override
    public String describe()
    {
        return (kind == SetOperationKind.UNION ? "Union" : kind == SetOperationKind.INTERSECT ? "Intersect" : "Except") +
            (all ? " All" : "");
    }
}
