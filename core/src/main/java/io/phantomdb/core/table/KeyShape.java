package io.phantomdb.core.table;

import io.phantomdb.core.row.RowFlyweight;
import io.phantomdb.core.row.RowLayout;
import io.phantomdb.core.row.RowWriter;
import io.phantomdb.core.schema.Column;
import io.phantomdb.index.key.ColumnOrder;
import io.phantomdb.index.key.KeyEncoder;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one key (a primary key or an index) and how to encode them: from a stored row, or from
 * boxed Java values (a lookup key or a scan bound, possibly a prefix). Java values are first written into a
 * scratch row of the key's columns with the same {@link ValueCodec} rules as a table row, so a lookup key
 * gets exactly the rounding, padding and range checks of the stored value it must match.
 * <p>
 * <b>Note:</b> not thread safe; owned by one transaction.
 */
final class KeyShape
{
    private final String tableName;
    private final int[] ordinals;
    private final ColumnOrder[] orders;
    private final String[] names;
    private final RowWriter boundWriter;
    private final RowFlyweight boundRow;
    private final ExpandableArrayBuffer boundBuffer = new ExpandableArrayBuffer(64);
    private final KeyEncoder encoder = new KeyEncoder();
    private final KeyCodec codec = new KeyCodec();

    /**
     * @param tableName   for messages.
     * @param table       the table's columns.
     * @param ordinals    ordinals of the key columns in the table, in key order.
     * @param descending  per key column, true for DESC (NULLS FIRST), false for ASC (NULLS LAST).
     */
    KeyShape(final String tableName, final List<Column> table, final int[] ordinals, final boolean[] descending)
    {
        this.tableName = tableName;
        this.ordinals = ordinals.clone();
        this.orders = new ColumnOrder[ordinals.length];
        this.names = new String[ordinals.length];
        final List<Column> boundColumns = new ArrayList<>(ordinals.length);
        for (int i = 0; i < ordinals.length; i++)
        {
            final Column column = table.get(ordinals[i]);
            orders[i] = descending[i] ? ColumnOrder.DESC_NULLS_FIRST : ColumnOrder.ASC_NULLS_LAST;
            names[i] = column.name();
            boundColumns.add(new Column(column.name(), column.type(), true, null, i));
        }
        final RowLayout boundLayout = new RowLayout(boundColumns);
        this.boundWriter = new RowWriter(boundLayout);
        this.boundRow = new RowFlyweight(boundLayout);
    }

    /**
     * @return number of key columns.
     */
    int columnCount()
    {
        return ordinals.length;
    }

    /**
     * Encode the key of a stored row.
     *
     * @param row    a wrapped table row.
     * @param dst    destination.
     * @param offset where the key starts.
     * @return the key length.
     */
    int fromRow(final RowFlyweight row, final MutableDirectBuffer dst, final int offset)
    {
        encoder.wrap(dst, offset);
        for (int i = 0; i < ordinals.length; i++)
        {
            codec.put(encoder, row, ordinals[i], orders[i]);
        }
        return encoder.length();
    }

    /**
     * Encode the first {@code values.length} key columns from Java values.
     *
     * @param values 0 to {@link #columnCount()} values, null for NULL.
     * @param what   what the values are, for messages ("primary key", "index \"x\" bound").
     * @param dst    destination.
     * @param offset where the key starts.
     * @return the key length.
     * @throws IllegalArgumentException if there are too many values or one does not fit its column.
     */
    int fromValues(final Object[] values, final String what, final MutableDirectBuffer dst, final int offset)
    {
        if (values.length > ordinals.length)
        {
            throw new IllegalArgumentException(what + " of table \"" + tableName + "\" has " + ordinals.length +
                " columns " + List.of(names) + ", got " + values.length + " values");
        }
        boundWriter.wrap(boundBuffer, 0);
        for (int i = 0; i < values.length; i++)
        {
            ValueCodec.set(boundWriter, i, values[i], tableName);
        }
        final int length = boundWriter.finish();
        boundRow.wrap(boundBuffer, 0, length);
        encoder.wrap(dst, offset);
        for (int i = 0; i < values.length; i++)
        {
            codec.put(encoder, boundRow, i, orders[i]);
        }
        return encoder.length();
    }

    /**
     * @param row a wrapped table row.
     * @return true if a key column of the row is NULL.
     */
    boolean hasNull(final RowFlyweight row)
    {
        for (final int ordinal : ordinals)
        {
            if (row.isNull(ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @param row a wrapped table row.
     * @return the key as PostgreSQL writes it in a unique violation: {@code (a, b)=(1, x)}.
     */
    String describe(final RowFlyweight row)
    {
        final StringBuilder columns = new StringBuilder("(");
        final StringBuilder values = new StringBuilder("(");
        for (int i = 0; i < ordinals.length; i++)
        {
            columns.append(i > 0 ? ", " : "").append(names[i]);
            final Object value = ValueCodec.get(row, ordinals[i]);
            values.append(i > 0 ? ", " : "").append(value instanceof byte[] b ? "\\x" + hex(b) : String.valueOf(value));
        }
        return columns.append(")=").append(values).append(')').toString();
    }

    private static String hex(final byte[] bytes)
    {
        final StringBuilder sb = new StringBuilder();
        for (final byte b : bytes)
        {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
