package io.phantomdb.replication;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.phantomdb.replication.ClusterTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Cluster snapshots: every member writes one on request; a restarted member loads it and replays the log after it;
 * a whole cluster restarted on its directories comes back with the same state.
 */
class ClusterSnapshotTest
{
    private static final int KS = 11;

    private Path dir;
    private LocalCluster cluster;
    private ClusterClient client;

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
    void shouldCatchUpFromSnapshotAndLogWhenMembersRestart()
    {
        dir = newDir("snapshot");
        cluster = LocalCluster.start(3, dir);
        cluster.awaitLeader(30 * SECOND_NS);
        client = ClusterClient.connect(cluster.config(), dir.resolve("client"), 20 * SECOND_NS);
        for (int i = 0; i < 300; i++)
        {
            client.put(KS, bytes("k" + i), bytes("before-snapshot-" + i));
        }

        assertTrue(cluster.awaitLeader(10 * SECOND_NS).requestSnapshot());
        for (int m = 0; m < 3; m++)
        {
            awaitSnapshot(cluster.member(m));
            final MemberMetrics metrics = cluster.member(m).metrics();
            assertTrue(metrics.lastSnapshotMicros() > 0, metrics.toString());
        }
        for (int i = 0; i < 100; i++)
        {
            client.put(KS, bytes("k" + i), bytes("after-snapshot-" + i));
        }

        final int follower = followerId();
        cluster.stopMember(follower);
        client.put(KS, bytes("while-down"), bytes("1"));
        final ClusterMember restarted = cluster.startMember(follower);
        restarted.awaitApplied(client.lastCommitPosition(), 30 * SECOND_NS);
        assertTrue(restarted.snapshotLoadedEntries() >= 300, "entries loaded: " + restarted.snapshotLoadedEntries());
        assertTrue(restarted.metrics().snapshotLoadMicros() >= 0);
        assertEquals(cluster.awaitLeader(10 * SECOND_NS).checksum(), restarted.checksum());
        assertEquals("after-snapshot-5", text(restarted.read(KS, bytes("k5")).value()));
        assertEquals("before-snapshot-250", text(restarted.read(KS, bytes("k250")).value()));

        final long position = client.lastCommitPosition();
        final long checksum = restarted.checksum();
        client.close();
        client = null;
        cluster.close();
        cluster = LocalCluster.start(cluster.config());
        cluster.awaitLeader(30 * SECOND_NS);
        cluster.awaitApplied(position, 30 * SECOND_NS);
        for (int m = 0; m < 3; m++)
        {
            assertEquals(checksum, cluster.member(m).checksum(), "member " + m + " after a full restart");
        }
        client = ClusterClient.connect(cluster.config(), dir.resolve("client2"), 20 * SECOND_NS);
        assertEquals("1", text(client.read(KS, bytes("while-down"))[0].value()));
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldRebuildAWipedMemberFromTheLeaderWhenItRejoinsWithAnEmptyDirectory()
    {
        dir = newDir("wipe");
        cluster = LocalCluster.start(3, dir);
        cluster.awaitLeader(30 * SECOND_NS);
        client = ClusterClient.connect(cluster.config(), dir.resolve("client"), 20 * SECOND_NS);
        for (int i = 0; i < 200; i++)
        {
            client.put(KS, bytes("k" + i), bytes("v" + i));
        }
        assertTrue(cluster.awaitLeader(10 * SECOND_NS).requestSnapshot());
        for (int m = 0; m < 3; m++)
        {
            awaitSnapshot(cluster.member(m));
        }
        client.put(KS, bytes("after-snapshot"), bytes("1"));

        final int follower = followerId();
        cluster.stopMember(follower);
        delete(cluster.config().memberDir(follower));
        client.put(KS, bytes("while-wiped"), bytes("1"));
        final ClusterMember rebuilt = cluster.startMember(follower);
        rebuilt.awaitApplied(client.lastCommitPosition(), 60 * SECOND_NS);
        assertEquals(cluster.awaitLeader(10 * SECOND_NS).checksum(), rebuilt.checksum());
        assertEquals("v150", text(rebuilt.read(KS, bytes("k150")).value()));
        assertEquals("1", text(rebuilt.read(KS, bytes("while-wiped")).value()));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldSnapshotEveryMemberPeriodicallyWhenAnIntervalIsConfigured()
    {
        dir = newDir("periodic");
        cluster = LocalCluster.start(new ReplicationConfig().members(3).host("localhost")
            .basePort(LocalCluster.freeBasePort(3)).dataDir(dir)
            .snapshotIntervalNs(TimeUnit.MILLISECONDS.toNanos(500)));
        cluster.awaitLeader(30 * SECOND_NS);
        client = ClusterClient.connect(cluster.config(), dir.resolve("client"), 20 * SECOND_NS);
        client.put(KS, bytes("k"), bytes("v"));
        for (int m = 0; m < 3; m++)
        {
            awaitSnapshot(cluster.member(m));
        }
    }

    private int followerId()
    {
        final int leader = cluster.awaitLeader(10 * SECOND_NS).memberId();
        return (leader + 1) % 3;
    }

    private static void awaitSnapshot(final ClusterMember member)
    {
        final long deadline = System.nanoTime() + 20 * SECOND_NS;
        while (member.metrics().snapshotsTaken() < 1)
        {
            assertTrue(System.nanoTime() < deadline, "member " + member.memberId() + " took no snapshot");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
