package io.phantomdb.sql.exec;

/**
 * UNION, INTERSECT, EXCEPT.
 * <p>
 * <b>Note:</b> an enum; safe from any thread.
 */
public enum SetOperationKind
{
    /** Rows of either input. */
    UNION,
    /** Rows of both inputs. */
    INTERSECT,
    /** Rows of the left input not in the right one. */
    EXCEPT
}
