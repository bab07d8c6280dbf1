package io.phantomdb.wal;

import io.phantomdb.PhantomException;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.phantomdb.wal.WalTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class WalRetirementTest
{
    @TempDir
    Path dir;

    private final Events events = new Events();
    private final WalRecordEncoder encoder = new WalRecordEncoder();
    private final SetTimeProvider clock = new SetTimeProvider(1_700_000_000_000L);

    private WalConfig config(final SyncPolicy policy)
    {
        return WalTestSupport.config(dir, policy, events).rollCycle(TestRollCycles.TEST_SECONDLY).timeProvider(clock);
    }

    /** Appends {@code files} queue files of {@code perFile} records each, rolling by advancing the clock. */
    private void appendFiles(final WalWriter writer, final int files, final int perFile)
    {
        for (int f = 0; f < files; f++)
        {
            for (int i = 0; i < perFile; i++)
            {
                writer.append(encode(encoder, writer.nextLsn()));
            }
            clock.advanceMillis(1000);
        }
    }

    private static List<String> queueFiles(final Path segment) throws IOException
    {
        try (Stream<Path> files = Files.list(segment))
        {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cq4")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void shouldDeleteOnlyFilesOlderThanCheckpointWhenRetiringWithinTheActiveSegment() throws IOException
    {
        final WalConfig config = config(SyncPolicy.NONE);
        final Path segment = dir.resolve("seg-00000001");
        try (WalWriter writer = WalWriter.open(config))
        {
            appendFiles(writer, 5, 10);
            final List<String> before = queueFiles(segment);
            assertEquals(5, before.size(), before.toString());

            writer.retireBefore(25);
            assertEquals(before.subList(2, 5), queueFiles(segment), "files of lsn 1-10 and 11-20 go; 21-30 holds 25");
            assertEquals(2, events.retired.size());
            assertEquals(range(25, 50), replay(config, 25), "a replay from the checkpoint has all it needs");

            writer.retireBefore(writer.nextLsn());
            assertEquals(before.subList(4, 5), queueFiles(segment), "the file being appended to stays");
            writer.append(encode(encoder, writer.nextLsn()));
        }
        assertEquals(range(41, 51), replay(config, 41));
        final PhantomException ex = assertThrows(PhantomException.class, () -> replay(config, 25));
        assertTrue(ex.getMessage().startsWith("replay from lsn 25: the oldest record in "), ex.getMessage());
        assertTrue(ex.getMessage().endsWith(" is lsn 41; the records before it were retired"), ex.getMessage());
    }

    @Test
    void shouldDeleteSealedSegmentsWhenAllTheirRecordsAreOlderThanCheckpoint() throws IOException
    {
        final WalConfig config = config(SyncPolicy.BATCH);
        for (int session = 0; session < 3; session++)
        {
            try (WalWriter writer = WalWriter.open(config))
            {
                appendFiles(writer, 2, 10);
            }
        }
        try (WalWriter writer = WalWriter.open(config))
        {
            assertEquals(61, writer.nextLsn());
            writer.retireBefore(20);
            assertTrue(Files.exists(dir.resolve("seg-00000001")), "lsn 20 is in segment 1");
            assertEquals(1, queueFiles(dir.resolve("seg-00000001")).size(), "only its second file is needed");

            writer.retireBefore(45);
            assertFalse(Files.exists(dir.resolve("seg-00000001")));
            assertFalse(Files.exists(dir.resolve("seg-00000002")));
            assertEquals(2, queueFiles(dir.resolve("seg-00000003")).size(), "lsn 41-50 holds 45: both files stay");
            appendFiles(writer, 1, 5);
        }
        assertEquals(range(45, 65), replay(config, 45));
        final PhantomException ex = assertThrows(PhantomException.class, () -> replay(config, 30));
        assertEquals("replay from lsn 30: the log starts at lsn 41 in " + dir.resolve("seg-00000003") +
            "; the records before it were retired", ex.getMessage());
        try (WalWriter writer = WalWriter.open(config))
        {
            assertEquals(66, writer.nextLsn(), "LSNs continue after retirement");
            assertEquals("checkpointLsn=67 must be in [1, nextLsn=66]",
                assertThrows(IllegalArgumentException.class, () -> writer.retireBefore(67)).getMessage());
        }
    }

    @Test
    void shouldForcePreviousFileWhenQueueRollsWithRecordsPending()
    {
        final WalConfig config = config(SyncPolicy.BATCH).batchMaxRecords(1000).batchWindowMicros(1_000_000);
        try (WalWriter writer = WalWriter.open(config))
        {
            appendFiles(writer, 1, 5);
            assertEquals(0, writer.syncCount());
            writer.append(encode(encoder, 6));
            assertEquals(1, writer.syncCount(), "the rolled-over file was forced");
            assertEquals(5, writer.durableLsn());
            writer.sync();
            assertEquals(6, writer.durableLsn());
        }
        assertEquals(range(1, 6), replay(config, 1));
        assertEquals(range(4, 6), replay(config, 4));
        assertEquals(range(6, 6), replay(config, 6));
    }
}
