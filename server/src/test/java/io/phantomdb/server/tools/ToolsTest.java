package io.phantomdb.server.tools;

import io.phantomdb.CorruptionException;
import io.phantomdb.core.PhantomDB;
import io.phantomdb.core.catalog.StorageType;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.table.Row;
import io.phantomdb.core.table.RowCursor;
import io.phantomdb.core.table.Snapshot;
import io.phantomdb.core.table.Tx;
import io.phantomdb.core.txn.Engine;
import io.phantomdb.core.txn.EngineConfig;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.StorageKind;
import io.phantomdb.core.txn.Transaction;
import io.phantomdb.core.txn.TransactionConflictException;
import io.phantomdb.core.txn.TxCursor;
import io.phantomdb.index.check.CheckReport;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(120)
class ToolsTest
{
    private static final int ACCOUNTS = 50;
    private static final long INITIAL = 1_000;

    @TempDir
    Path dir;

    private Path data()
    {
        return dir.resolve("db");
    }

    private void populate(final Path data, final int rows)
    {
        try (PhantomDB db = PhantomDB.open(data))
        {
            db.createTable(TableSchema.builder(0, "users").column("id", ColumnType.BIGINT, false)
                .column("email", ColumnType.TEXT, false).column("age", ColumnType.INTEGER, true)
                .primaryKey("id").build());
            db.createIndex("users_email", "users", true, StorageType.BTREE, "email");
            db.createIndex("users_age", "users", false, StorageType.BTREE, "age");
            db.createTable(TableSchema.builder(0, "events").column("id", ColumnType.BIGINT, false)
                .column("payload", ColumnType.TEXT, false).primaryKey("id").build(), StorageType.LSM);
            db.createIndex("events_payload", "events", false, StorageType.LSM, "payload");
            for (int batch = 0; batch < rows; batch += 500)
            {
                try (Tx tx = db.begin())
                {
                    for (int i = batch; i < Math.min(rows, batch + 500); i++)
                    {
                        tx.insert("users", (long)i, "user" + i + "@example.com", 0 == i % 7 ? null : i % 90);
                        tx.insert("events", (long)i, "event-" + (i % 100) + "-" + "x".repeat(i % 50));
                    }
                    tx.commit();
                }
            }
        }
    }

    private static CheckReport check(final Path data, final Path scratch) throws IOException
    {
        return DataDirectoryCheck.run(data, scratch, System.out::println);
    }

    @Test
    void shouldCheckCleanWhenDatabaseIsFresh() throws IOException
    {
        populate(data(), 5_000);
        final CheckReport report = check(data(), dir.resolve("scratch"));
        assertTrue(report.isClean(), report.problems().toString());
        assertEquals(0, new CommandLine(new CheckCommand())
            .execute("--data", data().toString(), "--scratch", dir.resolve("scratch").toString()));
    }

    @Test
    void shouldRefuseToCheckWhenDatabaseIsOpen() throws IOException
    {
        populate(data(), 10);
        try (PhantomDB db = PhantomDB.open(data()))
        {
            final CheckReport report = check(data(), dir.resolve("scratch"));
            assertEquals(1, report.problems().size());
            assertEquals("expected a data directory no process has open actual locked (a running server?): stop it " +
                "first, or back it up online (docs/operations.md)", report.problems().get(0).detail());
            assertTrue(db.catalog().findTable("users") != null);
        }
    }

    @Test
    void shouldReportPageAndOffsetWhenBTreeLeafPageIsFlipped() throws IOException
    {
        populate(data(), 5_000);
        final Path file = data().resolve("data.btree");
        final long root = firstLeaf(file);
        final long offset = root * 8192;
        flip(file, offset + 8000);
        final CheckReport report = check(data(), dir.resolve("scratch"));
        assertFalse(report.isClean());
        final CheckReport.Problem problem = report.problems().get(0);
        assertEquals(file, problem.file());
        assertEquals(offset, problem.offset());
        assertTrue(problem.detail().startsWith("page " + root + ": expected (stored) CRC32C"), problem.detail());
        assertEquals(1, new CommandLine(new CheckCommand())
            .execute("--data", data().toString(), "--scratch", dir.resolve("scratch").toString()));
    }

