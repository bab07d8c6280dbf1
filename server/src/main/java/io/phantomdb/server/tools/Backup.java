package io.phantomdb.server.tools;

import io.phantomdb.core.PhantomDB;
import io.phantomdb.core.catalog.IndexDefinition;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.table.Snapshot;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.StorageKind;
import io.phantomdb.core.txn.TxCursor;
import org.agrona.DirectBuffer;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import static io.phantomdb.server.tools.BackupDescriptor.*;

/**
 * Online logical backup: one {@link Snapshot} (a REPEATABLE READ view of one commit version) of an open database
 * is written, keyspace by keyspace (the catalog's, every table's and index's), into a new backup directory in the
 * {@link BackupDescriptor} format, so the backup is consistent as of that version while other threads keep
 * committing. The data file is forced, then the manifest is written atomically (temporary file, force, rename).
 * <p>
 * <b>Note:</b> runs on the calling thread; several backups of one database may run at once into different
 * directories.
 */
public final class Backup
{
    /** A progress line every this many entries. */
    public static final long PROGRESS_ENTRIES = 500_000;

    private Backup()
    {
    }

    /**
     * Back up a database.
     *
     * @param db       an open database.
     * @param to       the backup directory: must not exist or be empty.
     * @param progress receives progress lines.
     * @return the manifest written.
     * @throws IOException              if writing fails (the directory is then incomplete: it has no manifest).
     * @throws IllegalArgumentException if {@code to} is not empty.
     */
    public static Properties run(final PhantomDB db, final Path to, final Consumer<String> progress) throws IOException
    {
        requireEmpty(to);
        Files.createDirectories(to);
        final Path dataFile = to.resolve(DATA_FILE);
        final Properties manifest = new Properties();
        final List<String> ids = new ArrayList<>();
        final CRC32C fileCrc = new CRC32C();
        long bytes = 0;
        try (Snapshot snapshot = db.snapshot();
            FileChannel channel = FileChannel.open(dataFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
        {
            progress.accept("backup: snapshot at commit version " + snapshot.version() + ", " +
                snapshot.keyspaces().size() + " keyspaces");
            final ChunkWriter chunks = new ChunkWriter(channel, fileCrc);
            long total = 0;
            for (final Keyspace keyspace : snapshot.keyspaces())
            {
                final KeyspaceChecksum checksum = new KeyspaceChecksum();
                chunks.start(keyspace);
                final TxCursor cursor = snapshot.cursor(keyspace);
                for (boolean more = cursor.first(); more; more = cursor.next())
                {
                    checksum.add(cursor.key(), cursor.value());
                    chunks.add(cursor.key(), cursor.value());
                    if (0 == ++total % PROGRESS_ENTRIES)
                    {
                        progress.accept("backup: " + total + " entries, " + chunks.bytes + " bytes written");
                    }
                }
                chunks.finish();
                final String id = Integer.toString(keyspace.id());
                ids.add(id);
                manifest.setProperty("keyspace." + id + ".kind", keyspace.kind().name());
                manifest.setProperty("keyspace." + id + ".entries", Long.toString(checksum.entries()));
                manifest.setProperty("keyspace." + id + ".checksum", Long.toHexString(checksum.value()));
            }
            for (final TableDefinition table : snapshot.catalog().tables())
            {
                manifest.setProperty("table." + table.name(), Integer.toString(table.id()));
            }
            for (final IndexDefinition index : snapshot.catalog().indexes())
            {
                manifest.setProperty("index." + index.name(), Integer.toString(index.id()));
            }
            manifest.setProperty("version", Long.toString(snapshot.version()));
            channel.force(true);
            bytes = chunks.bytes;
            progress.accept("backup: " + total + " entries, " + bytes + " bytes written");
        }
        manifest.setProperty("format", Integer.toString(FORMAT_VERSION));
        manifest.setProperty("created", Instant.now().toString());
        manifest.setProperty("keyspaces", String.join(",", ids));
        manifest.setProperty("data.bytes", Long.toString(bytes));
        manifest.setProperty("data.crc32c", Long.toHexString(fileCrc.getValue()));
        writeManifest(to, manifest);
        progress.accept("backup: complete in " + to + " (commit version " + manifest.getProperty("version") + ")");
        return manifest;
    }

    static void requireEmpty(final Path directory) throws IOException
    {
        if (Files.exists(directory))
        {
            if (!Files.isDirectory(directory))
            {
                throw new IllegalArgumentException(directory + " is not a directory");
            }
            try (Stream<Path> entries = Files.list(directory))
            {
                if (entries.findAny().isPresent())
                {
                    throw new IllegalArgumentException(directory + " is not empty");
                }
            }
        }
    }

    private static void writeManifest(final Path to, final Properties manifest) throws IOException
    {
        final StringWriter text = new StringWriter();
        manifest.store(text, "PhantomDB backup; see docs/operations.md");
        final Path temp = to.resolve(MANIFEST_FILE + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
        {
            final ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            while (buffer.hasRemaining())
            {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, to.resolve(MANIFEST_FILE), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel directory = FileChannel.open(to, StandardOpenOption.READ))
        {
            directory.force(true);
        }
    }

    /**
     * Buffers one chunk's payload and writes header and payload when it is full or its keyspace ends.
     */
    private static final class ChunkWriter
    {
        private final FileChannel channel;
        private final CRC32C fileCrc;
        private final CRC32C chunkCrc = new CRC32C();
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream(CHUNK_TARGET_BYTES + 4096);
        private final DataOutputStream out = new DataOutputStream(payload);
        private byte[] scratch = new byte[256];
        private Keyspace keyspace;
        private int count;
        private long bytes;

        ChunkWriter(final FileChannel channel, final CRC32C fileCrc)
        {
            this.channel = channel;
            this.fileCrc = fileCrc;
        }

        void start(final Keyspace keyspace)
        {
            this.keyspace = keyspace;
        }

        void add(final DirectBuffer key, final DirectBuffer value) throws IOException
        {
            out.writeInt(key.capacity());
            out.writeInt(value.capacity());
            copy(key, out);
            copy(value, out);
            count++;
            if (payload.size() >= CHUNK_TARGET_BYTES)
            {
                flush();
            }
        }

        void finish() throws IOException
        {
            if (count > 0)
            {
                flush();
            }
        }

        private void copy(final DirectBuffer buffer, final OutputStream to) throws IOException
        {
            final int length = buffer.capacity();
            if (scratch.length < length)
            {
                scratch = new byte[Math.max(length, 2 * scratch.length)];
            }
            buffer.getBytes(0, scratch, 0, length);
            to.write(scratch, 0, length);
        }

        private void flush() throws IOException
        {
            final byte[] body = payload.toByteArray();
            chunkCrc.reset();
            chunkCrc.update(body);
            final ByteBuffer header = ByteBuffer.allocate(CHUNK_HEADER_LENGTH);
            header.putInt(CHUNK_MAGIC).putInt(keyspace.id())
                .put(keyspace.kind() == StorageKind.LSM ? KIND_LSM : KIND_BTREE)
                .putInt(count).putInt(body.length).putInt((int)chunkCrc.getValue()).flip();
            fileCrc.update(header.array());
            fileCrc.update(body);
            final ByteBuffer bodyBuffer = ByteBuffer.wrap(body);
            while (header.hasRemaining())
            {
                channel.write(header);
            }
            while (bodyBuffer.hasRemaining())
            {
                channel.write(bodyBuffer);
            }
            bytes += CHUNK_HEADER_LENGTH + body.length;
            payload.reset();
            count = 0;
        }
    }
}
