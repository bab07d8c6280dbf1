package io.phantomdb.core.txn;

import io.phantomdb.ClosedException;
import io.phantomdb.PhantomException;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One transaction's hand-over to the writer thread and the writer's answer: reused by its {@link TxContext}.
 * <p>
 * The caller fills the request with {@link #prepare} (plain stores) and offers it to the {@link CommitQueue},
 * whose release/acquire hand-over makes the write set, read set and fields visible to the writer. The writer
 * answers with {@link #complete(long)} or {@link #fail(RuntimeException)}: a plain store of the result, then a
 * volatile store of the state, then an unpark of the caller. The caller spins briefly, then parks until the
 * state changes; it never touches the request's buffers while the writer may read them.
 * <p>
 * <b>Note:</b> shared by exactly two threads in turn, as described; not otherwise thread safe.
 */
final class CommitRequest
{
    private static final int PENDING = 0;
    private static final int COMMITTED = 1;
    private static final int FAILED = 2;
    private static final int SPINS = 200;
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private WriteSet writeSet;
    private ReadSet readSet;
    private IsolationLevel isolation;
    private long snapshotVersion;
    private long minLockVersion;
    private long transactionId;
    private Thread waiter;
    private long commitVersion;
    private RuntimeException failure;
    private volatile int state;

    /**
     * Caller: fill in the transaction before offering it.
     */
    void prepare(
        final long transactionId, final WriteSet writeSet, final ReadSet readSet, final IsolationLevel isolation,
        final long snapshotVersion, final long minLockVersion)
    {
        this.transactionId = transactionId;
        this.writeSet = writeSet;
        this.readSet = readSet;
        this.isolation = isolation;
        this.snapshotVersion = snapshotVersion;
        this.minLockVersion = minLockVersion;
        this.waiter = Thread.currentThread();
        this.commitVersion = 0;
        this.failure = null;
        this.state = PENDING;
    }

    WriteSet writeSet()
    {
        return writeSet;
    }

    ReadSet readSet()
    {
        return readSet;
    }

    IsolationLevel isolation()
    {
        return isolation;
    }

    long snapshotVersion()
    {
        return snapshotVersion;
    }

    long minLockVersion()
    {
        return minLockVersion;
    }

    long transactionId()
    {
        return transactionId;
    }

    /**
     * Writer: the transaction committed at {@code version} and is durable and visible.
     */
    void complete(final long version)
    {
        commitVersion = version;
        final Thread thread = waiter;
        state = COMMITTED; // volatile store: the result is visible to the caller that reads the state
        LockSupport.unpark(thread);
    }

    /**
     * Writer: the transaction did not commit; nothing of it is visible.
     */
    void fail(final RuntimeException ex)
    {
        failure = ex;
        final Thread thread = waiter;
        state = FAILED; // volatile store: the failure is visible to the caller that reads the state
        LockSupport.unpark(thread);
    }

    /**
     * Caller: wait for the writer's answer.
     *
     * @param writer the writer, to notice that it stopped without ever taking this request.
     * @return the commit version.
     * @throws TransactionConflictException on a conflict.
     * @throws ClosedException if the writer stopped before taking the request.
     * @throws PhantomException if the engine failed before the transaction was durable.
     */
    long await(final WriterAgent writer)
    {
        int spins = 0;
        int s;
        while (PENDING == (s = state))
        {
            if (spins < SPINS)
            {
                spins++;
                Thread.onSpinWait();
            }
            else if (writer.isStopped())
            {
                if (PENDING == (s = state))
                {
                    throw new ClosedException("engine (transaction " + transactionId + " was not committed)");
                }
                break;
            }
            else
            {
                LockSupport.parkNanos(this, PARK_NANOS);
            }
        }
        if (COMMITTED == s)
        {
            return commitVersion;
        }
        final RuntimeException ex = failure;
        if (ex instanceof TransactionConflictException)
        {
            throw ex;
        }
        throw new PhantomException("transaction " + transactionId + " did not commit: " + ex.getMessage(), ex);
    }
}
