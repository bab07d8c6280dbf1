package io.phantomdb.index.key;

import java.util.Objects;

/**
 * One column of a {@link KeySchema}: its type and its order.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 *
 * @param type  the value type.
 * @param order direction and NULL position.
 */
public record KeyColumn(ColumnType type, ColumnOrder order)
{
    /**
     * @param type  the value type.
     * @param order direction and NULL position.
     * @throws NullPointerException if either is null.
     */
    public KeyColumn
    {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(order, "order");
    }

    /**
     * @param type the value type.
     * @return an ascending, NULLS FIRST column.
     */
    public static KeyColumn asc(final ColumnType type)
    {
        return new KeyColumn(type, ColumnOrder.ASC_NULLS_FIRST);
    }

    /**
     * @param type the value type.
     * @return a descending, NULLS FIRST column.
     */
    public static KeyColumn desc(final ColumnType type)
    {
        return new KeyColumn(type, ColumnOrder.DESC_NULLS_FIRST);
    }
}
