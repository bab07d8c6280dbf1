package io.phantomdb.sql.exec;

/**
 * The kinds of join the join operators implement. SEMI and ANTI return only left columns (IN/EXISTS and
 * NOT EXISTS turned into joins).
 * <p>
 * <b>Note:</b> an enum; safe from any thread.
 */
public enum JoinKind
{
    /** Matching pairs. */
    INNER,
    /** Matching pairs plus unmatched left rows padded with NULLs. */
    LEFT,
    /** Matching pairs plus unmatched right rows padded with NULLs. */
    RIGHT,
    /** Both outer sides. */
    FULL,
    /** Left rows with at least one match. */
    SEMI,
    /** Left rows without a match. */
    ANTI;

    /**
     * @return whether the output has only the left side's columns.
     */
    public boolean leftOnly()
    {
        return this == SEMI || this == ANTI;
    }
}
