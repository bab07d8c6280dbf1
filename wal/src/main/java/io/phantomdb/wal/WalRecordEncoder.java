package io.phantomdb.wal;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.checksum.Crc32c;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

import static io.phantomdb.wal.WalRecordDescriptor.*;

/**
 * Flyweight that builds one WAL record (see {@link WalRecordDescriptor}) in a reusable off-heap buffer it owns:
 * {@link #begin(long)}, any number of {@link #addChange}, {@link #finish()}, then {@link WalWriter#append}.
 * The buffer doubles when a record does not fit and is then kept, so a steady workload allocates nothing.
 * The LSN and the CRC32C are written by the writer when it appends the record.
 * <p>
 * <b>Note:</b> not thread safe; one encoder per thread, normally the WAL writer thread.
 */
public final class WalRecordEncoder
{
    /** Hard cap on the buffer; a {@link WalConfig} may set a lower record limit. */
    public static final int MAX_CAPACITY = 1 << 30;

    private static final int BUILDING = 1;
    private static final int FINISHED = 2;
    private static final int IDLE = 3;

    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private int length;
    private int changeCount;
    private int state = IDLE;

    /**
     * Encoder with a 4 KiB buffer.
     */
    public WalRecordEncoder()
    {
        this(4096);
    }

    /**
     * @param initialCapacity bytes of the buffer before it first grows; at least {@link WalRecordDescriptor#MIN_RECORD_LENGTH}.
     * @throws IllegalArgumentException if the capacity is below the minimum record or above {@link #MAX_CAPACITY}.
     */
    public WalRecordEncoder(final int initialCapacity)
    {
        if (initialCapacity < MIN_RECORD_LENGTH || initialCapacity > MAX_CAPACITY)
        {
            throw new IllegalArgumentException("initialCapacity=" + initialCapacity + " must be in [" +
                MIN_RECORD_LENGTH + ", " + MAX_CAPACITY + "]");
        }
        buffer.wrap(ByteBuffer.allocateDirect(initialCapacity));
    }

    /**
     * Starts a new record, discarding any record built before.
     *
     * @param txId the transaction the changes belong to.
     * @return this encoder.
     */
    public WalRecordEncoder begin(final long txId)
    {
        buffer.putShort(VERSION_OFFSET, FORMAT_VERSION, BYTE_ORDER);
        buffer.putShort(RESERVED_OFFSET, (short)0, BYTE_ORDER);
        buffer.putLong(LSN_OFFSET, 0L, BYTE_ORDER);
        buffer.putLong(TX_ID_OFFSET, txId, BYTE_ORDER);
        length = HEADER_LENGTH;
        changeCount = 0;
        state = BUILDING;
        return this;
    }

    /**
     * Appends one change to the record begun by {@link #begin(long)}; key and value are copied.
     *
     * @param tableId     the table or index the change applies to.
     * @param operation   {@link WalRecordDescriptor#OP_PUT}, {@link WalRecordDescriptor#OP_DELETE} or
     *                    {@link WalRecordDescriptor#OP_DDL}.
     * @param key         buffer holding the key.
     * @param keyOffset   offset of the key in {@code key}.
     * @param keyLength   bytes of the key, zero or more.
     * @param value       buffer holding the value; may be null when {@code valueLength} is 0.
     * @param valueOffset offset of the value in {@code value}.
     * @param valueLength bytes of the value, zero or more.
     * @return this encoder.
     * @throws IllegalStateException    if no record was begun or it was already finished.
     * @throws IllegalArgumentException for an unknown operation, a negative length, or a record that would exceed
     *                                  {@link #MAX_CAPACITY}.
     */
    public WalRecordEncoder addChange(
        final int tableId,
        final byte operation,
        final DirectBuffer key,
        final int keyOffset,
        final int keyLength,
        final DirectBuffer value,
        final int valueOffset,
        final int valueLength)
    {
        if (BUILDING != state)
        {
            throw new IllegalStateException("addChange needs begin(txId) first; state=" + stateName());
        }
        if (!isValidOperation(operation))
        {
            throw new IllegalArgumentException("unknown operation=" + operation);
        }
        if (keyLength < 0 || valueLength < 0 || (null == value && valueLength != 0))
        {
            throw new IllegalArgumentException("keyLength=" + keyLength + " valueLength=" + valueLength +
                " value=" + (null == value ? "null" : "buffer"));
        }
        final long required = length + changeLength(keyLength, valueLength) + CRC_LENGTH;
        ensureCapacity(required);

        int offset = length;
        buffer.putInt(offset + CHANGE_TABLE_ID_OFFSET, tableId, BYTE_ORDER);
        buffer.putByte(offset + CHANGE_OPERATION_OFFSET, operation);
        buffer.putInt(offset + CHANGE_KEY_LENGTH_OFFSET, keyLength, BYTE_ORDER);
        offset += CHANGE_KEY_LENGTH_OFFSET + Integer.BYTES;
        buffer.putBytes(offset, key, keyOffset, keyLength);
        offset += keyLength;
        buffer.putInt(offset, valueLength, BYTE_ORDER);
        offset += Integer.BYTES;
        if (valueLength > 0)
        {
            buffer.putBytes(offset, value, valueOffset, valueLength);
        }
        length = offset + valueLength;
        changeCount++;
        return this;
    }

