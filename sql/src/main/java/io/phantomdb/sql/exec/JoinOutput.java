package io.phantomdb.sql.exec;

import java.util.Arrays;

/**
 * The reused output row of a join: left columns, then right columns (or NULLs for an unmatched side).
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
final class JoinOutput
{
    private final int leftWidth;
    private final int rightWidth;
    final Object[] row;

    JoinOutput(final int leftWidth, final int rightWidth, final boolean leftOnly)
    {
        this.leftWidth = leftWidth;
        this.rightWidth = leftOnly ? 0 : rightWidth;
        this.row = new Object[leftWidth + this.rightWidth];
    }

    Object[] combine(final Object[] left, final Object[] right)
    {
        if (null == left)
        {
            Arrays.fill(row, 0, leftWidth, null);
        }
        else
        {
            System.arraycopy(left, 0, row, 0, leftWidth);
        }
        if (rightWidth > 0)
        {
            if (null == right)
            {
                Arrays.fill(row, leftWidth, leftWidth + rightWidth, null);
            }
            else
            {
                System.arraycopy(right, 0, row, leftWidth, rightWidth);
            }
        }
        return row;
    }

    Object[] pair(final Object[] left, final Object[] right, final Object[] scratch)
    {
        System.arraycopy(left, 0, scratch, 0, leftWidth);
        System.arraycopy(right, 0, scratch, leftWidth, right.length);
        return scratch;
    }
}
