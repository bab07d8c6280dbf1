package io.phantomdb.server.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code phantomdb bench server}: pgbench's two standard workloads against a running server over the PostgreSQL
 * protocol, with prepared statements: {@code select} (one primary-key read) and {@code tpcb} (pgbench's
 * TPC-B-like transaction; serialization failures 40001 are rolled back and retried, and counted). With
 * {@code --init} it first creates and fills pgbench's tables at the given scale with COPY, printing progress.
 * Prints, per client count, transactions per second and the latency percentiles of whole transactions.
 * <p>
 * <b>Note:</b> run once per process from {@link #main(String[])}; each client is one thread with its own
 * connection.
 */
@Command(name = "phantomdb bench server", mixinStandardHelpOptions = true,
    description = "pgbench-like load against a PostgreSQL-protocol server, with an HdrHistogram latency report.")
public final class BenchCommand implements Callable<Integer>
{
    private static final int ACCOUNTS_PER_SCALE = 100_000;

    @Option(names = "--host", description = "Server address (default 127.0.0.1).")
    private String host = "127.0.0.1";

    @Option(names = "--port", description = "Server port (default 5432).")
    private int port = 5432;

    @Option(names = "--user", description = "User (default phantom).")
    private String user = "phantom";

    @Option(names = "--password", description = "Password (default: the PGPASSWORD environment variable).")
    private String password = System.getenv("PGPASSWORD");

    @Option(names = "--database", description = "Database name (default phantomdb).")
    private String database = "phantomdb";

    @Option(names = "--workload", description = "select or tpcb (default select).")
    private String workload = "select";

    @Option(names = "--clients", split = ",", description = "Client counts to run, for example 1,4,8 (default 1,4,8).")
    private List<Integer> clients = List.of(1, 4, 8);

    @Option(names = "--duration", description = "Seconds per client count (default 30).")
    private int duration = 30;

    @Option(names = "--scale", description = "Scale for --init (100,000 accounts each; default 1).")
    private int scale = 1;

    private final AtomicReference<String> firstError =
        new AtomicReference<>();

    @Option(names = "--init", description = "Create and fill pgbench's tables first (drops them if present).")
    private boolean init;

    /**
     * Runs the benchmark and exits with its status.
     *
     * @param args the command-line arguments.
     */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final boolean tpcb = "tpcb".equals(workload.toLowerCase(Locale.ROOT));
        if (!tpcb && !"select".equals(workload.toLowerCase(Locale.ROOT)))
        {
            throw new CommandLine.ParameterException(new CommandLine(this), "--workload must be select or tpcb");
        }
        if (init)
        {
            initialise();
        }
        final int accounts;
        try (WireClient client = connect())
        {
            accounts = countAccounts(client);
        }
        System.out.printf("%s workload, %d accounts, %d s per run%n%n", tpcb ? "TPC-B-like" : "select-only",
            accounts, duration);
        System.out.println("| clients | tps | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs | retries | errors |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (final int count : clients)
        {
            run(count, accounts, tpcb);
        }
        if (firstError.get() != null)
        {
            System.out.println();
            System.out.println("first error: " + firstError.get());
        }
        return 0;
    }

    private WireClient connect() throws IOException
    {
        return new WireClient(host, port, user, password, database);
    }

    private static int countAccounts(final WireClient client) throws IOException
    {
        client.prepare("count", "SELECT count(*) FROM pgbench_accounts");
        final String error = client.execute("count");
        if (error != null)
        {
            throw new IOException("pgbench_accounts is missing (run with --init): " + error);
        }
        return client.lastInteger("count");
    }

    private void initialise() throws IOException
    {
        try (WireClient client = connect())
        {
            for (final String table : List.of("pgbench_history", "pgbench_accounts", "pgbench_tellers", "pgbench_branches"))
            {
                client.simple("DROP TABLE IF EXISTS " + table);
            }
            check(client.simple("CREATE TABLE pgbench_branches (bid INTEGER PRIMARY KEY, bbalance INTEGER, filler CHAR(88))"));
            check(client.simple("CREATE TABLE pgbench_tellers (tid INTEGER PRIMARY KEY, bid INTEGER, tbalance INTEGER, filler CHAR(84))"));
            check(client.simple("CREATE TABLE pgbench_accounts (aid INTEGER PRIMARY KEY, bid INTEGER, abalance INTEGER, filler CHAR(84))"));
            check(client.simple("CREATE TABLE pgbench_history (tid INTEGER, bid INTEGER, aid INTEGER, delta INTEGER, " +
                "mtime TIMESTAMP, filler CHAR(22))"));
            final StringBuilder rows = new StringBuilder();
            for (int b = 1; b <= scale; b++)
            {
                rows.append(b).append("\t0\t\\N\n");
            }
            check(client.copy("COPY pgbench_branches FROM STDIN", rows.toString()));
            rows.setLength(0);
            for (int t = 1; t <= scale * 10; t++)
            {
                rows.append(t).append('\t').append((t - 1) / 10 + 1).append("\t0\t\\N\n");
            }
            check(client.copy("COPY pgbench_tellers FROM STDIN", rows.toString()));
            final int total = scale * ACCOUNTS_PER_SCALE;
            final int chunk = 50_000;
            for (int from = 1; from <= total; from += chunk)
            {
                rows.setLength(0);
                for (int a = from; a < from + chunk && a <= total; a++)
                {
                    rows.append(a).append('\t').append((a - 1) / ACCOUNTS_PER_SCALE + 1).append("\t0\t\n");
                }
                check(client.copy("COPY pgbench_accounts FROM STDIN", rows.toString()));
                System.out.printf("init: %d of %d accounts (%d%%)%n", Math.min(total, from + chunk - 1), total,
                    100L * Math.min(total, from + chunk - 1) / total);
            }
        }
    }

    private static void check(final String error) throws IOException
    {
        if (error != null)
        {
            throw new IOException(error);
        }
    }

    private void run(final int count, final int accounts, final boolean tpcb) throws Exception
    {
        final Recorder recorder = new Recorder(3);
        final LongAdder transactions = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder errors = new LongAdder();
        final AtomicBoolean stop = new AtomicBoolean();
        final List<Thread> threads = new ArrayList<>();
        final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < count; i++)
        {
            final Thread thread = new Thread(() ->
            {
                try (WireClient client = connect())
                {
                    prepare(client, tpcb);
                    final ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (!stop.get())
                    {
                        final long start = System.nanoTime();
                        final boolean ok = tpcb ? tpcb(client, random, accounts, retries) :
                            select(client, random, accounts);
                        recorder.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                        (ok ? transactions : errors).increment();
                    }
                }
                catch (final IOException | RuntimeException ex)
                {
                    failures.add(ex);
                }
            }, "bench-client-" + i);
            threads.add(thread);
        }
        recorder.reset();
        final long start = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(duration * 1000L);
        stop.set(true);
        for (final Thread thread : threads)
        {
            thread.join();
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty())
        {
            throw new IOException("a client failed: " + failures.get(0), failures.get(0));
        }
        final Histogram histogram = recorder.getIntervalHistogram();
        System.out.printf("| %d | %.0f | %d | %d | %d | %d | %d | %d | %d |%n", count, transactions.sum() / seconds,
            histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
            histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue(),
            retries.sum(), errors.sum());
    }

    private boolean select(final WireClient client, final ThreadLocalRandom random, final int accounts)
        throws IOException
    {
        final String error = client.execute("select", Integer.toString(random.nextInt(accounts) + 1));
        if (error != null)
        {
            firstError.compareAndSet(null, error);
        }
        return error == null;
    }

    private static void prepare(final WireClient client, final boolean tpcb) throws IOException
    {
        if (!tpcb)
        {
            client.prepare("select", "SELECT abalance FROM pgbench_accounts WHERE aid = $1");
            return;
        }
        client.prepare("begin", "BEGIN");
        client.prepare("account", "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2");
        client.prepare("balance", "SELECT abalance FROM pgbench_accounts WHERE aid = $1");
        client.prepare("teller", "UPDATE pgbench_tellers SET tbalance = tbalance + $1 WHERE tid = $2");
        client.prepare("branch", "UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2");
        client.prepare("history", "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) " +
            "VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP)");
        client.prepare("commit", "COMMIT");
        client.prepare("rollback", "ROLLBACK");
    }

    private boolean tpcb(
        final WireClient client, final ThreadLocalRandom random, final int accounts, final LongAdder retries)
        throws IOException
    {
        final int branches = Math.max(1, accounts / ACCOUNTS_PER_SCALE);
        final String aid = Integer.toString(random.nextInt(accounts) + 1);
        final String bid = Integer.toString(random.nextInt(branches) + 1);
        final String tid = Integer.toString(random.nextInt(branches * 10) + 1);
        final String delta = Integer.toString(random.nextInt(-5000, 5001));
        for (int attempt = 0; attempt < 100; attempt++)
        {
            String error = client.execute("begin");
            error = error != null ? error : client.execute("account", delta, aid);
            error = error != null ? error : client.execute("balance", aid);
            error = error != null ? error : client.execute("teller", delta, tid);
            error = error != null ? error : client.execute("branch", delta, bid);
            error = error != null ? error : client.execute("history", tid, bid, aid, delta);
            error = error != null ? error : client.execute("commit");
            if (error == null)
            {
                return true;
            }
            client.execute("rollback");
            if (!error.startsWith("40001") && !error.startsWith("40P01"))
            {
                firstError.compareAndSet(null, error);
                return false;
            }
            retries.increment();
        }
        firstError.compareAndSet(null, "40001 gave up after 100 serialization failures in one transaction");
        return false;
    }
}
