package io.phantomdb.server.http;

import io.phantomdb.server.metrics.ServerMetrics;
import org.HdrHistogram.Histogram;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Once a second, turns the statements recorded in the last interval into one sample (statements per second and
 * latency percentiles in microseconds) and keeps the last two minutes for the console's live charts.
 * <p>
 * <b>Note:</b> thread-safe; {@link #sample()} runs on one scheduler thread, {@link #json()} on HTTP threads.
 */
final class StatsSampler
{
    private static final int KEEP = 120;

    private record Sample(long epochMillis, double perSecond, long p50, long p90, long p99, long p999, long max)
    {
    }

    private final ServerMetrics metrics;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private long lastNanos = System.nanoTime();

    StatsSampler(final ServerMetrics metrics)
    {
        this.metrics = metrics;
    }

    void sample()
    {
        final Histogram interval = metrics.takeInterval();
        final long now = System.nanoTime();
        final double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        lastNanos = now;
        final Sample sample = new Sample(System.currentTimeMillis(), interval.getTotalCount() / seconds,
            interval.getValueAtPercentile(50), interval.getValueAtPercentile(90), interval.getValueAtPercentile(99),
            interval.getValueAtPercentile(99.9), interval.getMaxValue());
        synchronized (samples)
        {
            samples.addLast(sample);
            while (samples.size() > KEEP)
            {
                samples.removeFirst();
            }
        }
    }

    String json()
    {
        final StringBuilder out = new StringBuilder(8192).append("{\"connections\":").append(metrics.openConnections())
            .append(",\"statements\":").append(metrics.statements()).append(",\"errors\":").append(metrics.errors())
            .append(",\"samples\":[");
        synchronized (samples)
        {
            boolean first = true;
            for (final Sample s : samples)
            {
                out.append(first ? "" : ",").append("{\"t\":").append(s.epochMillis()).append(",\"tps\":")
                    .append(Math.round(s.perSecond() * 10) / 10.0).append(",\"p50\":").append(s.p50())
                    .append(",\"p90\":").append(s.p90()).append(",\"p99\":").append(s.p99()).append(",\"p999\":")
                    .append(s.p999()).append(",\"max\":").append(s.max()).append('}');
                first = false;
            }
        }
        return out.append("]}").toString();
    }
}