    @Test
    void shouldReportBlockWhenSsTableBlockIsFlipped() throws IOException
    {
        populate(data(), 5_000);
        final Path sst;
        try (Stream<Path> files = Files.list(data().resolve("lsm")))
        {
            sst = files.filter(p -> p.toString().endsWith(".sst")).sorted().findFirst().orElseThrow();
        }
        flip(sst, 40);
        final CheckReport report = check(data(), dir.resolve("scratch"));
        assertEquals(1, report.problems().size(), report.problems().toString());
        final CheckReport.Problem problem = report.problems().get(0);
        assertEquals(sst, problem.file());
        assertEquals(0, problem.offset());
        assertTrue(problem.detail().startsWith("data block 0: expected (stored) CRC32C"), problem.detail());
    }

    @Test
    void shouldReportManifestWhenItIsFlipped() throws IOException
    {
        populate(data(), 1_000);
        final Path manifest = data().resolve("lsm").resolve("MANIFEST");
        flip(manifest, 10);
        final CheckReport report = check(data(), dir.resolve("scratch"));
        assertEquals(1, report.problems().size(), report.problems().toString());
        final CheckReport.Problem problem = report.problems().get(0);
        assertEquals(manifest, problem.file());
        assertEquals(Files.size(manifest) - 4, problem.offset());
        assertTrue(problem.detail().startsWith("manifest: expected crc"), problem.detail());
    }

    @Test
    void shouldReportRowWithoutIndexEntryWhenEntryWasDeletedBelowTheTableLayer() throws IOException
    {
        populate(data(), 1_000);
        final int indexId;
        try (PhantomDB db = PhantomDB.open(data()))
        {
            indexId = db.catalog().index("users_email").id();
        }
        try (Engine engine = Engine.open(data(), new EngineConfig());
            Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            final Keyspace keyspace = new Keyspace(indexId, StorageKind.BTREE);
            final TxCursor cursor = tx.cursor(keyspace);
            assertTrue(cursor.first());
            final byte[] key = new byte[cursor.key().capacity()];
            cursor.key().getBytes(0, key);
            tx.delete(keyspace, new UnsafeBuffer(key), 0, key.length);
            tx.commit();
        }
        final CheckReport report = check(data(), dir.resolve("scratch"));
        assertEquals(1, report.problems().size(), report.problems().toString());
        final String detail = report.problems().get(0).detail();
        assertTrue(detail.startsWith("index \"users_email\": expected an entry 0x") &&
            detail.endsWith("of table \"users\" actual none"), detail);
        assertEquals(data(), report.problems().get(0).file());
    }

    @Test
    void shouldReportWalFileWhenARecordBeforeTheTailIsFlipped() throws IOException
    {
        final Path image = dir.resolve("image");
        try (PhantomDB db = PhantomDB.open(data()))
        {
            db.createTable(TableSchema.builder(0, "notes").column("id", ColumnType.BIGINT, false)
                .column("text", ColumnType.TEXT, false).primaryKey("id").build());
            for (int i = 0; i < 40; i++)
            {
                try (Tx tx = db.begin())
                {
                    tx.insert("notes", (long)i, String.format("value-%04d", i));
                    tx.commit();
                }
            }
            copyTree(data(), image);
        }
        final Path cq4 = walFileContaining(image.resolve("wal"), "value-0020");
        flipMarker(cq4, "value-0020");
        final CheckReport report = check(image, dir.resolve("scratch"));
        assertEquals(1, report.problems().size(), report.problems().toString());
        final CheckReport.Problem problem = report.problems().get(0);
        assertEquals(cq4, problem.file());
        assertTrue(problem.offset() > 0, problem.toString());
        assertTrue(problem.detail().startsWith("opening the engine: corruption in " + cq4 + " at offset "),
            problem.detail());
    }

