package io.phantomdb.wal;

import org.agrona.DirectBuffer;
import org.agrona.checksum.Crc32c;

import java.util.zip.CRC32C;

import static io.phantomdb.wal.WalRecordDescriptor.*;

/**
 * Flyweight that reads one WAL record (see {@link WalRecordDescriptor}) in place, without copying: the header
 * fields, then the changes one at a time with {@link #nextChange()}. Keys and values are offsets into
 * {@link #buffer()}, which for a replay is the memory-mapped queue file itself.
 * <p>
 * {@link WalReader} hands records to a {@link WalRecordHandler} only after {@link #check()} passed, so a handler
 * may read every field without further bounds checks. The view is valid only during the handler call.
 * <p>
 * <b>Note:</b> not thread safe; one decoder per thread.
 */
public final class WalRecordDecoder
{
    private CRC32C heapCrc;
    private DirectBuffer buffer;
    private int offset;
    private int length;
    private int changeCount;
    private int changesRead;
    private int nextChangeOffset;

    private int tableId;
    private byte operation;
    private int keyOffset;
    private int keyLength;
    private int valueOffset;
    private int valueLength;

    /**
     * Points this decoder at a record and rewinds the change cursor. Nothing is validated here.
     *
     * @param buffer holding the record.
     * @param offset of the record's first byte.
     * @param length bytes available for the record (the excerpt length).
     * @return this decoder.
     */
    public WalRecordDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.changeCount = length >= HEADER_LENGTH ? buffer.getInt(offset + CHANGE_COUNT_OFFSET, BYTE_ORDER) : 0;
        rewind();
        return this;
    }

    /**
     * Validates the whole record: length, version, CRC32C, and that every change lies inside the record.
     * Allocates only when the record is bad.
     *
     * @return null if the record is valid, otherwise what failed with the expected and actual values.
     */
    public String check()
    {
        if (length < MIN_RECORD_LENGTH)
        {
            return "record of " + length + " bytes is shorter than the minimum " + MIN_RECORD_LENGTH;
        }
        final int recordLength = buffer.getInt(offset + LENGTH_OFFSET, BYTE_ORDER);
        if (recordLength != length)
        {
            return "expected record length " + length + " (excerpt length) actual " + recordLength;
        }
        final int expectedCrc = buffer.getInt(offset + length - CRC_LENGTH, BYTE_ORDER);
        final int actualCrc = crc32c(length - CRC_LENGTH);
        if (expectedCrc != actualCrc)
        {
            return "expected crc " + Integer.toHexString(expectedCrc) + " actual " + Integer.toHexString(actualCrc);
        }
        final short version = buffer.getShort(offset + VERSION_OFFSET, BYTE_ORDER);
        if (FORMAT_VERSION != version)
        {
            return "expected format version " + FORMAT_VERSION + " actual " + version;
        }
        return checkChanges();
    }

    private int crc32c(final int bytes)
    {
        final byte[] array = buffer.byteArray();
        if (null == array)
        {
            return Crc32c.INSTANCE.compute(buffer.addressOffset(), offset, bytes);
        }
        if (null == heapCrc)
        {
            heapCrc = new CRC32C();
        }
        heapCrc.reset();
        heapCrc.update(array, buffer.wrapAdjustment() + offset, bytes);
        return (int)heapCrc.getValue();
    }

    private String checkChanges()
    {
        if (changeCount < 0)
        {
            return "negative change count " + changeCount;
        }
        final int end = offset + length - CRC_LENGTH;
        long cursor = offset + HEADER_LENGTH;
        for (int i = 0; i < changeCount; i++)
        {
            if (cursor + CHANGE_OVERHEAD > end)
            {
                return "change " + i + " at record offset " + (cursor - offset) + " runs past the record end " + length;
            }
            final int pos = (int)cursor;
            final byte op = buffer.getByte(pos + CHANGE_OPERATION_OFFSET);
            if (!isValidOperation(op))
            {
                return "change " + i + " has unknown operation " + op;
            }
            final int keyLen = buffer.getInt(pos + CHANGE_KEY_LENGTH_OFFSET, BYTE_ORDER);
            final long valueLengthAt = (long)pos + CHANGE_KEY_LENGTH_OFFSET + Integer.BYTES + keyLen;
            if (keyLen < 0 || valueLengthAt + Integer.BYTES > end)
            {
                return "change " + i + " key length " + keyLen + " runs past the record end " + length;
            }
            final int valueLen = buffer.getInt((int)valueLengthAt, BYTE_ORDER);
            cursor = valueLengthAt + Integer.BYTES + valueLen;
            if (valueLen < 0 || cursor > end)
            {
                return "change " + i + " value length " + valueLen + " runs past the record end " + length;
            }
        }
        if (cursor != end)
        {
            return "expected changes to end at record offset " + (end - offset) + " actual " + (cursor - offset);
        }
        return null;
    }

    /**
     * @return the record's LSN.
     */
    public long lsn()
    {
        return buffer.getLong(offset + LSN_OFFSET, BYTE_ORDER);
    }

    /**
     * @return the transaction id of the record.
     */
    public long txId()
    {
        return buffer.getLong(offset + TX_ID_OFFSET, BYTE_ORDER);
    }

    /**
     * @return number of changes in the record.
     */
    public int changeCount()
    {
        return changeCount;
    }

    /**
     * @return the record length in bytes, CRC included.
     */
    public int length()
    {
        return length;
    }

    /**
     * Moves the change cursor back before the first change.
     *
     * @return this decoder.
     */
    public WalRecordDecoder rewind()
    {
        changesRead = 0;
        nextChangeOffset = offset + HEADER_LENGTH;
        return this;
    }

    /**
     * Advances to the next change; its fields are then available from the accessors below.
     *
     * @return false when every change has been read.
     */
    public boolean nextChange()
    {
        if (changesRead >= changeCount)
        {
            return false;
        }
        final int pos = nextChangeOffset;
        tableId = buffer.getInt(pos + CHANGE_TABLE_ID_OFFSET, BYTE_ORDER);
        operation = buffer.getByte(pos + CHANGE_OPERATION_OFFSET);
        keyLength = buffer.getInt(pos + CHANGE_KEY_LENGTH_OFFSET, BYTE_ORDER);
        keyOffset = pos + CHANGE_KEY_LENGTH_OFFSET + Integer.BYTES;
        valueLength = buffer.getInt(keyOffset + keyLength, BYTE_ORDER);
        valueOffset = keyOffset + keyLength + Integer.BYTES;
        nextChangeOffset = valueOffset + valueLength;
        changesRead++;
        return true;
    }

    /**
     * @return the buffer that holds the record; key and value offsets index into it.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return table or index id of the current change.
     */
    public int tableId()
    {
        return tableId;
    }

    /**
     * @return operation of the current change, one of the {@code OP_} constants of {@link WalRecordDescriptor}.
     */
    public byte operation()
    {
        return operation;
    }

    /**
     * @return offset in {@link #buffer()} of the current change's key.
     */
    public int keyOffset()
    {
        return keyOffset;
    }

    /**
     * @return bytes of the current change's key.
     */
    public int keyLength()
    {
        return keyLength;
    }

    /**
     * @return offset in {@link #buffer()} of the current change's value.
     */
    public int valueOffset()
    {
        return valueOffset;
    }

    /**
     * @return bytes of the current change's value.
     */
    public int valueLength()
    {
        return valueLength;
    }
}
