package io.phantomdb.wal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.phantomdb.wal.WalTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Kills a real JVM (SIGKILL) while it appends with {@link SyncPolicy#ALWAYS} and checks that every LSN it reported
 * durable replays, with no gap, and that appending continues after the last record that made it.
 */
class WalCrashTest
{
    @TempDir
    Path dir;

    private final Events events = new Events();

    @Test
    @Timeout(60)
    void shouldReplayEveryReportedDurableLsnWhenWriterProcessIsKilled() throws Exception
    {
        final Path wal = dir.resolve("wal");
        final long seed = System.nanoTime();
        final Random random = new Random(seed);
        long reported = 0;
        for (int round = 1; round <= 2; round++)
        {
            final long killAfter = reported + 150L * round;
            final int killDelayMs = random.nextInt(40);
            reported = runChildAndKill(wal, killAfter, reported + 1, killDelayMs);
            assertTrue(reported >= killAfter, "child reported " + reported + ", seed " + seed);

            final List<Long> replayed = replay(config(wal, SyncPolicy.ALWAYS, events), 1);
            final long last = replayed.get(replayed.size() - 1);
            assertEquals(range(1, last), replayed, "no gap");
            assertTrue(last >= reported, "reported durable " + reported + " but the log ends at " + last + ", seed " + seed);
            try (WalWriter writer = WalWriter.open(config(wal, SyncPolicy.ALWAYS, events)))
            {
                assertEquals(last + 1, writer.nextLsn());
            }
            System.out.println("crash round " + round + " (seed " + seed + ", kill " + killDelayMs + " ms after lsn " +
                killAfter + "): child reported " + reported + " durable, log ends at " + last + ", torn tails " + events.tornTails);
            reported = last;
        }
    }

    /**
     * @return the highest LSN the child reported durable before it was killed.
     */
    private long runChildAndKill(final Path wal, final long killAfter, final long expectedFirst, final int killDelayMs) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags());
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(WalCrashChild.class.getName());
        command.add(wal.toString());
        final File stderr = dir.resolve("child-stderr.txt").toFile();
        final Process child = new ProcessBuilder(command).redirectError(stderr).start();
        long reported = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
        {
            final String opened = out.readLine();
            assertEquals("opened " + expectedFirst, opened, () -> "child stderr: " + read(stderr));
            String line;
            while (reported < killAfter && null != (line = out.readLine()))
            {
                reported = parseNext(line, reported, expectedFirst);
            }
            Thread.sleep(killDelayMs);
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            while (null != (line = out.readLine()))
            {
                reported = parseNext(line, reported, expectedFirst);
            }
        }
        finally
        {
            child.destroyForcibly();
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        return reported;
    }

    private static long parseNext(final String line, final long previous, final long expectedFirst)
    {
        final long lsn = Long.parseLong(line.substring("durable ".length()));
        assertEquals(0 == previous ? expectedFirst : previous + 1, lsn, line);
        return lsn;
    }

    private static List<String> jvmFlags()
    {
        final String flags = System.getProperty("phantomdb.jvm.flags");
        if (null != flags && !flags.isBlank())
        {
            return Arrays.asList(flags.trim().split("\\s+"));
        }
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    private static String read(final File file)
    {
        try
        {
            return Files.readString(file.toPath());
        }
        catch (final IOException ex)
        {
            return ex.toString();
        }
    }
}
