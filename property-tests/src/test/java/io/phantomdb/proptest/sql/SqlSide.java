package io.phantomdb.proptest.sql;

import java.util.List;

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

    /**
     * Runs one statement with parameters ({@code ?}) to completion.
     *
     * @param sql        the statement.
     * @param parameters one value per parameter, in order; null to run {@code sql} without preparing it.
     * @return what it did; never throws for a failed statement.
     */
    default Outcome run(String sql, List<Object> parameters)
    {
        if (parameters != null)
        {
            throw new UnsupportedOperationException("no parameters on this side");
        }
        return run(sql);
    }

    @Override
    void close();
}
