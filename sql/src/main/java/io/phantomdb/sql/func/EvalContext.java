package io.phantomdb.sql.func;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What functions read from the executing statement: the transaction's start time ({@code now()},
 * {@code current_timestamp}, {@code current_date}), the statement's start time, and random numbers.
 * <p>
 * <b>Note:</b> implementations are called on the thread that evaluates the statement; they need not be
 * thread-safe unless shared.
 */
public interface EvalContext
{
    /**
     * @return the start time of the current transaction (local time, no zone), the value of {@code now()};
     * the same for every call within one transaction.
     */
    LocalDateTime transactionTimestamp();

    /**
     * @return the start time of the current statement; by default {@link #transactionTimestamp()}.
     */
    default LocalDateTime statementTimestamp()
    {
        return transactionTimestamp();
    }

    /**
     * @return the time now, for {@code clock_timestamp()}; by default {@link #statementTimestamp()}.
     */
    default LocalDateTime clockTimestamp()
    {
        return statementTimestamp();
    }

    /**
     * @return a uniformly distributed double in [0, 1), for {@code random()}.
     */
    default double random()
    {
        return ThreadLocalRandom.current().nextDouble();
    }

    /**
     * A context for one fixed instant, for tests and constant folding.
     *
     * @param timestamp the transaction and statement time.
     * @return the context.
     */
    static EvalContext fixed(final LocalDateTime timestamp)
    {
        return () -> timestamp;
    }

    /**
     * A context that reads a clock on every call (so {@code now()} moves): for tools, not for transactions.
     *
     * @param clock the clock, with the session's time zone.
     * @return the context.
     */
    static EvalContext ofClock(final Clock clock)
    {
        return () -> LocalDateTime.now(clock);
    }
}
