package io.phantomdb.index.hash;

import io.phantomdb.ClosedException;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OffHeapHashIndexTest
{
    private final UnsafeBuffer key = new UnsafeBuffer(new byte[64]);
    private final UnsafeBuffer value = new UnsafeBuffer(new byte[256]);
    private OffHeapHashIndex index;

    @AfterEach
    void close()
    {
        if (null != index)
        {
            index.close();
        }
    }

    @Test
    void shouldKeepEveryKeyWhenManyInsertsForceResizes()
    {
        index = OffHeapHashIndex.create(new HashIndexConfig().initialCapacity(16).initialArenaBytes(1024));
        final int count = 100_000;
        for (int i = 0; i < count; i++)
        {
            putInt(i, i * 31);
        }
        assertEquals(count, index.size());
        assertTrue(index.rebuildCount() > 5, "rebuilds=" + index.rebuildCount());
        assertTrue(index.slotCapacity() >= count * 2, "slots=" + index.slotCapacity());
        for (int i = 0; i < count; i++)
        {
            assertEquals(i * 31, getInt(i), "key " + i);
        }
        assertNull(getIntOrNull(count));
    }

    @Test
    void shouldKeepProbeChainsIntactWhenDeletingAndReinsertingColliding()
    {
        index = OffHeapHashIndex.create(new HashIndexConfig().initialCapacity(100).loadFactor(0.9f));
        final Map<Integer, Integer> model = new HashMap<>();
        final Random random = new Random(7);
        for (int round = 0; round < 200; round++)
        {
            for (int i = 0; i < 50; i++)
            {
                final int k = random.nextInt(120);
                if (random.nextBoolean())
                {
                    putInt(k, round * 1000 + i);
                    model.put(k, round * 1000 + i);
                }
                else
                {
                    key.putInt(0, k);
                    assertEquals(null != model.remove(k), index.delete(key, 0, 4), "delete " + k);
                }
            }
            for (int k = 0; k < 120; k++)
            {
                assertEquals(model.get(k), getIntOrNull(k), "round " + round + " key " + k);
            }
            assertEquals(model.size(), index.size());
        }
    }

    @Test
    void shouldTurnTombstonesIntoEmptySlotsWhenNoChainRunsThrough()
    {
        index = OffHeapHashIndex.create(new HashIndexConfig().initialCapacity(1000));
        for (int i = 0; i < 500; i++)
        {
            putInt(i, i);
        }
        for (int i = 0; i < 500; i++)
        {
            key.putInt(0, i);
            assertTrue(index.delete(key, 0, 4));
        }
        assertEquals(0, index.size());
        assertEquals(0, index.tombstones(), "every chain ended, so every tombstone was cleared");
        assertFalse(index.delete(key, 0, 4));
    }

    @Test
    void shouldCompactArenaWhenGarbageDominates()
    {
        index = OffHeapHashIndex.create(new HashIndexConfig().initialCapacity(64).initialArenaBytes(64 * 1024));
        for (int round = 0; round < 1_000; round++)
        {
            for (int k = 0; k < 10; k++)
            {
                putInt(k, round);
            }
        }
        assertEquals(64 * 1024, index.arenaCapacity(), "replacing 10 keys must not grow the arena");
        assertTrue(index.rebuildCount() > 0);
        assertTrue(index.garbageBytes() < 64 * 1024);
        for (int k = 0; k < 10; k++)
        {
            assertEquals(999, getInt(k));
        }
    }

    @Test
    void shouldStoreLargeValuesWhenLargerThanInitialArena()
    {
        index = OffHeapHashIndex.create(new HashIndexConfig().initialArenaBytes(64).maxValueLength(1 << 20));
        final UnsafeBuffer big = new UnsafeBuffer(new byte[1 << 20]);
        for (int i = 0; i < big.capacity(); i += 4)
        {
            big.putInt(i, i);
        }
        for (int k = 0; k < 4; k++)
        {
            key.putInt(0, k);
            index.put(key, 0, 4, big, 0, big.capacity() - k);
        }
        for (int k = 0; k < 4; k++)
        {
            key.putInt(0, k);
            final DirectBuffer found = index.get(key, 0, 4);
            assertEquals(big.capacity() - k, found.capacity());
            assertEquals(big.capacity() - 8, found.getInt(big.capacity() - 8));
        }
        key.putInt(0, 9);
        index.put(key, 0, 4, big, 0, 0);
        assertEquals(0, index.get(key, 0, 4).capacity());
    }

    @Test
    void shouldMatchKeysByAllBytesWhenLengthsDiffer()
    {
        index = OffHeapHashIndex.create(new HashIndexConfig());
        for (int length = 1; length <= 40; length++)
        {
            key.setMemory(0, 64, (byte)'k');
            value.putInt(0, length);
            index.put(key, 0, length, value, 0, 4);
        }
        for (int length = 1; length <= 40; length++)
        {
            assertEquals(length, index.get(key, 0, length).getInt(0));
        }
        key.putByte(39, (byte)'x');
        assertNull(index.get(key, 0, 40));
        assertEquals(40, index.size());
    }

    @Test
    void shouldRejectLengthsWhenOutOfRange()
    {
        index = OffHeapHashIndex.create(new HashIndexConfig().maxKeyLength(8).maxValueLength(16));
        final IllegalArgumentException longKey = assertThrows(IllegalArgumentException.class,
            () -> index.put(key, 0, 9, value, 0, 1));
        assertEquals("keyLength must be in [1, 8], got 9", longKey.getMessage());
        final IllegalArgumentException longValue = assertThrows(IllegalArgumentException.class,
            () -> index.put(key, 0, 4, value, 0, 17));
        assertEquals("valueLength must be in [0, 16], got 17", longValue.getMessage());
        final IllegalArgumentException emptyKey = assertThrows(IllegalArgumentException.class,
            () -> index.delete(key, 0, 0));
        assertEquals("keyLength must be in [1, 8], got 0", emptyKey.getMessage());
    }

    @Test
    void shouldRejectConfigWhenSettingOutOfRange()
    {
        assertEquals("loadFactor must be in [0.1, 0.9], got 0.95",
            assertThrows(IllegalArgumentException.class,
                () -> OffHeapHashIndex.create(new HashIndexConfig().loadFactor(0.95f))).getMessage());
        assertEquals("initialArenaBytes must be in [64, 1073741824], got 10",
            assertThrows(IllegalArgumentException.class,
                () -> OffHeapHashIndex.create(new HashIndexConfig().initialArenaBytes(10))).getMessage());
        assertEquals("initialCapacity must be in [1, 33554431], got 0",
            assertThrows(IllegalArgumentException.class,
                () -> OffHeapHashIndex.create(new HashIndexConfig().initialCapacity(0))).getMessage());
        assertEquals("initialCapacity must be in [1, 6710885], got 6710886",
            assertThrows(IllegalArgumentException.class,
                () -> OffHeapHashIndex.create(new HashIndexConfig().loadFactor(0.1f).initialCapacity(6_710_886))).getMessage());
        assertEquals("maxKeyLength must be in [1, 268435456], got 0",
            assertThrows(IllegalArgumentException.class,
                () -> OffHeapHashIndex.create(new HashIndexConfig().maxKeyLength(0))).getMessage());
    }

    @Test
    void shouldThrowClosedExceptionWhenUsedAfterClose()
    {
        index = OffHeapHashIndex.create(new HashIndexConfig().name("orders_pk"));
        final HashIndexReader reader = index.newReader();
        putInt(1, 1);
        index.close();
        assertTrue(index.isClosed());
        assertEquals("orders_pk is closed", assertThrows(ClosedException.class, () -> putInt(2, 2)).getMessage());
        assertThrows(ClosedException.class, () -> index.get(key, 0, 4));
        assertThrows(ClosedException.class, () -> index.size());
        assertThrows(ClosedException.class, () -> index.newReader());
        assertThrows(ClosedException.class, reader::begin);
        assertFalse(reader.isPinned());
        index.close();
    }

    @Test
    void shouldThrowClosedExceptionWhenPinnedReaderGetsAfterClose()
    {
        index = OffHeapHashIndex.create(new HashIndexConfig());
        putInt(1, 1);
        final HashIndexReader reader = index.newReader();
        reader.begin();
        index.close();
        key.putInt(0, 1);
        assertThrows(ClosedException.class, () -> reader.get(key, 0, 4));
        reader.close();
    }

    @Test
    void shouldRejectReaderMisuseWhenNotPinnedOrPinnedTwice()
    {
        index = OffHeapHashIndex.create(new HashIndexConfig());
        try (HashIndexReader reader = index.newReader())
        {
            assertEquals("reader not pinned: call begin() first",
                assertThrows(IllegalStateException.class, () -> reader.get(key, 0, 4)).getMessage());
            final long epoch = reader.begin();
            assertEquals("reader already pinned at epoch " + epoch,
                assertThrows(IllegalStateException.class, reader::begin).getMessage());
            reader.end();
            reader.end();
        }
    }

    @Test
    void shouldFreeRetiredGenerationOnlyWhenPinnedReaderEnds()
    {
        index = OffHeapHashIndex.create(new HashIndexConfig().initialCapacity(16));
        putInt(1, 42);
        final HashIndexReader reader = index.newReader();
        reader.begin();
        key.putInt(0, 1);
        final DirectBuffer seen = reader.get(key, 0, 4);
        final HashTable pinnedGeneration = index.publishedTable();
        for (int i = 2; i < 10_000; i++)
        {
            putInt(i, i);
        }
        assertTrue(index.rebuildCount() > 0);
        assertTrue(index.reclaim() > 0, "generations stay while a reader is pinned");
        assertFalse(pinnedGeneration.isFreed());
        assertEquals(42, seen.getInt(0, ByteOrder.LITTLE_ENDIAN), "the view still reads live memory");
        assertEquals(1, index.pinnedReaders());
        reader.end();
        assertEquals(0, index.reclaim());
        assertTrue(pinnedGeneration.isFreed());
        assertThrows(IndexOutOfBoundsException.class, () -> seen.getInt(0), "a stale view is emptied, not dangling");
        reader.close();
    }

    @Test
    void shouldEmptyWriterViewWhenRebuildReplacesItsGeneration()
    {
        index = OffHeapHashIndex.create(new HashIndexConfig().initialCapacity(4));
        putInt(1, 7);
        key.putInt(0, 1);
        final DirectBuffer seen = index.get(key, 0, 4);
        assertEquals(7, seen.getInt(0));
        final int rebuilds = index.rebuildCount();
        for (int i = 2; rebuilds == index.rebuildCount(); i++)
        {
            putInt(i, i);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> seen.getInt(0));
    }

    @Test
    void shouldAllocateNothingWhenGettingInSteadyState()
    {
        index = OffHeapHashIndex.create(new HashIndexConfig().initialCapacity(10_000));
        for (int i = 0; i < 10_000; i++)
        {
            putInt(i, i);
        }
        final HashIndexReader reader = index.newReader();
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = lookups(reader);
        final long before = threads.getCurrentThreadAllocatedBytes();
        sum += lookups(reader);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(2L * 49_995_000L * 2, sum * 2);
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes in 20,000 lookups");
        reader.close();
    }

    private long lookups(final HashIndexReader reader)
    {
        long sum = 0;
        for (int i = 0; i < 10_000; i++)
        {
            reader.begin();
            key.putInt(0, i);
            sum += reader.get(key, 0, 4).getInt(0);
            reader.end();
            sum += index.get(key, 0, 4).getInt(0) - i;
        }
        return sum;
    }

    private void putInt(final int k, final int v)
    {
        key.putInt(0, k);
        value.putInt(0, v);
        index.put(key, 0, 4, value, 0, 4);
    }

    private int getInt(final int k)
    {
        final Integer found = getIntOrNull(k);
        assertNotNull(found, "key " + k);
        return found;
    }

    private Integer getIntOrNull(final int k)
    {
        key.putInt(0, k);
        final DirectBuffer found = index.get(key, 0, 4);
        return null == found ? null : found.getInt(0);
    }
}
