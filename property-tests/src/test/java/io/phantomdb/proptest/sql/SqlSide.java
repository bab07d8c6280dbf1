package io.phantomdb.proptest.sql;

/**
 * One database under a differential test: statements in, {@link Outcome}s out.
 * <p>
 * <b>Note:</b> one thread at a time.
 */
interface SqlSide extends AutoCloseable
{
    /**
     * Runs one statement to completion (every row read).
     *
     * @param sql the statement.
     * @return what it did; never throws for a failed statement.
     */
    Outcome run(String sql);

    @Override
    void close();
}
