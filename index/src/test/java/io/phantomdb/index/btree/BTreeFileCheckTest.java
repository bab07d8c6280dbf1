package io.phantomdb.index.btree;

import io.phantomdb.index.check.CheckReport;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class BTreeFileCheckTest
{
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    private Path createTree(final int keys)
    {
        final Path file = dir.resolve("t.btree");
        try (BTree tree = BTree.open(file, BTreeConfig.of(PAGE, 16 * PAGE)))
        {
            final UnsafeBuffer key = new UnsafeBuffer(new byte[8]);
            final UnsafeBuffer value = new UnsafeBuffer(new byte[40]);
            for (int i = 0; i < keys; i++)
            {
                key.putLong(0, i * 7L, ByteOrder.BIG_ENDIAN);
                tree.put(key, 0, 8, value, 0, 40);
            }
            final UnsafeBuffer big = new UnsafeBuffer(new byte[3 * PAGE]);
            key.putLong(0, -1L, ByteOrder.BIG_ENDIAN);
            tree.put(key, 0, 8, big, 0, big.capacity());
            tree.commit();
        }
        return file;
    }

    private CheckReport check(final Path file) throws IOException
    {
        final List<String> lines = new ArrayList<>();
        final CheckReport report = new CheckReport(lines::add);
        BTreeFileCheck.check(file, report);
        lines.forEach(System.out::println);
        return report;
    }

    @Test
    void shouldCheckCleanWhenTreeHasLevelsAndOverflow() throws IOException
    {
        final Path file = createTree(5_000);
        final CheckReport report = check(file);
        assertTrue(report.isClean(), report.problems().toString());
    }

    @Test
    void shouldReportKeyOrderWhenTwoSlotsAreSwappedUnderAValidCrc() throws IOException
    {
        final Path file = createTree(5_000);
        final long leaf;
        final int cellOfSecond;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final ByteBuffer meta = ByteBuffer.allocate(2 * PAGE).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(meta, 0);
            long page = meta.getLong(24) >= meta.getLong(PAGE + 24) ? meta.getLong(32) : meta.getLong(PAGE + 32);
            final ByteBuffer node = ByteBuffer.allocate(PAGE).order(ByteOrder.LITTLE_ENDIAN);
            while (true)
            {
                channel.read(node.clear(), page * PAGE);
                if (BTreePageDescriptor.TYPE_LEAF == node.get(BTreePageDescriptor.TYPE_OFFSET))
                {
                    break;
                }
                page = node.getLong((node.getShort(BTreePageDescriptor.HEADER_LENGTH) & 0xFFFF) + 2);
            }
            leaf = page;
            final int slot0 = BTreePageDescriptor.HEADER_LENGTH;
            final int slot1 = slot0 + BTreePageDescriptor.SLOT_LENGTH;
            final byte[] bytes = node.array();
            final byte[] first = Arrays.copyOfRange(bytes, slot0, slot1);
            System.arraycopy(bytes, slot1, bytes, slot0, BTreePageDescriptor.SLOT_LENGTH);
            System.arraycopy(first, 0, bytes, slot1, BTreePageDescriptor.SLOT_LENGTH);
            cellOfSecond = node.getShort(slot1) & 0xFFFF;
            final CRC32C crc = new CRC32C();
            crc.update(bytes, 4, PAGE - 4);
            node.putInt(0, (int)crc.getValue());
            channel.write(node.clear(), leaf * PAGE);
        }
        final CheckReport report = check(file);
        assertEquals(1, report.problems().size(), report.problems().toString());
        final CheckReport.Problem problem = report.problems().get(0);
        assertEquals(leaf * PAGE + cellOfSecond, problem.offset());
        assertEquals("leaf " + leaf + " entry 1: expected a key above the previous key in tree order actual not above",
            problem.detail());
    }

    @Test
    void shouldCheckCleanWhenDeletesFreedPagesIntoTheFreeList() throws IOException
    {
        final Path file = dir.resolve("t.btree");
        try (BTree tree = BTree.open(file, BTreeConfig.of(PAGE, 16 * PAGE)))
        {
            final UnsafeBuffer key = new UnsafeBuffer(new byte[8]);
            final UnsafeBuffer value = new UnsafeBuffer(new byte[40]);
            for (int i = 0; i < 2_000; i++)
            {
                key.putLong(0, i, ByteOrder.BIG_ENDIAN);
                tree.put(key, 0, 8, value, 0, 40);
            }
            tree.commit();
            tree.flush();
            for (int i = 0; i < 2_000; i += 2)
            {
                key.putLong(0, i, ByteOrder.BIG_ENDIAN);
                tree.delete(key, 0, 8);
            }
            tree.commit();
        }
        final CheckReport report = check(file);
        assertTrue(report.isClean(), report.problems().toString());
    }
}
