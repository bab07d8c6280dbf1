package io.phantomdb.replication;

import io.phantomdb.core.txn.TransactionConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.phantomdb.replication.ClusterTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A 3-member cluster on loopback in this JVM: commits replicate, the leader is closed, a new leader is elected,
 * writes continue, and every member converges to the same state (checksum of every keyspace and session record).
 */
class ReplicatedClusterTest
{
    private static final int KS = 7;

    private Path dir;
    private LocalCluster cluster;
    private ClusterClient client;

    @BeforeEach
    void start()
    {
        dir = newDir("replicated");
        cluster = LocalCluster.start(3, dir);
        cluster.awaitLeader(30 * SECOND_NS);
        client = ClusterClient.connect(cluster.config(), dir.resolve("client"), 20 * SECOND_NS);
    }

    @AfterEach
    void stop()
    {
        if (null != client)
        {
            client.close();
        }
        if (null != cluster)
        {
            cluster.close();
        }
        delete(dir);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldConvergeOnEveryMemberWhenTheLeaderIsClosedAndWritesContinue()
    {
        for (int i = 0; i < 100; i++)
        {
            client.put(KS, bytes("k" + i), bytes("v" + i));
        }
        assertEquals("v42", text(client.read(KS, bytes("k42"))[0].value()));
        cluster.awaitApplied(client.lastCommitPosition(), 10 * SECOND_NS);
        assertSameChecksum(-1);

        final ClusterMember oldLeader = cluster.awaitLeader(10 * SECOND_NS);
        final int oldLeaderId = oldLeader.memberId();
        final long killedAt = System.nanoTime();
        cluster.stopMember(oldLeaderId);
        client.put(KS, bytes("after-failover"), bytes("1"));
        final long failoverMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        final ClusterMember newLeader = cluster.awaitLeader(10 * SECOND_NS);
        System.out.println("ReplicatedClusterTest: leader " + oldLeaderId + " closed, member " +
            newLeader.memberId() + " leads; first commit after " + failoverMs + " ms");
        assertNotEquals(oldLeaderId, newLeader.memberId());

        for (int i = 100; i < 200; i++)
        {
            client.put(KS, bytes("k" + i), bytes("v" + i));
        }
        client.delete(KS, bytes("k0"));
        cluster.awaitApplied(client.lastCommitPosition(), 10 * SECOND_NS);
        assertSameChecksum(oldLeaderId);
        for (int m = 0; m < 3; m++)
        {
            final ClusterMember member = cluster.member(m);
            if (null != member)
            {
                assertEquals("v199", text(member.read(KS, bytes("k199")).value()));
                assertEquals("v1", text(member.read(KS, bytes("k1")).value()));
                assertFalse(member.read(KS, bytes("k0")).exists());
            }
        }

        final ClusterMember restarted = cluster.startMember(oldLeaderId);
        restarted.awaitApplied(client.lastCommitPosition(), 30 * SECOND_NS);
        assertEquals(newLeader.checksum(), restarted.checksum(), "restarted member caught up from its log");
        assertEquals("v150", text(restarted.read(KS, bytes("k150")).value()));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldAbortOnEveryMemberWhenAReadKeyChangedBeforeCommit()
    {
        client.put(KS, bytes("balance"), bytes("10"));
        final ClientTransaction first = client.begin();
        assertEquals("10", text(first.get(KS, bytes("balance"))));
        client.put(KS, bytes("balance"), bytes("20"));
        first.put(KS, bytes("balance"), bytes("11"));

        final TransactionConflictException conflict = assertThrows(TransactionConflictException.class, first::commit);
        assertEquals("40001", conflict.sqlState());
        assertTrue(conflict.getMessage().contains("read-write conflict (replicated"), conflict.getMessage());

        final ClientTransaction second = client.begin();
        assertEquals("20", text(second.get(KS, bytes("balance"))));
        second.put(KS, bytes("balance"), bytes("21"));
        final CommitResult committed = second.commit();
        for (int m = 0; m < 3; m++)
        {
            final VersionedValue value = cluster.member(m).readAtLeast(KS, bytes("balance"), committed.position(),
                10 * SECOND_NS);
            assertEquals("21", text(value.value()));
            assertEquals(committed.position(), value.version());
        }
        assertSameChecksum(-1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldRefuseTheTransactionWhenAKeyspaceIdIsReserved()
    {
        final ClientTransaction tx = client.begin();
        tx.put(ReplicatedStore.DIRECTORY_KEYSPACE, bytes("x"), bytes("y"));
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, tx::commit);
        assertTrue(refused.getMessage().startsWith("the cluster refused the transaction"), refused.getMessage());
        client.put(KS, bytes("still"), bytes("works"));
        assertEquals("works", text(client.read(KS, bytes("still"))[0].value()));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldReportRolesPositionsAndLagWhenCaughtUp()
    {
        final CommitResult commit = client.put(KS, bytes("m"), bytes("1"));
        cluster.awaitApplied(commit.position(), 10 * SECOND_NS);
        int leaders = 0;
        for (int m = 0; m < 3; m++)
        {
            final MemberMetrics metrics = cluster.member(m).metrics();
            leaders += "LEADER".equals(metrics.role()) ? 1 : 0;
            assertEquals(m, metrics.memberId());
            assertTrue(metrics.leadershipTermId() >= 0, metrics.toString());
            assertTrue(metrics.appliedPosition() >= commit.position(), metrics.toString());
            assertTrue(metrics.commitPosition() >= metrics.appliedPosition() - metrics.applyLag(), metrics.toString());
            assertTrue(metrics.elections() >= 1, metrics.toString());
            assertEquals(-1, metrics.snapshotLoadMicros(), "started without a snapshot");
        }
        assertEquals(1, leaders);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldTimeOutReadYourWritesWhenTheMemberHasNotAppliedThePosition()
    {
        final CommitResult commit = client.put(KS, bytes("r"), bytes("1"));
        final ClusterMember member = cluster.member(0);
        assertEquals("1", text(member.readAtLeast(KS, bytes("r"), commit.position(), 10 * SECOND_NS).value()));
        final long ahead = commit.position() + (1L << 40);
        final ReplicationTimeoutException timeout = assertThrows(ReplicationTimeoutException.class,
            () -> member.readAtLeast(KS, bytes("r"), ahead, TimeUnit.MILLISECONDS.toNanos(50)));
        assertTrue(timeout.getMessage().startsWith("member 0 applied the log up to "), timeout.getMessage());
        assertTrue(timeout.getMessage().endsWith("but not " + ahead + " within 50 ms"), timeout.getMessage());
    }

    private void assertSameChecksum(final int skip)
    {
        final long position = client.lastCommitPosition();
        Long expected = null;
        for (int m = 0; m < 3; m++)
        {
            final ClusterMember member = cluster.member(m);
            if (m == skip || null == member)
            {
                continue;
            }
            member.awaitApplied(position, 10 * SECOND_NS);
            final long checksum = member.checksum();
            if (null == expected)
            {
                expected = checksum;
            }
            assertEquals(expected.longValue(), checksum, "member " + m + " checksum");
        }
    }
}
