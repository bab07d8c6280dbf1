package io.phantomdb.index.key;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

import static io.phantomdb.index.key.KeyEncodingDescriptor.ESCAPE;
import static io.phantomdb.index.key.KeyEncodingDescriptor.ESCAPED_ZERO;
import static io.phantomdb.index.key.KeyEncodingDescriptor.PRESENT_MARKER;
import static io.phantomdb.index.key.KeyEncodingDescriptor.TERMINATOR;

/**
 * Writes a typed multi-column key as bytes whose {@link io.phantomdb.index.ByteComparator} order is the
 * typed order of the tuples, column by column. The format is drawn in {@link KeyEncodingDescriptor}.
 * <p>
 * A flyweight: {@link #wrap} a buffer, set the {@link #order(ColumnOrder)} (sticky until changed; the
 * default is {@link ColumnOrder#ASC_NULLS_FIRST}) and put one value per column, then read
 * {@link #length()}. Encoding allocates nothing; strings are encoded char by char. Writing past the
 * end of a fixed-size buffer throws {@link IndexOutOfBoundsException}; an expandable buffer grows.
 * <pre>{@code
 * int length = encoder.wrap(buffer, 0)
 *     .putInt(tenantId)
 *     .order(ColumnOrder.DESC_NULLS_LAST).putLong(timestamp)
 *     .length();
 * }</pre>
 * <p>
 * <b>Note:</b> not thread safe; reuse one instance per thread.
 */
public final class KeyEncoder
{
    private MutableDirectBuffer buffer;
    private int offset;
    private int position;
    private ColumnOrder order = ColumnOrder.ASC_NULLS_FIRST;
    private int flip;

