package io.phantomdb.index.key;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

import static io.phantomdb.index.key.KeyEncodingDescriptor.ESCAPE;
import static io.phantomdb.index.key.KeyEncodingDescriptor.ESCAPED_ZERO;
import static io.phantomdb.index.key.KeyEncodingDescriptor.PRESENT_MARKER;
import static io.phantomdb.index.key.KeyEncodingDescriptor.TERMINATOR;

/**
 * Reads back a key written by {@link KeyEncoder}: the caller names each column's type (by the getter it
 * calls) and {@link #order(ColumnOrder) order}, in the order they were written. For tests, tools and
 * covering indexes.
 * <pre>{@code
 * decoder.wrap(buffer, 0, length);
 * int tenantId = decoder.getInt();
 * long timestamp = decoder.order(ColumnOrder.DESC_NULLS_LAST).nextIsNull() ? -1 : decoder.getLong();
 * }</pre>
 * Malformed bytes (a bad marker, a bad escape, a missing terminator, a read past the key's end) throw
 * {@link IllegalArgumentException} naming the offset.
 * <p>
 * <b>Note:</b> not thread safe; reuse one instance per thread.
 */
public final class KeyDecoder
{
    private DirectBuffer buffer;
    private int limit;
    private int position;
    private ColumnOrder order = ColumnOrder.ASC_NULLS_FIRST;
    private int flip;

