package io.phantomdb.index.btree;

import io.phantomdb.ClosedException;
import io.phantomdb.index.ByteCursor;
import io.phantomdb.index.ByteMapReader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.phantomdb.index.btree.BTreeTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class BTreeTest
{
    @Test
    void shouldSplitSeveralLevelsAndMergeBackWhenInsertingThenDeleting()
    {
        try (BTree tree = BTree.createInMemory(SMALL); ByteMapReader reader = tree.newReader())
        {
            final int n = 20_000;
            final Random random = new Random(42);
            final int[] order = shuffled(n, random);
            for (final int i : order)
            {
                put(tree, i, 1 + (i % 60));
            }
            tree.commit();
            final BTreeChecker.Stats full = BTreeChecker.checkNoLeaks(tree, null);
            assertEquals(n, full.entries());
            assertTrue(full.height() >= 3, "height " + full.height());

            reader.begin();
            for (int i = 0; i < n; i++)
            {
                assertArrayEquals(bytes(value(i, 1 + (i % 60))), bytes(reader.get(key(i), 0, 4)), "key " + i);
            }
            assertNull(reader.get(key(n), 0, 4));
            reader.end();

            final int[] deleteOrder = shuffled(n, random);
            for (int d = 0; d < n; d++)
            {
                tree.delete(key(deleteOrder[d]), 0, 4);
                if (d % 5000 == 4999)
                {
                    tree.commit();
                    final BTreeChecker.Stats stats = BTreeChecker.checkNoLeaks(tree, null);
                    assertEquals(n - d - 1, stats.entries());
                }
            }
            tree.commit();
            final BTreeChecker.Stats empty = BTreeChecker.checkNoLeaks(tree, null);
            assertEquals(0, empty.entries());
            assertEquals(1, empty.height());
            assertEquals(1, empty.pages());
        }
    }

    @Test
    void shouldSplitAndMergeWhenCellsOfMixedSizesReachTheLimit()
    {
        final java.util.TreeMap<byte[], byte[]> model = new java.util.TreeMap<>(java.util.Arrays::compareUnsigned);
        try (BTree tree = BTree.createInMemory(SMALL); ByteMapReader reader = tree.newReader())
        {
            final int maxCell = BTreePageDescriptor.maxCellWithSlot(4096);
            final Random random = new Random(7);
            for (int i = 0; i < 6000; i++)
            {
                final int keyLength = random.nextBoolean() ? 1 + random.nextInt(6) : 1 + random.nextInt(tree.maxKeyLength());
                final byte[] key = new byte[keyLength];
                random.nextBytes(key);
                final int inlineRoom = Math.max(0, maxCell - 8 - keyLength);
                final int valueLength = random.nextInt(4) == 0 ? inlineRoom + random.nextInt(2) : random.nextInt(inlineRoom + 1);
                final byte[] value = new byte[valueLength];
                random.nextBytes(value);
                if (random.nextInt(4) == 0 && !model.isEmpty())
                {
                    final byte[] victim = model.ceilingKey(key) != null ? model.ceilingKey(key) : model.firstKey();
                    model.remove(victim);
                    tree.delete(new UnsafeBuffer(victim), 0, victim.length);
                }
                model.put(key, value);
                tree.put(new UnsafeBuffer(key), 0, keyLength, new UnsafeBuffer(value), 0, valueLength);
                if (i % 1000 == 999)
                {
                    tree.commit();
                    assertEquals(model.size(), BTreeChecker.checkNoLeaks(tree, null).entries());
                }
            }
            tree.commit();
            reader.begin();
            for (final java.util.Map.Entry<byte[], byte[]> entry : model.entrySet())
            {
                assertArrayEquals(entry.getValue(), bytes(reader.get(new UnsafeBuffer(entry.getKey()), 0, entry.getKey().length)));
            }
            reader.end();
            for (final byte[] key : model.keySet())
            {
                tree.delete(new UnsafeBuffer(key), 0, key.length);
            }
            tree.commit();
            assertEquals(1, BTreeChecker.checkNoLeaks(tree, null).pages());
        }
    }

    @Test
    void shouldWorkAtTheLargestPageSizeAndLongestKeysWhenPagesAre64KiB()
    {
        try (BTree tree = BTree.createInMemory(BTreeConfig.of(65536, 65536 * 16)); ByteMapReader reader = tree.newReader())
        {
            assertEquals(16356, tree.maxKeyLength());
            final UnsafeBuffer longKey = new UnsafeBuffer(new byte[tree.maxKeyLength()]);
            for (int i = 0; i < 20_000; i++)
            {
                put(tree, i, 1 + i % 700);
            }
            for (int i = 0; i < 40; i++)
            {
                longKey.putInt(0, i);
                tree.put(longKey, 0, longKey.capacity(), longKey, 0, 100 + i);
            }
            tree.commit();
            assertEquals(20_040, BTreeChecker.checkNoLeaks(tree, null).entries());
            reader.begin();
            longKey.putInt(0, 7);
            assertEquals(107, reader.get(longKey, 0, longKey.capacity()).capacity());
            assertArrayEquals(bytes(value(19_999, 1 + 19_999 % 700)), bytes(reader.get(key(19_999), 0, 4)));
            reader.end();
            for (int i = 0; i < 20_000; i++)
            {
                tree.delete(key(i), 0, 4);
            }
            for (int i = 0; i < 40; i++)
            {
                longKey.putInt(0, i);
                tree.delete(longKey, 0, longKey.capacity());
            }
            tree.commit();
            assertEquals(1, BTreeChecker.checkNoLeaks(tree, null).pages());
        }
    }

    @Test
    void shouldStoreTheLongestValueWhenItFillsAWholeSegment()
    {
        try (BTree tree = BTree.createInMemory(BTreeConfig.of(4096, 4096 * 16)); ByteMapReader reader = tree.newReader())
        {
            assertEquals(4096 * 16 - 32, tree.maxValueLength());
            put(tree, 1, 100);
            put(tree, 2, tree.maxValueLength());
            put(tree, 3, tree.maxValueLength() - 5000);
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> put(tree, 4, tree.maxValueLength() + 1));
            assertEquals("valueLength must be in [0, 65504]: 65505", ex.getMessage());
            tree.commit();
            BTreeChecker.checkNoLeaks(tree, null);
            reader.begin();
            assertArrayEquals(bytes(value(2, tree.maxValueLength())), bytes(reader.get(key(2), 0, 4)));
            assertArrayEquals(bytes(value(3, tree.maxValueLength() - 5000)), bytes(reader.get(key(3), 0, 4)));
            reader.end();
        }
    }

    @Test
    void shouldFindKeysWhenCallersPassOtherBufferTypesAtAnOffset()
    {
        try (BTree tree = BTree.createInMemory(SMALL); ByteMapReader reader = tree.newReader())
        {
            final org.agrona.ExpandableArrayBuffer key = new org.agrona.ExpandableArrayBuffer(16);
            final org.agrona.ExpandableDirectByteBuffer value = new org.agrona.ExpandableDirectByteBuffer(16);
            for (int i = 0; i < 3000; i++)
            {
                key.putInt(3, i, java.nio.ByteOrder.BIG_ENDIAN);
                value.putInt(5, i);
                tree.put(key, 3, 4, value, 5, 4);
            }
            tree.delete(key, 3, 4);
            tree.commit();
            reader.begin();
            for (int i = 0; i < 2999; i++)
            {
                key.putInt(3, i, java.nio.ByteOrder.BIG_ENDIAN);
                assertEquals(i, reader.get(key, 3, 4).getInt(0));
            }
            key.putInt(3, 2999, java.nio.ByteOrder.BIG_ENDIAN);
            assertNull(reader.get(key, 3, 4));
            final ByteCursor cursor = reader.cursor();
            assertTrue(cursor.seekFloor(key, 3, 4));
            assertEquals(2998, intKey(cursor.key()));
            reader.end();
        }
    }

    @Test
    void shouldKeepPagesFilledWhenInsertingInOrder()
    {
        try (BTree tree = BTree.createInMemory(SMALL))
        {
            for (int i = 0; i < 10_000; i++)
            {
                put(tree, i, 100);
            }
            tree.commit();
            final BTreeChecker.Stats stats = BTreeChecker.check(tree);
            final long perLeaf = (4096 - 32) / (BTreePageDescriptor.SLOT_LENGTH + 6 + 4 + 100);
            assertTrue(stats.pages() < 10_000 / perLeaf * 1.1 + 3, "pages " + stats.pages());
        }
    }

    @Test
    void shouldMergeUnderfullPagesWhenDeletingRanges()
    {
        try (BTree tree = BTree.createInMemory(SMALL))
        {
            for (int i = 0; i < 5_000; i++)
            {
                put(tree, i, 50);
            }
            tree.commit();
            final long before = BTreeChecker.check(tree).pages();
            for (int i = 0; i < 5_000; i++)
            {
                if (i % 10 != 0)
                {
                    tree.delete(key(i), 0, 4);
                }
            }
            tree.commit();
            final BTreeChecker.Stats after = BTreeChecker.checkNoLeaks(tree, null);
            assertEquals(500, after.entries());
            assertTrue(after.pages() < before / 4, "pages before " + before + " after " + after.pages());
        }
    }

    @Test
    void shouldBorrowFromASiblingWhenALeafIsUnderfullAndCannotMerge()
    {
        try (BTree tree = BTree.createInMemory(SMALL); ByteMapReader reader = tree.newReader())
        {
            for (int i = 0; i < 20_000; i++)
            {
                put(tree, i, 100);
            }
            tree.commit();
            int kept = 0;
            for (int i = 0; i < 20_000; i++)
            {
                if ((i / 31) % 3 != 0)
                {
                    tree.delete(key(i), 0, 4);
                }
                else
                {
                    kept++;
                }
            }
            tree.commit();
            final BTreeChecker.Stats stats = BTreeChecker.checkNoLeaks(tree, null);
            assertEquals(kept, stats.entries());
            assertEquals(0, stats.underfullLeaves());
            reader.begin();
            final ByteCursor cursor = reader.cursor();
            int count = 0;
            for (boolean more = cursor.first(); more; more = cursor.next())
            {
                final int k = intKey(cursor.key());
                assertEquals(0, (k / 31) % 3, "key " + k);
                assertArrayEquals(bytes(value(k, 100)), bytes(cursor.value()));
                count++;
            }
            assertEquals(kept, count);
            reader.end();
        }
    }

    @Test
    void shouldStoreAndReplaceOverflowValuesWhenLargerThanAPage()
    {
        try (BTree tree = BTree.createInMemory(SMALL); ByteMapReader reader = tree.newReader())
        {
            for (int i = 0; i < 20; i++)
            {
                put(tree, i, 100_000 + i);
            }
            put(tree, 5, 10);
            put(tree, 6, 3000);
            tree.delete(key(7), 0, 4);
            tree.commit();
            BTreeChecker.checkNoLeaks(tree, null);
            reader.begin();
            for (int i = 0; i < 20; i++)
            {
                final int length = i == 5 ? 10 : i == 6 ? 3000 : 100_000 + i;
                final DirectBuffer value = reader.get(key(i), 0, 4);
                if (i == 7)
                {
                    assertNull(value);
                }
                else
                {
                    assertArrayEquals(bytes(value(i, length)), bytes(value), "key " + i);
                }
            }
            final ByteCursor cursor = reader.cursor();
            assertTrue(cursor.seekCeiling(key(3), 0, 4));
            assertEquals(100_003, cursor.value().capacity());
            reader.end();
        }
    }

    @Test
    void shouldMoveBothWaysAndSeekAtBoundariesWhenUsingTheCursor()
    {
        try (BTree tree = BTree.createInMemory(SMALL); ByteMapReader reader = tree.newReader())
        {
            reader.begin();
            final ByteCursor emptyCursor = reader.cursor();
            assertFalse(emptyCursor.first());
            assertFalse(emptyCursor.last());
            assertFalse(emptyCursor.seekCeiling(key(1), 0, 4));
            assertFalse(emptyCursor.next());
            reader.end();

            for (int i = 0; i < 3000; i++)
            {
                put(tree, i * 2, 40);
            }
            tree.commit();
            reader.begin();
            final ByteCursor cursor = reader.cursor();
            assertThrows(IllegalStateException.class, cursor::key);

            assertTrue(cursor.last());
            int expected = 2 * 2999;
            int seen = 0;
            do
            {
                assertEquals(expected, intKey(cursor.key()));
                expected -= 2;
                seen++;
            }
            while (cursor.prev());
            assertEquals(3000, seen);
            assertFalse(cursor.next());

            assertTrue(cursor.seekCeiling(key(101), 0, 4));
            assertEquals(102, intKey(cursor.key()));
            assertTrue(cursor.seekFloor(key(101), 0, 4));
            assertEquals(100, intKey(cursor.key()));
            assertTrue(cursor.seekFloor(key(100), 0, 4));
            assertEquals(100, intKey(cursor.key()));
            assertTrue(cursor.prev());
            assertEquals(98, intKey(cursor.key()));
            assertTrue(cursor.next());
            assertTrue(cursor.next());
            assertEquals(102, intKey(cursor.key()));

            assertFalse(cursor.seekCeiling(key(2 * 2999 + 1), 0, 4));
            assertFalse(cursor.prev());
            assertFalse(cursor.seekFloor(new UnsafeBuffer(new byte[] {0, 0, 0}), 0, 3));
            assertTrue(cursor.seekCeiling(new UnsafeBuffer(new byte[] {0}), 0, 1));
            assertEquals(0, intKey(cursor.key()));
            assertTrue(cursor.seekFloor(key(Integer.MAX_VALUE), 0, 4));
            assertEquals(2 * 2999, intKey(cursor.key()));

            for (int i = 0; i < 3000; i++)
            {
                assertTrue(cursor.seekCeiling(key(Math.max(0, 2 * i - 1)), 0, 4));
                assertEquals(2 * i, intKey(cursor.key()));
                if (i > 0)
                {
                    assertTrue(cursor.prev());
                    assertEquals(2 * i - 2, intKey(cursor.key()));
                    assertTrue(cursor.next());
                }
                if (i < 2999)
                {
                    assertTrue(cursor.next());
                    assertEquals(2 * i + 2, intKey(cursor.key()));
                }
            }
            reader.end();
        }
    }

    @Test
    void shouldKeepAPinnedVersionWhenTheWriterCommitsManyChanges()
    {
        try (BTree tree = BTree.createInMemory(SMALL); ByteMapReader reader = tree.newReader())
        {
            for (int i = 0; i < 2000; i++)
            {
                put(tree, i, 20);
            }
            final long version = tree.commit();
            assertEquals(version, reader.begin());
            for (int round = 0; round < 50; round++)
            {
                for (int i = 0; i < 2000; i += 1 + round)
                {
                    if (round % 2 == 0)
                    {
                        tree.delete(key(i), 0, 4);
                    }
                    else
                    {
                        put(tree, i, 30 + round);
                    }
                }
                put(tree, 10_000 + round, 10);
                tree.commit();
            }
            final ByteCursor cursor = reader.cursor();
            int expected = 0;
            for (boolean more = cursor.first(); more; more = cursor.next())
            {
                assertEquals(expected, intKey(cursor.key()));
                assertArrayEquals(bytes(value(expected, 20)), bytes(cursor.value()));
                expected++;
            }
            assertEquals(2000, expected);
            reader.end();
            reader.begin();
            assertNotNull(reader.get(key(10_049), 0, 4));
            reader.end();
        }
    }

    @Test
    void shouldReusePagesOnlyWhenReadersUnpinned()
    {
        try (BTree tree = BTree.createInMemory(SMALL); ByteMapReader reader = tree.newReader())
        {
            for (int i = 0; i < 2000; i++)
            {
                put(tree, i, 100);
            }
            tree.commit();
            reader.begin();
            for (int round = 0; round < 5; round++)
            {
                for (int i = 0; i < 2000; i++)
                {
                    put(tree, i, 100);
                }
                tree.commit();
            }
            final long grownWhilePinned = tree.pageCount();
            assertTrue(grownWhilePinned > 5 * 60, "pages " + grownWhilePinned);
            reader.end();
            for (int round = 0; round < 5; round++)
            {
                for (int i = 0; i < 2000; i++)
                {
                    put(tree, i, 100);
                }
                tree.commit();
            }
            assertEquals(grownWhilePinned, tree.pageCount());
            BTreeChecker.checkNoLeaks(tree, null);
        }
    }

    @Test
    void shouldDiscardUncommittedChangesWhenNotCommitted()
    {
        try (BTree tree = BTree.createInMemory(SMALL); ByteMapReader reader = tree.newReader())
        {
            put(tree, 1, 10);
            assertEquals(1, tree.commit());
            assertEquals(1, tree.commit());
            put(tree, 2, 10);
            reader.begin();
            assertNull(reader.get(key(2), 0, 4));
            assertNotNull(reader.get(key(1), 0, 4));
            reader.end();
            assertThrows(IllegalStateException.class, reader::cursor);
        }
    }

    @Test
    void shouldRejectWrongUseWithTheActualValues()
    {
        final BTree tree = BTree.createInMemory(SMALL);
        final UnsafeBuffer big = new UnsafeBuffer(new byte[tree.maxKeyLength() + 1]);
        final IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
            () -> tree.put(big, 0, big.capacity(), big, 0, 1));
        assertEquals("keyLength must be in [1, " + tree.maxKeyLength() + "]: " + big.capacity(), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tree.put(big, 0, 0, big, 0, 1));
        final IllegalArgumentException config = assertThrows(IllegalArgumentException.class,
            () -> BTreeConfig.of(5000, 1 << 20));
        assertEquals("pageSize must be a power of two in [4096, 65536]: 5000", config.getMessage());
        final ByteMapReader reader = tree.newReader();
        assertThrows(IllegalStateException.class, () -> reader.get(big, 0, 1));
        reader.begin();
        assertThrows(IllegalStateException.class, reader::begin);
        reader.end();
        tree.close();
        final ClosedException closed = assertThrows(ClosedException.class, () -> put(tree, 1, 1));
        assertEquals("in-memory B+tree is closed", closed.getMessage());
        assertThrows(ClosedException.class, reader::begin);
        assertThrows(ClosedException.class, tree::commit);
        reader.close();
    }

    @Test
    void shouldRefuseToReleaseMemoryWhenClosedWithAPinnedReader()
    {
        final BTree tree = BTree.createInMemory(SMALL);
        put(tree, 1, 10);
        tree.commit();
        final ByteMapReader reader = tree.newReader();
        reader.begin();
        final IllegalStateException ex = assertThrows(IllegalStateException.class, tree::close);
        assertEquals("closed in-memory B+tree with 1 readers still pinned", ex.getMessage());
        assertNotNull(reader.get(key(1), 0, 4));
        reader.close();
    }

    private static int[] shuffled(final int n, final Random random)
    {
        final int[] values = new int[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = i;
        }
        for (int i = n - 1; i > 0; i--)
        {
            final int j = random.nextInt(i + 1);
            final int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }
}
