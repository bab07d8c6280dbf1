package io.phantomdb.replication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * cluster.conf parsing, the derived Aeron Cluster strings and validation messages.
 */
class ReplicationConfigTest
{
    @TempDir
    Path dir;

    @Test
    void shouldLoadTheFileAndDeriveMembersAndIngressEndpointsWhenKeysAreSet() throws Exception
    {
        final Path conf = dir.resolve("cluster.conf");
        Files.writeString(conf, "members=3\nhost=127.0.0.1\nbasePort=21000\ndataDir=data\nleaderHeartbeatTimeoutMs=2000\n" +
            "snapshotIntervalMs=60000\nidleMaxParkMicros=200\n");
        final ReplicationConfig config = ReplicationConfig.load(conf);
        assertEquals(3, config.members());
        assertEquals(dir.resolve("data").toAbsolutePath(), config.dataDir());
        assertEquals(TimeUnit.SECONDS.toNanos(2), config.leaderHeartbeatTimeoutNs());
        assertEquals(TimeUnit.MINUTES.toNanos(1), config.snapshotIntervalNs());
        assertEquals(TimeUnit.MICROSECONDS.toNanos(200), config.idleMaxParkNs());
        assertEquals("0,127.0.0.1:21000,127.0.0.1:21001,127.0.0.1:21002,127.0.0.1:0,127.0.0.1:21003|" +
            "1,127.0.0.1:21010,127.0.0.1:21011,127.0.0.1:21012,127.0.0.1:0,127.0.0.1:21013|" +
            "2,127.0.0.1:21020,127.0.0.1:21021,127.0.0.1:21022,127.0.0.1:0,127.0.0.1:21023", config.clusterMembers());
        assertEquals("0=127.0.0.1:21000,1=127.0.0.1:21010,2=127.0.0.1:21020", config.ingressEndpoints());
        assertEquals(dir.resolve("data").toAbsolutePath().resolve("member-2"), config.memberDir(2));
    }

    @Test
    void shouldRefuseAHeartbeatTimeoutNotAboveTwiceTheInterval()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new ReplicationConfig()
            .leaderHeartbeatIntervalNs(100).leaderHeartbeatTimeoutNs(200).validate());
        assertEquals("leaderHeartbeatTimeout (200 ns) must exceed twice the heartbeat interval (100 ns)", ex.getMessage());
    }

    @Test
    void shouldRefuseAMemberCountOrPortRangeOutOfRange()
    {
        assertEquals("members must be in [1, 9]: 10", assertThrows(IllegalArgumentException.class,
            () -> new ReplicationConfig().members(10).validate()).getMessage());
        assertEquals("basePort must leave room for 3 members in [1024, 65535]: 65530",
            assertThrows(IllegalArgumentException.class, () -> new ReplicationConfig().basePort(65530).validate())
                .getMessage());
        assertEquals("member id must be in [0, 2]: 3", assertThrows(IllegalArgumentException.class,
            () -> ClusterMember.start(new ReplicationConfig(), 3)).getMessage());
    }
}
