package io.phantomdb.proptest.txn;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A time bound for one jqwik try (jqwik has no {@code @Timeout}): runs the task on a daemon thread and fails
 * with the task's description and the stuck thread's stack if it does not finish in time, so a hung commit
 * cannot hang the build.
 */
final class Bounded
{
    private Bounded()
    {
    }

    static <T> T call(final Callable<T> task, final long millis, final Supplier<String> description)
    {
        final FutureTask<T> future = new FutureTask<>(task);
        final Thread thread = new Thread(future, "txn-bounded-try");
        thread.setDaemon(true);
        thread.start();
        try
        {
            return future.get(millis, TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException ex)
        {
            final String stack = Arrays.stream(thread.getStackTrace()).map(frame -> "    at " + frame).collect(Collectors.joining("\n"));
            thread.interrupt();
            throw new AssertionError("did not finish within " + millis + " ms; the stuck thread:\n" + stack + "\n" + description.get());
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof RuntimeException runtime)
            {
                throw runtime;
            }
            if (ex.getCause() instanceof Error error)
            {
                throw error;
            }
            throw new AssertionError(ex.getCause());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }
}
