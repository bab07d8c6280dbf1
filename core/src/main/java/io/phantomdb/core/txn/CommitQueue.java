package io.phantomdb.core.txn;

import io.phantomdb.ClosedException;
import io.phantomdb.PhantomException;
import org.agrona.concurrent.IdleStrategy;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscArrayQueue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded lock-free many-to-one queue of {@link CommitRequest}s from callers to the writer thread (JCTools
 * {@link MpscArrayQueue}: a producer's offer is a release, the writer's poll an acquire), plus the writer's
 * wake-up: the writer marks itself idle before it parks and re-checks the queue; a caller that enqueued reads
 * the mark and unparks it. Both sides store then load (Dekker), so a request is never left waiting for the
 * writer's maximum park time.
 * <p>
 * Back-pressure: when the queue is full, {@link #offer} backs off (yield, then parks growing to 1 ms) and retries
 * until the configured timeout, then throws {@link PhantomException}; the transaction is rolled back.
 * <p>
 * <b>Note:</b> {@link #offer} from any thread; {@link #drain} and {@link #idleStrategy} from the writer thread.
 */
final class CommitQueue
{
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final MpscArrayQueue<CommitRequest> queue;
    private final long timeoutNanos;
    private volatile Thread writerThread;
    private volatile boolean writerIdle;

    /**
     * @param capacity      requests held, a power of two.
     * @param timeoutMillis how long a full queue is retried.
     */
    CommitQueue(final int capacity, final long timeoutMillis)
    {
        this.queue = new MpscArrayQueue<>(capacity);
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /**
     * Caller: enqueue a request, backing off while the queue is full, and wake the writer.
     *
     * @param request the prepared request.
     * @param writer  the writer, checked while backing off.
     * @throws ClosedException  if the writer stopped while the queue was full.
     * @throws PhantomException if the queue stayed full for the timeout.
     */
    void offer(final CommitRequest request, final WriterAgent writer)
    {
        if (!queue.offer(request))
        {
            final long start = System.nanoTime();
            long backoff = 1000;
            int attempts = 0;
            while (!queue.offer(request))
            {
                if (writer.isStopped())
                {
                    throw new ClosedException("engine (transaction " + request.transactionId() + " was not committed)");
                }
                final long waited = System.nanoTime() - start;
                if (waited >= timeoutNanos)
                {
                    throw new PhantomException("commit queue full (capacity " + queue.capacity() + ") for " +
                        TimeUnit.NANOSECONDS.toMillis(waited) + " ms: the writer is overloaded; transaction " +
                        request.transactionId() + " was rolled back, retry later");
                }
                wakeWriter();
                if (++attempts < 10)
                {
                    Thread.yield();
                }
                else
                {
                    LockSupport.parkNanos(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
                }
            }
        }
        wakeWriter();
    }

    /**
     * Any thread: unpark the writer if it is idle.
     */
    void wake()
    {
        wakeWriter();
    }

    private void wakeWriter()
    {
        if (writerIdle) // volatile load after the offer's CAS: sees the writer's idle mark or it sees the request
        {
            LockSupport.unpark(writerThread);
        }
    }

    /**
     * Writer: take up to {@code limit} requests.
     *
     * @return requests taken.
     */
    int drain(final MessagePassingQueue.Consumer<CommitRequest> consumer, final int limit)
    {
        return queue.drain(consumer, limit);
    }

    /**
     * @return true if no request waits.
     */
    boolean isEmpty()
    {
        return queue.isEmpty();
    }

    /**
     * @return an idle strategy for the writer thread that marks it idle around {@code delegate} and skips the
     *         idle when a request arrived meanwhile.
     */
    IdleStrategy idleStrategy(final IdleStrategy delegate)
    {
        return new IdleStrategy()
        {
            @Override
            public void idle(final int workCount)
            {
                if (workCount > 0)
                {
                    delegate.reset();
                    return;
                }
                idle();
            }

            @Override
            public void idle()
            {
                if (null == writerThread)
                {
                    writerThread = Thread.currentThread();
                }
                writerIdle = true; // volatile store, then the queue load below
                if (queue.isEmpty())
                {
                    delegate.idle();
                }
                writerIdle = false;
            }

            @Override
            public void reset()
            {
                delegate.reset();
            }

            @Override
            public String alias()
            {
                return "commit-queue-" + delegate.alias();
            }
        };
    }
}
