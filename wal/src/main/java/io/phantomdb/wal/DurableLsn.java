package io.phantomdb.wal;

import io.phantomdb.ClosedException;

/**
 * The durable LSN: written by the writer thread, read and waited on by any thread.
 * <p>
 * Ordering: {@link #publish} is a volatile store, so everything the writer did before it (the append and the
 * fsync) happens-before any thread that reads the new value; and, being sequentially consistent with the
 * following volatile read of {@code waiters}, it cannot be reordered after that read, so a waiter that registered
 * before the store is always notified and a waiter that registers after it sees the new value (no lost wake-up).
 * <p>
 * <b>Note:</b> {@link #publish} and {@link #close} from the writer thread only; {@link #get} and
 * {@link #await} from any thread.
 */
final class DurableLsn
{
    private final Object lock = new Object();
    private final String name;
    private volatile long value;
    private volatile int waiters;
    private volatile boolean closed;

    DurableLsn(final String name, final long initial)
    {
        this.name = name;
        this.value = initial;
    }

    long get()
    {
        // Volatile load: acquires everything the writer did before publishing this value.
        return value;
    }

    void publish(final long lsn)
    {
        // Volatile store: releases the append and the fsync before it to readers of value; it is also ordered
        // before the volatile load of waiters below (no store-load reordering between volatiles).
        value = lsn;
        if (waiters > 0)
        {
            synchronized (lock)
            {
                lock.notifyAll();
            }
        }
    }

    void close()
    {
        closed = true;
        synchronized (lock)
        {
            lock.notifyAll();
        }
    }

    /**
     * Slow path of {@link WalWriter#awaitDurable}: parks until {@code lsn} is durable, the timeout elapses, or the
     * writer closes.
     *
     * @return true if durable, false on timeout.
     * @throws ClosedException      if the writer closed before {@code lsn} became durable.
     * @throws InterruptedException if interrupted while waiting.
     */
    boolean await(final long lsn, final long timeoutNs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + timeoutNs;
        synchronized (lock)
        {
            waiters++;
            try
            {
                while (value < lsn)
                {
                    if (closed)
                    {
                        throw new ClosedException(name);
                    }
                    final long remaining = deadline - System.nanoTime();
                    if (remaining <= 0)
                    {
                        return false;
                    }
                    lock.wait(remaining / 1_000_000, (int)(remaining % 1_000_000));
                }
                return true;
            }
            finally
            {
                waiters--;
            }
        }
    }
}
