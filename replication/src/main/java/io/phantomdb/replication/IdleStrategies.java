package io.phantomdb.replication;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.function.Supplier;

/**
 * The idle strategy every Aeron thread of a member or client uses: a short spin, a few yields, then parking that
 * backs off up to a configured maximum. Aeron's defaults busy-spin, which a shared machine cannot afford.
 * <p>
 * <b>Note:</b> stateless; each supplied strategy belongs to one thread.
 */
public final class IdleStrategies
{
    private static final long MIN_PARK_NANOS = 1_000;

    private IdleStrategies()
    {
    }

    /**
     * @param maxParkNanos longest park.
     * @return a supplier of new back-off strategies.
     */
    public static Supplier<IdleStrategy> backoff(final long maxParkNanos)
    {
        return () -> create(maxParkNanos);
    }

    /**
     * @param maxParkNanos longest park.
     * @return a new back-off strategy: 10 spins, 10 yields, then parks from 1 us up to {@code maxParkNanos}.
     */
    public static IdleStrategy create(final long maxParkNanos)
    {
        return new BackoffIdleStrategy(10, 10, MIN_PARK_NANOS, Math.max(MIN_PARK_NANOS, maxParkNanos));
    }
}
