package io.phantomdb.wal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.zip.CRC32C;

import static io.phantomdb.wal.WalRecordDescriptor.*;
import static org.junit.jupiter.api.Assertions.*;

class WalRecordCodecTest
{
    private final WalRecordEncoder encoder = new WalRecordEncoder(64);
    private final WalRecordDecoder decoder = new WalRecordDecoder();

    @Test
    void shouldDecodeEveryChangeWhenRecordRoundTrips()
    {
        for (long txId = 1; txId <= 50; txId++)
        {
            WalTestSupport.encode(encoder, txId).seal(1000 + txId);
            decoder.wrap(encoder.buffer(), 0, encoder.length());
            assertNull(decoder.check());
            assertEquals(1000 + txId, decoder.lsn());
            assertEquals(txId, decoder.txId());
            WalTestSupport.verify(decoder);
            assertFalse(decoder.nextChange());
        }
    }

    @Test
    void shouldWriteJdkCrc32cOverHeaderAndChangesWhenSealed()
    {
        WalTestSupport.encode(encoder, 7).seal(42);
        final byte[] bytes = new byte[encoder.length()];
        encoder.buffer().getBytes(0, bytes);
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - CRC_LENGTH);
        assertEquals((int)crc.getValue(), encoder.buffer().getInt(bytes.length - CRC_LENGTH, BYTE_ORDER));
        assertEquals(FORMAT_VERSION, encoder.buffer().getShort(VERSION_OFFSET, BYTE_ORDER));
        assertEquals(bytes.length, encoder.buffer().getInt(LENGTH_OFFSET, BYTE_ORDER));

        final UnsafeBuffer heap = new UnsafeBuffer(bytes);
        assertNull(decoder.wrap(heap, 0, bytes.length).check());
    }

    @Test
    void shouldReportCrcMismatchWhenAnyByteFlips()
    {
        WalTestSupport.encode(encoder, 3).seal(9);
        final int length = encoder.length();
        for (int offset = 0; offset < length; offset++)
        {
            final UnsafeBuffer copy = new UnsafeBuffer(new byte[length]);
            copy.putBytes(0, encoder.buffer(), 0, length);
            copy.putByte(offset, (byte)(copy.getByte(offset) ^ 0x10));
            final String detail = decoder.wrap(copy, 0, length).check();
            assertNotNull(detail, "flip at " + offset);
        }
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[length]);
        copy.putBytes(0, encoder.buffer(), 0, length);
        copy.putByte(HEADER_LENGTH, (byte)(copy.getByte(HEADER_LENGTH) ^ 1));
        assertTrue(decoder.wrap(copy, 0, length).check().startsWith("expected crc "));
    }

    @Test
    void shouldReportLengthMismatchWhenExcerptIsShorterThanRecord()
    {
        WalTestSupport.encode(encoder, 5).seal(1);
        final String detail = decoder.wrap(encoder.buffer(), 0, encoder.length() - 1).check();
        assertEquals("expected record length " + (encoder.length() - 1) + " (excerpt length) actual " + encoder.length(), detail);
        assertTrue(decoder.wrap(encoder.buffer(), 0, 10).check().contains("shorter than the minimum"));
    }

    @Test
    void shouldGrowBufferWhenValueIsBig()
    {
        final byte[] big = WalTestSupport.value(1, 0, 100_000);
        encoder.begin(1).addChange(5, OP_PUT, new UnsafeBuffer(new byte[]{1}), 0, 1, new UnsafeBuffer(big), 0, big.length).finish();
        encoder.seal(1);
        decoder.wrap(encoder.buffer(), 0, encoder.length());
        assertNull(decoder.check());
        assertTrue(decoder.nextChange());
        assertEquals(big.length, decoder.valueLength());
        assertEquals(big[99_999], decoder.buffer().getByte(decoder.valueOffset() + 99_999));
    }

    @Test
    void shouldRejectMisuseWhenStateOrArgumentsAreWrong()
    {
        final UnsafeBuffer key = new UnsafeBuffer(new byte[1]);
        assertEquals("addChange needs begin(txId) first; state=IDLE (begin a record first)",
            assertThrows(IllegalStateException.class, () -> encoder.addChange(1, OP_PUT, key, 0, 1, null, 0, 0)).getMessage());
        encoder.begin(1);
        assertEquals("unknown operation=9",
            assertThrows(IllegalArgumentException.class, () -> encoder.addChange(1, (byte)9, key, 0, 1, null, 0, 0)).getMessage());
        assertEquals("keyLength=1 valueLength=3 value=null",
            assertThrows(IllegalArgumentException.class, () -> encoder.addChange(1, OP_PUT, key, 0, 1, null, 0, 3)).getMessage());
        assertEquals("append needs a finished record; state=BUILDING",
            assertThrows(IllegalStateException.class, () -> encoder.seal(1)).getMessage());
        encoder.finish();
        encoder.seal(1);
        assertEquals("append needs a finished record; state=IDLE (begin a record first)",
            assertThrows(IllegalStateException.class, () -> encoder.seal(2)).getMessage());
    }
}
