package io.phantomdb.index.lsm;

import io.phantomdb.CorruptionException;
import io.phantomdb.index.ByteMapReader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.phantomdb.index.lsm.LsmTestSupport.put;
import static io.phantomdb.index.lsm.LsmTestSupport.tinyConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class LsmCorruptionTest
{
    @TempDir
    Path dir;

    private Path createTreeWithOneFile()
    {
        try (LsmTree tree = LsmTree.open(dir, config()))
        {
            for (int i = 0; i < 100; i++)
            {
                put(tree, i, "value-" + i);
            }
            tree.commit();
        }
        try (Stream<Path> files = Files.list(dir))
        {
            final Path[] tables = files.filter(p -> p.toString().endsWith(SsTableDescriptor.FILE_SUFFIX)).toArray(Path[]::new);
            assertEquals(1, tables.length);
            return tables[0];
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static LsmConfig config()
    {
        return tinyConfig().memTableBytes(1 << 16);
    }

    @Test
    void shouldThrowCorruptionNamingFileAndBlockOffsetWhenDataBlockByteFlipped() throws IOException
    {
        final Path table = createTreeWithOneFile();
        flipByte(table, 20);
        try (LsmTree tree = LsmTree.open(dir, config()); ByteMapReader reader = tree.newReader())
        {
            reader.begin();
            final CorruptionException ex = assertThrows(CorruptionException.class, () -> reader.cursor().first());
            assertEquals(table, ex.file());
            assertEquals(0, ex.offset());
            assertTrue(ex.getMessage().startsWith("corruption in " + table + " at offset 0: data block 0: expected crc "),
                ex.getMessage());
            assertTrue(ex.getMessage().contains(" actual "), ex.getMessage());

            final UnsafeBuffer key = LsmTestSupport.key(0);
            assertThrows(CorruptionException.class, () -> reader.get(key, 0, key.capacity()));
        }
    }

    @Test
    void shouldThrowCorruptionNamingFileAndFooterOffsetWhenFooterByteFlipped() throws IOException
    {
        final Path table = createTreeWithOneFile();
        final long length = Files.size(table);
        flipByte(table, length - 30);
        final CorruptionException ex = assertThrows(CorruptionException.class, () -> LsmTree.open(dir, config()));
        assertEquals(table, ex.file());
        assertEquals(length - SsTableDescriptor.FOOTER_LENGTH, ex.offset());
        assertTrue(ex.getMessage().startsWith("corruption in " + table + " at offset " +
            (length - SsTableDescriptor.FOOTER_LENGTH) + ": footer: expected crc "), ex.getMessage());
    }

    @Test
    void shouldThrowCorruptionNamingFileAndBloomOffsetWhenBloomFilterByteFlipped() throws IOException
    {
        final Path table = createTreeWithOneFile();
        final long bloomOffset = footerLong(table, SsTableDescriptor.FOOTER_BLOOM_OFFSET_OFFSET);
        flipByte(table, bloomOffset + SsTableDescriptor.BLOOM_WORDS_OFFSET + 3);
        final CorruptionException ex = assertThrows(CorruptionException.class, () -> LsmTree.open(dir, config()));
        assertEquals(table, ex.file());
        assertEquals(bloomOffset, ex.offset());
        assertTrue(ex.getMessage().contains("bloom filter: expected crc "), ex.getMessage());
    }

    @Test
    void shouldThrowCorruptionNamingFileWhenTruncated() throws IOException
    {
        final Path table = createTreeWithOneFile();
        final long length = Files.size(table);
        try (RandomAccessFile file = new RandomAccessFile(table.toFile(), "rw"))
        {
            file.setLength(length - 1);
        }
        final CorruptionException ex = assertThrows(CorruptionException.class, () -> LsmTree.open(dir, config()));
        assertEquals(table, ex.file());
        assertEquals(length - 1, ex.offset());
        assertTrue(ex.getMessage().endsWith("expected file length " + length + " actual " + (length - 1)), ex.getMessage());
    }

    @Test
    void shouldThrowCorruptionNamingManifestAndOffsetWhenManifestByteFlipped() throws IOException
    {
        createTreeWithOneFile();
        final Path manifest = dir.resolve(Manifest.FILE_NAME);
        final long length = Files.size(manifest);
        flipByte(manifest, 10);
        final CorruptionException ex = assertThrows(CorruptionException.class, () -> LsmTree.open(dir, config()));
        assertEquals(manifest, ex.file());
        assertEquals(length - 4, ex.offset());
        assertTrue(ex.getMessage().startsWith("corruption in " + manifest + " at offset " + (length - 4) +
            ": expected crc "), ex.getMessage());
    }

    private static long footerLong(final Path table, final int fieldOffset) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(table);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        return buffer.getLong(bytes.length - SsTableDescriptor.FOOTER_LENGTH + fieldOffset, SsTableDescriptor.ORDER);
    }

    private static void flipByte(final Path file, final long offset) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(offset);
            final int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x40);
        }
    }
}
