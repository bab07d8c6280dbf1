package io.phantomdb.core.row;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Writes rows of one {@link RowLayout} into buffers (format in {@link RowDescriptor}). A row is
 * {@link #wrap started} at an offset of a buffer, its columns set in any order, each at most once, and
 * {@link #finish() finished}, which returns its length. Columns not set are NULL.
 * <p>
 * Fixed-width values, strings from a {@link CharSequence} (UTF-8 encoded char by char), bytes and NUMERIC
 * values given as {@code long} at the column's scale are written without allocating. An expandable
 * buffer grows as needed; a fixed-capacity buffer that is too small makes the setter throw
 * {@link IllegalStateException} and the row must be started again in a larger buffer.
 * <p>
 * Caller mistakes are {@link IllegalArgumentException}s whose message names the column, its type and the
 * value: a setter that does not match the column's type (SQLSTATE 42804 in the SQL layer), NULL in a
 * {@code NOT NULL} column (23502), a string longer than {@code CHARACTER(n)}/{@code VARCHAR(n)} allows
 * (22001), a value out of the type's range (22003), an unpaired surrogate or NUL character (22021).
 * A setter that throws leaves the column unset and the row still in progress.
 * <p>
 * <b>Note:</b> not thread safe; one writer per thread, reused from row to row.
 */
public final class RowWriter
{
    private static final int MAX_VALUE_IN_MESSAGE = 40;

    /** Most digits before the decimal point of an unconstrained NUMERIC, as in PostgreSQL. */
    private static final int MAX_NUMERIC_INTEGER_DIGITS = 131_072;

    private final RowLayout layout;
    private final long[] setColumns;
    private MutableDirectBuffer buffer;
    private int offset;
    private int limit;
    private boolean inRow;

    /**
     * @param layout the layout of the rows to write.
     */
    public RowWriter(final RowLayout layout)
    {
        this.layout = layout;
        this.setColumns = new long[(layout.columnCount() + 63) >>> 6];
    }

    /**
     * @return the layout this writer writes.
     */
    public RowLayout layout()
    {
        return layout;
    }

    /**
     * Start a row at an offset of a buffer, abandoning any row in progress. Writes the fixed part of the
     * row (header, null bitmap, fixed-width area, slot table) as zeros.
     *
     * @param buffer where to write; an expandable buffer grows as the row needs.
     * @param offset where the row starts.
     * @return this writer.
     * @throws IllegalArgumentException if the offset is negative.
     * @throws IllegalStateException    if a fixed-capacity buffer cannot hold the fixed part of the row.
     */
    public RowWriter wrap(final MutableDirectBuffer buffer, final int offset)
    {
        if (offset < 0)
        {
            throw new IllegalArgumentException("row offset " + offset + " must be >= 0");
        }
        this.buffer = buffer;
        this.offset = offset;
        this.inRow = false;
        ensureCapacity(layout.varDataOffset());
        buffer.setMemory(offset, layout.varDataOffset(), (byte)0);
        Arrays.fill(setColumns, 0L);
        limit = layout.varDataOffset();
        inRow = true;
        return this;
    }

    /**
     * Complete the row: mark every column not set as NULL and write the header.
     *
     * @return the length of the row in bytes.
     * @throws IllegalStateException    if no row is in progress.
     * @throws IllegalArgumentException if a {@code NOT NULL} column was not set (SQLSTATE 23502); the row
     *                                  stays in progress.
     */
    public int finish()
    {
        checkInRow();
        final int count = layout.columnCount();
        for (int i = 0; i < count; i++)
        {
            if (!isSet(i) && !layout.nullable(i))
            {
                throw new IllegalArgumentException(
                    layout.describe(i) + ": null value violates not-null constraint (column was not set)");
            }
        }
        for (int i = 0; i < count; i++)
        {
            if (!isSet(i))
            {
                markNull(i);
            }
        }
        buffer.putByte(offset + RowDescriptor.VERSION_OFFSET, (byte)RowDescriptor.FORMAT_VERSION);
        buffer.putByte(offset + RowDescriptor.FLAGS_OFFSET, (byte)0);
        buffer.putShort(offset + RowDescriptor.COLUMN_COUNT_OFFSET, (short)count, RowDescriptor.BYTE_ORDER);
        buffer.putInt(offset + RowDescriptor.TOTAL_LENGTH_OFFSET, limit, RowDescriptor.BYTE_ORDER);
        inRow = false;
        return limit;
    }

    /**
     * Set a column to NULL.
     *
     * @param column ordinal.
     * @return this writer.
     * @throws IllegalArgumentException if the column is {@code NOT NULL} or does not exist.
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setNull(final int column)
    {
        checkSettable(column);
        if (!layout.nullable(column))
        {
            throw new IllegalArgumentException(layout.describe(column) + ": null value violates not-null constraint");
        }
        markSet(column);
        markNull(column);
        return this;
    }

    /**
     * @param column ordinal of a {@code BOOLEAN} column.
     * @param value  the value.
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code BOOLEAN} or does not exist.
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setBoolean(final int column, final boolean value)
    {
        checkSettable(column);
        if (layout.kind(column) != TypeKind.BOOLEAN)
        {
            throw layout.wrongType(column, "boolean", Boolean.toString(value));
        }
        markSet(column);
        buffer.putByte(offset + layout.offset(column), (byte)(value ? 1 : 0));
        return this;
    }

    /**
     * @param column ordinal of a {@code SMALLINT} column.
     * @param value  the value.
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code SMALLINT} or does not exist.
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setShort(final int column, final short value)
    {
        checkSettable(column);
        if (layout.kind(column) != TypeKind.SMALLINT)
        {
            throw layout.wrongType(column, "short", Short.toString(value));
        }
        markSet(column);
        buffer.putShort(offset + layout.offset(column), value, RowDescriptor.BYTE_ORDER);
        return this;
    }

    /**
     * @param column ordinal of an {@code INTEGER} column.
     * @param value  the value.
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code INTEGER} or does not exist.
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setInt(final int column, final int value)
    {
        checkSettable(column);
        if (layout.kind(column) != TypeKind.INTEGER)
        {
            throw layout.wrongType(column, "int", Integer.toString(value));
        }
        markSet(column);
        buffer.putInt(offset + layout.offset(column), value, RowDescriptor.BYTE_ORDER);
        return this;
    }

    /**
     * @param column ordinal of a {@code BIGINT} column.
     * @param value  the value.
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code BIGINT} or does not exist.
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setLong(final int column, final long value)
    {
        checkSettable(column);
        if (layout.kind(column) != TypeKind.BIGINT)
        {
            throw layout.wrongType(column, "long", Long.toString(value));
        }
        markSet(column);
        buffer.putLong(offset + layout.offset(column), value, RowDescriptor.BYTE_ORDER);
        return this;
    }

    /**
     * @param column ordinal of a {@code REAL} column.
     * @param value  the value; NaN, infinities and -0.0 are kept.
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code REAL} or does not exist.
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setFloat(final int column, final float value)
    {
        checkSettable(column);
        if (layout.kind(column) != TypeKind.REAL)
        {
            throw layout.wrongType(column, "float", Float.toString(value));
        }
        markSet(column);
        buffer.putFloat(offset + layout.offset(column), value, RowDescriptor.BYTE_ORDER);
        return this;
    }

    /**
     * @param column ordinal of a {@code DOUBLE PRECISION} column.
     * @param value  the value; NaN, infinities and -0.0 are kept.
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code DOUBLE PRECISION} or does not exist.
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setDouble(final int column, final double value)
    {
        checkSettable(column);
        if (layout.kind(column) != TypeKind.DOUBLE_PRECISION)
        {
            throw layout.wrongType(column, "double", Double.toString(value));
        }
        markSet(column);
        buffer.putDouble(offset + layout.offset(column), value, RowDescriptor.BYTE_ORDER);
        return this;
    }

    /**
     * @param column    ordinal of a {@code DATE} column.
     * @param epochDays days since 1970-01-01.
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code DATE} or does not exist.
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setDate(final int column, final int epochDays)
    {
        checkSettable(column);
        if (layout.kind(column) != TypeKind.DATE)
        {
            throw layout.wrongType(column, "date (epoch days)", Integer.toString(epochDays));
        }
        markSet(column);
        buffer.putInt(offset + layout.offset(column), epochDays, RowDescriptor.BYTE_ORDER);
        return this;
    }

    /**
     * @param column ordinal of a {@code DATE} column.
     * @param value  the date.
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code DATE}, does not exist, or the date is
     *                                  more than 2^31 days from 1970-01-01.
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setDate(final int column, final LocalDate value)
    {
        checkSettable(column);
        if (layout.kind(column) != TypeKind.DATE)
        {
            throw layout.wrongType(column, "LocalDate", value.toString());
        }
        final long epochDays = value.toEpochDay();
        if (epochDays != (int)epochDays)
        {
            throw new IllegalArgumentException(layout.describe(column) + ": date " + value + " out of range");
        }
        return setDate(column, (int)epochDays);
    }

    /**
     * @param column ordinal of a {@code TIME} column.
     * @param micros microseconds since midnight, 0 to {@link RowDescriptor#MAX_TIME_MICROS} (24:00:00).
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code TIME}, does not exist, or the value is
     *                                  out of range.
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setTime(final int column, final long micros)
    {
        checkSettable(column);
        if (layout.kind(column) != TypeKind.TIME)
        {
            throw layout.wrongType(column, "time (micros of day)", Long.toString(micros));
        }
        if (micros < 0 || micros > RowDescriptor.MAX_TIME_MICROS)
        {
            throw new IllegalArgumentException(
                layout.describe(column) + ": time " + micros + " micros out of range 0 to " +
                RowDescriptor.MAX_TIME_MICROS);
        }
        markSet(column);
        buffer.putLong(offset + layout.offset(column), micros, RowDescriptor.BYTE_ORDER);
        return this;
    }

    /**
     * @param column ordinal of a {@code TIME} column.
     * @param value  the time, rounded half up to the microsecond (23:59:59.9999995 becomes 24:00:00).
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code TIME} or does not exist.
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setTime(final int column, final LocalTime value)
    {
        return setTime(column, (value.toNanoOfDay() + 500) / 1000);
    }

    /**
     * @param column ordinal of a {@code TIMESTAMP} column.
     * @param micros microseconds since 1970-01-01T00:00, no zone.
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code TIMESTAMP} or does not exist.
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setTimestamp(final int column, final long micros)
    {
        checkSettable(column);
        if (layout.kind(column) != TypeKind.TIMESTAMP)
        {
            throw layout.wrongType(column, "timestamp (epoch micros)", Long.toString(micros));
        }
        markSet(column);
        buffer.putLong(offset + layout.offset(column), micros, RowDescriptor.BYTE_ORDER);
        return this;
    }

    /**
     * @param column ordinal of a {@code TIMESTAMP} column.
     * @param value  the timestamp, read as UTC and rounded half up to the microsecond.
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code TIMESTAMP}, does not exist, or the value
     *                                  does not fit 64 bits of microseconds (about 292,000 years from 1970).
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setTimestamp(final int column, final LocalDateTime value)
    {
        checkSettable(column);
        if (layout.kind(column) != TypeKind.TIMESTAMP)
        {
            throw layout.wrongType(column, "LocalDateTime", value.toString());
        }
        final long micros;
        try
        {
            micros = Math.addExact(
                Math.multiplyExact(value.toEpochSecond(ZoneOffset.UTC), 1_000_000L), (value.getNano() + 500) / 1000);
        }
        catch (final ArithmeticException ex)
        {
            throw new IllegalArgumentException(layout.describe(column) + ": timestamp " + value + " out of range", ex);
        }
        return setTimestamp(column, micros);
    }

    /**
     * Set a {@code NUMERIC} column from an unscaled value and a scale, without allocating when the scale is
     * the column's (or the column is unconstrained and the scale is 0 to
     * {@link RowDescriptor#MAX_NUMERIC_SCALE}); otherwise as {@link #setDecimal(int, BigDecimal)}.
     *
     * @param column   ordinal of a {@code NUMERIC} column.
     * @param unscaled the unscaled value.
     * @param scale    the scale: value = unscaled &times; 10^-scale.
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code NUMERIC}, does not exist, or the value does
     *                                  not fit its precision (SQLSTATE 22003).
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setDecimal(final int column, final long unscaled, final int scale)
    {
        checkSettable(column);
        if (layout.kind(column) != TypeKind.NUMERIC)
        {
            throw layout.wrongType(column, "decimal", BigDecimal.valueOf(unscaled, scale).toString());
        }
        final ColumnType type = layout.type(column);
        final boolean unconstrained = type.scale() == ColumnType.UNSPECIFIED;
        if (unconstrained ? scale < 0 || scale > RowDescriptor.MAX_NUMERIC_SCALE : scale != type.scale())
        {
            return setDecimal(column, BigDecimal.valueOf(unscaled, scale));
        }
        if (!unconstrained && !DecimalCodec.fitsPrecision(unscaled, type.precision()))
        {
            throw numericOverflow(column, BigDecimal.valueOf(unscaled, scale));
        }
        final int length = DecimalCodec.compactLength(unscaled);
        final int index = claimVariable(column, RowDescriptor.NUMERIC_SCALE_LENGTH + length);
        buffer.putShort(index, (short)scale, RowDescriptor.BYTE_ORDER);
        DecimalCodec.putCompact(buffer, index + RowDescriptor.NUMERIC_SCALE_LENGTH, unscaled, length);
        return this;
    }

    /**
     * Set a {@code NUMERIC} column. For {@code NUMERIC(p,s)} the value is rounded half up to scale s, as
     * PostgreSQL does, and must then have at most p digits. For unconstrained {@code NUMERIC} a negative
     * scale becomes 0, the scale must be at most {@link RowDescriptor#MAX_NUMERIC_SCALE} and the value
     * have at most 131,072 digits before the decimal point. Values of extreme scale (such as 1E+999999999)
     * are rejected or rounded without expanding them.
     *
     * @param column ordinal of a {@code NUMERIC} column.
     * @param value  the value.
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code NUMERIC}, does not exist, or the value does
     *                                  not fit the type (SQLSTATE 22003).
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setDecimal(final int column, final BigDecimal value)
    {
        checkSettable(column);
        if (layout.kind(column) != TypeKind.NUMERIC)
        {
            throw layout.wrongType(column, "decimal", abbreviate(value.toString()));
        }
        final ColumnType type = layout.type(column);
        final BigDecimal given = value.signum() == 0 && value.scale() < 0 ? BigDecimal.ZERO : value;
        final long integerDigits = (long)given.precision() - given.scale();
        final BigDecimal stored;
        if (type.scale() != ColumnType.UNSPECIFIED)
        {
            if (given.signum() != 0 && integerDigits > type.precision() - type.scale())
            {
                throw numericOverflow(column, value);
            }
            stored = given.signum() == 0 || integerDigits < -type.scale() ?
                BigDecimal.valueOf(0, type.scale()) : given.setScale(type.scale(), RoundingMode.HALF_UP);
            if (stored.precision() > type.precision())
            {
                throw numericOverflow(column, value);
            }
        }
        else
        {
            if (integerDigits > MAX_NUMERIC_INTEGER_DIGITS)
            {
                throw new IllegalArgumentException(
                    layout.describe(column) + ": value " + abbreviate(value.toString()) + " has " + integerDigits +
                    " digits before the decimal point, more than " + MAX_NUMERIC_INTEGER_DIGITS);
            }
            stored = given.scale() < 0 ? given.setScale(0) : given;
            if (stored.scale() > RowDescriptor.MAX_NUMERIC_SCALE)
            {
                throw new IllegalArgumentException(
                    layout.describe(column) + ": scale " + stored.scale() + " of value " + abbreviate(value.toString()) +
                    " exceeds " + RowDescriptor.MAX_NUMERIC_SCALE);
            }
        }
        final BigInteger unscaled = stored.unscaledValue();
        if (unscaled.bitLength() < Long.SIZE)
        {
            return setDecimal(column, unscaled.longValue(), stored.scale());
        }
        final byte[] bytes = unscaled.toByteArray();
        final int index = claimVariable(column, RowDescriptor.NUMERIC_SCALE_LENGTH + bytes.length);
        buffer.putShort(index, (short)stored.scale(), RowDescriptor.BYTE_ORDER);
        buffer.putBytes(index + RowDescriptor.NUMERIC_SCALE_LENGTH, bytes);
        return this;
    }

    private IllegalArgumentException numericOverflow(final int column, final BigDecimal value)
    {
        final ColumnType type = layout.type(column);
        return new IllegalArgumentException(
            layout.describe(column) + ": numeric field overflow for value " + abbreviate(value.toString()) +
            " (must round to an absolute value less than 10^" + (type.precision() - type.scale()) + ")");
    }

    /**
     * Set a {@code CHARACTER}, {@code VARCHAR}, {@code TEXT} or {@code JSON} column, encoding UTF-8 char by char
     * without allocating. Lengths are counted in Unicode code points. As in PostgreSQL, a value longer than
     * n characters is cut to n when the excess is all spaces and rejected otherwise, and a
     * {@code CHARACTER(n)} value is padded with spaces to n characters.
     *
     * @param column ordinal of a text column.
     * @param value  the value.
     * @return this writer.
     * @throws IllegalArgumentException if the column is not a text column, does not exist, the value is too
     *                                  long (SQLSTATE 22001) or has an unpaired surrogate or a NUL character
     *                                  (22021).
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setString(final int column, final CharSequence value)
    {
        checkSettable(column);
        final TypeKind kind = layout.kind(column);
        if (!kind.isText())
        {
            throw layout.wrongType(column, "string", quote(value));
        }
        final int maxChars = layout.type(column).length();
        final int chars = value.length();
        int end = chars;
        int codePoints = 0;
        long bytes = 0;
        long bytesAtCut = 0;
        boolean spacesAfterCut = true;
        for (int i = 0; i < chars; i++)
        {
            final char c = value.charAt(i);
            if (codePoints == maxChars && end == chars)
            {
                end = i;
                bytesAtCut = bytes;
            }
            if (end != chars)
            {
                spacesAfterCut &= c == ' ';
            }
            if (c == 0)
            {
                throw new IllegalArgumentException(
                    layout.describe(column) + ": NUL character at index " + i + " of value " + quote(value));
            }
            else if (c < 0x80)
            {
                bytes += 1;
            }
            else if (c < 0x800)
            {
                bytes += 2;
            }
            else if (Character.isSurrogate(c))
            {
                if (!Character.isHighSurrogate(c) || i + 1 == chars || !Character.isLowSurrogate(value.charAt(i + 1)))
                {
                    throw new IllegalArgumentException(
                        layout.describe(column) + ": unpaired surrogate at index " + i + " of value " + quote(value));
                }
                i++;
                bytes += 4;
            }
            else
            {
                bytes += 3;
            }
            codePoints++;
        }
        if (end != chars)
        {
            if (!spacesAfterCut)
            {
                throw new IllegalArgumentException(
                    "value too long for type " + (kind == TypeKind.CHAR ? "character(" : "character varying(") +
                    maxChars + "): " + layout.describe(column) + " got " + codePoints + " characters in value " +
                    quote(value));
            }
            bytes = bytesAtCut;
            codePoints = maxChars;
        }
        final int padding = kind == TypeKind.CHAR ? maxChars - codePoints : 0;
        if (bytes + padding > Integer.MAX_VALUE)
        {
            throw new IllegalStateException(layout.describe(column) + ": value of " + bytes + " bytes is too large");
        }
        final int index = claimVariable(column, (int)bytes + padding);
        final int paddingIndex = encodeUtf8(value, end, index);
        buffer.setMemory(paddingIndex, padding, (byte)' ');
        return this;
    }

    private int encodeUtf8(final CharSequence value, final int end, final int start)
    {
        final MutableDirectBuffer buffer = this.buffer;
        int index = start;
        for (int i = 0; i < end; i++)
        {
            final char c = value.charAt(i);
            if (c < 0x80)
            {
                buffer.putByte(index++, (byte)c);
            }
            else if (c < 0x800)
            {
                buffer.putByte(index++, (byte)(0xC0 | (c >>> 6)));
                buffer.putByte(index++, (byte)(0x80 | (c & 0x3F)));
            }
            else if (Character.isHighSurrogate(c))
            {
                final int codePoint = Character.toCodePoint(c, value.charAt(++i));
                buffer.putByte(index++, (byte)(0xF0 | (codePoint >>> 18)));
                buffer.putByte(index++, (byte)(0x80 | ((codePoint >>> 12) & 0x3F)));
                buffer.putByte(index++, (byte)(0x80 | ((codePoint >>> 6) & 0x3F)));
                buffer.putByte(index++, (byte)(0x80 | (codePoint & 0x3F)));
            }
            else
            {
                buffer.putByte(index++, (byte)(0xE0 | (c >>> 12)));
                buffer.putByte(index++, (byte)(0x80 | ((c >>> 6) & 0x3F)));
                buffer.putByte(index++, (byte)(0x80 | (c & 0x3F)));
            }
        }
        return index;
    }

    /**
     * @param column ordinal of a {@code BYTEA} column.
     * @param value  the bytes, copied.
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code BYTEA} or does not exist.
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setBytes(final int column, final byte[] value)
    {
        checkSettable(column);
        if (layout.kind(column) != TypeKind.BYTEA)
        {
            throw layout.wrongType(column, "byte[]", "of " + value.length + " bytes");
        }
        final int index = claimVariable(column, value.length);
        buffer.putBytes(index, value);
        return this;
    }

    /**
     * @param column       ordinal of a {@code BYTEA} column.
     * @param source       buffer holding the bytes, copied.
     * @param sourceOffset offset of the bytes.
     * @param sourceLength number of bytes.
     * @return this writer.
     * @throws IllegalArgumentException if the column is not {@code BYTEA}, does not exist, or the range is not
     *                                  inside the source buffer.
     * @throws IllegalStateException    if no row is in progress or the column is already set.
     */
    public RowWriter setBytes(final int column, final DirectBuffer source, final int sourceOffset, final int sourceLength)
    {
        checkSettable(column);
        if (layout.kind(column) != TypeKind.BYTEA)
        {
            throw layout.wrongType(column, "buffer", "of " + sourceLength + " bytes");
        }
        if (sourceOffset < 0 || sourceLength < 0 || (long)sourceOffset + sourceLength > source.capacity())
        {
            throw new IllegalArgumentException(layout.describe(column) + ": source range [" + sourceOffset + ", " +
                ((long)sourceOffset + sourceLength) + ") is outside the source buffer of capacity " + source.capacity());
        }
        final int index = claimVariable(column, sourceLength);
        buffer.putBytes(index, source, sourceOffset, sourceLength);
        return this;
    }

    private int claimVariable(final int column, final int valueLength)
    {
        final int valueOffset = limit;
        ensureCapacity((long)valueOffset + valueLength);
        markSet(column);
        final int slot = offset + layout.offset(column);
        buffer.putInt(slot + RowDescriptor.SLOT_VALUE_OFFSET_OFFSET, valueOffset, RowDescriptor.BYTE_ORDER);
        buffer.putInt(slot + RowDescriptor.SLOT_VALUE_LENGTH_OFFSET, valueLength, RowDescriptor.BYTE_ORDER);
        limit = valueOffset + valueLength;
        return offset + valueOffset;
    }

    private void ensureCapacity(final long rowLength)
    {
        final long end = offset + rowLength;
        if (end > Integer.MAX_VALUE)
        {
            throw new IllegalStateException(
                "row of " + rowLength + " bytes at offset " + offset + " exceeds the largest buffer");
        }
        if (end > buffer.capacity())
        {
            if (!buffer.isExpandable())
            {
                throw new IllegalStateException(
                    "row of " + rowLength + " bytes at offset " + offset + " does not fit buffer capacity " +
                    buffer.capacity());
            }
            buffer.checkLimit((int)end);
        }
    }

    private void checkInRow()
    {
        if (!inRow)
        {
            throw new IllegalStateException("no row in progress: call wrap(buffer, offset) first");
        }
    }

    private void checkSettable(final int column)
    {
        checkInRow();
        layout.checkColumn(column);
        if (isSet(column))
        {
            throw new IllegalStateException(layout.describe(column) + " is already set in this row");
        }
    }

    private boolean isSet(final int column)
    {
        return (setColumns[column >>> 6] & (1L << column)) != 0;
    }

    private void markSet(final int column)
    {
        setColumns[column >>> 6] |= 1L << column;
    }

    private void markNull(final int column)
    {
        final int index = offset + RowDescriptor.NULL_BITMAP_OFFSET + (column >>> 3);
        buffer.putByte(index, (byte)(buffer.getByte(index) | (1 << (column & 7))));
    }

    private static String quote(final CharSequence value)
    {
        return "'" + abbreviate(value) + "'";
    }

    private static String abbreviate(final CharSequence value)
    {
        return value.length() <= MAX_VALUE_IN_MESSAGE ?
            value.toString() : value.subSequence(0, MAX_VALUE_IN_MESSAGE) + "... (" + value.length() + " chars)";
    }
}
