package io.phantomdb.server.tools;

import io.phantomdb.CorruptionException;
import io.phantomdb.core.txn.Engine;
import io.phantomdb.core.txn.EngineConfig;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.StorageKind;
import io.phantomdb.core.txn.Transaction;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import static io.phantomdb.server.tools.BackupDescriptor.*;

/**
 * Rebuilds a data directory from a backup ({@link BackupDescriptor}): checks the manifest and the data file's
 * length and CRC32C, then writes every chunk as one engine transaction into a new engine in the target
 * directory (keyspace ids, the catalog included, are kept), checks each chunk's CRC and each keyspace's entry
 * count and checksum against the manifest, and checkpoints. Restore is not atomic: if it fails half-way, the
 * target holds part of the backup; run it again with {@code force}.
 * <p>
 * <b>Note:</b> runs on the calling thread; the target must not be in use.
 */
public final class Restore
{
    private Restore()
    {
    }

    /**
     * Restore a backup.
     *
     * @param from     the backup directory.
     * @param to       the data directory to create.
     * @param force    replace the contents of a non-empty target.
     * @param progress receives progress lines.
     * @return the backup's manifest.
     * @throws IOException              if reading or writing fails.
     * @throws CorruptionException      if the backup fails a check (file and offset named).
     * @throws IllegalArgumentException if {@code to} is not empty and {@code force} is false, or the backup has no
     *                                  manifest (incomplete) or another format.
     */
    public static Properties run(final Path from, final Path to, final boolean force, final Consumer<String> progress)
        throws IOException
    {
        final Properties manifest = readManifest(from);
        final Path dataFile = from.resolve(DATA_FILE);
        verifyFile(dataFile, manifest, progress);
        if (force && Files.exists(to))
        {
            deleteContents(to);
        }
        else
        {
            try
            {
                Backup.requireEmpty(to);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(ex.getMessage() +
                    "; restore refuses to overwrite it without --force");
            }
        }
        Files.createDirectories(to);
        final Map<Integer, KeyspaceChecksum> sums = new HashMap<>();
        try (Engine engine = Engine.open(to, new EngineConfig());
            FileChannel channel = FileChannel.open(dataFile, StandardOpenOption.READ))
        {
            final long size = channel.size();
            final ByteBuffer header = ByteBuffer.allocate(CHUNK_HEADER_LENGTH);
            final CRC32C crc = new CRC32C();
            final UnsafeBuffer key = new UnsafeBuffer(0, 0);
            final UnsafeBuffer value = new UnsafeBuffer(0, 0);
            long position = 0;
            long entries = 0;
            long nextProgress = Backup.PROGRESS_ENTRIES;
            while (position < size)
            {
                readFully(channel, header.clear(), position, dataFile);
                header.flip();
                final int magic = header.getInt();
                final int id = header.getInt();
                final byte kind = header.get();
                final int count = header.getInt();
                final int length = header.getInt();
                final int expected = header.getInt();
                if (CHUNK_MAGIC != magic || length < 0 || position + CHUNK_HEADER_LENGTH + length > size ||
                    (KIND_BTREE != kind && KIND_LSM != kind))
                {
                    throw new CorruptionException(dataFile, position, "expected a chunk header (magic " +
                        Integer.toHexString(CHUNK_MAGIC) + ", kind 0 or 1, payload within the file) actual magic " +
                        Integer.toHexString(magic) + " kind " + kind + " payload length " + length);
                }
                final ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(channel, payload, position + CHUNK_HEADER_LENGTH, dataFile);
                crc.reset();
                crc.update(payload.array());
                if ((int)crc.getValue() != expected)
                {
                    throw new CorruptionException(dataFile, position, "chunk of keyspace " + id +
                        ": expected (stored) CRC32C " + Integer.toHexString(expected) + " actual (computed) " +
                        Integer.toHexString((int)crc.getValue()));
                }
                final Keyspace keyspace = new Keyspace(id, KIND_LSM == kind ? StorageKind.LSM : StorageKind.BTREE);
                final KeyspaceChecksum sum = sums.computeIfAbsent(id, k -> new KeyspaceChecksum());
                payload.flip();
                try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
                {
                    for (int i = 0; i < count; i++)
                    {
                        final int keyLength = payload.getInt();
                        final int valueLength = payload.getInt();
                        key.wrap(payload.array(), payload.position(), keyLength);
                        value.wrap(payload.array(), payload.position() + keyLength, valueLength);
                        payload.position(payload.position() + keyLength + valueLength);
                        tx.put(keyspace, key, 0, keyLength, value, 0, valueLength);
                        sum.add(key, value);
                    }
                    tx.commit();
                }
                entries += count;
                position += CHUNK_HEADER_LENGTH + length;
                if (entries >= nextProgress)
                {
                    progress.accept("restore: " + entries + " entries, " + position + " of " + size + " bytes");
                    nextProgress = entries + Backup.PROGRESS_ENTRIES;
                }
            }
            compare(manifest, sums, dataFile);
            engine.checkpoint();
            progress.accept("restore: " + entries + " entries restored into " + to + " (commit version " +
                manifest.getProperty("version") + " of the source); every keyspace's count and checksum match");
        }
        return manifest;
    }

