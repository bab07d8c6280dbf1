package io.phantomdb.server.http;

import io.phantomdb.core.txn.EngineMetrics;
import io.phantomdb.server.metrics.ServerMetrics;
import io.phantomdb.sql.SqlMetadata;
import org.HdrHistogram.Histogram;

import java.math.BigDecimal;

/**
 * Renders the metrics in the Prometheus text exposition format (version 0.0.4): counters end in
 * {@code _total}, the statement latency is a histogram in seconds with cumulative {@code le} buckets taken from
 * the HdrHistogram since start.
 * <p>
 * <b>Note:</b> stateless, thread-safe.
 */
final class PrometheusText
{
    private static final double[] BUCKETS_SECONDS = {
        0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private PrometheusText()
    {
    }

    static String render(final ServerMetrics metrics, final EngineMetrics engine, final SqlMetadata metadata)
    {
        final StringBuilder out = new StringBuilder(4096);
        gauge(out, "phantomdb_connections", "Client connections open now.", metrics.openConnections());
        counter(out, "phantomdb_connections_total", "Client connections accepted since start.", metrics.connections());
        counter(out, "phantomdb_connections_refused_total", "Connections refused (limit or authentication).",
            metrics.refusedConnections());
        counter(out, "phantomdb_statements_total", "Statements run since start.", metrics.statements());
        counter(out, "phantomdb_statement_errors_total", "Statements that ended with an error.", metrics.errors());
        counter(out, "phantomdb_rollbacks_total", "Transactions rolled back by clients (aborts).", metrics.rollbacks());
        if (engine != null)
        {
            counter(out, "phantomdb_commits_total", "Transactions committed by the engine.", engine.commits());
            counter(out, "phantomdb_conflicts_total", "Commits refused with a conflict (40001).", engine.conflicts());
            counter(out, "phantomdb_wal_syncs_total", "WAL file forces.", engine.walSyncs());
            counter(out, "phantomdb_checkpoints_total", "Checkpoints taken.", engine.checkpoints());
            counter(out, "phantomdb_wal_bytes_total", "Bytes of WAL records appended.", engine.walBytes());
            out.append("# HELP phantomdb_checkpoint_seconds_total Time spent in checkpoints.\n")
                .append("# TYPE phantomdb_checkpoint_seconds_total counter\n")
                .append("phantomdb_checkpoint_seconds_total ").append(engine.checkpointNanos() / 1e9).append('\n');
        }
        if (metadata != null)
        {
            int indexes = 0;
            for (final SqlMetadata.TableInfo table : metadata.tables())
            {
                indexes += table.indexes().size();
            }
            gauge(out, "phantomdb_tables", "Tables and views in the catalog.", metadata.tables().size());
            gauge(out, "phantomdb_indexes", "Indexes in the catalog.", indexes);
        }
        final Histogram latency = metrics.latency();
        out.append("# HELP phantomdb_statement_latency_seconds Statement latency on the server.\n")
            .append("# TYPE phantomdb_statement_latency_seconds histogram\n");
        for (final double bucket : BUCKETS_SECONDS)
        {
            final long micros = Math.round(bucket * 1_000_000);
            final long count = latency.getTotalCount() == 0 ? 0 : latency.getCountBetweenValues(0, micros);
            out.append("phantomdb_statement_latency_seconds_bucket{le=\"")
                .append(BigDecimal.valueOf(bucket).toPlainString()).append("\"} ").append(count).append('\n');
        }
        out.append("phantomdb_statement_latency_seconds_bucket{le=\"+Inf\"} ").append(latency.getTotalCount()).append('\n')
            .append("phantomdb_statement_latency_seconds_sum ")
            .append(latency.getMean() * latency.getTotalCount() / 1e6).append('\n')
            .append("phantomdb_statement_latency_seconds_count ").append(latency.getTotalCount()).append('\n');
        out.append(metrics.extraText());
        return out.toString();
    }

    static void counter(final StringBuilder out, final String name, final String help, final long value)
    {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name)
            .append(" counter\n").append(name).append(' ').append(value).append('\n');
    }

    static void gauge(final StringBuilder out, final String name, final String help, final long value)
    {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name)
            .append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }
}
