package io.phantomdb.index.btree;

import java.util.Arrays;

/**
 * A growable stack of longs without boxing.
 * <p>
 * <b>Note:</b> not thread safe; owned by the writer thread.
 */
final class LongStack
{
    private long[] values = new long[64];
    private int size;

    void push(final long value)
    {
        if (size == values.length)
        {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long pop()
    {
        return values[--size];
    }

    long get(final int index)
    {
        return values[index];
    }

    int size()
    {
        return size;
    }

    boolean isEmpty()
    {
        return 0 == size;
    }

    void clear()
    {
        size = 0;
    }
}
