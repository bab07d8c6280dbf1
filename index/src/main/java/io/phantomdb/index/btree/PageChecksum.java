package io.phantomdb.index.btree;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC32C of a page or meta record, computed over bytes [4, length) of it; the first four bytes hold the
 * checksum itself.
 * <p>
 * <b>Note:</b> not thread safe: one instance per thread (the writer's checkpointer, the opening thread).
 */
final class PageChecksum
{
    private final CRC32C crc = new CRC32C();

    /**
     * @param segment the segment's byte buffer.
     * @param offset  offset of the page or record in the segment.
     * @param length  bytes covered, including the four-byte checksum field.
     * @return the checksum.
     */
    int compute(final ByteBuffer segment, final int offset, final int length)
    {
        final ByteBuffer slice = segment.duplicate();
        slice.limit(offset + length).position(offset + 4);
        crc.reset();
        crc.update(slice);
        return (int)crc.getValue();
    }
}
