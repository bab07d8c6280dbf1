package io.phantomdb.index.btree;

import io.phantomdb.index.ByteMapReader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.phantomdb.index.btree.BTreeTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Kill a writer process with SIGKILL between checkpoints and check the file reopens at a checkpoint with
 * every key as that version wrote it.
 */
class BTreeCrashTest
{
    private static final int KEYS = 3000;
    private static final int MARKER = Integer.MAX_VALUE;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldReopenAtTheLastCheckpointWhenTheWriterProcessIsKilled() throws Exception
    {
        final Path file = dir.resolve("crash.btree");
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Writer.class.getName());
        command.add(file.toString());
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        long lastFlushed = -1;
        int flushes = 0;
        final StringBuilder other = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while (flushes < 25 && null != (line = out.readLine()))
            {
                if (line.startsWith("flushed "))
                {
                    lastFlushed = Long.parseLong(line.substring("flushed ".length()));
                    flushes++;
                }
                else
                {
                    other.append(line).append('\n');
                }
            }
        }
        finally
        {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(25, flushes, "the writer stopped early:\n" + other);
        try (BTree tree = BTree.open(file, SMALL); ByteMapReader reader = tree.newReader())
        {
            BTreeChecker.checkNoLeaks(tree, tree.freeListPages());
            reader.begin();
            final long version = reader.get(key(MARKER), 0, 4).getLong(0);
            assertTrue(version >= lastFlushed, "reopened at version " + version + " before checkpoint " + lastFlushed);
            assertEquals(tree.version(), version);
            for (int k = 0; k < KEYS; k++)
            {
                final DirectBuffer value = reader.get(key(k), 0, 4);
                final long expected = lastWriteOf(k, version);
                if (expected < 0)
                {
                    assertNull(value, "key " + k);
                }
                else
                {
                    assertEquals(expected, value.getLong(0), "key " + k + " at version " + version);
                    assertEquals(valueLength(expected), value.capacity(), "key " + k);
                }
            }
            reader.end();
        }
    }

    /**
     * @return the last version at or before {@code version} that wrote key {@code k}, or -1.
     */
    private static long lastWriteOf(final int k, final long version)
    {
        for (long v = version; v >= 1; v--)
        {
            if (keyOf(v) == k)
            {
                return v;
            }
        }
        return -1;
    }

    static int keyOf(final long version)
    {
        return (int)(version * 7919 % KEYS);
    }

    static int valueLength(final long version)
    {
        return version % 97 == 0 ? 9000 : 8 + (int)(version % 120);
    }

    /**
     * The process that gets killed: commits one key per version, checkpoints every 40 versions and says so.
     */
    static final class Writer
    {
        public static void main(final String[] args)
        {
            final BTree tree = BTree.open(Path.of(args[0]), SMALL);
            final UnsafeBuffer value = new UnsafeBuffer(new byte[9000]);
            for (long v = 1; ; v++)
            {
                value.putLong(0, v);
                tree.put(key(keyOf(v)), 0, 4, value, 0, valueLength(v));
                tree.put(key(MARKER), 0, 4, value, 0, 8);
                assertEquals(v, tree.commit());
                if (v % 40 == 0)
                {
                    tree.flush();
                    System.out.println("flushed " + v);
                    System.out.flush();
                }
            }
        }
    }
}
