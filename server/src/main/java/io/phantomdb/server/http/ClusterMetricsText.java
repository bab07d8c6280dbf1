package io.phantomdb.server.http;

import io.phantomdb.replication.ClusterMember;
import io.phantomdb.replication.MemberMetrics;

/**
 * Renders a cluster member's metrics in the Prometheus text format, for {@code /metrics} of a server started with
 * {@code --cluster}: role, term, commit and applied positions, apply lag, elections, snapshots, transactions.
 * <p>
 * <b>Note:</b> stateless, thread-safe.
 */
public final class ClusterMetricsText
{
    private static final String[] ROLES = {"LEADER", "FOLLOWER", "CANDIDATE", "CLOSED"};

    private ClusterMetricsText()
    {
    }

    /**
     * @param member the member.
     * @return its metrics as Prometheus text.
     */
    public static String render(final ClusterMember member)
    {
        final MemberMetrics m = member.metrics();
        final StringBuilder out = new StringBuilder(2048);
        PrometheusText.gauge(out, "phantomdb_cluster_member_id", "This member's id.", m.memberId());
        out.append("# HELP phantomdb_cluster_role 1 for this member's current role.\n")
            .append("# TYPE phantomdb_cluster_role gauge\n");
        for (final String role : ROLES)
        {
            out.append("phantomdb_cluster_role{role=\"").append(role).append("\"} ")
                .append(role.equals(m.role()) ? 1 : 0).append('\n');
        }
        PrometheusText.gauge(out, "phantomdb_cluster_term", "Current leadership term.", m.leadershipTermId());
        PrometheusText.gauge(out, "phantomdb_cluster_commit_position_bytes",
            "Log position a majority has appended.", m.commitPosition());
        PrometheusText.gauge(out, "phantomdb_cluster_applied_position_bytes",
            "Log position this member has applied.", m.appliedPosition());
        PrometheusText.gauge(out, "phantomdb_cluster_apply_lag_bytes",
            "Commit position minus applied position.", m.applyLag());
        PrometheusText.counter(out, "phantomdb_cluster_elections_total", "Elections since start.", m.elections());
        PrometheusText.counter(out, "phantomdb_cluster_snapshots_total", "Snapshots written since start.",
            m.snapshotsTaken());
        seconds(out, "phantomdb_cluster_snapshot_last_seconds", "Duration of the last snapshot write.",
            m.lastSnapshotMicros());
        seconds(out, "phantomdb_cluster_snapshot_max_seconds", "Longest snapshot write.", m.maxSnapshotMicros());
        seconds(out, "phantomdb_cluster_snapshot_load_seconds",
            "Snapshot load at start (-1: started without one).", m.snapshotLoadMicros());
        PrometheusText.counter(out, "phantomdb_cluster_transactions_applied_total",
            "Replicated transactions applied since start.", m.transactionsApplied());
        PrometheusText.counter(out, "phantomdb_cluster_sql_commits_total",
            "SQL transactions committed from the log since start.", member.sql().transactionsCommitted());
        PrometheusText.counter(out, "phantomdb_cluster_sql_conflicts_total",
            "SQL transactions aborted because a result differed from the client's (40001).",
            member.sql().transactionsConflicted());
        PrometheusText.counter(out, "phantomdb_cluster_undelivered_responses_total",
            "Answers the leader gave up sending (the client retried).", m.undeliveredResponses());
        return out.toString();
    }

    private static void seconds(final StringBuilder out, final String name, final String help, final long micros)
    {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name)
            .append(" gauge\n").append(name).append(' ').append(micros < 0 ? -1 : micros / 1e6).append('\n');
    }
}
