package io.phantomdb.core.row;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The compact form of a NUMERIC's unscaled value (see {@link RowDescriptor}): a {@code long} as its
 * minimal big-endian two's complement bytes, as {@link java.math.BigInteger#toByteArray()} would write it.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
final class DecimalCodec
{
    /** Longest unscaled value in bytes that is read and written as a {@code long}. */
    static final int MAX_COMPACT_LENGTH = Long.BYTES;

    /** Decimal digits a long may always hold: every long has at most 19. */
    private static final int MAX_LONG_DIGITS = 19;

    private static final long[] POWERS_OF_TEN = new long[MAX_LONG_DIGITS];

    static
    {
        long power = 1;
        for (int i = 0; i < MAX_LONG_DIGITS; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private DecimalCodec()
    {
    }

    /**
     * @param value unscaled value.
     * @return bytes of its minimal two's complement form, 1 to 8.
     */
    static int compactLength(final long value)
    {
        final int bitLength = Long.SIZE - Long.numberOfLeadingZeros(value ^ (value >> 63));
        return (bitLength >>> 3) + 1;
    }

    /**
     * @param buffer destination.
     * @param index  where the first (most significant) byte goes.
     * @param value  unscaled value.
     * @param length {@link #compactLength(long)} of the value.
     */
    static void putCompact(final MutableDirectBuffer buffer, final int index, final long value, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            buffer.putByte(index + i, (byte)(value >> ((length - 1 - i) << 3)));
        }
    }

    /**
     * @param buffer source.
     * @param index  first (most significant) byte.
     * @param length 1 to {@link #MAX_COMPACT_LENGTH}.
     * @return the sign-extended value.
     */
    static long getCompact(final DirectBuffer buffer, final int index, final int length)
    {
        long value = buffer.getByte(index);
        for (int i = 1; i < length; i++)
        {
            value = (value << 8) | (buffer.getByte(index + i) & 0xFF);
        }
        return value;
    }

    /**
     * @param value     unscaled value.
     * @param precision most decimal digits allowed, 1 or more.
     * @return true if the value has at most that many digits.
     */
    static boolean fitsPrecision(final long value, final int precision)
    {
        if (precision >= MAX_LONG_DIGITS)
        {
            return true;
        }
        final long limit = POWERS_OF_TEN[precision];
        return value < limit && value > -limit;
    }
}
