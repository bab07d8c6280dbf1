package io.phantomdb.replication;

import io.phantomdb.replication.sql.ReadConsistency;
import io.phantomdb.replication.sql.ReplicatedSqlDatabase;
import io.phantomdb.sql.PreparedSql;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.phantomdb.replication.ClusterTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * SQL on a 3-member cluster on loopback in this JVM: statements through any member's sessions commit on every member
 * (statement replication with result validation), SERIAL values, {@code now()} and {@code random()} agree across
 * members, a transaction that read stale data aborts with 40001 on every member alike, the leader is closed and
 * SQL writes continue, and every member ends with the same checksum of every table, index and the catalog.
 */
class ReplicatedSqlClusterTest
{
    private Path dir;
    private LocalCluster cluster;
    private final List<ClusterClient> clients = new ArrayList<>();
    private final ReplicatedSqlDatabase[] databases = new ReplicatedSqlDatabase[3];

    @BeforeEach
    void start()
    {
        dir = newDir("sql");
        cluster = LocalCluster.start(3, dir);
        cluster.awaitLeader(30 * SECOND_NS);
        for (int m = 0; m < 3; m++)
        {
            open(m);
        }
    }

    private void open(final int memberId)
    {
        final ClusterMember member = cluster.member(memberId);
        final ClusterClient client = ClusterClient.connectThroughDriver(
            cluster.config(), member.aeronDirectoryName(), 20 * SECOND_NS);
        clients.add(client);
        databases[memberId] = new ReplicatedSqlDatabase(member, client, 20 * SECOND_NS, ReadConsistency.MEMBER);
    }

