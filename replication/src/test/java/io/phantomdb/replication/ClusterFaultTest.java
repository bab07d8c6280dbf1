package io.phantomdb.replication;

import io.phantomdb.PhantomException;
import io.phantomdb.core.txn.TransactionConflictException;
import io.phantomdb.replication.HistoryChecker.Op;
import io.phantomdb.replication.HistoryChecker.Outcome;
import io.phantomdb.replication.HistoryChecker.Stored;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.phantomdb.replication.ClusterTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The fault profile ({@code -Pcluster-faults}): three member JVMs ({@link MemberChild}), concurrent counter-increment
 * transactions from this JVM, and {@code -Dphantomdb.cluster.faults} rounds of: SIGKILL the leader, measure the time
 * until the client follows a new leader and one more commit is acknowledged (the failover time), restart it, let it
 * catch up, SIGSTOP a follower for a while, SIGCONT it; the leader also takes a cluster snapshot every 7 s, so
 * restarted members load a snapshot and replay the log after it. Then
 * every member's state is dumped and {@link HistoryChecker} checks the recorded history (no acknowledged transaction
 * lost, none applied twice, serializable in log order). Skipped when the property is 0 (the default run).
 */
class ClusterFaultTest
{
    private static final int WRITERS = 4;
    private static final int COUNTERS = 8;
    private static final long REQUEST_TIMEOUT_NS = 20 * SECOND_NS;
    private static final long SNAPSHOT_INTERVAL_MS = 7_000;

    private final List<Op> history = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong lastAckNanos = new AtomicLong();
    private final AtomicBoolean writing = new AtomicBoolean(true);

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void shouldKeepEveryAcknowledgedTransactionExactlyOnceWhenLeadersAreKilledAndFollowersPaused() throws Exception
    {
        final int faults = Integer.getInteger("phantomdb.cluster.faults", 0);
        Assumptions.assumeTrue(faults > 0, "fault profile off (-Pcluster-faults)");
        final long seed = Long.getLong("phantomdb.cluster.seed", System.nanoTime());
        final Random random = new Random(seed);
        System.out.println("ClusterFaultTest: seed=" + seed + " faults=" + faults);

        final Path dir = newDir("faults");
        final ReplicationConfig config = new ReplicationConfig().members(3).host("localhost")
            .basePort(LocalCluster.freeBasePort(3)).dataDir(dir);
        final Path conf = dir.resolve("cluster.conf");
        Files.writeString(conf, "members=3\nhost=localhost\nbasePort=" + config.basePort() + "\ndataDir=" + dir +
            "\nsnapshotIntervalMs=" + SNAPSHOT_INTERVAL_MS + "\n");
        final MemberProcess[] members = new MemberProcess[3];
        ClusterClient client = null;
        final List<Thread> writers = new ArrayList<>();
        final List<Long> failovers = new ArrayList<>();
        int snapshotLoads = 0;
        try
        {
            for (int m = 0; m < 3; m++)
            {
                members[m] = MemberProcess.start(conf, dir, m);
            }
            client = ClusterClient.connect(config, dir.resolve("client"), REQUEST_TIMEOUT_NS);
            for (int w = 0; w < WRITERS; w++)
            {
                final Thread writer = new Thread(new IncrementWriter(client, w, seed + w), "fault-writer-" + w);
                writer.start();
                writers.add(writer);
            }
            awaitAckAfter(System.nanoTime(), 60 * SECOND_NS);

            for (int round = 0; round < faults; round++)
            {
                final int leader = leaderOf(members);
                final long killedAt = System.nanoTime();
                members[leader].kill();
                final long failoverNs = awaitAckAfter(awaitNewLeader(client, leader), 60 * SECOND_NS) - killedAt;
                failovers.add(TimeUnit.NANOSECONDS.toMillis(failoverNs));
                members[leader] = MemberProcess.start(conf, dir, leader);
                awaitCaughtUp(members, client.lastCommitPosition());
                final String[] restarted = members[leader].status();
                snapshotLoads += Long.parseLong(restarted[5]) > 0 ? 1 : 0;

                final int follower = (leader + 1 + random.nextInt(2)) % 3;
                final int pauseMs = 300 + random.nextInt(1200);
                members[follower].signal("STOP");
                Thread.sleep(pauseMs);
                members[follower].signal("CONT");
                System.out.println("ClusterFaultTest: round " + round + ": killed leader " + leader + ", next commit " +
                    "after " + TimeUnit.NANOSECONDS.toMillis(failoverNs) + " ms; paused follower " + follower + " for " +
                    pauseMs + " ms; restarted member loaded " + restarted[5] + " entries from a snapshot; " +
                    history.size() + " transactions so far");
            }

            writing.set(false);
            for (final Thread writer : writers)
            {
                writer.join(TimeUnit.SECONDS.toMillis(60));
            }
            awaitCaughtUp(members, client.lastCommitPosition());
            final List<Map<String, Stored>> dumps = new ArrayList<>();
            for (int m = 0; m < 3; m++)
            {
                dumps.add(members[m].dump(dir.resolve("dump-" + m + ".tsv")));
            }
            final List<String> anomalies = HistoryChecker.check(history, dumps);
            final long acked = history.stream().filter(op -> Outcome.ACKED == op.outcome()).count();
            final long unknown = history.stream().filter(op -> Outcome.UNKNOWN == op.outcome()).count();
            final List<Long> sorted = new ArrayList<>(failovers);
            Collections.sort(sorted);
            System.out.println("ClusterFaultTest: " + history.size() + " transactions, " + acked + " acknowledged, " +
                unknown + " unknown; client followed " + client.newLeaderEvents() + " new leaders, reconnected " +
                client.reconnects() + " times, resent " + client.resends() + " requests; failover ms " + failovers +
                " (median " + sorted.get(sorted.size() / 2) + ", max " + sorted.get(sorted.size() - 1) + "); " +
                snapshotLoads + " restarts loaded a snapshot; anomalies " + anomalies.size() + " (seed " + seed + ")");
            assertEquals(List.of(), anomalies.subList(0, Math.min(20, anomalies.size())));
            assertTrue(acked > 0);
        }
        finally
        {
            writing.set(false);
            if (null != client)
            {
                client.close();
            }
            for (final MemberProcess member : members)
            {
                if (null != member)
                {
                    member.stop();
                }
            }
        }
        delete(dir);
    }

