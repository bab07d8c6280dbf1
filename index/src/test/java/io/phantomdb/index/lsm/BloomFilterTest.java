package io.phantomdb.index.lsm;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BloomFilterTest
{
    @TempDir
    Path dir;

    @Test
    void shouldStayUnderTwoPercentFalsePositivesWhenTenBitsPerKey()
    {
        final Path path = dir.resolve(SsTableDescriptor.fileName(1));
        final UnsafeBuffer key = new UnsafeBuffer(new byte[4]);
        final SsTableWriter writer = new SsTableWriter(path, 4096, 10);
        final long length;
        try
        {
            for (int i = 0; i < 100_000; i++)
            {
                key.putInt(0, 2 * i, ByteOrder.BIG_ENDIAN);
                writer.add(key, 0, 4, 1, 0, SkipList.TOMBSTONE);
            }
            length = writer.finish();
        }
        finally
        {
            writer.close();
        }
        final SsTable table = SsTable.open(path, 1, length);
        try
        {
            for (int i = 0; i < 100_000; i++)
            {
                key.putInt(0, 2 * i, ByteOrder.BIG_ENDIAN);
                assertTrue(table.mightContain(key, 0, 4, BloomFilter.hash(key, 0, 4)), "false negative for " + 2 * i);
            }
            int falsePositives = 0;
            for (int i = 0; i < 100_000; i++)
            {
                key.putInt(0, 2 * i + 1, ByteOrder.BIG_ENDIAN);
                if (table.mightContain(key, 0, 4, BloomFilter.hash(key, 0, 4)))
                {
                    falsePositives++;
                }
            }
            final double rate = falsePositives / 100_000.0;
            assertTrue(rate < 0.02, "false positive rate " + rate);
        }
        finally
        {
            table.release();
        }
    }
}
