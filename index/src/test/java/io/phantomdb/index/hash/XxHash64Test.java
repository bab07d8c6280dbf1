package io.phantomdb.index.hash;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class XxHash64Test
{
    @Test
    void shouldMatchPublishedVectorsWhenHashingWithSeedZero()
    {
        assertEquals(0xEF46DB3751D8E999L, hash("", 0));
        assertEquals(0xD24EC4F1A98C6E5BL, hash("a", 0));
        assertEquals(0x44BC2CF5AD770999L, hash("abc", 0));
        assertEquals(0x415872F599CEA71EL, hash("asdf", 0));
        assertEquals(0x6D04390FC9D61A90L, hash("Call me Ishmael.", 0));
        assertEquals(0xFBCEA83C8A378BF1L, hash("Nobody inspects the spammish repetition", 0));
    }

    @Test
    void shouldMatchPublishedVectorWhenSeeded()
    {
        assertEquals(0xD5AFBA1336A3BE4BL, hash("", 1));
    }

    @Test
    void shouldHashSameBytesEquallyWhenAtDifferentOffsets()
    {
        final byte[] bytes = "xxNobody inspects the spammish repetition".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xFBCEA83C8A378BF1L, XxHash64.hash(new UnsafeBuffer(bytes), 2, bytes.length - 2, 0));
    }

    private static long hash(final String text, final long seed)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return XxHash64.hash(new UnsafeBuffer(bytes), 0, bytes.length, seed);
    }
}
