package io.phantomdb.core.row;

import io.phantomdb.CorruptionException;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * A view over one row in a buffer (format in {@link RowDescriptor}) with typed getters; wrap it over
 * another row to move on. Nothing is copied and, except {@link #getString}, {@link #getBytes},
 * {@link #getDecimal} and the {@code java.time} getters, nothing is allocated.
 * <p>
 * When {@link #SHOULD_VALIDATE} is on (the default), {@link #wrap} checks the header, the null bitmap and
 * every slot against the row's bounds, and getters check the values they decode (BOOLEAN bytes, TIME
 * range, NUMERIC scale and precision); a malformed row throws {@link CorruptionException} naming the
 * row's offset in the buffer, and no read ever leaves the row. Text is not checked to be valid UTF-8.
 * <p>
 * Getters throw {@link IllegalArgumentException} for a column that does not exist or whose type does
 * not match the getter, and {@link IllegalStateException} when the column is NULL: check
 * {@link #isNull(int)} first.
 * <p>
 * <b>Note:</b> not thread safe; one flyweight per thread, reused. The row must not change while wrapped.
 * After {@link #wrap} throws, the flyweight must be wrapped again before use.
 */
public final class RowFlyweight
{
    /**
     * Whether rows are checked as described above. On unless the system property
     * {@code phantomdb.disable.row.checks} is {@code true}; with it off a corrupt row may read out of bounds.
     */
    public static final boolean SHOULD_VALIDATE = !Boolean.getBoolean("phantomdb.disable.row.checks");

    private final RowLayout layout;
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private DirectBuffer buffer;
    private int offset;
    private int length;

    /**
     * @param layout the layout of the rows to read.
     */
    public RowFlyweight(final RowLayout layout)
    {
        this.layout = layout;
    }

    /**
     * Wrap a row.
     *
     * @param buffer holding the row.
     * @param offset where the row starts.
     * @param length the row's length as stored alongside it (an index value's length); must equal the
     *               row's Total Length.
     * @return this flyweight.
     * @throws CorruptionException if {@link #SHOULD_VALIDATE} and the row is malformed: bounds outside the
     *                             buffer, wrong version, flags, column count or total length, a set padding
     *                             bit or NULL in a NOT NULL column, or a slot outside the row.
     */
    public RowFlyweight wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        if (SHOULD_VALIDATE)
        {
            validate();
        }
        return this;
    }

    private void validate()
    {
        if (offset < 0 || length < 0 || (long)offset + length > buffer.capacity())
        {
            throw corrupt("row of " + length + " bytes lies outside the buffer of capacity " + buffer.capacity());
        }
        if (length < RowDescriptor.HEADER_LENGTH)
        {
            throw corrupt("row of " + length + " bytes is shorter than the " + RowDescriptor.HEADER_LENGTH +
                "-byte header");
        }
        final int version = buffer.getByte(offset + RowDescriptor.VERSION_OFFSET) & 0xFF;
        if (version != RowDescriptor.FORMAT_VERSION)
        {
            throw corrupt("row format version expected " + RowDescriptor.FORMAT_VERSION + ", actual " + version);
        }
        final int flags = buffer.getByte(offset + RowDescriptor.FLAGS_OFFSET) & 0xFF;
        if (flags != 0)
        {
            throw corrupt("row flags expected 0x00, actual 0x" + Integer.toHexString(flags));
        }
        final int columnCount =
            buffer.getShort(offset + RowDescriptor.COLUMN_COUNT_OFFSET, RowDescriptor.BYTE_ORDER) & 0xFFFF;
        if (columnCount != layout.columnCount())
        {
            throw corrupt("row column count expected " + layout.columnCount() + ", actual " + columnCount);
        }
        final int totalLength = buffer.getInt(offset + RowDescriptor.TOTAL_LENGTH_OFFSET, RowDescriptor.BYTE_ORDER);
        if (totalLength != length)
        {
            throw corrupt("row total length " + totalLength + " does not match the stored length " + length);
        }
        if (length < layout.varDataOffset())
        {
            throw corrupt("row of " + length + " bytes is shorter than its fixed part of " + layout.varDataOffset() +
                " bytes");
        }
        validateNullBitmap();
        validateSlots();
    }

    private void validateNullBitmap()
    {
        final int columnCount = layout.columnCount();
        for (int i = 0, n = layout.nullBitmapLength(); i < n; i++)
        {
            final byte bits = buffer.getByte(offset + RowDescriptor.NULL_BITMAP_OFFSET + i);
            if ((bits & layout.notNullMask(i)) != 0)
            {
                final int column = (i << 3) + Integer.numberOfTrailingZeros(bits & layout.notNullMask(i));
                throw corrupt(layout.describe(column) + " is marked NULL");
            }
            final int unused = i == n - 1 && (columnCount & 7) != 0 ? 0xFF << (columnCount & 7) : 0;
            if ((bits & unused) != 0)
            {
                throw corrupt("null bitmap byte " + i + " has unused bits set: 0x" + Integer.toHexString(bits & 0xFF));
            }
        }
    }

    private void validateSlots()
    {
        final int varDataOffset = layout.varDataOffset();
        for (int column = 0, n = layout.columnCount(); column < n; column++)
        {
            if (layout.kind(column).isFixedWidth())
            {
                continue;
            }
            final int slot = offset + layout.offset(column);
            final int valueOffset =
                buffer.getInt(slot + RowDescriptor.SLOT_VALUE_OFFSET_OFFSET, RowDescriptor.BYTE_ORDER);
            final int valueLength =
                buffer.getInt(slot + RowDescriptor.SLOT_VALUE_LENGTH_OFFSET, RowDescriptor.BYTE_ORDER);
            if (nullBit(column))
            {
                if (valueOffset != 0 || valueLength != 0)
                {
                    throw corrupt(layout.describe(column) + " is NULL but its slot at row byte " + layout.offset(column) +
                        " is (offset " + valueOffset + ", length " + valueLength + "), expected (0, 0)");
                }
            }
            else if (valueOffset < varDataOffset || valueLength < 0 || (long)valueOffset + valueLength > length)
            {
                throw corrupt(layout.describe(column) + " slot at row byte " + layout.offset(column) + " is (offset " +
                    valueOffset + ", length " + valueLength + "), outside the variable area [" + varDataOffset + ", " +
                    length + ")");
            }
        }
    }

    private CorruptionException corrupt(final String detail)
    {
        return new CorruptionException(null, offset, detail);
    }

    /**
     * @return the layout this flyweight reads.
     */
    public RowLayout layout()
    {
        return layout;
    }

    /**
     * @return the wrapped buffer.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return offset of the row in {@link #buffer()}.
     */
    public int offset()
    {
        return offset;
    }

    /**
     * @return length of the row in bytes.
     */
    public int length()
    {
        return length;
    }

    /**
     * @param column ordinal.
     * @return true if the column is NULL.
     * @throws IllegalArgumentException if there is no such column.
     */
    public boolean isNull(final int column)
    {
        layout.checkColumn(column);
        return nullBit(column);
    }

    private boolean nullBit(final int column)
    {
        return (buffer.getByte(offset + RowDescriptor.NULL_BITMAP_OFFSET + (column >>> 3)) & (1 << (column & 7))) != 0;
    }

    /**
     * @param column ordinal of a {@code BOOLEAN} column.
     * @return the value.
     * @throws IllegalArgumentException if the column is not {@code BOOLEAN} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     * @throws CorruptionException      if the stored byte is neither 0 nor 1.
     */
    public boolean getBoolean(final int column)
    {
        final byte value = buffer.getByte(fixed(column, TypeKind.BOOLEAN, "boolean"));
        if (SHOULD_VALIDATE && (value & ~1) != 0)
        {
            throw corrupt(layout.describe(column) + " holds byte " + value + ", expected 0 or 1");
        }
        return value != 0;
    }

    /**
     * @param column ordinal of a {@code SMALLINT} column.
     * @return the value.
     * @throws IllegalArgumentException if the column is not {@code SMALLINT} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     */
    public short getShort(final int column)
    {
        return buffer.getShort(fixed(column, TypeKind.SMALLINT, "short"), RowDescriptor.BYTE_ORDER);
    }

    /**
     * @param column ordinal of an {@code INTEGER} column.
     * @return the value.
     * @throws IllegalArgumentException if the column is not {@code INTEGER} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     */
    public int getInt(final int column)
    {
        return buffer.getInt(fixed(column, TypeKind.INTEGER, "int"), RowDescriptor.BYTE_ORDER);
    }

    /**
     * @param column ordinal of a {@code BIGINT} column.
     * @return the value.
     * @throws IllegalArgumentException if the column is not {@code BIGINT} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     */
    public long getLong(final int column)
    {
        return buffer.getLong(fixed(column, TypeKind.BIGINT, "long"), RowDescriptor.BYTE_ORDER);
    }

    /**
     * @param column ordinal of a {@code REAL} column.
     * @return the value.
     * @throws IllegalArgumentException if the column is not {@code REAL} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     */
    public float getFloat(final int column)
    {
        return buffer.getFloat(fixed(column, TypeKind.REAL, "float"), RowDescriptor.BYTE_ORDER);
    }

    /**
     * @param column ordinal of a {@code DOUBLE PRECISION} column.
     * @return the value.
     * @throws IllegalArgumentException if the column is not {@code DOUBLE PRECISION} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     */
    public double getDouble(final int column)
    {
        return buffer.getDouble(fixed(column, TypeKind.DOUBLE_PRECISION, "double"), RowDescriptor.BYTE_ORDER);
    }

    /**
     * @param column ordinal of a {@code DATE} column.
     * @return days since 1970-01-01.
     * @throws IllegalArgumentException if the column is not {@code DATE} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     */
    public int getDate(final int column)
    {
        return buffer.getInt(fixed(column, TypeKind.DATE, "date (epoch days)"), RowDescriptor.BYTE_ORDER);
    }

    /**
     * @param column ordinal of a {@code DATE} column.
     * @return the date (allocates).
     * @throws IllegalArgumentException if the column is not {@code DATE} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     */
    public LocalDate getLocalDate(final int column)
    {
        return LocalDate.ofEpochDay(getDate(column));
    }

    /**
     * @param column ordinal of a {@code TIME} column.
     * @return microseconds since midnight, 0 to {@link RowDescriptor#MAX_TIME_MICROS}.
     * @throws IllegalArgumentException if the column is not {@code TIME} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     * @throws CorruptionException      if the stored value is out of range.
     */
    public long getTime(final int column)
    {
        final long micros = buffer.getLong(fixed(column, TypeKind.TIME, "time (micros of day)"), RowDescriptor.BYTE_ORDER);
        if (SHOULD_VALIDATE && (micros < 0 || micros > RowDescriptor.MAX_TIME_MICROS))
        {
            throw corrupt(layout.describe(column) + " holds " + micros + " micros, expected 0 to " +
                RowDescriptor.MAX_TIME_MICROS);
        }
        return micros;
    }

    /**
     * @param column ordinal of a {@code TIME} column.
     * @return the time (allocates); 24:00:00 reads as {@link LocalTime#MAX}, the last nanosecond of the day.
     * @throws IllegalArgumentException if the column is not {@code TIME} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     * @throws CorruptionException      if the stored value is out of range.
     */
    public LocalTime getLocalTime(final int column)
    {
        final long micros = getTime(column);
        return micros == RowDescriptor.MAX_TIME_MICROS ? LocalTime.MAX : LocalTime.ofNanoOfDay(micros * 1000);
    }

    /**
     * @param column ordinal of a {@code TIMESTAMP} column.
     * @return microseconds since 1970-01-01T00:00, no zone.
     * @throws IllegalArgumentException if the column is not {@code TIMESTAMP} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     */
    public long getTimestamp(final int column)
    {
        return buffer.getLong(fixed(column, TypeKind.TIMESTAMP, "timestamp (epoch micros)"), RowDescriptor.BYTE_ORDER);
    }

    /**
     * @param column ordinal of a {@code TIMESTAMP} column.
     * @return the timestamp read as UTC (allocates).
     * @throws IllegalArgumentException if the column is not {@code TIMESTAMP} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     */
    public LocalDateTime getLocalDateTime(final int column)
    {
        final long micros = getTimestamp(column);
        return LocalDateTime.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), (int)Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }

    /**
     * @param column ordinal of a {@code NUMERIC} column.
     * @return the value (allocates; no {@link BigInteger} for an unscaled value of 8 bytes or fewer).
     * @throws IllegalArgumentException if the column is not {@code NUMERIC} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     * @throws CorruptionException      if the value is shorter than 3 bytes, or its scale or precision do not
     *                                  fit the column type.
     */
    public BigDecimal getDecimal(final int column)
    {
        final int valueLength = decimalLength(column);
        final int index = offset + slotValueOffset(column);
        final int scale = buffer.getShort(index, RowDescriptor.BYTE_ORDER);
        final int unscaledLength = valueLength - RowDescriptor.NUMERIC_SCALE_LENGTH;
        final int unscaledIndex = index + RowDescriptor.NUMERIC_SCALE_LENGTH;
        final BigDecimal value;
        if (unscaledLength <= DecimalCodec.MAX_COMPACT_LENGTH)
        {
            value = BigDecimal.valueOf(DecimalCodec.getCompact(buffer, unscaledIndex, unscaledLength), scale);
        }
        else
        {
            final byte[] bytes = new byte[unscaledLength];
            buffer.getBytes(unscaledIndex, bytes);
            value = new BigDecimal(new BigInteger(bytes), scale);
        }
        if (SHOULD_VALIDATE)
        {
            final ColumnType type = layout.type(column);
            if (type.scale() == ColumnType.UNSPECIFIED ?
                scale < 0 || scale > RowDescriptor.MAX_NUMERIC_SCALE :
                scale != type.scale() || value.precision() > type.precision())
            {
                throw corrupt(layout.describe(column) + " holds " + value + " with scale " + scale +
                    ", which does not fit the type");
            }
        }
        return value;
    }

    /**
     * @param column ordinal of a {@code NUMERIC} column.
     * @return true if the unscaled value is 8 bytes or fewer, so {@link #getDecimalUnscaled(int)} can return it.
     * @throws IllegalArgumentException if the column is not {@code NUMERIC} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     * @throws CorruptionException      if the value is shorter than 3 bytes.
     */
    public boolean isDecimalCompact(final int column)
    {
        return decimalLength(column) - RowDescriptor.NUMERIC_SCALE_LENGTH <= DecimalCodec.MAX_COMPACT_LENGTH;
    }

    /**
     * @param column ordinal of a {@code NUMERIC} column whose value {@link #isDecimalCompact(int) is compact}.
     * @return the unscaled value, without allocating.
     * @throws IllegalArgumentException if the column is not {@code NUMERIC} or does not exist.
     * @throws IllegalStateException    if the column is NULL or its value is not compact.
     * @throws CorruptionException      if the value is shorter than 3 bytes.
     */
    public long getDecimalUnscaled(final int column)
    {
        final int unscaledLength = decimalLength(column) - RowDescriptor.NUMERIC_SCALE_LENGTH;
        if (unscaledLength > DecimalCodec.MAX_COMPACT_LENGTH)
        {
            throw new IllegalStateException(layout.describe(column) + ": unscaled value of " + unscaledLength +
                " bytes does not fit a long; use getDecimal");
        }
        return DecimalCodec.getCompact(
            buffer, offset + slotValueOffset(column) + RowDescriptor.NUMERIC_SCALE_LENGTH, unscaledLength);
    }

    /**
     * @param column ordinal of a {@code NUMERIC} column.
     * @return the stored scale, without allocating.
     * @throws IllegalArgumentException if the column is not {@code NUMERIC} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     * @throws CorruptionException      if the value is shorter than 3 bytes.
     */
    public int getDecimalScale(final int column)
    {
        decimalLength(column);
        return buffer.getShort(offset + slotValueOffset(column), RowDescriptor.BYTE_ORDER);
    }

    private int decimalLength(final int column)
    {
        final int valueLength = variable(column, TypeKind.NUMERIC, "decimal");
        if (SHOULD_VALIDATE && valueLength <= RowDescriptor.NUMERIC_SCALE_LENGTH)
        {
            throw corrupt(layout.describe(column) + " value of " + valueLength + " bytes is shorter than the " +
                (RowDescriptor.NUMERIC_SCALE_LENGTH + 1) + " bytes of the smallest NUMERIC");
        }
        return valueLength;
    }

    /**
     * @param column ordinal of a {@code CHARACTER}, {@code VARCHAR}, {@code TEXT} or {@code JSON} column.
     * @return the value decoded from UTF-8 (allocates).
     * @throws IllegalArgumentException if the column is not a text column or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     */
    public String getString(final int column)
    {
        final int valueLength = text(column);
        return buffer.getStringWithoutLengthUtf8(offset + slotValueOffset(column), valueLength);
    }

    /**
     * @param column ordinal of a {@code CHARACTER}, {@code VARCHAR}, {@code TEXT} or {@code JSON} column.
     * @return a view of the value's UTF-8 bytes, without copying; the same view object is returned by every
     * view getter of this flyweight and is valid until the next one or the next {@link #wrap}.
     * @throws IllegalArgumentException if the column is not a text column or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     */
    public DirectBuffer getStringUtf8(final int column)
    {
        final int valueLength = text(column);
        view.wrap(buffer, offset + slotValueOffset(column), valueLength);
        return view;
    }

    private int text(final int column)
    {
        layout.checkColumn(column);
        if (!layout.kind(column).isText())
        {
            throw layout.wrongGetter(column, "string");
        }
        return variableLength(column);
    }

    /**
     * @param column ordinal of a {@code BYTEA} column.
     * @return a copy of the bytes (allocates).
     * @throws IllegalArgumentException if the column is not {@code BYTEA} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     */
    public byte[] getBytes(final int column)
    {
        final byte[] bytes = new byte[variable(column, TypeKind.BYTEA, "bytes")];
        buffer.getBytes(offset + slotValueOffset(column), bytes);
        return bytes;
    }

    /**
     * @param column ordinal of a {@code BYTEA} column.
     * @return a view of the bytes, without copying; the same view object as {@link #getStringUtf8(int)},
     * valid until the next view getter or the next {@link #wrap}.
     * @throws IllegalArgumentException if the column is not {@code BYTEA} or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     */
    public DirectBuffer getBytesView(final int column)
    {
        final int valueLength = variable(column, TypeKind.BYTEA, "bytes");
        view.wrap(buffer, offset + slotValueOffset(column), valueLength);
        return view;
    }

    /**
     * Raw access to a variable-width value of any type, for copying it as bytes.
     *
     * @param column ordinal of a variable-width column.
     * @return offset of the value in {@link #buffer()}.
     * @throws IllegalArgumentException if the column is fixed-width or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     */
    public int valueOffset(final int column)
    {
        valueLength(column);
        return offset + slotValueOffset(column);
    }

    /**
     * Raw access to a variable-width value of any type, for copying it as bytes.
     *
     * @param column ordinal of a variable-width column.
     * @return length of the value in bytes.
     * @throws IllegalArgumentException if the column is fixed-width or does not exist.
     * @throws IllegalStateException    if the column is NULL.
     */
    public int valueLength(final int column)
    {
        layout.checkColumn(column);
        if (layout.kind(column).isFixedWidth())
        {
            throw new IllegalArgumentException(layout.describe(column) + " is fixed-width and has no slot");
        }
        return variableLength(column);
    }

    private int fixed(final int column, final TypeKind kind, final String javaType)
    {
        layout.checkColumn(column);
        if (layout.kind(column) != kind)
        {
            throw layout.wrongGetter(column, javaType);
        }
        checkNotNull(column);
        return offset + layout.offset(column);
    }

    private int variable(final int column, final TypeKind kind, final String javaType)
    {
        layout.checkColumn(column);
        if (layout.kind(column) != kind)
        {
            throw layout.wrongGetter(column, javaType);
        }
        return variableLength(column);
    }

    private int variableLength(final int column)
    {
        checkNotNull(column);
        return buffer.getInt(
            offset + layout.offset(column) + RowDescriptor.SLOT_VALUE_LENGTH_OFFSET, RowDescriptor.BYTE_ORDER);
    }

    private int slotValueOffset(final int column)
    {
        return buffer.getInt(
            offset + layout.offset(column) + RowDescriptor.SLOT_VALUE_OFFSET_OFFSET, RowDescriptor.BYTE_ORDER);
    }

    private void checkNotNull(final int column)
    {
        if (nullBit(column))
        {
            throw new IllegalStateException(layout.describe(column) + " is NULL: check isNull first");
        }
    }
}
