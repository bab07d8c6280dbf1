package io.phantomdb.sql.engine;

import io.phantomdb.sql.func.EvalContext;

import java.time.LocalDateTime;

/**
 * The session's clock for {@code now()} and friends: the transaction's and the statement's start times,
 * read from the system clock only when a function first asks for them (the hot path of a statement that
 * calls no time function never reads the clock).
 * <p>
 * <b>Note:</b> confined to the session's thread.
 */
final class SessionClock implements EvalContext
{
    private LocalDateTime transactionStart;
    private LocalDateTime statementStart;

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
        if (null == statementStart)
        {
            statementStart = LocalDateTime.now();
        }
        return statementStart;
    }

    @Override
    public LocalDateTime clockTimestamp()
    {
        return LocalDateTime.now();
    }
}
