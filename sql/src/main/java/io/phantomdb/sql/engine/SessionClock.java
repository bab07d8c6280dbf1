package io.phantomdb.sql.engine;

import io.phantomdb.sql.func.EvalContext;

import java.time.LocalDateTime;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The session's clock for {@code now()} and friends: the transaction's and the statement's start times,
 * read from the system clock only when a function first asks for them (the hot path of a statement that
 * calls no time function never reads the clock), and {@code random()}. Once {@linkplain #pin pinned}, every time
 * function returns the pinned time and {@code random()} draws from a generator seeded by the pin.
 * <p>
 * <b>Note:</b> confined to the session's thread.
 */
final class SessionClock implements EvalContext
{
    private LocalDateTime transactionStart;
    private LocalDateTime statementStart;
    private LocalDateTime pinned;
    private SplittableRandom pinnedRandom;

    void pin(final LocalDateTime timestamp, final long randomSeed)
    {
        pinned = timestamp;
        transactionStart = null;
        statementStart = null;
        pinnedRandom = new SplittableRandom(randomSeed);
    }

    void startTransaction()
    {
        transactionStart = null;
        statementStart = null;
    }

    void startStatement()
    {
        statementStart = null;
    }

    @Override
    public LocalDateTime transactionTimestamp()
    {
        if (null == transactionStart)
        {
            transactionStart = statementTimestamp();
        }
        return transactionStart;
    }

    @Override
    public LocalDateTime statementTimestamp()
    {
        if (null != pinned)
        {
            return pinned;
        }
        if (null == statementStart)
        {
            statementStart = LocalDateTime.now();
        }
        return statementStart;
    }

    @Override
    public LocalDateTime clockTimestamp()
    {
        return null == pinned ? LocalDateTime.now() : pinned;
    }

    @Override
    public double random()
    {
        return null == pinnedRandom ? ThreadLocalRandom.current().nextDouble() : pinnedRandom.nextDouble();
    }
}