    private static void copyTree(final Path from, final Path to) throws IOException
    {
        try (Stream<Path> files = Files.walk(from))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                final Path target = to.resolve(from.relativize(file));
                if (Files.isDirectory(file))
                {
                    Files.createDirectories(target);
                }
                else
                {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static Path walFileContaining(final Path wal, final String marker) throws IOException
    {
        try (Stream<Path> files = Files.walk(wal))
        {
            for (final Path file : (Iterable<Path>)files.filter(p -> p.toString().endsWith(".cq4"))::iterator)
            {
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(marker))
                {
                    return file;
                }
            }
        }
        throw new AssertionError(marker + " in no WAL file under " + wal);
    }

    private static void flipMarker(final Path file, final String marker) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        final int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf(marker);
        bytes[at + 3] ^= 0x40;
        Files.write(file, bytes);
    }

    @Test
    void shouldBackUpOneConsistentSnapshotWhileTransfersCommit() throws Exception
    {
        final Path backup = dir.resolve("backup");
        final Path restored = dir.resolve("restored");
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong transfers = new AtomicLong();
        final Map<String, String> sourceSums = new TreeMap<>();
        try (PhantomDB db = PhantomDB.open(data()))
        {
            db.createTable(TableSchema.builder(0, "accounts").column("id", ColumnType.BIGINT, false)
                .column("balance", ColumnType.BIGINT, false).primaryKey("id").build());
            db.createIndex("accounts_balance", "accounts", false, StorageType.BTREE, "balance");
            try (Tx tx = db.begin())
            {
                for (long i = 0; i < ACCOUNTS; i++)
                {
                    tx.insert("accounts", i, INITIAL);
                }
                tx.commit();
            }
            final Thread mover = new Thread(() -> transfer(db, stop, transfers), "mover");
            mover.start();
            while (transfers.get() < 200)
            {
                Thread.onSpinWait();
            }
            final long[] atSnapshot = new long[1];
            final Properties manifest = Backup.run(db, backup, line ->
            {
                System.out.println(line);
                if (line.startsWith("backup: snapshot at commit version"))
                {
                    atSnapshot[0] = transfers.get();
                    while (transfers.get() < atSnapshot[0] + 20)
                    {
                        LockSupport.parkNanos(1_000_000);
                    }
                }
            });
            final long before = atSnapshot[0];
            final long after = transfers.get();
            stop.set(true);
            mover.join();
            System.out.println("transfers before backup " + before + ", after " + after + ", total " + transfers.get());
            assertTrue(after >= before + 20, "transfers committed while the backup ran: " + before + " -> " + after);
            final long version = Long.parseLong(manifest.getProperty("version"));
            assertTrue(version > 0);
            assertThrows(IllegalArgumentException.class, () -> Backup.run(db, backup, line -> { }));
            try (Snapshot snapshot = db.snapshot())
            {
                for (final Keyspace keyspace : snapshot.keyspaces())
                {
                    sourceSums.put(keyspace.id() + "/" + keyspace.kind(), KeyspaceChecksum.of(snapshot, keyspace));
                }
            }
        }
        Restore.run(backup, restored, false, System.out::println);
        try (PhantomDB db = PhantomDB.open(restored); Tx tx = db.begin())
        {
            long sum = 0;
            int rows = 0;
            final RowCursor cursor = tx.scan("accounts", null, null, true);
            while (cursor.next())
            {
                final Row row = cursor.row();
                sum += row.getLong("balance");
                rows++;
            }
            assertEquals(ACCOUNTS, rows);
            assertEquals(ACCOUNTS * INITIAL, sum);
        }
        assertTrue(check(restored, dir.resolve("scratch")).isClean());
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> Restore.run(backup, restored, false, line -> { }));
        assertEquals(restored + " is not empty; restore refuses to overwrite it without --force", refused.getMessage());
        final Path source = dir.resolve("copy-of-source-state");
        Restore.run(backup, source, false, line -> { });
        Restore.run(backup, restored, true, line -> { });
        assertEquals(sums(source), sums(restored));
        assertEquals(sourceSums.keySet(), sums(restored).keySet());
    }

    @Test
    void shouldRestoreEveryTableExactlyWhenBackedUpAtRest() throws Exception
    {
        populate(data(), 3_000);
        try (PhantomDB db = PhantomDB.open(data()))
        {
            Backup.run(db, dir.resolve("backup"), System.out::println);
        }
        final Map<String, String> source = sums(data());
        assertEquals(0, new CommandLine(new RestoreCommand())
            .execute("--from", dir.resolve("backup").toString(), "--data", dir.resolve("restored").toString()));
        assertEquals(source, sums(dir.resolve("restored")));
        assertTrue(check(dir.resolve("restored"), dir.resolve("scratch")).isClean());
        assertEquals(1, new CommandLine(new RestoreCommand())
            .execute("--from", dir.resolve("backup").toString(), "--data", dir.resolve("restored").toString()));
    }

    @Test
    void shouldRefuseRestoreWhenBackupChunkIsCorrupt() throws Exception
    {
        populate(data(), 1_000);
        try (PhantomDB db = PhantomDB.open(data()))
        {
            Backup.run(db, dir.resolve("backup"), line -> { });
        }
        flip(dir.resolve("backup").resolve(BackupDescriptor.DATA_FILE), 100);
        final CorruptionException ex = assertThrows(CorruptionException.class,
            () -> Restore.run(dir.resolve("backup"), dir.resolve("restored"), false, line -> { }));
        assertTrue(ex.getMessage().contains("expected (manifest) CRC32C"), ex.getMessage());
    }

    private static Map<String, String> sums(final Path data)
    {
        final Map<String, String> sums = new TreeMap<>();
        try (PhantomDB db = PhantomDB.open(data); Snapshot snapshot = db.snapshot())
        {
            for (final Keyspace keyspace : snapshot.keyspaces())
            {
                sums.put(keyspace.id() + "/" + keyspace.kind(), KeyspaceChecksum.of(snapshot, keyspace));
            }
        }
        return sums;
    }

    private static void transfer(final PhantomDB db, final AtomicBoolean stop, final AtomicLong transfers)
    {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!stop.get())
        {
            final long from = random.nextLong(ACCOUNTS);
            final long to = (from + 1 + random.nextLong(ACCOUNTS - 1)) % ACCOUNTS;
            final long amount = random.nextLong(1, 20);
            try (Tx tx = db.begin())
            {
                final long a = tx.get("accounts", from).getLong("balance");
                final long b = tx.get("accounts", to).getLong("balance");
                tx.update("accounts", new Object[]{from}, Map.of("balance", a - amount));
                tx.update("accounts", new Object[]{to}, Map.of("balance", b + amount));
                tx.commit();
                transfers.incrementAndGet();
            }
            catch (final TransactionConflictException retry)
            {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * @return the leftmost leaf of the durable tree: the root from the newer meta page, then child 0 of each
     * branch (type 1) down to a leaf (type 2).
     */
    private static long firstLeaf(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer meta = ByteBuffer.allocate(2 * 8192).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(meta, 0);
            final long v0 = meta.getLong(24);
            final long v1 = meta.getLong(8192 + 24);
            long page = v0 >= v1 ? meta.getLong(32) : meta.getLong(8192 + 32);
            final ByteBuffer node = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
            while (true)
            {
                channel.read(node.clear(), page * 8192);
                if (2 == node.get(4))
                {
                    return page;
                }
                assertEquals(1, node.get(4));
                page = node.getLong((node.getShort(32) & 0xFFFF) + 2);
            }
        }
    }

    private static void flip(final Path file, final long offset) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(offset);
            final int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x5A);
        }
    }
}
