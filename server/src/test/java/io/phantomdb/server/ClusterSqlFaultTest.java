package io.phantomdb.server;

import io.phantomdb.replication.LocalCluster;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The SQL fault profile ({@code -Pcluster-faults}): three {@code serve --cluster --member N} JVMs, bank transfers
 * over pgjdbc from four writer threads (each connected to some member, moving to another when its member dies), and
 * {@code -Dphantomdb.cluster.faults} rounds of: SIGKILL the leader's JVM, measure the time until another member leads
 * and a commit is acknowledged after that, restart it, wait until it caught up, SIGSTOP a follower for a while, SIGCONT it. Then, on every
 * member: every acknowledged transfer is there exactly once, no aborted one is, no transfer is there twice, the
 * members hold the same rows, money is conserved, and replaying the transfers in their (log-ordered) serial ids from
 * the initial balances reproduces the balances every transfer read before it wrote: the history is serializable in log
 * order. Skipped when the property is 0 (the default run).
 */
class ClusterSqlFaultTest
{
    private static final int WRITERS = 4;
    private static final int ACCOUNTS = 8;
    private static final long INITIAL = 1_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Transfer> history = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong lastAckNanos = new AtomicLong();
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final Node[] nodes = new Node[3];

    private enum Outcome
    {
        ACKED, ABORTED, UNKNOWN
    }

