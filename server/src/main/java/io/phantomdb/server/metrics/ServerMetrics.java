package io.phantomdb.server.metrics;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counters and latency histograms of the wire-protocol and HTTP front ends: connections (open and total),
 * statements, errors, and statement latency in microseconds, both since start (for Prometheus buckets) and
 * per interval (for the console's live percentiles).
 * <p>
 * <b>Note:</b> thread-safe; recorders are wait-free for the connection threads, the interval histogram is
 * taken by one reader (the HTTP thread).
 */
public final class ServerMetrics
{
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final AtomicInteger openConnections = new AtomicInteger();
    private final LongAdder connections = new LongAdder();
    private final LongAdder refusedConnections = new LongAdder();
    private final LongAdder statements = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();
    private volatile Supplier<String> extra = () -> "";
    private final ConcurrentHistogram latency = new ConcurrentHistogram(HIGHEST_MICROS, 2);
    private final Recorder interval = new Recorder(HIGHEST_MICROS, 2);
    private Histogram intervalHistogram;

    /**
     * Add a source of further metrics, already in the Prometheus text format, appended to every scrape (a cluster
     * member's role, term, positions and snapshots). The supplier is called on the HTTP thread.
     *
     * @param prometheusText renders the extra metrics.
     */
    public void exportAlso(final Supplier<String> prometheusText)
    {
        this.extra = prometheusText;
    }

    /**
     * @return the extra metrics' text, empty without a source.
     */
    public String extraText()
    {
        return extra.get();
    }

    /**
     * Counts a connection that passed the connection limit.
     */
    public void connectionOpened()
    {
        openConnections.incrementAndGet();
        connections.increment();
    }

    /**
     * Counts the end of a connection counted by {@link #connectionOpened()}.
     */
    public void connectionClosed()
    {
        openConnections.decrementAndGet();
    }

    /**
     * Counts a connection refused by the connection limit or authentication.
     */
    public void connectionRefused()
    {
        refusedConnections.increment();
    }

    /**
     * Records one finished statement.
     *
     * @param nanos  how long it took.
     * @param failed whether it ended with an error.
     */
    public void statement(final long nanos, final boolean failed)
    {
        final long micros = Math.min(Math.max(1, nanos / 1000), HIGHEST_MICROS);
        statements.increment();
        if (failed)
        {
            errors.increment();
        }
        latency.recordValue(micros);
        interval.recordValue(micros);
    }

    /**
     * Counts a transaction the client rolled back (ROLLBACK, or COMMIT of a failed transaction).
     */
    public void rollback()
    {
        rollbacks.increment();
    }

    /**
     * @return transactions rolled back since start.
     */
    public long rollbacks()
    {
        return rollbacks.sum();
    }

    /**
     * Counts a statement that failed before it could be timed (extended-protocol errors).
     */
    public void failedStatement()
    {
        statements.increment();
        errors.increment();
    }

    /**
     * @return connections open now.
     */
    public int openConnections()
    {
        return openConnections.get();
    }

    /**
     * @return connections accepted since start.
     */
    public long connections()
    {
        return connections.sum();
    }

    /**
     * @return connections refused since start.
     */
    public long refusedConnections()
    {
        return refusedConnections.sum();
    }

    /**
     * @return statements run since start.
     */
    public long statements()
    {
        return statements.sum();
    }

    /**
     * @return statements failed since start.
     */
    public long errors()
    {
        return errors.sum();
    }

    /**
     * @return a copy of the latency histogram since start, in microseconds.
     */
    public Histogram latency()
    {
        return latency.copy();
    }

    /**
     * Takes the statements recorded since the previous call. Call from one thread.
     *
     * @return the interval's latency histogram in microseconds.
     */
    public synchronized Histogram takeInterval()
    {
        intervalHistogram = interval.getIntervalHistogram(intervalHistogram);
        return intervalHistogram.copy();
    }
}
