package io.phantomdb.index.btree;

import io.phantomdb.CorruptionException;
import io.phantomdb.index.ByteCursor;
import io.phantomdb.index.ByteMapReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.phantomdb.index.btree.BTreeTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class BTreeFileTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReopenWithIdenticalContentsWhenFlushedAndClosed()
    {
        final Path file = dir.resolve("tree.btree");
        try (BTree tree = BTree.open(file, SMALL))
        {
            for (int i = 0; i < 5000; i++)
            {
                put(tree, i, i % 7 == 0 ? 9000 : 80);
            }
            tree.commit();
            tree.flush();
            for (int i = 0; i < 5000; i += 3)
            {
                tree.delete(key(i), 0, 4);
            }
            tree.commit();
            put(tree, 99_999, 10);
        }
        try (BTree tree = BTree.open(file, SMALL); ByteMapReader reader = tree.newReader())
        {
            BTreeChecker.checkNoLeaks(tree, tree.freeListPages());
            reader.begin();
            for (int i = 0; i < 5000; i++)
            {
                final byte[] expected = i % 3 == 0 ? null : bytes(value(i, i % 7 == 0 ? 9000 : 80));
                assertArrayEquals(expected, bytes(reader.get(key(i), 0, 4)), "key " + i);
            }
            assertNull(reader.get(key(99_999), 0, 4));
            reader.end();
            for (int i = 0; i < 5000; i += 3)
            {
                put(tree, i, 5);
            }
            tree.commit();
            tree.flush();
        }
        try (BTree tree = BTree.open(file, SMALL); ByteMapReader reader = tree.newReader())
        {
            final long pagesAfterReopen = tree.pageCount();
            BTreeChecker.checkNoLeaks(tree, tree.freeListPages());
            reader.begin();
            final ByteCursor cursor = reader.cursor();
            int count = 0;
            for (boolean more = cursor.first(); more; more = cursor.next())
            {
                final int k = intKey(cursor.key());
                assertEquals(count, k);
                assertArrayEquals(bytes(value(k, k % 3 == 0 ? 5 : k % 7 == 0 ? 9000 : 80)), bytes(cursor.value()));
                count++;
            }
            assertEquals(5000, count);
            reader.end();
            for (int round = 0; round < 3; round++)
            {
                for (int i = 0; i < 5000; i += 2)
                {
                    put(tree, i, 80);
                }
                tree.commit();
                tree.flush();
            }
            assertTrue(tree.pageCount() < pagesAfterReopen * 2, "pages " + pagesAfterReopen + " -> " + tree.pageCount());
        }
    }

    @Test
    void shouldDiscardUncommittedSplitsMergesAndOverflowWhenClosedWithoutCommit()
    {
        final Path file = dir.resolve("rollback.btree");
        try (BTree tree = BTree.open(file, SMALL))
        {
            for (int i = 0; i < 3000; i++)
            {
                put(tree, i, 70);
            }
            tree.commit();
            for (int i = 0; i < 3000; i += 2)
            {
                tree.delete(key(i), 0, 4);
            }
            for (int i = 3000; i < 6000; i++)
            {
                put(tree, i, i % 100 == 0 ? 20_000 : 90);
            }
        }
        try (BTree tree = BTree.open(file, SMALL); ByteMapReader reader = tree.newReader())
        {
            assertEquals(3000, BTreeChecker.checkNoLeaks(tree, tree.freeListPages()).entries());
            reader.begin();
            for (int i = 0; i < 3000; i++)
            {
                assertArrayEquals(bytes(value(i, 70)), bytes(reader.get(key(i), 0, 4)), "key " + i);
            }
            assertNull(reader.get(key(3000), 0, 4));
            reader.end();
        }
    }

    @Test
    void shouldRejectAFlipInADataPageWhenReopening() throws IOException
    {
        final Path file = dir.resolve("data.btree");
        final long leaf;
        try (BTree tree = BTree.open(file, SMALL))
        {
            for (int i = 0; i < 1000; i++)
            {
                put(tree, i, 50);
            }
            tree.commit();
            final NodeFlyweight node = new NodeFlyweight(file, 4096);
            final long root = tree.state().root;
            node.wrap(tree.store().segment(root), tree.store().offset(root), root);
            leaf = node.child(1);
        }
        final long offset = leaf * 4096 + 3000;
        flip(file, offset);
        final CorruptionException ex = assertThrows(CorruptionException.class, () -> BTree.open(file, SMALL));
        assertEquals(file, ex.file());
        assertEquals(leaf * 4096, ex.offset());
        assertTrue(ex.getMessage().startsWith("corruption in " + file + " at offset " + (leaf * 4096) + ": page " +
            leaf + ": expected (stored) CRC32C 0x"), ex.getMessage());
    }

    @Test
    void shouldRejectAFlipInTheMetaPageWhenReopening() throws IOException
    {
        final Path file = dir.resolve("meta.btree");
        try (BTree tree = BTree.open(file, SMALL))
        {
            put(tree, 1, 10);
            tree.commit();
        }
        flip(file, 4096 + 30);
        final CorruptionException ex = assertThrows(CorruptionException.class, () -> BTree.open(file, SMALL));
        assertEquals(4096, ex.offset());
        assertTrue(ex.getMessage().startsWith("corruption in " + file + " at offset 4096: meta page 1: expected (stored) CRC32C 0x"),
            ex.getMessage());
    }

    @Test
    void shouldRejectAnotherPageSizeWhenReopening()
    {
        final Path file = dir.resolve("size.btree");
        BTree.open(file, SMALL).close();
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> BTree.open(file, BTreeConfig.of(8192, 4096 * 64)));
        assertTrue(ex.getMessage().contains("has pageSize=4096 segmentSize=262144 but the config has pageSize=8192"),
            ex.getMessage());
    }

    @Test
    void shouldRefuseASecondOpenWhenTheFileIsAlreadyOpen()
    {
        final Path file = dir.resolve("twice.btree");
        final BTree first = BTree.open(file, SMALL);
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> BTree.open(file, SMALL));
        assertEquals(file + " is already open in this process", ex.getMessage());
        first.close();
        BTree.open(file, SMALL).close();
    }

    @Test
    void shouldRefuseToFlushWhenChangesAreUncommitted()
    {
        try (BTree tree = BTree.open(dir.resolve("pending.btree"), SMALL))
        {
            put(tree, 1, 10);
            final IllegalStateException ex = assertThrows(IllegalStateException.class, tree::flush);
            assertEquals("flush() with uncommitted changes in pending version 1: commit() first", ex.getMessage());
        }
    }

    @Test
    void shouldKeepTheDurableTreeIntactWhenPagesAreFreedAfterTheLastFlush() throws IOException
    {
        final Path file = dir.resolve("crash.btree");
        final Path copy = dir.resolve("crash-copy.btree");
        try (BTree tree = BTree.open(file, SMALL))
        {
            for (int i = 0; i < 3000; i++)
            {
                put(tree, i, 60);
            }
            tree.commit();
            tree.flush();
            for (int round = 0; round < 10; round++)
            {
                for (int i = 0; i < 3000; i++)
                {
                    put(tree, i, 61 + round);
                }
                tree.commit();
            }
            Files.copy(file, copy);
        }
        try (BTree tree = BTree.open(copy, SMALL); ByteMapReader reader = tree.newReader())
        {
            reader.begin();
            for (int i = 0; i < 3000; i++)
            {
                assertArrayEquals(bytes(value(i, 60)), bytes(reader.get(key(i), 0, 4)), "key " + i);
            }
            reader.end();
        }
    }

    @Test
    void shouldReusePagesWrittenAfterTheLastFlushWhenCommittingOneKeyAtATime() throws IOException
    {
        final Path file = dir.resolve("churn.btree");
        final Path copy = dir.resolve("churn-copy.btree");
        try (BTree tree = BTree.open(file, SMALL))
        {
            for (int i = 0; i < 3000; i++)
            {
                put(tree, i, 60);
            }
            tree.commit();
            tree.flush();
            final long pagesAtFlush = tree.pageCount();
            for (int i = 0; i < 5000; i++)
            {
                put(tree, i % 3000, 61 + i / 3000);
                tree.commit();
            }
            // Each commit copies a root-to-leaf path; those copies were never durable, so they are reused
            // at once instead of growing the file until the next flush (5000 commits x 2+ pages otherwise).
            assertTrue(tree.pageCount() < pagesAtFlush + 200,
                "pages at flush " + pagesAtFlush + ", after 5000 single-key commits " + tree.pageCount());
            Files.copy(file, copy);
        }
        try (BTree tree = BTree.open(copy, SMALL); ByteMapReader reader = tree.newReader())
        {
            reader.begin();
            for (int i = 0; i < 3000; i++)
            {
                assertArrayEquals(bytes(value(i, 60)), bytes(reader.get(key(i), 0, 4)), "key " + i);
            }
            reader.end();
        }
    }

    private static void flip(final Path file, final long offset) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(offset);
            final int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x10);
        }
    }
}
