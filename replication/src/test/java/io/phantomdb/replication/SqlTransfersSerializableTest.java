package io.phantomdb.replication;

import io.phantomdb.replication.sql.ReadConsistency;
import io.phantomdb.replication.sql.ReplicatedSqlDatabase;
import io.phantomdb.sql.PreparedSql;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Four sessions on three members move money between eight accounts in explicit SQL transactions (read both balances,
 * write both, insert a transfer row) for a few seconds; then the transfers, in their serial ids (assigned in log
 * order), replayed from the initial balances must reproduce the balances every committed transaction read. This found
 * a digest collision (negative balances) that let stale reads commit.
 */
class SqlTransfersSerializableTest
{
    private record Op(String marker, int from, int to, long amount, long readFrom, long readTo)
    {
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldCommitOnlyTransactionsWhoseReadsMatchTheLogOrder() throws Exception
    {
        final Path dir = ClusterTestSupport.newDir("sql-transfers");
        try (LocalCluster cluster = LocalCluster.start(3, dir))
        {
            cluster.awaitLeader(30_000_000_000L);
            final List<ClusterClient> clients = new ArrayList<>();
            final ReplicatedSqlDatabase[] dbs = new ReplicatedSqlDatabase[3];
            for (int m = 0; m < 3; m++)
            {
                final ClusterClient c = ClusterClient.connectThroughDriver(cluster.config(), cluster.member(m).aeronDirectoryName(), 20_000_000_000L);
                clients.add(c);
                dbs[m] = new ReplicatedSqlDatabase(cluster.member(m), c, 20_000_000_000L, ReadConsistency.MEMBER);
            }
            try (SqlSession s = dbs[0].openSession())
            {
                s.execute("CREATE TABLE accounts (id INT PRIMARY KEY, balance BIGINT NOT NULL)").close();
                s.execute("CREATE TABLE transfers (id BIGSERIAL PRIMARY KEY, marker TEXT NOT NULL, src INT, dst INT, amount BIGINT)").close();
                for (int a = 0; a < 8; a++)
                {
                    s.execute("INSERT INTO accounts VALUES (" + a + ", 1000)").close();
                }
            }
            final Map<String, Op> ops = Collections.synchronizedMap(new HashMap<>());
            final List<Thread> threads = new ArrayList<>();
            final long end = System.nanoTime() + 6_000_000_000L;
            for (int w = 0; w < 4; w++)
            {
                final int id = w;
                final Thread t = new Thread(() ->
                {
                    final Random random = new Random(id);
                    try (SqlSession s = dbs[id % 3].openSession())
                    {
                        long n = 0;
                        while (System.nanoTime() < end)
                        {
                            final int from = random.nextInt(8);
                            final int to = (from + 1 + random.nextInt(7)) % 8;
                            final long amount = 1 + random.nextInt(50);
                            final String marker = "w" + id + "-" + n++;
                            try
                            {
                                s.execute("BEGIN").close();
                                final long rf = balance(s, from);
                                final long rt = balance(s, to);
                                update(s, from, rf - amount);
                                update(s, to, rt + amount);
                                try (PreparedSql p = s.prepare("INSERT INTO transfers (marker, src, dst, amount) VALUES ($1, $2, $3, $4)"))
                                {
                                    p.execute(marker, from, to, amount).close();
                                }
                                ops.put(marker, new Op(marker, from, to, amount, rf, rt));
                                s.execute("COMMIT").close();
                            }
                            catch (final SqlException ex)
                            {
                                assertEquals("40001", ex.sqlState(), ex.getMessage());
                                s.rollback();
                            }
                        }
                    }
                });
                t.start();
                threads.add(t);
            }
            for (final Thread t : threads)
            {
                t.join();
            }
            try (SqlSession s = dbs[0].openSession())
            {
                s.execute("SET phantomdb.read_consistency = 'linearizable'").close();
                final long[] bal = new long[8];
                java.util.Arrays.fill(bal, 1000);
                int anomalies = 0;
                final List<String> recent = new ArrayList<>();
                try (SqlResult r = s.execute("SELECT id, marker FROM transfers ORDER BY id"))
                {
                    while (r.next())
                    {
                        final Op op = ops.get((String)r.get(1));
                        recent.add(r.get(0) + " " + op);
                        if (recent.size() > 6)
                        {
                            recent.remove(0);
                        }
                        if (op.readFrom() != bal[op.from()] || op.readTo() != bal[op.to()])
                        {
                            if (anomalies++ == 0)
                            {
                                System.out.println("SqlTransfersSerializableTest: first anomaly after " +
                                    String.join(" | ", recent));
                            }
                        }
                        bal[op.from()] -= op.amount();
                        bal[op.to()] += op.amount();
                    }
                }
                System.out.println("SqlTransfersSerializableTest: " + ops.size() + " transfers tried, anomalies " +
                    anomalies);
                assertEquals(0, anomalies);
            }
            for (final ReplicatedSqlDatabase d : dbs)
            {
                d.close();
            }
            clients.forEach(ClusterClient::close);
        }
        ClusterTestSupport.delete(dir);
    }

    private static long balance(final SqlSession s, final int id)
    {
        try (PreparedSql p = s.prepare("SELECT balance FROM accounts WHERE id = $1"); SqlResult r = p.execute(id))
        {
            assertTrue(r.next());
            return ((Number)r.get(0)).longValue();
        }
    }

    private static void update(final SqlSession s, final int id, final long value)
    {
        try (PreparedSql p = s.prepare("UPDATE accounts SET balance = $1 WHERE id = $2"); SqlResult r = p.execute(value, id))
        {
            assertEquals(1, r.updateCount());
        }
    }
}
