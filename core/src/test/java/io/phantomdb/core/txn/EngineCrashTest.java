package io.phantomdb.core.txn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.phantomdb.core.txn.EngineCrashChild.*;
import static io.phantomdb.core.txn.TxTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Kills a child JVM ({@link EngineCrashChild}) that commits transfers with SyncPolicy.ALWAYS from several threads,
 * at a random moment, then reopens the engine and checks: it opens cleanly, every commit the child acknowledged is
 * there, and the balances still sum to their initial total (no transaction is half applied). Repeats
 * {@code -Dphantomdb.crash.kills} times (3 by default, 100 with {@code -Pcrash-loop}) on the same directory; the
 * seed and each kill time are printed ({@code -Dphantomdb.crash.seed} replays a seed).
 */
class EngineCrashTest
{
    private static final int THREADS = 4;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void shouldKeepEveryAcknowledgedCommitAndNoHalfTransactionWhenKilled() throws Exception
    {
        final int kills = Integer.getInteger("phantomdb.crash.kills", 3);
        final long seed = Long.getLong("phantomdb.crash.seed", System.nanoTime());
        System.out.println("EngineCrashTest: seed=" + seed + " kills=" + kills);
        final Random random = new Random(seed);
        final Set<String> acknowledged = new HashSet<>();
        for (int run = 0; run < kills; run++)
        {
            final long killAfterMillis = 100 + random.nextInt(900);
            final int acked = runAndKill(run, killAfterMillis, acknowledged);
            final long replayed = verify(acknowledged, run);
            System.out.println("EngineCrashTest: run " + run + " killed " + killAfterMillis + " ms after READY; " +
                acked + " commits acknowledged (" + acknowledged.size() + " in total); recovery replayed " + replayed +
                " records (seed " + seed + ")");
        }
    }

    private int runAndKill(final int run, final long killAfterMillis, final Set<String> acknowledged) throws Exception
    {
        final Path stderr = dir.resolve("child-" + run + ".err");
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags());
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(EngineCrashChild.class.getName());
        command.add(dir.resolve("db").toString());
        command.add(Integer.toString(run));
        command.add(Integer.toString(THREADS));
        final Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        final List<String> lines = new ArrayList<>();
        final CountDownLatch ready = new CountDownLatch(1);
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while (null != (line = in.readLine()))
                {
                    if ("READY".equals(line))
                    {
                        ready.countDown();
                    }
                    else
                    {
                        synchronized (lines)
                        {
                            lines.add(line);
                        }
                    }
                }
            }
            catch (final IOException ignored)
            {
                // the pipe breaks when the child is killed; every complete line was read
            }
        }, "child-stdout");
        reader.start();
        try
        {
            if (!ready.await(60, TimeUnit.SECONDS))
            {
                fail("child never became ready; alive=" + child.isAlive() + " stderr:\n" + Files.readString(stderr));
            }
            Thread.sleep(killAfterMillis);
            assertTrue(child.isAlive(), () -> "child died by itself: " + readQuietly(stderr));
        }
        finally
        {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            reader.join(30_000);
        }
        int acked = 0;
        synchronized (lines)
        {
            for (final String line : lines)
            {
                if (line.startsWith("ACK "))
                {
                    acknowledged.add(line.substring(4));
                    acked++;
                }
            }
        }
        return acked;
    }

    private long verify(final Set<String> acknowledged, final int run)
    {
        try (Engine engine = Engine.open(dir.resolve("db"), smallConfig()))
        {
            final long replayed = engine.lastRecovery().recordsReplayed();
            try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
            {
                long sum = 0;
                for (int a = 0; a < ACCOUNT_COUNT; a++)
                {
                    sum += getLong(tx, ACCOUNTS, account(a));
                }
                assertEquals(ACCOUNT_COUNT * INITIAL_BALANCE, sum, "balances sum after run " + run);
                for (final String audit : acknowledged)
                {
                    assertNotNull(get(tx, AUDIT, audit), "acknowledged commit " + audit + " lost after run " + run);
                }
            }
            return replayed;
        }
    }

    private static String readQuietly(final Path file)
    {
        try
        {
            return Files.readString(file);
        }
        catch (final IOException ex)
        {
            return "(cannot read " + file + ": " + ex + ")";
        }
    }

    private static List<String> jvmFlags()
    {
        final String flags = System.getProperty("phantomdb.jvm.flags");
        if (null == flags || flags.isBlank())
        {
            return List.of();
        }
        return Arrays.asList(flags.trim().split("\\s+"));
    }
}
