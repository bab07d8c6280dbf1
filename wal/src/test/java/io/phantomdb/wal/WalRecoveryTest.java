package io.phantomdb.wal;

import io.phantomdb.CorruptionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.phantomdb.wal.WalTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class WalRecoveryTest
{
    @TempDir
    Path dir;

    private final Events events = new Events();
    private final WalRecordEncoder encoder = new WalRecordEncoder();

    private WalConfig writeRecords(final long count)
    {
        final WalConfig config = config(dir, SyncPolicy.ALWAYS, events);
        try (WalWriter writer = WalWriter.open(config))
        {
            for (long tx = 1; tx <= count; tx++)
            {
                writer.append(encode(encoder, tx));
            }
        }
        return config;
    }

    @Test
    void shouldCutAtLastGoodRecordAndContinueLsnsWhenLastRecordIsGarbled() throws IOException
    {
        final WalConfig config = writeRecords(100);
        final List<Location> records = locate(dir.resolve("seg-00000001"), config);
        assertEquals(100, records.size());
        final Location last = records.get(99);
        overwrite(last.file, last.position + last.length - 3, new byte[]{0x5A, 0x5A, 0x5A});

        assertEquals(range(1, 99), replay(config, 1), "replay stops before the torn record");
        assertEquals(1, events.tornTails.size());
        assertTrue(events.tornTails.get(0).startsWith(last.file + "@" + last.position + " last=99 expected crc "),
            events.tornTails.get(0));

        try (WalWriter writer = WalWriter.open(config))
        {
            assertEquals(2, events.tornTails.size(), "the writer's recovery reports the cut too");
            assertEquals(100, writer.nextLsn());
            assertEquals(99, writer.durableLsn());
            assertEquals(100, writer.append(encode(encoder, 100)));
            assertEquals(101, writer.append(encode(encoder, 101)));
        }
        assertEquals(range(1, 101), replay(config, 1), "no gap, the torn record is never read again");
        assertEquals(range(95, 101), replay(config, 95));
        assertEquals(2, events.tornTails.size());
    }

    @Test
    void shouldCutSeveralRecordsWhenTailWasNeverWrittenToDisk() throws IOException
    {
        final WalConfig config = writeRecords(100);
        final List<Location> records = locate(dir.resolve("seg-00000001"), config);
        final Location ninetyNine = records.get(98);
        final Location hundred = records.get(99);
        final long from = ninetyNine.position + ninetyNine.length / 2;
        overwrite(hundred.file, from, new byte[(int)(hundred.position + hundred.length - from)]);

        try (WalWriter writer = WalWriter.open(config))
        {
            assertEquals(98, writer.nextLsn() - 1);
            assertEquals(1, events.tornTails.size());
            assertTrue(events.tornTails.get(0).startsWith(ninetyNine.file + "@" + ninetyNine.position + " last=98 "),
                events.tornTails.get(0));
            writer.append(encode(encoder, 99));
        }
        assertEquals(range(1, 99), replay(config, 1));
    }

    @Test
    void shouldCutTornTailWhenChronicleHeaderOfLastExcerptIsGarbled() throws IOException
    {
        final byte[][] headers = {
            {(byte)0xFF, (byte)0xFF, 0, 0},                          // complete, 65535 bytes: runs into zeros
            {(byte)0xFF, (byte)0xFF, (byte)0xFF, (byte)0x3F},        // complete, 1 GiB: past any record
            {1, 0, 0, 0},                                            // complete, 1 byte
            {(byte)0x37, (byte)0x01, 0, (byte)0x80},                 // "not complete": a writer died inside it
        };
        for (int variant = 0; variant < headers.length; variant++)
        {
            final Path walDir = dir.resolve("variant-" + variant);
            final Events seen = new Events();
            final WalConfig config = config(walDir, SyncPolicy.NONE, seen);
            try (WalWriter writer = WalWriter.open(config))
            {
                for (long tx = 1; tx <= 20; tx++)
                {
                    writer.append(encode(encoder, tx));
                }
            }
            final Location last = locate(walDir.resolve("seg-00000001"), config).get(19);
            overwrite(last.file, last.position - 4, headers[variant]);

            assertEquals(range(1, 19), replay(config, 1), "variant " + variant);
            assertEquals(variant < 3 ? 1 : 0, seen.tornTails.size(), "variant " + variant + ": " + seen.tornTails);
            try (WalWriter writer = WalWriter.open(config))
            {
                assertEquals(20, writer.append(encode(encoder, 20)), "variant " + variant);
            }
            assertEquals(range(1, 20), replay(config, 1), "variant " + variant);
        }
    }

    @Test
    void shouldThrowCorruptionNamingFileAndPositionWhenRecordBeforeTheTailIsDamaged() throws IOException
    {
        final WalConfig config = writeRecords(100);
        final Location victim = locate(dir.resolve("seg-00000001"), config).get(49);
        final long at = victim.position + WalRecordDescriptor.HEADER_LENGTH + 2;
        overwrite(victim.file, at, new byte[]{(byte)~readByte(victim.file, at)});

        final CorruptionException replayed = assertThrows(CorruptionException.class, () -> replay(config, 1));
        assertEquals(victim.file, replayed.file());
        assertEquals(victim.position, replayed.offset());
        assertTrue(replayed.getMessage().startsWith("corruption in " + victim.file + " at offset " + victim.position +
            ": expected crc "), replayed.getMessage());
        assertTrue(replayed.getMessage().contains("; a valid record (lsn 51) follows it"), replayed.getMessage());

        final CorruptionException opened = assertThrows(CorruptionException.class, () -> WalWriter.open(config));
        assertEquals(replayed.getMessage(), opened.getMessage(), "the writer refuses to cut a log damaged before its tail");
        assertEquals(range(60, 100), replay(config, 60), "records after the damage are still readable");
        assertTrue(events.tornTails.isEmpty());
    }

    @Test
    void shouldThrowCorruptionWhenRecordOfSealedSegmentIsDamaged() throws IOException
    {
        final WalConfig config = writeRecords(100);
        try (WalWriter writer = WalWriter.open(config))
        {
            writer.append(encode(encoder, 101));
        }
        final Location victim = locate(dir.resolve("seg-00000001"), config).get(99);
        overwrite(victim.file, victim.position + 10, new byte[]{(byte)~readByte(victim.file, victim.position + 10)});

        final CorruptionException ex = assertThrows(CorruptionException.class, () -> replay(config, 1));
        assertEquals(victim.position, ex.offset());
        assertTrue(ex.getMessage().startsWith("corruption in " + victim.file + " at offset " + victim.position +
            ": expected crc "), ex.getMessage());
        assertEquals(List.of(101L), replay(config, 101), "a replay that does not need the damaged segment works");
    }

    @Test
    void shouldRefuseToStartAnEmptyLogWhenMetaFileIsMissingButSegmentsExist() throws IOException
    {
        final WalConfig config = writeRecords(3);
        Files.delete(dir.resolve("wal.meta"));
        final CorruptionException ex = assertThrows(CorruptionException.class, () -> WalWriter.open(config));
        assertEquals("corruption in " + dir.resolve("wal.meta") + " at offset 0: missing while segment " +
            dir.resolve("seg-00000001") + " exists", ex.getMessage());
    }

    @Test
    void shouldThrowCorruptionWhenMetaFileIsDamaged() throws IOException
    {
        final WalConfig config = writeRecords(3);
        final Path meta = dir.resolve("wal.meta");
        overwrite(meta, 14, new byte[]{(byte)~readByte(meta, 14)});
        final CorruptionException ex = assertThrows(CorruptionException.class, () -> WalWriter.open(config));
        assertEquals(meta, ex.file());
        assertTrue(ex.getMessage().startsWith("corruption in " + meta + " at offset 32: expected crc "), ex.getMessage());
    }
}