    private record Transfer(String marker, int from, int to, long amount, long readFrom, long readTo, Outcome outcome)
    {
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void shouldKeepEveryAcknowledgedSqlTransactionExactlyOnceAndSerializableUnderLeaderKills() throws Exception
    {
        final int faults = Integer.getInteger("phantomdb.cluster.faults", 0);
        Assumptions.assumeTrue(faults > 0, "fault profile off (-Pcluster-faults)");
        final long seed = Long.getLong("phantomdb.cluster.seed", System.nanoTime());
        final Random random = new Random(seed);
        System.out.println("ClusterSqlFaultTest: seed=" + seed + " faults=" + faults);
        final Path dir = Path.of("target", "cluster-sql-faults-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(dir);
        final Path conf = dir.resolve("cluster.conf");
        Files.writeString(conf, "members=3\nhost=127.0.0.1\nbasePort=" + LocalCluster.freeBasePort(3) + "\ndataDir=" +
            dir + "\nsnapshotIntervalMs=" + Long.getLong("phantomdb.cluster.snapshotMs", 7000) + "\n");
        final List<Thread> writers = new ArrayList<>();
        final List<Long> failovers = new ArrayList<>();
        try
        {
            for (int m = 0; m < 3; m++)
            {
                nodes[m] = new Node(m, conf, dir, freePort(), freePort());
                nodes[m].start();
            }
            for (int m = 0; m < 3; m++)
            {
                nodes[m].awaitUp();
            }
            try (Connection c = nodes[0].connect(); Statement s = c.createStatement())
            {
                s.execute("CREATE TABLE accounts (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
                s.execute("CREATE TABLE transfers (id BIGSERIAL PRIMARY KEY, marker TEXT NOT NULL, src INT, dst INT, " +
                    "amount BIGINT)");
                for (int a = 0; a < ACCOUNTS; a++)
                {
                    s.execute("INSERT INTO accounts VALUES (" + a + ", " + INITIAL + ")");
                }
            }
            for (int w = 0; w < WRITERS; w++)
            {
                final Thread writer = new Thread(new TransferWriter(w, seed + w), "sql-fault-writer-" + w);
                writer.start();
                writers.add(writer);
            }
            awaitAckAfter(System.nanoTime());
            for (int round = 0; round < faults; round++)
            {
                final int leader = leader();
                final long killedAt = System.nanoTime();
                nodes[leader].signal("KILL");
                nodes[leader].process.waitFor();
                final long failoverNs = awaitAckAfter(awaitNewLeader(leader)) - killedAt;
                failovers.add(TimeUnit.NANOSECONDS.toMillis(failoverNs));
                nodes[leader].start();
                nodes[leader].awaitUp();
                awaitCaughtUp();
                final int follower = (leader + 1 + random.nextInt(2)) % 3;
                final int pauseMs = 300 + random.nextInt(1200);
                nodes[follower].signal("STOP");
                Thread.sleep(pauseMs);
                nodes[follower].signal("CONT");
                System.out.println("ClusterSqlFaultTest: round " + round + ": killed leader " + leader +
                    ", next commit after " + TimeUnit.NANOSECONDS.toMillis(failoverNs) + " ms; paused follower " +
                    follower + " for " + pauseMs + " ms; " + history.size() + " transfers so far");
            }
            writing.set(false);
            for (final Thread writer : writers)
            {
                writer.join(TimeUnit.SECONDS.toMillis(120));
            }
            awaitCaughtUp();
            check(seed, failovers);
        }
        finally
        {
            writing.set(false);
            for (final Node node : nodes)
            {
                if (null != node)
                {
                    node.stop();
                }
            }
        }
    }

    private void check(final long seed, final List<Long> failovers) throws Exception
    {
        final Map<String, Transfer> byMarker = new HashMap<>();
        for (final Transfer transfer : history)
        {
            byMarker.put(transfer.marker(), transfer);
        }
        final List<String> anomalies = new ArrayList<>();
        String reference = null;
        for (final Node node : nodes)
        {
            final StringBuilder rows = new StringBuilder();
            final long[] balances = new long[ACCOUNTS];
            Arrays.fill(balances, INITIAL);
            final Map<String, Integer> seen = new HashMap<>();
            final List<String> recent = new ArrayList<>();
            boolean reported = false;
            try (Connection c = node.connect(); Statement s = c.createStatement())
            {
                s.execute("SET phantomdb.read_consistency = 'linearizable'");
                try (ResultSet r = s.executeQuery("SELECT id, marker, src, dst, amount FROM transfers ORDER BY id"))
                {
                    while (r.next())
                    {
                        final String marker = r.getString(2);
                        recent.add(r.getLong(1) + " " + marker + " " + r.getInt(3) + "->" + r.getInt(4) + " " +
                            r.getLong(5) + " " + byMarker.get(marker));
                        if (recent.size() > 8)
                        {
                            recent.remove(0);
                        }
                        rows.append(r.getLong(1)).append(' ').append(marker).append('\n');
                        seen.merge(marker, 1, Integer::sum);
                        final Transfer op = byMarker.get(marker);
                        if (null == op)
                        {
                            anomalies.add("member " + node.id + ": transfer " + marker + " was never attempted");
                            continue;
                        }
                        if (op.readFrom() != balances[op.from()] || op.readTo() != balances[op.to()])
                        {
                            if (!reported)
                            {
                                reported = true;
                                anomalies.add("member " + node.id + ": the transfers up to the first anomaly: " +
                                    String.join(" | ", recent));
                            }
                            anomalies.add("member " + node.id + ": " + marker + " read " + op.readFrom() + "/" +
                                op.readTo() + " but the serial order gives " + balances[op.from()] + "/" +
                                balances[op.to()]);
                        }
                        balances[op.from()] -= op.amount();
                        balances[op.to()] += op.amount();
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT id, balance FROM accounts ORDER BY id"))
                {
                    while (r.next())
                    {
                        rows.append("account ").append(r.getInt(1)).append(' ').append(r.getLong(2)).append('\n');
                        if (r.getLong(2) != balances[r.getInt(1)])
                        {
                            anomalies.add("member " + node.id + ": account " + r.getInt(1) + " holds " + r.getLong(2) +
                                ", the transfers give " + balances[r.getInt(1)]);
                        }
                    }
                }
            }
            for (final Transfer op : history)
            {
                final int count = seen.getOrDefault(op.marker(), 0);
                if (count > 1 || (Outcome.ACKED == op.outcome() && count != 1) ||
                    (Outcome.ABORTED == op.outcome() && count != 0))
                {
                    anomalies.add("member " + node.id + ": " + op.outcome() + " transfer " + op.marker() + " is there " +
                        count + " times");
                }
            }
            if (null == reference)
            {
                reference = rows.toString();
            }
            else if (!reference.equals(rows.toString()))
            {
                anomalies.add("member " + node.id + " holds other rows than member 0");
            }
        }
        final long acked = history.stream().filter(op -> Outcome.ACKED == op.outcome()).count();
        final long aborted = history.stream().filter(op -> Outcome.ABORTED == op.outcome()).count();
        final List<Long> sorted = new ArrayList<>(failovers);
        Collections.sort(sorted);
        System.out.println("ClusterSqlFaultTest: " + history.size() + " transfers, " + acked + " acknowledged, " +
            aborted + " aborted, " + (history.size() - acked - aborted) + " unknown; failover ms " + failovers +
            " (median " + sorted.get(sorted.size() / 2) + ", max " + sorted.get(sorted.size() - 1) + "); anomalies " +
            anomalies.size() + " (seed " + seed + ")");
        if (!anomalies.isEmpty())
        {
            final Path report = Path.of("target", "cluster-sql-anomalies-" + seed + ".txt");
            Files.write(report, anomalies);
            System.out.println("ClusterSqlFaultTest: every anomaly is listed in " + report.toAbsolutePath());
        }
        assertEquals(List.of(), anomalies.subList(0, Math.min(20, anomalies.size())));
        assertTrue(acked > 0);
    }

    private long awaitAckAfter(final long since) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (lastAckNanos.get() - since <= 0)
        {
            if (System.nanoTime() - deadline > 0)
            {
                for (final Node node : nodes)
                {
                    node.threadDump();
                }
                fail("no transfer acknowledged within 90 s (thread dumps in node-N.log)");
            }
            Thread.sleep(1);
        }
        return lastAckNanos.get();
    }

    /**
     * @return when another member first reported that it leads (a commit acknowledged after that is the new
     * leader's; answers the killed leader sent just before it died do not count).
     */
    private long awaitNewLeader(final int oldLeader) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true)
        {
            for (final Node node : nodes)
            {
                if (node.id != oldLeader && node.metric("phantomdb_cluster_role{role=\"LEADER\"}") == 1)
                {
                    return System.nanoTime();
                }
            }
            assertTrue(System.nanoTime() < deadline, "no new leader within 60 s");
            Thread.sleep(5);
        }
    }

    private int leader() throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline)
        {
            for (final Node node : nodes)
            {
                if (node.metric("phantomdb_cluster_role{role=\"LEADER\"}") == 1)
                {
                    return node.id;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no leader within 30 s");
    }

    private void awaitCaughtUp() throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long target = -1;
        for (final Node node : nodes)
        {
            target = Math.max(target, node.metric("phantomdb_cluster_commit_position_bytes"));
        }
        for (final Node node : nodes)
        {
            long applied;
            while ((applied = node.metric("phantomdb_cluster_applied_position_bytes")) < target)
            {
                assertTrue(System.nanoTime() < deadline, "member " + node.id + " applied " + applied +
                    ", not the commit position " + target);
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    /**
     * Moves money between random accounts in explicit transactions, recording what each read and how it ended.
     */
    private final class TransferWriter implements Runnable
    {
        private final int id;
        private final Random random;

        TransferWriter(final int id, final long seed)
        {
            this.id = id;
            this.random = new Random(seed);
        }

        @Override
        public void run()
        {
            long n = 0;
            Connection connection = null;
            while (writing.get())
            {
                try
                {
                    if (null == connection)
                    {
                        connection = nodes[random.nextInt(3)].connect();
                        connection.setAutoCommit(false);
                    }
                }
                catch (final SQLException ex)
                {
                    pause();
                    continue;
                }
                final int from = random.nextInt(ACCOUNTS);
                final int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                final long amount = 1 + random.nextInt(50);
                final String marker = "w" + id + "-" + n++;
                final long readFrom;
                final long readTo;
                try
                {
                    readFrom = balance(connection, from);
                    readTo = balance(connection, to);
                    update(connection, from, readFrom - amount);
                    update(connection, to, readTo + amount);
                    try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO transfers (marker, src, dst, amount) VALUES (?, ?, ?, ?)"))
                    {
                        insert.setString(1, marker);
                        insert.setInt(2, from);
                        insert.setInt(3, to);
                        insert.setLong(4, amount);
                        insert.executeUpdate();
                    }
                }
                catch (final SQLException ex)
                {
                    connection = abandon(connection);
                    continue;
                }
                try
                {
                    connection.commit();
                    history.add(new Transfer(marker, from, to, amount, readFrom, readTo, Outcome.ACKED));
                    lastAckNanos.set(System.nanoTime());
                }
                catch (final SQLException ex)
                {
                    final boolean aborted = "40001".equals(ex.getSQLState());
                    history.add(new Transfer(marker, from, to, amount, readFrom, readTo,
                        aborted ? Outcome.ABORTED : Outcome.UNKNOWN));
                    if (!aborted)
                    {
                        connection = abandon(connection);
                    }
                }
            }
            abandon(connection);
        }

        private long balance(final Connection connection, final int account) throws SQLException
        {
            try (PreparedStatement select = connection.prepareStatement("SELECT balance FROM accounts WHERE id = ?"))
            {
                select.setInt(1, account);
                try (ResultSet rows = select.executeQuery())
                {
                    if (!rows.next())
                    {
                        throw new SQLException("account " + account + " missing");
                    }
                    return rows.getLong(1);
                }
            }
        }

        private void update(final Connection connection, final int account, final long balance) throws SQLException
        {
            try (PreparedStatement update = connection.prepareStatement("UPDATE accounts SET balance = ? WHERE id = ?"))
            {
                update.setLong(1, balance);
                update.setInt(2, account);
                update.executeUpdate();
            }
        }

        private Connection abandon(final Connection connection)
        {
            if (null != connection)
            {
                try
                {
                    connection.close();
                }
                catch (final SQLException ignored)
                {
                    // the member is gone; a new connection follows
                }
            }
            pause();
            return null;
        }

        private void pause()
        {
            try
            {
                Thread.sleep(50);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * One {@code serve --cluster} JVM.
     */
    private static final class Node
    {
        private final int id;
        private final Path conf;
        private final Path dir;
        private final int port;
        private final int httpPort;
        private Process process;

        Node(final int id, final Path conf, final Path dir, final int port, final int httpPort)
        {
            this.id = id;
            this.conf = conf;
            this.dir = dir;
            this.port = port;
            this.httpPort = httpPort;
        }

        void start() throws IOException
        {
            final List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Arrays.asList(System.getProperty("phantomdb.jvm.flags", "").trim().split("\\s+")));
            command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "io.phantomdb.server.cli.ServeCommand", "--cluster", conf.toString(), "--member", Integer.toString(id),
                "--port", Integer.toString(port), "--http-port", Integer.toString(httpPort)));
            process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node-" + id + ".log").toFile())).start();
        }

        void awaitUp() throws InterruptedException
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (metric("phantomdb_cluster_member_id") != id)
            {
                assertTrue(process.isAlive(), "node " + id + " exited (see node-" + id + ".log)");
                assertTrue(System.nanoTime() < deadline, "node " + id + " did not come up");
                Thread.sleep(100);
            }
        }

        Connection connect() throws SQLException
        {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port +
                "/phantomdb?user=phantom&sslmode=disable&connectTimeout=5&socketTimeout=60");
        }

        long metric(final String name)
        {
            try
            {
                final String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort +
                    "/metrics")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
                for (final String line : body.split("\n"))
                {
                    if (line.startsWith(name + " "))
                    {
                        return (long)Double.parseDouble(line.substring(name.length() + 1).trim());
                    }
                }
                return -1;
            }
            catch (final IOException ex)
            {
                return -1;
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        void threadDump() throws Exception
        {
            if (process.isAlive())
            {
                signal("QUIT");
            }
        }

        void signal(final String signal) throws Exception
        {
            final Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
            assertEquals(0, kill.waitFor(), "kill -" + signal + " " + process.pid());
        }

        void stop() throws Exception
        {
            if (null != process && process.isAlive())
            {
                signal("CONT");
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS))
                {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }
}