    @AfterEach
    void stop()
    {
        for (final ReplicatedSqlDatabase database : databases)
        {
            if (null != database)
            {
                database.close();
            }
        }
        clients.forEach(ClusterClient::close);
        if (null != cluster)
        {
            cluster.close();
        }
        delete(dir);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldReplicateSqlThroughEveryMemberAndConvergeWhenTheLeaderIsClosed()
    {
        try (SqlSession s0 = databases[0].openSession(); SqlSession s1 = databases[1].openSession();
            SqlSession s2 = databases[2].openSession())
        {
            s0.execute("CREATE TABLE accounts (id SERIAL PRIMARY KEY, owner TEXT NOT NULL UNIQUE, " +
                "balance BIGINT NOT NULL CHECK (balance >= 0), opened TIMESTAMP DEFAULT now(), r DOUBLE PRECISION)")
                .close();
            s0.execute("CREATE INDEX accounts_balance ON accounts (balance)").close();
            try (SqlResult result = s1.execute("INSERT INTO accounts (owner, balance, r) VALUES ('ada', 100, " +
                "random()), ('bob', 50, random()) RETURNING id"))
            {
                assertTrue(result.next());
                assertEquals(1, ((Number)result.get(0)).intValue());
                assertTrue(result.next());
                assertEquals(2, ((Number)result.get(0)).intValue());
            }
            try (PreparedSql insert = s2.prepare("INSERT INTO accounts (owner, balance) VALUES ($1, $2)"))
            {
                for (int i = 0; i < 30; i++)
                {
                    assertEquals(1, insert.execute("user" + i, (long)i).updateCount());
                }
            }
            assertEquals(32L, count(s2, "SELECT count(*) FROM accounts"), "s2 reads its own commits");

            final SqlException duplicate = assertThrows(SqlException.class,
                () -> s0.execute("INSERT INTO accounts (owner, balance) VALUES ('ada', 1)"));
            assertEquals("23505", duplicate.sqlState());

            s1.execute("BEGIN").close();
            assertEquals(100L, count(s1, "SELECT balance FROM accounts WHERE owner = 'ada'"));
            s1.execute("UPDATE accounts SET balance = balance - 30 WHERE owner = 'ada'").close();
            s1.execute("UPDATE accounts SET balance = balance + 30 WHERE owner = 'bob'").close();
            assertTrue(s1.inTransaction());
            s1.execute("COMMIT").close();
            assertFalse(s1.inTransaction());
            s2.execute("SET phantomdb.read_consistency = 'linearizable'").close();
            assertEquals("linearizable", text(s2, "SHOW phantomdb.read_consistency"));
            assertEquals(70L, count(s2, "SELECT balance FROM accounts WHERE owner = 'ada'"),
                "a linearizable read on member 2 sees member 1's commit");

            s1.execute("BEGIN").close();
            assertEquals(80L, count(s1, "SELECT balance FROM accounts WHERE owner = 'bob'"));
            s2.execute("UPDATE accounts SET balance = 0 WHERE owner = 'bob'").close();
            s1.execute("UPDATE accounts SET balance = 81 WHERE owner = 'bob'").close();
            final SqlException conflict = assertThrows(SqlException.class, () -> s1.execute("COMMIT"));
            assertEquals("40001", conflict.sqlState(), conflict.getMessage());
            assertFalse(s1.inTransaction());
            assertEquals(0L, count(s1, "SELECT balance FROM accounts WHERE owner = 'bob'"));

            s2.execute("BEGIN").close();
            for (int i = 0; i < 3_000; i++)
            {
                s2.execute("UPDATE accounts SET r = " + i + " WHERE owner = 'user" + (i % 30) + "'").close();
            }
            final SqlException tooLarge = assertThrows(SqlException.class, () -> s2.execute("COMMIT"));
            assertEquals("54000", tooLarge.sqlState(), tooLarge.getMessage());
            assertFalse(s2.inTransaction());

            s2.execute("BEGIN").close();
            s2.execute("DELETE FROM accounts WHERE owner = 'user3'").close();
            s2.execute("ROLLBACK").close();
            assertEquals(32L, count(s2, "SELECT count(*) FROM accounts"));
        }
        final long position = clients.stream().mapToLong(ClusterClient::lastCommitPosition).max().orElseThrow();
        cluster.awaitApplied(position, 10 * SECOND_NS);
        assertSameSqlChecksum(-1);
        assertEquals(table(0), table(1));
        assertEquals(table(0), table(2));

        final int oldLeaderId = cluster.awaitLeader(10 * SECOND_NS).memberId();
        databases[oldLeaderId].close();
        databases[oldLeaderId] = null;
        clients.get(oldLeaderId).close();
        cluster.stopMember(oldLeaderId);
        final int survivor = (oldLeaderId + 1) % 3;
        try (SqlSession session = databases[survivor].openSession())
        {
            for (int i = 0; i < 20; i++)
            {
                session.execute("INSERT INTO accounts (owner, balance) VALUES ('after" + i + "', " + i + ")").close();
            }
            session.execute("UPDATE accounts SET balance = balance + 1 WHERE balance < 10").close();
            session.execute("ALTER TABLE accounts ADD COLUMN note TEXT").close();
            session.execute("UPDATE accounts SET note = 'n' || id").close();
        }
        assertNotEquals(oldLeaderId, cluster.awaitLeader(10 * SECOND_NS).memberId());
        final long after = clients.stream().mapToLong(ClusterClient::lastCommitPosition).max().orElseThrow();
        cluster.awaitApplied(after, 10 * SECOND_NS);
        assertSameSqlChecksum(oldLeaderId);

        cluster.startMember(oldLeaderId);
        cluster.member(oldLeaderId).awaitApplied(after, 30 * SECOND_NS);
        open(oldLeaderId);
        try (SqlSession session = databases[oldLeaderId].openSession())
        {
            assertEquals(52L, count(session, "SELECT count(*) FROM accounts"));
            assertEquals("n1", text(session, "SELECT note FROM accounts WHERE owner = 'ada'"));
        }
        assertSameSqlChecksum(-1);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldPinNowAndSerialValuesSoEveryMemberStoresTheSameRows()
    {
        try (SqlSession s0 = databases[0].openSession(); SqlSession s1 = databases[1].openSession())
        {
            s0.execute("CREATE TABLE events (id BIGSERIAL PRIMARY KEY, at TIMESTAMP DEFAULT now(), " +
                "r DOUBLE PRECISION DEFAULT random())").close();
            s1.execute("SET phantomdb.read_consistency = 'linearizable'").close();
            s1.setAutoCommit(false);
            for (int i = 0; i < 5; i++)
            {
                s1.execute("INSERT INTO events DEFAULT VALUES").close();
            }
            s1.commit();
            s0.execute("INSERT INTO events DEFAULT VALUES").close();
            final LocalDateTime before = LocalDateTime.now().minusMinutes(1);
            try (SqlResult result = s0.execute("SELECT id, at FROM events ORDER BY id"))
            {
                for (long id = 1; id <= 6; id++)
                {
                    assertTrue(result.next());
                    assertEquals(id, ((Number)result.get(0)).longValue());
                    assertTrue(((LocalDateTime)result.get(1)).isAfter(before));
                }
                assertFalse(result.next());
            }
        }
        final long position = clients.stream().mapToLong(ClusterClient::lastCommitPosition).max().orElseThrow();
        cluster.awaitApplied(position, 10 * SECOND_NS);
        assertSameSqlChecksum(-1);
    }

    private String table(final int memberId)
    {
        final StringBuilder rows = new StringBuilder();
        try (SqlSession session = databases[memberId].openSession();
            SqlResult result = session.execute("SELECT * FROM accounts ORDER BY id"))
        {
            while (result.next())
            {
                for (int c = 0; c < result.columns().size(); c++)
                {
                    rows.append(result.get(c)).append('|');
                }
                rows.append('\n');
            }
        }
        return rows.toString();
    }

    private void assertSameSqlChecksum(final int skip)
    {
        long expected = 0;
        boolean first = true;
        for (int m = 0; m < 3; m++)
        {
            if (m == skip)
            {
                continue;
            }
            final long checksum = cluster.member(m).sqlChecksum();
            if (first)
            {
                expected = checksum;
                first = false;
            }
            assertEquals(expected, checksum, "member " + m + "'s SQL checksum");
        }
    }

    private static long count(final SqlSession session, final String sql)
    {
        try (SqlResult result = session.execute(sql))
        {
            assertTrue(result.next(), sql);
            return ((Number)result.get(0)).longValue();
        }
    }

    private static String text(final SqlSession session, final String sql)
    {
        try (SqlResult result = session.execute(sql))
        {
            assertTrue(result.next(), sql);
            return (String)result.get(0);
        }
    }
}
