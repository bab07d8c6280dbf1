package io.phantomdb.replication;

import io.phantomdb.PhantomException;

/**
 * The cluster did not answer in time: no leader was reachable, or a member had not applied the log far enough.
 * For a transaction the outcome is unknown (it may still commit, exactly once); read it back to find out.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public class ReplicationTimeoutException extends PhantomException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what timed out, with the durations and positions involved.
     */
    public ReplicationTimeoutException(final String message)
    {
        super(message);
    }
}
