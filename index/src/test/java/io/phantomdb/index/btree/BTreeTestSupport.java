package io.phantomdb.index.btree;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

final class BTreeTestSupport
{
    static final BTreeConfig SMALL = BTreeConfig.of(4096, 4096 * 64);

    private BTreeTestSupport()
    {
    }

    static UnsafeBuffer key(final int i)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4]);
        buffer.putInt(0, i, ByteOrder.BIG_ENDIAN);
        return buffer;
    }

    static UnsafeBuffer value(final int i, final int length)
    {
        final byte[] bytes = new byte[length];
        for (int j = 0; j < length; j++)
        {
            bytes[j] = (byte)(i * 31 + j);
        }
        return new UnsafeBuffer(bytes);
    }

    static void put(final BTree tree, final int i, final int valueLength)
    {
        final UnsafeBuffer key = key(i);
        final UnsafeBuffer value = value(i, valueLength);
        tree.put(key, 0, 4, value, 0, valueLength);
    }

    static byte[] bytes(final DirectBuffer buffer)
    {
        if (null == buffer)
        {
            return null;
        }
        final byte[] bytes = new byte[buffer.capacity()];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    static int intKey(final DirectBuffer key)
    {
        return key.getInt(0, ByteOrder.BIG_ENDIAN);
    }
}
