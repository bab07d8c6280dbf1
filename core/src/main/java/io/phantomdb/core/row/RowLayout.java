package io.phantomdb.core.row;

import io.phantomdb.core.schema.Column;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.schema.TypeKind;

import java.util.List;

/**
 * Where each column of a schema lives in a row (see {@link RowDescriptor}): computed once per schema
 * and shared by every {@link RowFlyweight} and {@link RowWriter} of that schema. Fixed-width columns
 * are packed in ordinal order after the null bitmap; variable-width columns get a slot each, in ordinal
 * order, after the fixed-width area.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public final class RowLayout
{
    private final List<Column> columns;
    private final ColumnType[] types;
    private final TypeKind[] kinds;
    private final boolean[] nullable;
    private final int[] fieldOffsets;
    private final byte[] notNullMask;
    private final int nullBitmapLength;
    private final int fixedAreaOffset;
    private final int slotTableOffset;
    private final int varDataOffset;
    private final int variableColumnCount;

    /**
     * @param columns the columns of a row; column i must have ordinal i. At most
     *                {@link RowDescriptor#MAX_COLUMNS}; zero columns make a header-only row.
     * @throws IllegalArgumentException if an ordinal does not match its position or there are too many columns.
     */
    public RowLayout(final List<Column> columns)
    {
        final int count = columns.size();
        if (count > RowDescriptor.MAX_COLUMNS)
        {
            throw new IllegalArgumentException(
                "a row has at most " + RowDescriptor.MAX_COLUMNS + " columns, got " + count);
        }
        this.columns = List.copyOf(columns);
        this.types = new ColumnType[count];
        this.kinds = new TypeKind[count];
        this.nullable = new boolean[count];
        this.fieldOffsets = new int[count];
        this.nullBitmapLength = RowDescriptor.nullBitmapLength(count);
        this.notNullMask = new byte[nullBitmapLength];
        this.fixedAreaOffset = RowDescriptor.NULL_BITMAP_OFFSET + nullBitmapLength;

        int fixedOffset = fixedAreaOffset;
        int variableCount = 0;
        for (int i = 0; i < count; i++)
        {
            final Column column = this.columns.get(i);
            if (column.ordinal() != i)
            {
                throw new IllegalArgumentException(
                    "column \"" + column.name() + "\" at position " + i + " has ordinal " + column.ordinal());
            }
            types[i] = column.type();
            kinds[i] = column.type().kind();
            nullable[i] = column.nullable();
            if (!nullable[i])
            {
                notNullMask[i >>> 3] |= (byte)(1 << (i & 7));
            }
            if (kinds[i].isFixedWidth())
            {
                fieldOffsets[i] = fixedOffset;
                fixedOffset += kinds[i].fixedWidth();
            }
            else
            {
                variableCount++;
            }
        }
        this.slotTableOffset = fixedOffset;
        int slotOffset = slotTableOffset;
        for (int i = 0; i < count; i++)
        {
            if (!kinds[i].isFixedWidth())
            {
                fieldOffsets[i] = slotOffset;
                slotOffset += RowDescriptor.SLOT_LENGTH;
            }
        }
        this.variableColumnCount = variableCount;
        this.varDataOffset = slotOffset;
    }

    /**
     * @param schema a table schema.
     * @return the layout of the table's rows.
     */
    public static RowLayout of(final TableSchema schema)
    {
        return new RowLayout(schema.columns());
    }

    /**
     * @return number of columns.
     */
    public int columnCount()
    {
        return kinds.length;
    }

    /**
     * @return number of variable-width columns, which is the number of slots.
     */
    public int variableColumnCount()
    {
        return variableColumnCount;
    }

    /**
     * @param column ordinal.
     * @return the column.
     * @throws IllegalArgumentException if there is no such column.
     */
    public Column column(final int column)
    {
        checkColumn(column);
        return columns.get(column);
    }

    /**
     * @param column ordinal.
     * @return the column's type.
     * @throws IllegalArgumentException if there is no such column.
     */
    public ColumnType type(final int column)
    {
        checkColumn(column);
        return types[column];
    }

    /**
     * @param column ordinal.
     * @return offset from the row start of the column's value when fixed-width, or of its slot when
     * variable-width.
     * @throws IllegalArgumentException if there is no such column.
     */
    public int fieldOffset(final int column)
    {
        checkColumn(column);
        return fieldOffsets[column];
    }

    /**
     * @return length of the null bitmap in bytes.
     */
    public int nullBitmapLength()
    {
        return nullBitmapLength;
    }

    /**
     * @return offset from the row start of the fixed-width area.
     */
    public int fixedAreaOffset()
    {
        return fixedAreaOffset;
    }

    /**
     * @return offset from the row start of the slot table.
     */
    public int slotTableOffset()
    {
        return slotTableOffset;
    }

    /**
     * @return offset from the row start of the variable-length data, which is also the length of a row
     * whose variable-width columns are all NULL or empty: the shortest valid row.
     */
    public int varDataOffset()
    {
        return varDataOffset;
    }

    /**
     * @param column ordinal, already checked by {@link #checkColumn(int)}.
     * @return the column's kind.
     */
    TypeKind kind(final int column)
    {
        return kinds[column];
    }

    boolean nullable(final int column)
    {
        return nullable[column];
    }

    int offset(final int column)
    {
        return fieldOffsets[column];
    }

    byte notNullMask(final int bitmapByte)
    {
        return notNullMask[bitmapByte];
    }

    void checkColumn(final int column)
    {
        if (column < 0 || column >= kinds.length)
        {
            throw new IllegalArgumentException(
                "column index " + column + " out of range for a row of " + kinds.length + " columns");
        }
    }

    String describe(final int column)
    {
        return "column \"" + columns.get(column).name() + "\" " + types[column].sqlName() +
            (nullable[column] ? "" : " NOT NULL");
    }

    IllegalArgumentException wrongType(final int column, final String javaType, final String value)
    {
        return new IllegalArgumentException(
            describe(column) + ": cannot set " + javaType + " value " + value +
            " (type mismatch)");
    }

    IllegalArgumentException wrongGetter(final int column, final String javaType)
    {
        return new IllegalArgumentException(describe(column) + ": cannot get as " + javaType + " (type mismatch)");
    }
}
