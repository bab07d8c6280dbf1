package io.phantomdb.replication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.phantomdb.replication.ClusterTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Five members tolerate two failures: the leader and a follower are closed, the remaining three elect a leader and
 * commit; a client co-located with a member (sharing its media driver, as a server embedding a member would) keeps
 * working through the failover.
 */
class FiveMemberClusterTest
{
    private static final int KS = 5;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldCommitWithThreeOfFiveMembersWhenTheLeaderAndAFollowerAreClosed()
    {
        final Path dir = newDir("five");
        try (LocalCluster cluster = LocalCluster.start(5, dir))
        {
            final int leader = cluster.awaitLeader(30 * SECOND_NS).memberId();
            final int host = (leader + 1) % 5;
            try (ClusterClient client = ClusterClient.connectThroughDriver(cluster.config(),
                cluster.member(host).aeronDirectoryName(), 20 * SECOND_NS))
            {
                client.put(KS, bytes("before"), bytes("1"));
                cluster.stopMember(leader);
                cluster.stopMember((leader + 2) % 5);
                final CommitResult after = client.put(KS, bytes("after"), bytes("2"));
                assertNotEquals(leader, cluster.awaitLeader(10 * SECOND_NS).memberId());
                long checksum = 0;
                for (int m = 0; m < 5; m++)
                {
                    final ClusterMember member = cluster.member(m);
                    if (null != member)
                    {
                        assertEquals("2", text(member.readAtLeast(KS, bytes("after"), after.position(), 10 * SECOND_NS)
                            .value()));
                        checksum = 0 == checksum ? member.checksum() : checksum;
                        assertEquals(checksum, member.checksum(), "member " + m);
                    }
                }
                assertEquals("1", text(client.read(KS, bytes("before"))[0].value()));
            }
        }
        finally
        {
            delete(dir);
        }
    }
}