    /**
     * Completes the record: writes the change count and the length. The record is then ready for
     * {@link WalWriter#append(WalRecordEncoder)}.
     *
     * @return the record length in bytes, CRC included.
     * @throws IllegalStateException if no record was begun or it was already finished.
     */
    public int finish()
    {
        if (BUILDING != state)
        {
            throw new IllegalStateException("finish needs begin(txId) first; state=" + stateName());
        }
        buffer.putInt(CHANGE_COUNT_OFFSET, changeCount, BYTE_ORDER);
        length += CRC_LENGTH;
        buffer.putInt(LENGTH_OFFSET, length, BYTE_ORDER);
        state = FINISHED;
        return length;
    }

    /**
     * @return bytes of the record built so far; after {@link #finish()} the full record length.
     */
    public int length()
    {
        return length;
    }

    /**
     * @return changes added since {@link #begin(long)}.
     */
    public int changeCount()
    {
        return changeCount;
    }

    /**
     * @return the buffer holding the record at offset 0; valid until the next call that changes the record.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Writes the LSN and the CRC32C; called by the writer just before the record is appended.
     *
     * @param lsn the LSN assigned to this record.
     * @throws IllegalStateException if the record is not finished or was already sealed.
     */
    void seal(final long lsn)
    {
        if (FINISHED != state)
        {
            throw new IllegalStateException("append needs a finished record; state=" + stateName());
        }
        buffer.putLong(LSN_OFFSET, lsn, BYTE_ORDER);
        final int crc = Crc32c.INSTANCE.compute(buffer.addressOffset(), 0, length - CRC_LENGTH);
        buffer.putInt(length - CRC_LENGTH, crc, BYTE_ORDER);
        state = IDLE;
    }

    /**
     * @return address of the first byte of the record, for the writer's zero-copy append.
     */
    long address()
    {
        return buffer.addressOffset();
    }

    private void ensureCapacity(final long required)
    {
        if (required > MAX_CAPACITY)
        {
            throw new IllegalArgumentException("record of " + required + " bytes exceeds MAX_CAPACITY=" + MAX_CAPACITY);
        }
        final int capacity = buffer.capacity();
        if (required > capacity)
        {
            final int newCapacity = (int)Math.min(MAX_CAPACITY, BitUtil.findNextPositivePowerOfTwo(required));
            final ByteBuffer grown = ByteBuffer.allocateDirect(newCapacity);
            final UnsafeBuffer target = new UnsafeBuffer(grown);
            target.putBytes(0, buffer, 0, length);
            buffer.wrap(grown);
        }
    }

    private String stateName()
    {
        switch (state)
        {
            case BUILDING:
                return "BUILDING";
            case FINISHED:
                return "FINISHED";
            default:
                return "IDLE (begin a record first)";
        }
    }
}
