package io.phantomdb.core.catalog;

/**
 * One key column of a secondary index: the ordinal of a table column and its direction. Ascending
 * columns sort NULL last and descending ones NULL first, as PostgreSQL's defaults.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 *
 * @param ordinal    ordinal of the table column, from 0.
 * @param descending true for {@code DESC}.
 */
public record IndexColumn(int ordinal, boolean descending)
{
    /**
     * @param ordinal    ordinal of the table column, from 0.
     * @param descending true for {@code DESC}.
     * @throws IllegalArgumentException if the ordinal is negative.
     */
    public IndexColumn
    {
        if (ordinal < 0)
        {
            throw new IllegalArgumentException("index column ordinal " + ordinal + " must be >= 0");
        }
    }
}