    private long awaitAckAfter(final long since, final long timeoutNs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + timeoutNs;
        while (lastAckNanos.get() - since <= 0)
        {
            assertTrue(System.nanoTime() - deadline < 0, "no commit acknowledged within " +
                TimeUnit.NANOSECONDS.toMillis(timeoutNs) + " ms");
            Thread.sleep(1);
        }
        return lastAckNanos.get();
    }

    private static long awaitNewLeader(final ClusterClient client, final int oldLeader) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 60 * SECOND_NS;
        while (client.leaderMemberId() == oldLeader)
        {
            assertTrue(System.nanoTime() - deadline < 0, "the client still follows member " + oldLeader);
            Thread.sleep(1);
        }
        return System.nanoTime();
    }

    private static int leaderOf(final MemberProcess[] members) throws Exception
    {
        final long deadline = System.nanoTime() + 30 * SECOND_NS;
        while (System.nanoTime() < deadline)
        {
            for (int m = 0; m < members.length; m++)
            {
                if (members[m].status()[2].equals("LEADER"))
                {
                    return m;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no leader within 30 s");
    }

    private static void awaitCaughtUp(final MemberProcess[] members, final long position) throws Exception
    {
        final long deadline = System.nanoTime() + 60 * SECOND_NS;
        for (final MemberProcess member : members)
        {
            while (Long.parseLong(member.status()[3]) < position)
            {
                assertTrue(System.nanoTime() < deadline, "member " + member.memberId + " did not apply " + position);
                Thread.sleep(20);
            }
        }
    }

    /**
     * Increments random counters in transactions until told to stop, recording every attempt.
     */
    private final class IncrementWriter implements Runnable
    {
        private final ClusterClient client;
        private final int id;
        private final Random random;

        IncrementWriter(final ClusterClient client, final int id, final long seed)
        {
            this.client = client;
            this.id = id;
            this.random = new Random(seed);
        }

        @Override
        public void run()
        {
            long n = 0;
            while (writing.get())
            {
                final String counter = "c" + random.nextInt(COUNTERS);
                final String marker = "w" + id + "-" + n++;
                final ClientTransaction tx = client.begin();
                final VersionedValue read;
                try
                {
                    read = tx.getVersioned(HistoryChecker.COUNTERS, bytes(counter));
                }
                catch (final PhantomException ex)
                {
                    continue;
                }
                final long value = read.exists() ? Long.parseLong(text(read.value())) : 0;
                tx.put(HistoryChecker.COUNTERS, bytes(counter), bytes(Long.toString(value + 1)));
                tx.put(HistoryChecker.MARKERS, bytes(marker), bytes(counter));
                try
                {
                    final CommitResult commit = tx.commit();
                    history.add(new Op(marker, counter, value, read.version(), Outcome.ACKED, commit.position()));
                    lastAckNanos.set(System.nanoTime());
                }
                catch (final TransactionConflictException ex)
                {
                    history.add(new Op(marker, counter, value, read.version(), Outcome.ABORTED, 0));
                }
                catch (final PhantomException ex)
                {
                    history.add(new Op(marker, counter, value, read.version(), Outcome.UNKNOWN, 0));
                }
            }
        }
    }

    /**
     * A member JVM and its command pipe.
     */
    private static final class MemberProcess
    {
        private final int memberId;
        private final Process process;
        private final Writer stdin;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private MemberProcess(final int memberId, final Process process)
        {
            this.memberId = memberId;
            this.process = process;
            this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            final Thread reader = new Thread(() ->
            {
                try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
                {
                    String line;
                    while (null != (line = in.readLine()))
                    {
                        lines.add(line);
                    }
                }
                catch (final IOException ignored)
                {
                    // the member was killed
                }
            }, "member-" + memberId + "-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        static MemberProcess start(final Path conf, final Path dir, final int memberId) throws Exception
        {
            final List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Arrays.asList(System.getProperty("phantomdb.jvm.flags", "").trim().split("\\s+")));
            command.add("-Xmx256m");
            command.add("-XX:+UseSerialGC");
            command.add("-cp");
            command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
            command.add(MemberChild.class.getName());
            command.add(conf.toString());
            command.add(Integer.toString(memberId));
            final Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("member-" + memberId + ".err").toFile()))
                .start();
            final MemberProcess member = new MemberProcess(memberId, process);
            member.expect("READY", 60);
            return member;
        }

        String[] status() throws Exception
        {
            send("status");
            return expect("STATUS", 30).split(" ");
        }

        Map<String, Stored> dump(final Path file) throws Exception
        {
            send("dump " + file);
            expect("DUMPED", 60);
            final Map<String, Stored> entries = new HashMap<>();
            final HexFormat hex = HexFormat.of();
            for (final String line : Files.readAllLines(file))
            {
                final String[] fields = line.split("\t", -1);
                entries.put(fields[0] + "/" + text(hex.parseHex(fields[1])),
                    new Stored(Long.parseLong(fields[2]), text(hex.parseHex(fields[3]))));
            }
            return entries;
        }

        void kill() throws InterruptedException
        {
            process.destroyForcibly();
            process.waitFor();
        }

        void signal(final String signal) throws Exception
        {
            final Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
            assertEquals(0, kill.waitFor(), "kill -" + signal + " " + process.pid());
        }

        void stop() throws InterruptedException
        {
            if (process.isAlive())
            {
                try
                {
                    signal("CONT");
                    send("exit");
                }
                catch (final Exception ignored)
                {
                    // fall through to the kill
                }
                if (!process.waitFor(20, TimeUnit.SECONDS))
                {
                    kill();
                }
            }
        }

        private void send(final String command) throws IOException
        {
            stdin.write(command + "\n");
            stdin.flush();
        }

        private String expect(final String prefix, final int seconds) throws Exception
        {
            final long deadline = System.nanoTime() + seconds * SECOND_NS;
            while (System.nanoTime() < deadline)
            {
                final String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (null != line && line.startsWith(prefix))
                {
                    return line;
                }
                if (null == line && !process.isAlive())
                {
                    throw new AssertionError("member " + memberId + " exited with " + process.exitValue() +
                        " (see member-" + memberId + ".err)");
                }
            }
            throw new AssertionError("member " + memberId + " did not answer " + prefix + " within " + seconds + " s");
        }
    }
}
