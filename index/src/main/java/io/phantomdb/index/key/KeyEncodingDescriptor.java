package io.phantomdb.index.key;

/**
 * The byte-comparable key format, version {@value #VERSION}. A key is the concatenation of its columns;
 * each column is a marker byte, then (unless NULL) the value bytes. Descending columns XOR every value
 * byte, terminator included, with 0xFF; the marker is never inverted.
 * <pre>
 *   column := marker value?
 *   marker := 0x00 NULL (NULLS FIRST) | 0x01 present | 0x02 NULL (NULLS LAST)
 *
 *   BOOLEAN  0x00 false, 0x01 true
 *   SHORT    2 bytes big-endian, sign bit flipped         (v ^ 0x8000)
 *   INT      4 bytes big-endian, sign bit flipped         (v ^ 0x8000_0000)
 *   LONG     8 bytes big-endian, sign bit flipped         (v ^ 0x8000_0000_0000_0000)
 *   FLOAT    4 bytes big-endian of floatToIntBits(v) (canonical NaN):
 *            sign bit clear: flip the sign bit; sign bit set: flip every bit
 *   DOUBLE   8 bytes, the same with doubleToLongBits(v)
 *   STRING   UTF-8 of the code points (unpaired surrogates as 3-byte sequences, WTF-8),
 *            then escaped and terminated like BYTES
 *   BYTES    every 0x00 written as 0x00 0xFF, every other byte as itself, then 0x00 0x00
 * </pre>
 * Every column encoding is prefix-free (fixed width, or ends in the only unescaped 0x00 0x00), so
 * the bytes of one column never compare against the bytes of the next, and inverting a column's
 * bytes reverses its order.
 * <p>
 * <b>Note:</b> constants only, safe from any thread.
 */
public final class KeyEncodingDescriptor
{
    /** Version of this format; bump on any change to the bytes. */
    public static final int VERSION = 1;

    /** Marker of a NULL column whose order is NULLS FIRST. */
    public static final byte NULL_FIRST_MARKER = 0x00;

    /** Marker of a non-NULL column. */
    public static final byte PRESENT_MARKER = 0x01;

    /** Marker of a NULL column whose order is NULLS LAST. */
    public static final byte NULL_LAST_MARKER = 0x02;

    /** The escape byte: a 0x00 in variable-length data is followed by {@link #ESCAPED_ZERO}. */
    public static final byte ESCAPE = 0x00;

    /** Second byte of an escaped 0x00 in variable-length data. */
    public static final byte ESCAPED_ZERO = (byte)0xFF;

    /** Second byte of the terminator 0x00 0x00 of variable-length data. */
    public static final byte TERMINATOR = 0x00;

    private KeyEncodingDescriptor()
    {
    }

    /**
     * @param value a float.
     * @return its order-preserving unsigned bits (before any descending inversion).
     */
    public static int sortableFloatBits(final float value)
    {
        final int bits = Float.floatToIntBits(value);
        return bits >= 0 ? bits ^ Integer.MIN_VALUE : ~bits;
    }

    /**
     * @param sortable bits from {@link #sortableFloatBits(float)}.
     * @return the float.
     */
    public static float floatFromSortableBits(final int sortable)
    {
        return Float.intBitsToFloat(sortable < 0 ? sortable ^ Integer.MIN_VALUE : ~sortable);
    }

    /**
     * @param value a double.
     * @return its order-preserving unsigned bits (before any descending inversion).
     */
    public static long sortableDoubleBits(final double value)
    {
        final long bits = Double.doubleToLongBits(value);
        return bits >= 0 ? bits ^ Long.MIN_VALUE : ~bits;
    }

    /**
     * @param sortable bits from {@link #sortableDoubleBits(double)}.
     * @return the double.
     */
    public static double doubleFromSortableBits(final long sortable)
    {
        return Double.longBitsToDouble(sortable < 0 ? sortable ^ Long.MIN_VALUE : ~sortable);
    }
}
