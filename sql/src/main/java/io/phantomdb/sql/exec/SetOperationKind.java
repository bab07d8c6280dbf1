package io.phantomdb.sql.exec;

/**
 * UNION, INTERSECT, EXCEPT.
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
