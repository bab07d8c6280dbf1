package io.phantomdb.core.row;

import java.nio.ByteOrder;

/**
 * The row format, version {@value #FORMAT_VERSION}: offsets and lengths of a row's fields. A row is
 * the bytes of one table row as stored in an index value; its layout for a given schema is computed
 * once by {@link RowLayout}.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------+---------------+-------------------------------+
 *  |    Version    |     Flags     |         Column Count          |  0
 *  +---------------+---------------+-------------------------------+
 *  |                         Total Length                          |  4
 *  +---------------------------------------------------------------+
 *  |  Null Bitmap: ceil(Column Count / 8) bytes; bit (i mod 8) of  |  8
 *  |  byte (i / 8) set = column i is NULL; unused high bits are 0 ...
 *  +---------------------------------------------------------------+
 *  |  Fixed-width area: each fixed-width column in ordinal order,  |  fixedAreaOffset
 *  |  at the offset RowLayout computed, unaligned, 0s when NULL   ...
 *  +---------------------------------------------------------------+
 *  |  Slot table: one 8-byte slot per variable-width column in     |  slotTableOffset
 *  |  ordinal order                                               ...
 *  +---------------------------------------------------------------+
 *  |  Variable-length data: values in the order they were set     ...  varDataOffset
 *  +---------------------------------------------------------------+
 *
 *  Slot of a variable-width column:
 *  +---------------------------------------------------------------+
 *  |  Value Offset: from the row start, &gt;= varDataOffset; 0 if NULL |
 *  +---------------------------------------------------------------+
 *  |  Value Length: 0 or more, Offset + Length &lt;= Total Length;    |
 *  |  0 if NULL                                                    |
 *  +---------------------------------------------------------------+
 * </pre>
 * Every multi-byte field is little-endian ({@link #BYTE_ORDER}). Version is {@value #FORMAT_VERSION}; Flags
 * are 0 (no flag is defined in this version); Column Count must equal the schema's; Total Length is
 * the length of the whole row, header included.
 * <p>
 * Values: BOOLEAN is one byte, 0 or 1. SMALLINT, INTEGER, BIGINT are 2, 4, 8-byte two's complement.
 * REAL and DOUBLE PRECISION are IEEE 754 bits (NaN and -0.0 kept as written). DATE is an int32 of days
 * since 1970-01-01. TIME is an int64 of microseconds since midnight, 0 to 86,400,000,000. TIMESTAMP is an
 * int64 of microseconds since 1970-01-01T00:00 without a zone. CHARACTER, VARCHAR, TEXT and JSON are
 * UTF-8 (CHARACTER(n) blank-padded to n characters). BYTEA is the bytes. NUMERIC is a variable value:
 * <pre>
 *  +-------------------------------+-------------------------------...
 *  |   Scale: int16, 0 to 16383    | Unscaled value: big-endian two's complement, minimal length,
 *  +-------------------------------+ at least 1 byte (as BigInteger.toByteArray())  ...
 * </pre>
 * value = unscaled &times; 10^-scale. An unscaled value of 8 bytes or fewer is the compact form: readers and
 * writers move it as a {@code long} without allocating; longer ones go through {@link java.math.BigInteger}.
 * For {@code NUMERIC(p,s)} the scale is always s.
 * <p>
 * <b>Note:</b> constants only, safe from any thread.
 */
public final class RowDescriptor
{
    /** The row format version this code reads and writes. */
    public static final int FORMAT_VERSION = 1;

    /** Byte order of every multi-byte field of a row except the unscaled value of a NUMERIC. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    /** Offset of the format version, an unsigned byte. */
    public static final int VERSION_OFFSET = 0;

    /** Offset of the flags byte. */
    public static final int FLAGS_OFFSET = 1;

    /** Offset of the column count, an unsigned int16. */
    public static final int COLUMN_COUNT_OFFSET = 2;

    /** Offset of the total length of the row in bytes, an int32. */
    public static final int TOTAL_LENGTH_OFFSET = 4;

    /** Length of the header, and offset of the null bitmap. */
    public static final int HEADER_LENGTH = 8;

    /** Offset of the null bitmap. */
    public static final int NULL_BITMAP_OFFSET = HEADER_LENGTH;

    /** Most columns a row can hold (the column count is an unsigned int16). */
    public static final int MAX_COLUMNS = 0xFFFF;

    /** Length of a slot of a variable-width column. */
    public static final int SLOT_LENGTH = 8;

    /** Offset within a slot of the value's offset from the row start, an int32. */
    public static final int SLOT_VALUE_OFFSET_OFFSET = 0;

    /** Offset within a slot of the value's length, an int32. */
    public static final int SLOT_VALUE_LENGTH_OFFSET = 4;

    /** Length of the scale that starts a NUMERIC value, an int16. */
    public static final int NUMERIC_SCALE_LENGTH = 2;

    /** Largest scale a stored NUMERIC may have, as PostgreSQL's NUMERIC_DSCALE_MAX. */
    public static final int MAX_NUMERIC_SCALE = 0x3FFF;

    /** Largest TIME value: 24:00:00 in microseconds, allowed as in PostgreSQL. */
    public static final long MAX_TIME_MICROS = 86_400_000_000L;

    private RowDescriptor()
    {
    }

    /**
     * @param columnCount number of columns.
     * @return length of the null bitmap in bytes.
     */
    public static int nullBitmapLength(final int columnCount)
    {
        return (columnCount + 7) >>> 3;
    }
}
