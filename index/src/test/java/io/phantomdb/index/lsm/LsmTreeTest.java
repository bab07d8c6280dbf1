package io.phantomdb.index.lsm;

import io.phantomdb.ClosedException;
import io.phantomdb.PhantomException;
import io.phantomdb.index.ByteCursor;
import io.phantomdb.index.ByteMapReader;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.phantomdb.index.lsm.LsmTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

@Timeout(30)
class LsmTreeTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadAcrossMemTableAndFilesWhenFlushed()
    {
        try (LsmTree tree = LsmTree.open(dir, tinyConfig().level0CompactionTrigger(100));
            ByteMapReader reader = tree.newReader())
        {
            for (int i = 0; i < 100; i++)
            {
                put(tree, i, "v" + i);
            }
            tree.commit();
            tree.flush();
            for (int i = 100; i < 150; i++)
            {
                put(tree, i, "w" + i);
            }
            tree.commit();
            assertTrue(tree.filesPerLevel()[0] >= 1, describe(tree.filesPerLevel()));

            reader.begin();
            for (int i = 0; i < 100; i++)
            {
                assertEquals("v" + i, get(reader, i));
            }
            for (int i = 100; i < 150; i++)
            {
                assertEquals("w" + i, get(reader, i));
            }
            assertNull(get(reader, 150));
            assertEquals(150, scan(reader).size());
        }
    }

    @Test
    void shouldHideOlderValuesWhenTombstonesAreInNewerFiles()
    {
        try (LsmTree tree = LsmTree.open(dir, tinyConfig().level0CompactionTrigger(100));
            ByteMapReader reader = tree.newReader())
        {
            for (int i = 0; i < 20; i++)
            {
                put(tree, i, "old" + i);
            }
            tree.commit();
            tree.flush();
            for (int i = 0; i < 20; i += 2)
            {
                delete(tree, i);
            }
            tree.commit();
            tree.flush();
            put(tree, 4, "new4");
            tree.commit();
            assertEquals(2, tree.filesPerLevel()[0]);

            reader.begin();
            final TreeMap<String, String> content = scan(reader);
            assertEquals(11, content.size(), content.toString());
            assertNull(get(reader, 0));
            assertEquals("old1", get(reader, 1));
            assertEquals("new4", get(reader, 4));
            assertEquals("new4", content.get("k000004"));
            assertFalse(content.containsKey("k000006"));
        }
    }

    @Test
    void shouldKeepContentWhenCompacted() throws InterruptedException
    {
        try (LsmTree tree = LsmTree.open(dir, tinyConfig().memTableBytes(1 << 16).level0CompactionTrigger(6)))
        {
            final TreeMap<String, String> expected = new TreeMap<>();
            for (int round = 0; round < 5; round++)
            {
                for (int i = 0; i < 60; i++)
                {
                    final int k = (i * 7 + round * 13) % 90;
                    if ((i + round) % 5 == 0)
                    {
                        delete(tree, k);
                        expected.remove(String.format("k%06d", k));
                    }
                    else
                    {
                        put(tree, k, "r" + round + "i" + i);
                        expected.put(String.format("k%06d", k), "r" + round + "i" + i);
                    }
                }
                tree.commit();
                tree.flush();
            }
            final TreeMap<String, String> before = snapshot(tree);
            assertEquals(expected, before);
            assertEquals(5, tree.filesPerLevel()[0], describe(tree.filesPerLevel()));

            for (int i = 0; i < 90; i += 3)
            {
                final String value = before.get(String.format("k%06d", i));
                if (null == value)
                {
                    delete(tree, i);
                }
                else
                {
                    put(tree, i, value);
                }
            }
            tree.commit();
            tree.flush();
            awaitCondition(tree, () -> 0 == tree.filesPerLevel()[0], "level 0 compaction");
            assertEquals(1, tree.filesPerLevel()[1], describe(tree.filesPerLevel()));
            assertEquals(before, snapshot(tree));
        }
    }

    @Test
    void shouldCompactInBackgroundWhenLevelZeroFills() throws InterruptedException
    {
        try (LsmTree tree = LsmTree.open(dir, tinyConfig()))
        {
            final TreeMap<String, String> expected = new TreeMap<>();
            for (int i = 0; i < 3000; i++)
            {
                final int k = (i * 37) % 1000;
                put(tree, k, "v" + i);
                expected.put(String.format("k%06d", k), "v" + i);
                if (i % 50 == 49)
                {
                    tree.commit();
                }
            }
            tree.commit();
            tree.flush();
            awaitCondition(tree, () -> tree.filesPerLevel()[0] < 3, "level 0 compaction");
            assertEquals(expected, snapshot(tree));
        }
    }

    @Test
    void shouldKeepPinnedViewWhenFlushedAndCompacted() throws InterruptedException
    {
        try (LsmTree tree = LsmTree.open(dir, tinyConfig().memTableBytes(1 << 16).level0CompactionTrigger(3));
            ByteMapReader pinned = tree.newReader())
        {
            for (int i = 0; i < 50; i++)
            {
                put(tree, i, "a" + i);
            }
            tree.commit();
            tree.flush();
            for (int i = 0; i < 50; i++)
            {
                put(tree, i, "b" + i);
            }
            final long sequence = tree.commit();
            assertEquals(sequence, pinned.begin());
            final TreeMap<String, String> view = scan(pinned);
            assertEquals("b7", view.get("k000007"));

            for (int i = 0; i < 50; i++)
            {
                if (i % 2 == 0)
                {
                    delete(tree, i);
                }
                else
                {
                    put(tree, i, "c" + i);
                }
            }
            tree.commit();
            tree.flush();
            put(tree, 100, "d");
            tree.commit();
            tree.flush();
            awaitCondition(tree, () -> 0 == tree.filesPerLevel()[0], "level 0 compaction");

            assertEquals(view, scan(pinned));
            assertEquals("b8", get(pinned, 8));
            pinned.end();

            pinned.begin();
            assertNull(get(pinned, 8));
            assertEquals("c9", get(pinned, 9));
            assertEquals(26, scan(pinned).size());
        }
    }

    @Test
    void shouldReadOlderSequenceUntilCompactionDropsIt() throws InterruptedException
    {
        try (LsmTree tree = LsmTree.open(dir, tinyConfig().memTableBytes(1 << 16).level0CompactionTrigger(2));
            LsmReader reader = tree.newReader())
        {
            put(tree, 1, "first");
            final long first = tree.commit();
            put(tree, 1, "second");
            delete(tree, 2);
            final long second = tree.commit();

            reader.beginAt(first);
            assertEquals("first", get(reader, 1));
            assertEquals(1, scan(reader).size());
            reader.end();

            tree.flush();
            put(tree, 3, "third");
            tree.commit();
            tree.flush();
            awaitCondition(tree, () -> 1 == tree.filesPerLevel()[1], "level 0 compaction");
            assertTrue(tree.oldestReadableSequence() > first, "horizon " + tree.oldestReadableSequence());
            final IllegalArgumentException tooOld = assertThrows(IllegalArgumentException.class,
                () -> reader.beginAt(first));
            assertEquals("sequence=" + first + " is below oldestReadable=" + tree.oldestReadableSequence(),
                tooOld.getMessage());
            assertEquals(second + 1, reader.beginAt(tree.oldestReadableSequence()));
            assertEquals("second", get(reader, 1));
            assertEquals("third", get(reader, 3));
        }
    }

    @Test
    void shouldSplitOutputIntoSeveralFilesWhenTargetFileSizeReached() throws InterruptedException
    {
        final LsmConfig config = tinyConfig().memTableBytes(1 << 17).targetFileBytes(4096).level0CompactionTrigger(2);
        final TreeMap<String, String> expected = new TreeMap<>();
        try (LsmTree tree = LsmTree.open(dir, config))
        {
            for (int i = 0; i < 600; i++)
            {
                put(tree, i, "first-" + i);
                expected.put(String.format("k%06d", i), "first-" + i);
            }
            tree.commit();
            tree.flush();
            assertTrue(tree.filesPerLevel()[0] > 1, describe(tree.filesPerLevel()));
            for (int i = 0; i < 600; i += 3)
            {
                put(tree, i, "second-" + i);
                expected.put(String.format("k%06d", i), "second-" + i);
            }
            tree.commit();
            tree.flush();
            awaitCondition(tree, () -> 0 == tree.filesPerLevel()[0], "level 0 compaction");
            assertTrue(tree.filesPerLevel()[1] > 1, describe(tree.filesPerLevel()));
            assertEquals(expected, snapshot(tree));
        }
        try (LsmTree tree = LsmTree.open(dir, config))
        {
            assertEquals(expected, snapshot(tree));
        }
    }

    @Test
    void shouldKeepPendingChangesPendingWhenFlushingMidTransaction()
    {
        try (LsmTree tree = LsmTree.open(dir, tinyConfig().level0CompactionTrigger(100));
            ByteMapReader reader = tree.newReader())
        {
            for (int i = 0; i < 100; i++)
            {
                put(tree, i, "committed" + i);
            }
            tree.commit();
            for (int i = 0; i < 150; i++)
            {
                put(tree, i, "pending" + i);
            }
            delete(tree, 5);
            put(tree, 7, "pending-again");
            tree.flush();

            reader.begin();
            assertEquals("committed5", get(reader, 5));
            assertNull(get(reader, 120));
            assertEquals(100, scan(reader).size());
            reader.end();

            tree.commit();
            reader.begin();
            assertNull(get(reader, 5));
            assertEquals("pending-again", get(reader, 7));
            assertEquals("pending120", get(reader, 120));
            assertEquals(149, scan(reader).size());
            reader.end();
            put(tree, 500, "discarded");
        }
        try (LsmTree tree = LsmTree.open(dir, tinyConfig()))
        {
            final TreeMap<String, String> content = snapshot(tree);
            assertEquals(149, content.size());
            assertEquals("pending-again", content.get("k000007"));
            assertFalse(content.containsKey("k000005"));
            assertFalse(content.containsKey("k000500"));
        }
    }

    @Test
    void shouldSurfaceAgentErrorToWriterWhenFlushFails() throws IOException
    {
        final Path treeDir = dir.resolve("tree");
        final LsmTree tree = LsmTree.open(treeDir, tinyConfig());
        try (Stream<Path> files = Files.list(treeDir))
        {
            for (final Path file : files.toArray(Path[]::new))
            {
                Files.delete(file);
            }
        }
        Files.delete(treeDir);

        final long deadline = System.nanoTime() + 10_000_000_000L;
        PhantomException failure = null;
        for (int i = 0; null == failure && System.nanoTime() < deadline; i++)
        {
            try
            {
                put(tree, i, "value-" + i);
                tree.commit();
            }
            catch (final PhantomException ex)
            {
                failure = ex;
            }
        }
        assertNotNull(failure, "writer never saw the agent's error");
        assertTrue(failure.getMessage().startsWith("LSM agent failed in " + treeDir + ": "), failure.getMessage());
        assertNotNull(failure.getCause());
        assertThrows(PhantomException.class, tree::commit);
        assertThrows(PhantomException.class, tree::close);
    }

    @Test
    void shouldNotShowUncommittedChangesWhenReading()
    {
        try (LsmTree tree = LsmTree.open(dir, tinyConfig());
            ByteMapReader reader = tree.newReader())
        {
            put(tree, 1, "one");
            tree.commit();
            put(tree, 1, "uno");
            put(tree, 2, "two");
            reader.begin();
            assertEquals("one", get(reader, 1));
            assertNull(get(reader, 2));
            assertEquals(1, scan(reader).size());
        }
    }

    @Test
    void shouldReopenWithIdenticalContentsWhenClosed()
    {
        final TreeMap<String, String> before;
        final long sequence;
        try (LsmTree tree = LsmTree.open(dir, tinyConfig()))
        {
            for (int i = 0; i < 500; i++)
            {
                put(tree, (i * 31) % 400, "v" + i);
                if (i % 3 == 0)
                {
                    delete(tree, (i * 17) % 400);
                }
                if (i % 40 == 0)
                {
                    tree.commit();
                }
            }
            sequence = tree.commit();
            put(tree, 999, "uncommitted");
            before = snapshot(tree);
        }
        try (LsmTree tree = LsmTree.open(dir, tinyConfig()))
        {
            assertEquals(before, snapshot(tree));
            assertEquals(sequence, tree.committedSequence());
            try (ByteMapReader reader = tree.newReader())
            {
                reader.begin();
                assertNull(get(reader, 999));
            }
        }
    }

    @Test
    void shouldIgnoreLeftoverFilesWhenReopened() throws IOException
    {
        try (LsmTree tree = LsmTree.open(dir, tinyConfig()))
        {
            put(tree, 1, "one");
            tree.commit();
        }
        final Path orphan = dir.resolve(SsTableDescriptor.fileName(9_999));
        Files.write(orphan, new byte[]{ 1, 2, 3 });
        final Path temp = dir.resolve(Manifest.TEMP_FILE_NAME);
        Files.write(temp, new byte[]{ 4, 5 });
        final Path unrelated = dir.resolve("notes.txt");
        Files.write(unrelated, new byte[]{ 6 });

        try (LsmTree tree = LsmTree.open(dir, tinyConfig()))
        {
            final TreeMap<String, String> content = snapshot(tree);
            assertEquals(1, content.size());
            assertEquals("one", content.get("k000001"));
        }
        assertFalse(Files.exists(orphan));
        assertFalse(Files.exists(temp));
        assertTrue(Files.exists(unrelated));
    }

    @Test
    void shouldWaitUnderBackPressureWithoutLosingDataWhenAgentIsSlow()
    {
        final LsmConfig config = tinyConfig()
            .maxPendingMemTables(1)
            .idleStrategySupplier(() -> new SleepingMillisIdleStrategy(2));
        try (LsmTree tree = LsmTree.open(dir, config))
        {
            final UnsafeBuffer value = new UnsafeBuffer(new byte[200]);
            for (int i = 0; i < 400; i++)
            {
                value.putInt(0, i);
                final UnsafeBuffer k = key(i);
                tree.put(k, 0, k.capacity(), value, 0, value.capacity());
                tree.commit();
            }
            assertTrue(tree.backPressureWaits() > 0, "writer never waited");
            try (ByteMapReader reader = tree.newReader())
            {
                reader.begin();
                for (int i = 0; i < 400; i++)
                {
                    final UnsafeBuffer k = key(i);
                    assertEquals(i, reader.get(k, 0, k.capacity()).getInt(0), "key " + i);
                }
            }
        }
    }

    @Test
    void shouldMoveBothWaysWhenMixingNextAndPrev()
    {
        try (LsmTree tree = LsmTree.open(dir, tinyConfig().level0CompactionTrigger(100));
            ByteMapReader reader = tree.newReader())
        {
            for (int i = 0; i < 30; i += 2)
            {
                put(tree, i, "f" + i);
            }
            tree.commit();
            tree.flush();
            for (int i = 1; i < 30; i += 2)
            {
                put(tree, i, "m" + i);
            }
            delete(tree, 10);
            tree.commit();

            reader.begin();
            final ByteCursor cursor = reader.cursor();
            final UnsafeBuffer k9 = key(9);
            assertTrue(cursor.seekCeiling(k9, 0, k9.capacity()));
            assertEquals("k000009", string(cursor.key()));
            assertTrue(cursor.next());
            assertEquals("k000011", string(cursor.key()));
            assertTrue(cursor.prev());
            assertEquals("k000009", string(cursor.key()));
            assertTrue(cursor.prev());
            assertEquals("k000008", string(cursor.key()));
            assertEquals("f8", string(cursor.value()));
            assertTrue(cursor.next());
            assertTrue(cursor.next());
            assertEquals("k000011", string(cursor.key()));

            final UnsafeBuffer k10 = key(10);
            assertTrue(cursor.seekFloor(k10, 0, k10.capacity()));
            assertEquals("k000009", string(cursor.key()));
            assertTrue(cursor.seekCeiling(k10, 0, k10.capacity()));
            assertEquals("k000011", string(cursor.key()));

            assertTrue(cursor.last());
            assertEquals("k000029", string(cursor.key()));
            assertFalse(cursor.next());
            assertFalse(cursor.prev());
            assertThrows(IllegalStateException.class, cursor::key);
        }
    }

    @Test
    void shouldRejectWrongUseWithActualValues()
    {
        try (LsmTree tree = LsmTree.open(dir, tinyConfig()))
        {
            final UnsafeBuffer empty = new UnsafeBuffer(new byte[0]);
            final IllegalArgumentException badKey = assertThrows(IllegalArgumentException.class,
                () -> tree.put(empty, 0, 0, empty, 0, 0));
            assertEquals("keyLength=0 outside [1, " + tree.maxKeyLength() + "]", badKey.getMessage());
            final UnsafeBuffer big = new UnsafeBuffer(new byte[tree.maxValueLength() + 1]);
            final UnsafeBuffer k = key(1);
            final IllegalArgumentException badValue = assertThrows(IllegalArgumentException.class,
                () -> tree.put(k, 0, k.capacity(), big, 0, big.capacity()));
            assertEquals("valueLength=" + big.capacity() + " outside [0, " + tree.maxValueLength() + "]",
                badValue.getMessage());
            final ByteMapReader reader = tree.newReader();
            assertThrows(IllegalStateException.class, () -> get(reader, 1));
            reader.begin();
            assertThrows(IllegalStateException.class, reader::begin);
            reader.close();
        }
        final IllegalArgumentException badConfig = assertThrows(IllegalArgumentException.class,
            () -> LsmTree.open(dir, new LsmConfig().blockBytes(1)));
        assertEquals("blockBytes=1 outside [64, 1048576]", badConfig.getMessage());
    }

    @Test
    void shouldThrowClosedExceptionWhenClosed()
    {
        final LsmTree tree = LsmTree.open(dir, tinyConfig());
        final ByteMapReader closedReader = tree.newReader();
        closedReader.close();
        final ByteMapReader reader = tree.newReader();
        tree.close();
        tree.close();
        final ClosedException onPut = assertThrows(ClosedException.class, () -> put(tree, 1, "x"));
        assertEquals("LSM tree " + dir + " is closed", onPut.getMessage());
        assertThrows(ClosedException.class, tree::commit);
        assertThrows(ClosedException.class, tree::newReader);
        assertThrows(ClosedException.class, reader::begin);
        final IllegalStateException onClosedReader = assertThrows(IllegalStateException.class, closedReader::begin);
        assertEquals("reader is closed", onClosedReader.getMessage());
    }
}
