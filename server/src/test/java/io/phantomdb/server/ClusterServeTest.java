package io.phantomdb.server;

import io.phantomdb.replication.LocalCluster;
import io.phantomdb.replication.ReplicationConfig;
import io.phantomdb.replication.sql.ReadConsistency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Three cluster members, each with its server ({@link ClusterNode}, what {@code serve --cluster --member} runs), in
 * this JVM on loopback: pgjdbc clients (linearizable reads, so each sees the others' commits) write through every
 * member, read their writes, see 40001 for a stale
 * transaction, the leader's node is closed while writes continue through the others, every surviving member ends
 * with the same tables (and the same checksum of every table), and {@code /metrics} shows the cluster.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterServeTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldServeReadsAndWritesThroughEveryMemberAcrossALeaderFailover(@TempDir final Path directory)
        throws Exception
    {
        final ReplicationConfig cluster = new ReplicationConfig().members(3).host("127.0.0.1")
            .basePort(LocalCluster.freeBasePort(3)).dataDir(directory);
        final List<CompletableFuture<ClusterNode>> starting = new ArrayList<>();
        for (int m = 0; m < 3; m++)
        {
            final int member = m;
            starting.add(CompletableFuture.supplyAsync(() -> ClusterNode.start(
                new ServerConfig().port(0).httpPort(0 == member ? 0 : -1), cluster, member, ReadConsistency.MEMBER)));
        }
        final ClusterNode[] nodes = new ClusterNode[3];
        try
        {
            for (int m = 0; m < 3; m++)
            {
                nodes[m] = starting.get(m).get(60, TimeUnit.SECONDS);
            }
            try (Connection c0 = connect(nodes[0]); Connection c1 = connect(nodes[1]); Connection c2 = connect(nodes[2]))
            {
                for (final Connection c : List.of(c0, c1, c2))
                {
                    execute(c, "SET phantomdb.read_consistency = 'linearizable'");
                }
                execute(c0, "CREATE TABLE items (id SERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, qty INT NOT NULL)");
                try (PreparedStatement insert = c1.prepareStatement("INSERT INTO items (name, qty) VALUES (?, ?)"))
                {
                    for (int i = 0; i < 20; i++)
                    {
                        insert.setString(1, "item" + i);
                        insert.setInt(2, i);
                        assertEquals(1, insert.executeUpdate());
                    }
                }
                assertEquals(20, count(c1, "SELECT count(*) FROM items"), "read-your-writes on member 1");
                c2.setAutoCommit(false);
                execute(c2, "UPDATE items SET qty = qty + 100 WHERE id <= 10");
                execute(c2, "DELETE FROM items WHERE name = 'item19'");
                c2.commit();
                c2.setAutoCommit(true);
                assertEquals(19, count(c0, "SELECT count(*) FROM items"), "member 0 reads member 2's commit");
                assertEquals(1171, count(c0, "SELECT sum(qty) FROM items"));

                c1.setAutoCommit(false);
                assertEquals(101, count(c1, "SELECT qty FROM items WHERE name = 'item1'"));
                execute(c0, "UPDATE items SET qty = 0 WHERE name = 'item1'");
                execute(c1, "UPDATE items SET qty = 102 WHERE name = 'item1'");
                final PSQLException stale = assertThrows(PSQLException.class, c1::commit);
                assertEquals("40001", stale.getSQLState(), stale.getMessage());
                c1.setAutoCommit(true);

                final SQLException duplicate = assertThrows(SQLException.class,
                    () -> execute(c2, "INSERT INTO items (name, qty) VALUES ('item0', 1)"));
                assertEquals("23505", duplicate.getSQLState());
            }
            final String metrics = get("http://127.0.0.1:" + nodes[0].server().httpPort() + "/metrics");
            assertTrue(metrics.contains("phantomdb_cluster_role{role=\"LEADER\"}"), metrics);
            assertTrue(metrics.contains("phantomdb_cluster_sql_commits_total"), metrics);
            assertTrue(metrics.matches("(?s).*phantomdb_cluster_sql_conflicts_total [1-9].*"), metrics);

            int leader = -1;
            for (int m = 0; m < 3; m++)
            {
                if (nodes[m].member().isLeader())
                {
                    leader = m;
                }
            }
            assertTrue(leader >= 0, "a leader");
            nodes[leader].close();
            final int survivor = (leader + 1) % 3;
            final int other = (leader + 2) % 3;
            try (Connection c = connect(nodes[survivor]))
            {
                for (int i = 100; i < 110; i++)
                {
                    execute(c, "INSERT INTO items (name, qty) VALUES ('after" + i + "', " + i + ")");
                }
            }
            try (Connection c = connect(nodes[other]))
            {
                execute(c, "SET phantomdb.read_consistency = 'linearizable'");
                assertEquals(29, count(c, "SELECT count(*) FROM items"));
                assertEquals(rows(nodes[survivor]), rows(nodes[other]));
            }
            assertEquals(nodes[survivor].member().sqlChecksum(), nodes[other].member().sqlChecksum(),
                "every table, index and the catalog are equal on the surviving members");
        }
        finally
        {
            for (final ClusterNode node : nodes)
            {
                if (null != node)
                {
                    node.close();
                }
            }
        }
    }

    private static String rows(final ClusterNode node) throws SQLException
    {
        final StringBuilder out = new StringBuilder();
        try (Connection c = connect(node); Statement statement = c.createStatement())
        {
            statement.execute("SET phantomdb.read_consistency = 'linearizable'");
            try (ResultSet rows = statement.executeQuery("SELECT id, name, qty FROM items ORDER BY id"))
            {
                while (rows.next())
                {
                    out.append(rows.getInt(1)).append(',').append(rows.getString(2)).append(',')
                        .append(rows.getInt(3)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static Connection connect(final ClusterNode node) throws SQLException
    {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + node.server().port() +
            "/phantomdb?user=phantom&sslmode=disable");
    }

    private static void execute(final Connection connection, final String sql) throws SQLException
    {
        try (Statement statement = connection.createStatement())
        {
            statement.execute(sql);
        }
    }

    private static long count(final Connection connection, final String sql) throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql))
        {
            assertTrue(rows.next(), sql);
            return rows.getLong(1);
        }
    }

    private static String get(final String url) throws Exception
    {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
