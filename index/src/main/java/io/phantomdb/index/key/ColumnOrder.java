package io.phantomdb.index.key;

/**
 * How one key column sorts: ascending or descending, and where NULL goes. The NULL position is
 * independent of the direction, as in SQL: {@code DESC NULLS FIRST} puts NULL before the largest value.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public enum ColumnOrder
{
    /** Ascending, NULL before every value (the default). */
    ASC_NULLS_FIRST(false, true),
    /** Ascending, NULL after every value. */
    ASC_NULLS_LAST(false, false),
    /** Descending, NULL before every value. */
    DESC_NULLS_FIRST(true, true),
    /** Descending, NULL after every value. */
    DESC_NULLS_LAST(true, false);

    private final boolean descending;
    private final boolean nullsFirst;

    ColumnOrder(final boolean descending, final boolean nullsFirst)
    {
        this.descending = descending;
        this.nullsFirst = nullsFirst;
    }

    /**
     * @return true if larger values sort first.
     */
    public boolean descending()
    {
        return descending;
    }

    /**
     * @return true if NULL sorts before every value, false if after.
     */
    public boolean nullsFirst()
    {
        return nullsFirst;
    }

    /**
     * @return the marker byte written before a NULL column.
     */
    byte nullMarker()
    {
        return nullsFirst ? KeyEncodingDescriptor.NULL_FIRST_MARKER : KeyEncodingDescriptor.NULL_LAST_MARKER;
    }

    /**
     * @return the mask every value byte is XORed with: 0xFF when descending, 0 when ascending.
     */
    int flipMask()
    {
        return descending ? 0xFF : 0;
    }
}
