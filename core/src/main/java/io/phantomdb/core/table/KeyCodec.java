package io.phantomdb.core.table;

import io.phantomdb.core.row.RowFlyweight;
import io.phantomdb.index.key.ColumnOrder;
import io.phantomdb.index.key.KeyEncoder;
import org.agrona.ExpandableArrayBuffer;

import java.math.BigDecimal;
import java.nio.ByteOrder;

/**
 * Appends a row's column to a byte-comparable key ({@link KeyEncoder}), mapping SQL types onto key types:
 * BOOLEAN, SMALLINT, INTEGER, BIGINT, REAL and DOUBLE PRECISION as themselves; DATE as its int days;
 * TIME and TIMESTAMP as their long micros; VARCHAR and TEXT as strings (the stored UTF-8, which is what
 * {@link KeyEncoder#putString} writes); CHARACTER(n) the same without trailing spaces (blank-padded
 * values compare equal, as in SQL); BYTEA as bytes; NUMERIC as the bytes of a decimal form that sorts
 * numerically and is equal for equal values of any scale (1.5 = 1.50):
 * <pre>
 * zero:      0x80
 * positive:  0xC0, then int32 big-endian (exponent ^ 0x80000000), then digits d as bytes d + 1
 * negative:  0x40, then int32 big-endian ~(exponent ^ 0x80000000), then bytes 10 - d, then 0xFF
 * </pre>
 * where value = 0.d1 d2 ... dn &times; 10^exponent, d1 &ne; 0, dn &ne; 0. JSON has no equality and is not
 * indexable. A column must not be NULL here only if the caller says so; NULL writes the order's marker.
 * <p>
 * <b>Note:</b> not thread safe; one per thread (holds a scratch buffer for NUMERIC).
 */
final class KeyCodec
{
    private static final int POSITIVE = 0xC0;
    private static final int NEGATIVE = 0x40;
    private static final int ZERO = 0x80;
    private static final int NEGATIVE_END = 0xFF;

    private final ExpandableArrayBuffer decimalScratch = new ExpandableArrayBuffer(32);

    /**
     * @param encoder a wrapped encoder; the order is set by this call.
     * @param row     a wrapped row.
     * @param column  ordinal of the column in the row.
     * @param order   the column's order in the key.
     */
    void put(final KeyEncoder encoder, final RowFlyweight row, final int column, final ColumnOrder order)
    {
        encoder.order(order);
        if (row.isNull(column))
        {
            encoder.putNull();
            return;
        }
        switch (row.layout().type(column).kind())
        {
            case BOOLEAN -> encoder.putBoolean(row.getBoolean(column));
            case SMALLINT -> encoder.putShort(row.getShort(column));
            case INTEGER -> encoder.putInt(row.getInt(column));
            case BIGINT -> encoder.putLong(row.getLong(column));
            // SQL equality has -0 = 0 (PostgreSQL too): adding +0 turns -0 into +0, so both are one key.
            case REAL -> encoder.putFloat(row.getFloat(column) + 0.0f);
            case DOUBLE_PRECISION -> encoder.putDouble(row.getDouble(column) + 0.0d);
            case DATE -> encoder.putInt(row.getDate(column));
            case TIME -> encoder.putLong(row.getTime(column));
            case TIMESTAMP -> encoder.putLong(row.getTimestamp(column));
            case VARCHAR, TEXT, BYTEA ->
                encoder.putBytes(row.buffer(), row.valueOffset(column), row.valueLength(column));
            case CHAR -> putTrimmed(encoder, row, column);
            case NUMERIC -> encoder.putBytes(decimalScratch, 0, sortableDecimal(row.getDecimal(column)));
            case JSON -> throw new IllegalArgumentException(
                "column \"" + row.layout().column(column).name() + "\" JSON cannot be part of a key (no equality)");
        }
    }

    private static void putTrimmed(final KeyEncoder encoder, final RowFlyweight row, final int column)
    {
        final int offset = row.valueOffset(column);
        int length = row.valueLength(column);
        while (length > 0 && row.buffer().getByte(offset + length - 1) == ' ')
        {
            length--;
        }
        encoder.putBytes(row.buffer(), offset, length);
    }

    /**
     * Write the sortable form of a decimal into the scratch buffer.
     *
     * @param value the value.
     * @return its length.
     */
    private int sortableDecimal(final BigDecimal value)
    {
        if (value.signum() == 0)
        {
            decimalScratch.putByte(0, (byte)ZERO);
            return 1;
        }
        final BigDecimal stripped = value.stripTrailingZeros();
        final String digits = stripped.unscaledValue().abs().toString();
        final int exponent = digits.length() - stripped.scale();
        final boolean negative = value.signum() < 0;
        decimalScratch.putByte(0, (byte)(negative ? NEGATIVE : POSITIVE));
        final int sortableExponent = exponent ^ Integer.MIN_VALUE;
        decimalScratch.putInt(1, negative ? ~sortableExponent : sortableExponent, ByteOrder.BIG_ENDIAN);
        int position = 5;
        for (int i = 0; i < digits.length(); i++)
        {
            final int digit = digits.charAt(i) - '0';
            decimalScratch.putByte(position++, (byte)(negative ? 10 - digit : digit + 1));
        }
        if (negative)
        {
            decimalScratch.putByte(position++, (byte)NEGATIVE_END);
        }
        return position;
    }
}