    /**
     * Start reading a key; resets the order to {@link ColumnOrder#ASC_NULLS_FIRST}.
     *
     * @param buffer buffer holding the key.
     * @param offset offset of the key.
     * @param length length of the key.
     * @return this decoder.
     * @throws IllegalArgumentException if the range is outside the buffer.
     */
    public KeyDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        if (offset < 0 || length < 0 || offset > buffer.capacity() - length)
        {
            throw new IllegalArgumentException(
                "key offset=" + offset + " length=" + length + " outside buffer capacity=" + buffer.capacity());
        }
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
        return order(ColumnOrder.ASC_NULLS_FIRST);
    }

    /**
     * Set the order of the following columns; it must match the order they were written with.
     *
     * @param order direction and NULL position.
     * @return this decoder.
     */
    public KeyDecoder order(final ColumnOrder order)
    {
        this.order = order;
        this.flip = order.flipMask();
        return this;
    }

    /**
     * @return offset of the next column in the buffer.
     */
    public int position()
    {
        return position;
    }

    /**
     * @return bytes left after the current position.
     */
    public int remaining()
    {
        return limit - position;
    }

    /**
     * @return true if the next column is NULL (consumed by {@link #skipNull()}).
     * @throws IllegalArgumentException if no column is left.
     */
    public boolean nextIsNull()
    {
        require(1);
        return buffer.getByte(position) != PRESENT_MARKER;
    }

    /**
     * Consume a NULL column.
     *
     * @return this decoder.
     * @throws IllegalArgumentException if the next column is not a NULL of the current order.
     */
    public KeyDecoder skipNull()
    {
        require(1);
        final byte marker = buffer.getByte(position);
        if (marker != order.nullMarker())
        {
            throw new IllegalArgumentException(
                "expected NULL marker " + order.nullMarker() + " for " + order + " but found " + marker + " at offset " + position);
        }
        position++;
        return this;
    }

    /**
     * @return the next column's value.
     * @throws IllegalArgumentException if the column is NULL or malformed.
     */
    public boolean getBoolean()
    {
        readPresentMarker();
        final int b = rawByte();
        if (b > 1)
        {
            throw new IllegalArgumentException("malformed BOOLEAN " + b + " at offset " + (position - 1));
        }
        return b == 1;
    }

    /**
     * @return the next column's value.
     * @throws IllegalArgumentException if the column is NULL or malformed.
     */
    public short getShort()
    {
        readPresentMarker();
        require(Short.BYTES);
        final short bits = buffer.getShort(position, ByteOrder.BIG_ENDIAN);
        position += Short.BYTES;
        return (short)((flip == 0 ? bits : ~bits) ^ Short.MIN_VALUE);
    }

    /**
     * @return the next column's value.
     * @throws IllegalArgumentException if the column is NULL or malformed.
     */
    public int getInt()
    {
        readPresentMarker();
        return rawInt() ^ Integer.MIN_VALUE;
    }

    /**
     * @return the next column's value.
     * @throws IllegalArgumentException if the column is NULL or malformed.
     */
    public long getLong()
    {
        readPresentMarker();
        return rawLong() ^ Long.MIN_VALUE;
    }

    /**
     * @return the next column's value (any NaN was stored as the canonical NaN).
     * @throws IllegalArgumentException if the column is NULL or malformed.
     */
    public float getFloat()
    {
        readPresentMarker();
        return KeyEncodingDescriptor.floatFromSortableBits(rawInt());
    }

    /**
     * @return the next column's value (any NaN was stored as the canonical NaN).
     * @throws IllegalArgumentException if the column is NULL or malformed.
     */
    public double getDouble()
    {
        readPresentMarker();
        return KeyEncodingDescriptor.doubleFromSortableBits(rawLong());
    }

    /**
     * Append the next column's string to {@code destination}; allocates only if it must grow.
     *
     * @param destination where the chars go.
     * @return {@code destination}.
     * @throws IllegalArgumentException if the column is NULL or malformed.
     */
    public StringBuilder getString(final StringBuilder destination)
    {
        readPresentMarker();
        int b;
        while ((b = dataByte()) >= 0)
        {
            if (b < 0x80)
            {
                destination.append((char)b);
            }
            else if (b >= 0xF0)
            {
                final int codePoint = ((b & 0x07) << 18) | (continuation() << 12) | (continuation() << 6) | continuation();
                destination.append(Character.highSurrogate(codePoint)).append(Character.lowSurrogate(codePoint));
            }
            else if (b >= 0xE0)
            {
                destination.append((char)(((b & 0x0F) << 12) | (continuation() << 6) | continuation()));
            }
            else if (b >= 0xC0)
            {
                destination.append((char)(((b & 0x1F) << 6) | continuation()));
            }
            else
            {
                throw new IllegalArgumentException("malformed UTF-8 lead byte " + b + " at offset " + (position - 1));
            }
        }
        return destination;
    }

    /**
     * @return the next column's string (allocates; see {@link #getString(StringBuilder)}).
     * @throws IllegalArgumentException if the column is NULL or malformed.
     */
    public String getString()
    {
        return getString(new StringBuilder()).toString();
    }

    /**
     * Copy the next column's bytes, unescaped, to {@code destination}.
     *
     * @param destination where the bytes go.
     * @param offset      where in {@code destination}.
     * @return the number of bytes copied.
     * @throws IllegalArgumentException if the column is NULL or malformed.
     */
    public int getBytes(final MutableDirectBuffer destination, final int offset)
    {
        readPresentMarker();
        int length = 0;
        int b;
        while ((b = dataByte()) >= 0)
        {
            destination.putByte(offset + length++, (byte)b);
        }
        return length;
    }

    /**
     * @return the next column's bytes (allocates; see {@link #getBytes(MutableDirectBuffer, int)}).
     * @throws IllegalArgumentException if the column is NULL or malformed.
     */
    public byte[] getBytes()
    {
        readPresentMarker();
        final int start = position;
        int length = 0;
        while (dataByte() >= 0)
        {
            length++;
        }
        final byte[] bytes = new byte[length];
        position = start;
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)dataByte();
        }
        dataByte();
        return bytes;
    }

    private void readPresentMarker()
    {
        require(1);
        final byte marker = buffer.getByte(position);
        if (marker != PRESENT_MARKER)
        {
            throw new IllegalArgumentException(
                "expected a value (marker " + PRESENT_MARKER + ") but found marker " + marker + " at offset " + position);
        }
        position++;
    }

    /**
     * @return the next unescaped data byte, or -1 at the terminator (consumed).
     */
    private int dataByte()
    {
        final int b = rawByte();
        if (b != ESCAPE)
        {
            return b;
        }
        final int next = rawByte();
        if (next == (ESCAPED_ZERO & 0xFF))
        {
            return 0;
        }
        if (next == TERMINATOR)
        {
            return -1;
        }
        throw new IllegalArgumentException("malformed escape 0x00 " + next + " at offset " + (position - 2));
    }

    private int continuation()
    {
        final int b = rawByte();
        if ((b & 0xC0) != 0x80)
        {
            throw new IllegalArgumentException("malformed UTF-8 continuation byte " + b + " at offset " + (position - 1));
        }
        return b & 0x3F;
    }

    private int rawByte()
    {
        require(1);
        return (buffer.getByte(position++) ^ flip) & 0xFF;
    }

    private int rawInt()
    {
        require(Integer.BYTES);
        final int bits = buffer.getInt(position, ByteOrder.BIG_ENDIAN);
        position += Integer.BYTES;
        return flip == 0 ? bits : ~bits;
    }

    private long rawLong()
    {
        require(Long.BYTES);
        final long bits = buffer.getLong(position, ByteOrder.BIG_ENDIAN);
        position += Long.BYTES;
        return flip == 0 ? bits : ~bits;
    }

    private void require(final int bytes)
    {
        if (position + bytes > limit)
        {
            throw new IllegalArgumentException(
                "key ends at offset " + limit + " but " + bytes + " more bytes are needed at offset " + position);
        }
    }
}
