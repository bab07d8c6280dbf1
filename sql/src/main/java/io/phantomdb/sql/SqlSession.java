package io.phantomdb.sql;

import io.phantomdb.core.txn.IsolationLevel;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One client's conversation with a {@link SqlDatabase}: its transaction state and settings.
 * <p>
 * Not thread-safe: one thread at a time, except {@link #cancel()}, which any thread may call.
 * <p>
 * Values cross this interface as Java objects: SQL NULL is {@code null}; BOOLEAN {@link Boolean};
 * SMALLINT {@link Short}; INTEGER {@link Integer}; BIGINT {@link Long}; REAL {@link Float}; DOUBLE
 * PRECISION {@link Double}; NUMERIC {@link java.math.BigDecimal}; CHAR/VARCHAR/TEXT {@link String};
 * BYTEA {@code byte[]}; DATE {@link java.time.LocalDate}; TIME {@link java.time.LocalTime};
 * TIMESTAMP {@link java.time.LocalDateTime}; JSON {@link String} (the document text). Parameters
 * accept those classes, other numeric boxes, and {@link String} for any type (read as a literal of
 * the parameter's type, as PostgreSQL does for untyped parameters).
 * <p>
 * Errors: every method reports bad input and failed statements as {@link SqlException}. A failed
 * statement leaves an explicit transaction open and usable (statement-level atomicity); a failed
 * COMMIT (for example 40001) ends the transaction.
 */
public interface SqlSession extends AutoCloseable
{
    /**
     * Parses and plans one statement for repeated execution. Statements are planned against the
     * current catalog and replanned transparently when DDL changes it.
     *
     * @param sql one statement; a trailing semicolon is allowed. Parameters are {@code ?} or {@code $n}.
     * @return the prepared statement, owned by this session.
     */
    PreparedSql prepare(String sql);

    /**
     * Runs one statement without parameters (through the session's plan cache).
     *
     * @param sql one statement.
     * @return its result; close it (or read it to the end) before the next statement.
     */
    SqlResult execute(String sql);

    /**
     * Splits a script into its statements, by the SQL lexer (semicolons inside strings, quoted names
     * and comments do not split). Empty statements are dropped.
     *
     * @param script text with zero or more statements.
     * @return the statements' texts, in order.
     */
    List<String> split(String script);

    /**
     * @return whether each statement outside BEGIN ... COMMIT commits by itself (the default).
     */
    boolean autoCommit();

    /**
     * Switches autocommit; switching it on commits an open transaction (as JDBC specifies).
     *
     * @param autoCommit the new mode.
     */
    void setAutoCommit(boolean autoCommit);

    /**
     * @return whether a transaction is open (after BEGIN, or after a statement with autocommit off).
     */
    boolean inTransaction();

    /**
     * Commits the open transaction, if any.
     */
    void commit();

    /**
     * Rolls back the open transaction, if any.
     */
    void rollback();

    /**
     * @return the isolation level the next transaction gets.
     */
    IsolationLevel isolation();

    /**
     * Sets the isolation level of the next transaction (the current one keeps its level).
     *
     * @param level the level.
     */
    void setIsolation(IsolationLevel level);

    /**
     * Limits how long one statement may run; 0 (the default) means no limit. A statement over the
     * limit fails with 57014.
     *
     * @param millis the limit in milliseconds.
     */
    void setStatementTimeout(long millis);

    /**
     * Asks the statement running in this session, if any, to stop with 57014. Safe from any thread.
     */
    void cancel();

    /**
     * Rolls back an open transaction and releases the session's prepared statements. Idempotent.
     */
    /**
     * Pins what statements read besides the data: from this call on, {@code now()}, {@code current_timestamp},
     * {@code statement_timestamp()} and {@code clock_timestamp()} return {@code timestamp}, and {@code random()} draws
     * from a generator seeded with {@code randomSeed} (restarted by every call). Statement replication pins the same
     * context before running a transaction on each replica, so every replica computes the same values.
     *
     * @param timestamp  the time every time function returns.
     * @param randomSeed the seed of {@code random()}'s sequence.
     */
    void pinContext(LocalDateTime timestamp, long randomSeed);

    @Override
    void close();
}
