package io.phantomdb.sql.engine;

import io.phantomdb.sql.func.EvalContext;

import java.time.LocalDateTime;

/**
 * The session's clock for {@code now()} and friends: the transaction's start time, set when the session
 * begins a transaction, and the statement's start time.
 * <p>
 * <b>Note:</b> confined to the session's thread.
 */
final class SessionClock implements EvalContext
{
    private LocalDateTime transactionStart = LocalDateTime.now();
    private LocalDateTime statementStart = transactionStart;

    void startTransaction()
    {
        transactionStart = LocalDateTime.now();
        statementStart = transactionStart;
    }

    void startStatement()
    {
        statementStart = LocalDateTime.now();
    }

    @Override
    public LocalDateTime transactionTimestamp()
    {
        return transactionStart;
    }

    @Override
    public LocalDateTime statementTimestamp()
    {
        return statementStart;
    }

    @Override
    public LocalDateTime clockTimestamp()
    {
        return LocalDateTime.now();
    }
}
