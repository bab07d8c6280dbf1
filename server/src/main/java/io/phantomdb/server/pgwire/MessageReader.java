package io.phantomdb.server.pgwire;

import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one frontend message body (after the type byte and length): big-endian integers,
 * NUL-terminated UTF-8 strings and byte runs. Every read checks bounds and throws {@link ProtocolException}
 * on a truncated or malformed message.
 * <p>
 * <b>Note:</b> not thread-safe; one per message, on the connection's thread.
 */
final class MessageReader
{
    private final byte[] bytes;
    private int position;

    MessageReader(final byte[] bytes)
    {
        this.bytes = bytes;
    }

    int remaining()
    {
        return bytes.length - position;
    }

    byte int8()
    {
        need(1);
        return bytes[position++];
    }

    short int16()
    {
        need(2);
        final int value = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
        position += 2;
        return (short)value;
    }

    int int32()
    {
        need(4);
        final int value = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16) |
            ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    String cstring()
    {
        int end = position;
        while (end < bytes.length && bytes[end] != 0)
        {
            end++;
        }
        if (end >= bytes.length)
        {
            throw new ProtocolException("string is not NUL-terminated at offset " + position);
        }
        final String value = new String(bytes, position, end - position, StandardCharsets.UTF_8);
        position = end + 1;
        return value;
    }

    byte[] bytes(final int length)
    {
        if (length < 0)
        {
            throw new ProtocolException("negative length " + length + " at offset " + position);
        }
        need(length);
        final byte[] value = new byte[length];
        System.arraycopy(bytes, position, value, 0, length);
        position += length;
        return value;
    }

    int count(final int elementBytes)
    {
        final int count = int16() & 0xFFFF;
        if ((long)count * elementBytes > remaining())
        {
            throw new ProtocolException("count " + count + " exceeds the " + remaining() + " bytes left");
        }
        return count;
    }

    private void need(final int length)
    {
        if (length > bytes.length - position)
        {
            throw new ProtocolException("message truncated: need " + length + " bytes at offset " + position +
                " of " + bytes.length);
        }
    }
}