    /**
     * Start a new key at {@code offset} of {@code buffer}; resets the order to
     * {@link ColumnOrder#ASC_NULLS_FIRST}.
     *
     * @param buffer the buffer to write to.
     * @param offset where the key starts.
     * @return this encoder.
     * @throws IllegalArgumentException if the offset is outside the buffer.
     */
    public KeyEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        if (offset < 0 || offset > buffer.capacity())
        {
            throw new IllegalArgumentException("offset=" + offset + " outside buffer capacity=" + buffer.capacity());
        }
        this.buffer = buffer;
        this.offset = offset;
        this.position = offset;
        return order(ColumnOrder.ASC_NULLS_FIRST);
    }

    /**
     * Set the order of the following columns.
     *
     * @param order direction and NULL position.
     * @return this encoder.
     */
    public KeyEncoder order(final ColumnOrder order)
    {
        this.order = order;
        this.flip = order.flipMask();
        return this;
    }

    /**
     * @return the order used by the next column.
     */
    public ColumnOrder order()
    {
        return order;
    }

    /**
     * @return bytes written since {@link #wrap}.
     */
    public int length()
    {
        return position - offset;
    }

    /**
     * @return the buffer being written.
     */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Write a NULL column: only its marker.
     *
     * @return this encoder.
     */
    public KeyEncoder putNull()
    {
        buffer.putByte(position++, order.nullMarker());
        return this;
    }

    /**
     * @param value the column value.
     * @return this encoder.
     */
    public KeyEncoder putBoolean(final boolean value)
    {
        buffer.putByte(position++, PRESENT_MARKER);
        putRawByte(value ? 1 : 0);
        return this;
    }

    /**
     * @param value the column value.
     * @return this encoder.
     */
    public KeyEncoder putShort(final short value)
    {
        buffer.putByte(position++, PRESENT_MARKER);
        final int flipped = value ^ Short.MIN_VALUE;
        buffer.putShort(position, (short)(flip == 0 ? flipped : ~flipped), ByteOrder.BIG_ENDIAN);
        position += Short.BYTES;
        return this;
    }

    /**
     * @param value the column value.
     * @return this encoder.
     */
    public KeyEncoder putInt(final int value)
    {
        buffer.putByte(position++, PRESENT_MARKER);
        putRawInt(value ^ Integer.MIN_VALUE);
        return this;
    }

    /**
     * @param value the column value.
     * @return this encoder.
     */
    public KeyEncoder putLong(final long value)
    {
        buffer.putByte(position++, PRESENT_MARKER);
        putRawLong(value ^ Long.MIN_VALUE);
        return this;
    }

    /**
     * Write a float in {@link Float#compare} order: -0.0 before 0.0, every NaN as the canonical NaN, last.
     *
     * @param value the column value.
     * @return this encoder.
     */
    public KeyEncoder putFloat(final float value)
    {
        buffer.putByte(position++, PRESENT_MARKER);
        putRawInt(KeyEncodingDescriptor.sortableFloatBits(value));
        return this;
    }

    /**
     * Write a double in {@link Double#compare} order: -0.0 before 0.0, every NaN as the canonical NaN, last.
     *
     * @param value the column value.
     * @return this encoder.
     */
    public KeyEncoder putDouble(final double value)
    {
        buffer.putByte(position++, PRESENT_MARKER);
        putRawLong(KeyEncodingDescriptor.sortableDoubleBits(value));
        return this;
    }

    /**
     * Write a string in code point order: UTF-8 (an unpaired surrogate as its 3-byte sequence), each
     * 0x00 escaped, then the terminator.
     *
     * @param value the column value; write NULL with {@link #putNull()}.
     * @return this encoder.
     */
    public KeyEncoder putString(final CharSequence value)
    {
        buffer.putByte(position++, PRESENT_MARKER);
        final int length = value.length();
        for (int i = 0; i < length; i++)
        {
            final char c = value.charAt(i);
            if (c < 0x80)
            {
                putDataByte(c);
            }
            else if (c < 0x800)
            {
                putRawByte(0xC0 | (c >>> 6));
                putRawByte(0x80 | (c & 0x3F));
            }
            else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1)))
            {
                final int codePoint = Character.toCodePoint(c, value.charAt(++i));
                putRawByte(0xF0 | (codePoint >>> 18));
                putRawByte(0x80 | ((codePoint >>> 12) & 0x3F));
                putRawByte(0x80 | ((codePoint >>> 6) & 0x3F));
                putRawByte(0x80 | (codePoint & 0x3F));
            }
            else
            {
                putRawByte(0xE0 | (c >>> 12));
                putRawByte(0x80 | ((c >>> 6) & 0x3F));
                putRawByte(0x80 | (c & 0x3F));
            }
        }
        putTerminator();
        return this;
    }

    /**
     * Write a byte string in unsigned lexicographic order, shorter prefix first: each 0x00 escaped,
     * then the terminator.
     *
     * @param value  buffer holding the bytes.
     * @param off    offset of the bytes.
     * @param length number of bytes.
     * @return this encoder.
     */
    public KeyEncoder putBytes(final DirectBuffer value, final int off, final int length)
    {
        buffer.putByte(position++, PRESENT_MARKER);
        for (int i = 0; i < length; i++)
        {
            putDataByte(value.getByte(off + i) & 0xFF);
        }
        putTerminator();
        return this;
    }

    /**
     * Write a byte string in unsigned lexicographic order, shorter prefix first.
     *
     * @param value the bytes.
     * @return this encoder.
     */
    public KeyEncoder putBytes(final byte[] value)
    {
        buffer.putByte(position++, PRESENT_MARKER);
        for (final byte b : value)
        {
            putDataByte(b & 0xFF);
        }
        putTerminator();
        return this;
    }

    private void putDataByte(final int b)
    {
        putRawByte(b);
        if (b == ESCAPE)
        {
            putRawByte(ESCAPED_ZERO & 0xFF);
        }
    }

    private void putTerminator()
    {
        putRawByte(ESCAPE);
        putRawByte(TERMINATOR);
    }

    private void putRawByte(final int b)
    {
        buffer.putByte(position++, (byte)(b ^ flip));
    }

    private void putRawInt(final int bits)
    {
        buffer.putInt(position, flip == 0 ? bits : ~bits, ByteOrder.BIG_ENDIAN);
        position += Integer.BYTES;
    }

    private void putRawLong(final long bits)
    {
        buffer.putLong(position, flip == 0 ? bits : ~bits, ByteOrder.BIG_ENDIAN);
        position += Long.BYTES;
    }
}
