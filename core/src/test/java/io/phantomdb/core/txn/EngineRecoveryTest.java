package io.phantomdb.core.txn;

import io.phantomdb.CorruptionException;
import io.phantomdb.wal.SyncPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.phantomdb.core.txn.TxTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class EngineRecoveryTest
{
    @TempDir
    Path dir;

    private static EngineConfig config()
    {
        return smallConfig().syncPolicy(SyncPolicy.ALWAYS);
    }

    @Test
    void shouldFindEverythingWhenReopenedAfterClose()
    {
        final long version;
        try (Engine engine = Engine.open(dir, config()))
        {
            for (int i = 0; i < 50; i++)
            {
                commitPut(engine, KS, "k" + i, "v" + i);
            }
            try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
            {
                delete(tx, KS, "k7");
                put(tx, OTHER, "k7", "moved");
                tx.commit();
            }
            version = engine.lastCommittedVersion();
        }
        try (Engine engine = Engine.open(dir, config()))
        {
            final RecoveryReport report = engine.lastRecovery();
            assertEquals(0, report.recordsReplayed(), report.toString());
            assertEquals(52, report.checkpointLsn(), "close checkpoints after the 51 records: " + report);
            assertEquals(51, report.lastLsn());
            assertEquals(version, report.checkpointVersion());
            assertFalse(report.tornTailCut());
            assertEquals(version, engine.lastCommittedVersion());
            assertEquals("v0", read(engine, KS, "k0"));
            assertEquals("v49", read(engine, KS, "k49"));
            assertNull(read(engine, KS, "k7"));
            assertEquals("moved", read(engine, OTHER, "k7"));
            commitPut(engine, KS, "after", "reopen");
            assertEquals(version + 1, engine.lastCommittedVersion());
        }
    }

    @Test
    void shouldReplayWalAfterCheckpointWhenOpenedFromCrashImage() throws IOException
    {
        final Path image = dir.resolve("image");
        final Path live = dir.resolve("live");
        try (Engine engine = Engine.open(live, config().checkpointIntervalMillis(0).checkpointWalBytes(0)))
        {
            for (int i = 0; i < 30; i++)
            {
                commitPut(engine, KS, "k" + i, "v" + i);
            }
            engine.checkpoint();
            assertEquals(1, engine.checkpointCount());
            for (int i = 30; i < 100; i++)
            {
                commitPut(engine, KS, "k" + i, "v" + i);
            }
            try (Transaction tx = engine.begin(IsolationLevel.SERIALIZABLE))
            {
                delete(tx, KS, "k3");
                put(tx, KS, "k40", "changed");
                tx.commit();
            }
            copyTree(live, image); // what a crash now would leave: checkpoint at lsn 31 plus 71 records in the WAL
        }
        try (Engine engine = Engine.open(image, config()))
        {
            final RecoveryReport report = engine.lastRecovery();
            assertEquals(31, report.checkpointLsn(), report.toString());
            assertEquals(30, report.checkpointVersion());
            assertEquals(71, report.recordsReplayed());
            assertEquals(101, report.lastLsn());
            assertEquals(101, engine.lastCommittedVersion());
            assertNull(read(engine, KS, "k3"));
            assertEquals("changed", read(engine, KS, "k40"));
            assertEquals("v99", read(engine, KS, "k99"));
            assertEquals("v0", read(engine, KS, "k0"));
            try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
            {
                int count = 0;
                final TxCursor cursor = tx.cursor(KS);
                for (boolean more = cursor.first(); more; more = cursor.next())
                {
                    count++;
                }
                assertEquals(99, count);
            }
        }
        try (Engine engine = Engine.open(image, config()))
        {
            assertEquals(0, engine.lastRecovery().recordsReplayed(), "the replay was checkpointed");
            assertEquals("changed", read(engine, KS, "k40"));
        }
    }

    @Test
    void shouldStoreLsmKeyspacesAndRecoverThemWithBTreeChangesWhenReopenedFromCrashImage() throws IOException
    {
        final Keyspace events = new Keyspace(7, StorageKind.LSM);
        final Path live = dir.resolve("live");
        final Path image = dir.resolve("image");
        try (Engine engine = Engine.open(live, config()))
        {
            for (int i = 0; i < 20; i++)
            {
                try (Transaction tx = engine.begin(IsolationLevel.SERIALIZABLE))
                {
                    put(tx, events, String.format("e%03d", i), "event" + i);
                    put(tx, KS, "last-event", Integer.toString(i));
                    tx.commit();
                }
            }
            engine.checkpoint();
            for (int i = 20; i < 40; i++)
            {
                try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
                {
                    put(tx, events, String.format("e%03d", i), "event" + i);
                    delete(tx, events, String.format("e%03d", i - 20));
                    put(tx, KS, "last-event", Integer.toString(i));
                    tx.commit();
                }
            }
            try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
            {
                assertEquals("event39", get(tx, events, "e039"));
                assertNull(get(tx, events, "e000"));
                assertEquals("e020=event20", scan(tx, events).split(",")[0]);
            }
            copyTree(live, image);
        }
        for (final Path path : List.of(live, image))
        {
            try (Engine engine = Engine.open(path, config()))
            {
                try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
                {
                    assertEquals("39", get(tx, KS, "last-event"), path.toString());
                    final String all = scan(tx, events);
                    assertEquals(20, all.split(",").length, all);
                    assertTrue(all.startsWith("e020=event20,e021=event21"), all);
                    assertTrue(all.endsWith("e039=event39"), all);
                    assertEquals("e039,e038", scanBackward(tx, events).substring(0, 9));
                }
            }
        }
    }

    @Test
    void shouldRetireOldWalSegmentsWhenCheckpointed() throws IOException
    {
        for (int session = 0; session < 3; session++)
        {
            try (Engine engine = Engine.open(dir, config()))
            {
                for (int i = 0; i < 10; i++)
                {
                    commitPut(engine, KS, "s" + session + "-" + i, "v");
                }
                engine.checkpoint();
                assertEquals(1, segments().size(), "sealed segments retired: " + segments());
            }
        }
        try (Engine engine = Engine.open(dir, config()))
        {
            assertEquals("v", read(engine, KS, "s0-0"));
            assertEquals("v", read(engine, KS, "s2-9"));
        }
    }

    @Test
    void shouldCheckpointPeriodicallyWhenWalBytesExceeded()
    {
        try (Engine engine = Engine.open(dir, config().checkpointWalBytes(4096).checkpointIntervalMillis(0)))
        {
            final String value = "x".repeat(500);
            for (int i = 0; i < 40; i++)
            {
                commitPut(engine, KS, "k" + i, value);
            }
            assertTrue(engine.checkpointCount() >= 3, "checkpoints: " + engine.checkpointCount());
        }
    }

    @Test
    void shouldThrowCorruptionNamingWalFileAndOffsetWhenByteFlippedMidLog() throws IOException
    {
        final Path image = dir.resolve("image");
        try (Engine engine = Engine.open(dir.resolve("live"), config()))
        {
            for (int i = 0; i < 40; i++)
            {
                commitPut(engine, KS, "key-" + i, String.format("value-%04d", i));
            }
            copyTree(dir.resolve("live"), image);
        }
        final Path cq4 = queueFileContaining(image.resolve("wal"), "value-0020");
        final long at = flip(cq4, "value-0020");
        final CorruptionException ex = assertThrows(CorruptionException.class, () -> Engine.open(image, config()));
        assertTrue(ex.getMessage().contains(cq4.getFileName().toString()), ex.getMessage());
        assertTrue(ex.getMessage().contains(" at offset "), ex.getMessage());
        assertTrue(ex.offset() <= at && ex.offset() > at - 200, "record offset " + ex.offset() + " flipped at " + at);
    }

    @Test
    void shouldCutTornTailAndReportItWhenLastRecordDamaged() throws IOException
    {
        final Path image = dir.resolve("image");
        try (Engine engine = Engine.open(dir.resolve("live"), config()))
        {
            for (int i = 0; i < 40; i++)
            {
                commitPut(engine, KS, "key-" + i, String.format("value-%04d", i));
            }
            copyTree(dir.resolve("live"), image);
        }
        final Path cq4 = queueFileContaining(image.resolve("wal"), "value-0039");
        final long at = flip(cq4, "value-0039"); // the last record: nothing valid follows it
        try (Engine engine = Engine.open(image, config()))
        {
            final RecoveryReport report = engine.lastRecovery();
            assertTrue(report.tornTailCut(), report.toString());
            assertEquals(cq4.toAbsolutePath().normalize(), report.tornTailFile().toAbsolutePath().normalize());
            assertTrue(report.tornTailOffset() <= at && report.tornTailOffset() > at - 200, report.toString());
            assertEquals(39, report.recordsReplayed());
            assertEquals(39, report.lastLsn());
            assertEquals("value-0038", read(engine, KS, "key-38"));
            assertNull(read(engine, KS, "key-39"), "the torn record is cut");
            commitPut(engine, KS, "key-39", "again");
        }
        try (Engine engine = Engine.open(image, config()))
        {
            assertFalse(engine.lastRecovery().tornTailCut());
            assertEquals("again", read(engine, KS, "key-39"));
        }
    }

    @Test
    void shouldThrowCorruptionNamingBTreeFileWhenByteFlippedInDataPage() throws IOException
    {
        try (Engine engine = Engine.open(dir, config()))
        {
            for (int i = 0; i < 40; i++)
            {
                commitPut(engine, KS, "key-" + i, String.format("value-%04d", i));
            }
        }
        final Path file = dir.resolve("data.btree");
        final List<Long> flipped = flipAll(file, "value-0020"); // copy-on-write leaves older copies of the leaf too
        final CorruptionException ex = assertThrows(CorruptionException.class, () -> Engine.open(dir, config()));
        assertEquals(file, ex.file());
        assertTrue(ex.getMessage().startsWith("corruption in " + file + " at offset "), ex.getMessage());
        assertTrue(flipped.stream().anyMatch(at -> at / 4096 == ex.offset() / 4096),
            "offset " + ex.offset() + " within a flipped page " + flipped);
    }

    private List<Path> segments() throws IOException
    {
        try (Stream<Path> files = Files.list(dir.resolve("wal")))
        {
            return files.filter(p -> p.getFileName().toString().startsWith("seg-")).collect(Collectors.toList());
        }
    }

    private static Path queueFileContaining(final Path walDirectory, final String marker) throws IOException
    {
        final byte[] pattern = marker.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(walDirectory))
        {
            for (final Path file : (Iterable<Path>)files.filter(p -> p.toString().endsWith(".cq4"))::iterator)
            {
                final String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (text.contains(new String(pattern, StandardCharsets.ISO_8859_1)))
                {
                    return file;
                }
            }
        }
        throw new AssertionError(marker + " in no queue file under " + walDirectory);
    }

    private static List<Long> flipAll(final Path file, final String marker) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        final byte[] pattern = marker.getBytes(StandardCharsets.US_ASCII);
        final List<Long> flipped = new java.util.ArrayList<>();
        for (int i = 0; i + pattern.length <= bytes.length; i++)
        {
            boolean match = true;
            for (int j = 0; j < pattern.length && match; j++)
            {
                match = bytes[i + j] == pattern[j];
            }
            if (match)
            {
                bytes[i + 3] ^= 0x40;
                flipped.add((long)i + 3);
            }
        }
        assertFalse(flipped.isEmpty(), marker + " not found in " + file);
        Files.write(file, bytes);
        return flipped;
    }

    private static long flip(final Path file, final String marker) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        final byte[] pattern = marker.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + pattern.length <= bytes.length; i++)
        {
            boolean match = true;
            for (int j = 0; j < pattern.length && match; j++)
            {
                match = bytes[i + j] == pattern[j];
            }
            if (match)
            {
                bytes[i + 3] ^= 0x40;
                Files.write(file, bytes);
                return i + 3;
            }
        }
        throw new AssertionError(marker + " not found in " + file);
    }

    static void copyTree(final Path from, final Path to) throws IOException
    {
        try (Stream<Path> files = Files.walk(from))
        {
            for (final Path source : (Iterable<Path>)files::iterator)
            {
                final Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source))
                {
                    Files.createDirectories(target);
                }
                else
                {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