    /**
     * @param from a backup directory.
     * @return its manifest.
     * @throws IOException              if it cannot be read.
     * @throws IllegalArgumentException if it is missing or of another format.
     */
    public static Properties readManifest(final Path from) throws IOException
    {
        final Path path = from.resolve(MANIFEST_FILE);
        if (!Files.exists(path))
        {
            throw new IllegalArgumentException(from + " has no " + MANIFEST_FILE +
                ": not a backup, or an incomplete one");
        }
        final Properties manifest = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1))
        {
            manifest.load(reader);
        }
        if (!Integer.toString(FORMAT_VERSION).equals(manifest.getProperty("format")))
        {
            throw new IllegalArgumentException(path + ": expected format " + FORMAT_VERSION + " actual " +
                manifest.getProperty("format"));
        }
        return manifest;
    }

    private static void verifyFile(final Path dataFile, final Properties manifest, final Consumer<String> progress)
        throws IOException
    {
        final long expectedBytes = Long.parseLong(manifest.getProperty("data.bytes"));
        final CRC32C crc = new CRC32C();
        try (FileChannel channel = FileChannel.open(dataFile, StandardOpenOption.READ))
        {
            if (channel.size() != expectedBytes)
            {
                throw new CorruptionException(dataFile, Math.min(channel.size(), expectedBytes), "expected " +
                    expectedBytes + " bytes (manifest) actual " + channel.size());
            }
            final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            long position = 0;
            while (position < expectedBytes)
            {
                buffer.clear();
                final int read = channel.read(buffer, position);
                if (read < 0)
                {
                    break;
                }
                crc.update(buffer.array(), 0, read);
                position += read;
                if (0 == position % (256L << 20))
                {
                    progress.accept("restore: verified " + position + " of " + expectedBytes + " bytes");
                }
            }
        }
        final String actual = Long.toHexString(crc.getValue());
        if (!actual.equals(manifest.getProperty("data.crc32c")))
        {
            throw new CorruptionException(dataFile, 0, "expected (manifest) CRC32C " +
                manifest.getProperty("data.crc32c") + " actual (computed) " + actual);
        }
        progress.accept("restore: " + dataFile + " CRC32C ok (" + expectedBytes + " bytes)");
    }

    private static void compare(
        final Properties manifest, final Map<Integer, KeyspaceChecksum> sums, final Path dataFile)
    {
        for (final String id : manifest.getProperty("keyspaces").split(","))
        {
            final KeyspaceChecksum sum = sums.get(Integer.parseInt(id));
            final String expected = manifest.getProperty("keyspace." + id + ".entries") + ":" +
                manifest.getProperty("keyspace." + id + ".checksum");
            final String actual = null == sum ? "0:0" : sum.entries() + ":" + Long.toHexString(sum.value());
            if (!expected.equals(actual))
            {
                throw new CorruptionException(dataFile, -1, "keyspace " + id + ": expected entries:checksum " +
                    expected + " (manifest) actual " + actual);
            }
        }
    }

    private static void readFully(
        final FileChannel channel, final ByteBuffer buffer, final long position, final Path file) throws IOException
    {
        final long start = position;
        while (buffer.hasRemaining())
        {
            if (channel.read(buffer, start + buffer.position()) < 0)
            {
                throw new CorruptionException(file, start, "expected " + buffer.limit() + " bytes actual end of file");
            }
        }
    }

    private static void deleteContents(final Path directory) throws IOException
    {
        Files.walkFileTree(directory, new SimpleFileVisitor<>()
        {
            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes) throws IOException
            {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(final Path dir, final IOException ex) throws IOException
            {
                if (null != ex)
                {
                    throw ex;
                }
                if (!dir.equals(directory))
                {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
