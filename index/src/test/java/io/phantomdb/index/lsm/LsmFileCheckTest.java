package io.phantomdb.index.lsm;

import io.phantomdb.index.check.CheckReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import static io.phantomdb.index.lsm.LsmTestSupport.put;
import static io.phantomdb.index.lsm.LsmTestSupport.tinyConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class LsmFileCheckTest
{
    @TempDir
    Path dir;

    private Path createTreeWithOneFile() throws IOException
    {
        try (LsmTree tree = LsmTree.open(dir, tinyConfig().memTableBytes(1 << 16)))
        {
            for (int i = 0; i < 100; i++)
            {
                put(tree, i, "value-" + i);
            }
            tree.commit();
        }
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(p -> p.toString().endsWith(SsTableDescriptor.FILE_SUFFIX)).findFirst().orElseThrow();
        }
    }

    private CheckReport check() throws IOException
    {
        final List<String> lines = new ArrayList<>();
        final CheckReport report = new CheckReport(lines::add);
        LsmFileCheck.check(dir, report);
        lines.forEach(System.out::println);
        return report;
    }

    @Test
    void shouldCheckCleanWhenTreeIsUntouched() throws IOException
    {
        createTreeWithOneFile();
        assertTrue(check().isClean());
    }

    @Test
    void shouldCheckCleanWhenCompactionWroteSeveralLevels() throws IOException
    {
        try (LsmTree tree = LsmTree.open(dir, tinyConfig()))
        {
            for (int round = 0; round < 30; round++)
            {
                for (int i = 0; i < 300; i++)
                {
                    put(tree, (i * 31 + round * 7) % 2_000, "value-" + round + "-" + i);
                }
                tree.commit();
                tree.flush();
            }
        }
        final List<String> lines = new ArrayList<>();
        final CheckReport report = new CheckReport(lines::add);
        LsmFileCheck.check(dir, report);
        lines.forEach(System.out::println);
        assertTrue(report.isClean(), report.problems().toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains(": level 1,")), lines.toString());
    }

    @Test
    void shouldReportEveryMissingKeyWhenBloomFilterLosesItsBitsButKeepsAValidCrc() throws IOException
    {
        final Path table = createTreeWithOneFile();
        try (FileChannel channel = FileChannel.open(table, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final long size = channel.size();
            final ByteBuffer footer = ByteBuffer.allocate(SsTableDescriptor.FOOTER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(footer, size - SsTableDescriptor.FOOTER_LENGTH);
            final int bloomLength = footer.getInt(SsTableDescriptor.FOOTER_BLOOM_LENGTH_OFFSET);
            final long bloomOffset = footer.getLong(SsTableDescriptor.FOOTER_BLOOM_OFFSET_OFFSET);
            final ByteBuffer bloom = ByteBuffer.allocate(bloomLength).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(bloom, bloomOffset);
            for (int i = SsTableDescriptor.BLOOM_WORDS_OFFSET; i < bloomLength - 4; i++)
            {
                bloom.put(i, (byte)0);
            }
            final CRC32C crc = new CRC32C();
            crc.update(bloom.array(), 0, bloomLength - 4);
            bloom.putInt(bloomLength - 4, (int)crc.getValue());
            channel.write(bloom.clear(), bloomOffset);
        }
        final CheckReport report = check();
        assertEquals(100, report.problems().size());
        final CheckReport.Problem first = report.problems().get(0);
        assertEquals(table, first.file());
        assertEquals("block 0 entry 0: expected the key in the bloom filter actual absent (lookups would miss it)",
            first.detail());
    }

    @Test
    void shouldReportManifestLengthMismatchWhenFileIsTruncated() throws IOException
    {
        final Path table = createTreeWithOneFile();
        final long size = Files.size(table);
        try (FileChannel channel = FileChannel.open(table, StandardOpenOption.WRITE))
        {
            channel.truncate(size - 10);
        }
        final CheckReport report = check();
        assertEquals(table, report.problems().get(0).file());
        assertEquals("expected file length " + size + " (manifest) actual " + (size - 10),
            report.problems().get(0).detail());
    }
}
