package io.phantomdb.proptest.txn;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real threads against a {@link TxnDriver}: writer threads run read-modify-write transactions with retry on
 * 40001 while a reader thread checks an invariant on every snapshot it scans; at the end the state is checked
 * against the committed deltas. Two workloads:
 * <ul>
 *   <li>{@link #bank}: transfers between accounts (read both, move an amount). Invariant: the total balance;
 *       at the end every account equals its initial balance plus the deltas of the committed transfers.</li>
 *   <li>{@link #writeSkew}: two keys x and y with the constraint {@code x + y >= 0}; each transaction reads
 *       both, then decrements one of them if the constraint still holds after it (or sometimes deposits).
 *       Snapshot isolation allows write skew here; SERIALIZABLE must not.</li>
 * </ul>
 * A checkpointer thread checkpoints the engine every 25 ms meanwhile (a no-op in memory). Every thread stops at
 * the deadline or on the first failure; the caller joins them with a bound.
 */
final class ConcurrentWorkload
{
    static final int ACCOUNTS = 8;
    static final long INITIAL_BALANCE = 100;
    private static final int MAX_RETRIES = 1_000;

    /**
     * What a run did; {@link #failures} is empty when every invariant held.
     */
    record Result(List<String> failures, long commits, long conflicts, long snapshotsChecked, long seed)
    {
        @Override
        public String toString()
        {
            return commits + " commits, " + conflicts + " conflicts retried, " + snapshotsChecked + " snapshots checked, seed " +
                seed + (failures.isEmpty() ? "" : ", failures: " + failures);
        }
    }

    private interface Body
    {
        /**
         * Runs one transaction's reads and writes (not the commit) and returns the deltas it will apply if it
         * commits, indexed by key.
         */
        long[] run(TxnDriver.Txn txn, SplittableRandom random);
    }

    private interface Invariant
    {
        /**
         * @return null if the scanned state is fine, else what is wrong.
         */
        String check(NavigableMap<Integer, Long> state);
    }

    private ConcurrentWorkload()
    {
    }

    static Result bank(
        final TxnDriver driver, final Level level, final boolean lockForUpdate, final int writers, final long millis, final long seed)
    {
        final long total = ACCOUNTS * INITIAL_BALANCE;
        final Body transfer = (txn, random) ->
        {
            final int from = random.nextInt(ACCOUNTS);
            final int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            final long amount = 1 + random.nextInt(30);
            if (lockForUpdate)
            {
                txn.lockForUpdate(from);
                txn.lockForUpdate(to);
            }
            final long fromBalance = Long.parseLong(txn.get(from));
            Thread.yield();
            final long toBalance = Long.parseLong(txn.get(to));
            txn.put(from, Long.toString(fromBalance - amount));
            Thread.yield();
            txn.put(to, Long.toString(toBalance + amount));
            final long[] deltas = new long[ACCOUNTS];
            deltas[from] = -amount;
            deltas[to] = amount;
            return deltas;
        };
        final Invariant constantTotal = state ->
        {
            final long sum = state.values().stream().mapToLong(Long::longValue).sum();
            return state.size() == ACCOUNTS && sum == total ? null :
                "snapshot " + state + " has " + state.size() + " accounts totalling " + sum + ", expected " + ACCOUNTS + " totalling " + total;
        };
        return run(driver, level, ACCOUNTS, INITIAL_BALANCE, transfer, constantTotal, writers, millis, seed);
    }

    static Result writeSkew(final TxnDriver driver, final Level level, final int writers, final long millis, final long seed)
    {
        final Body withdraw = (txn, random) ->
        {
            final long x = Long.parseLong(txn.get(0));
            Thread.yield();
            final long y = Long.parseLong(txn.get(1));
            final int which = random.nextInt(2);
            final long amount = 1 + random.nextInt(10);
            final long[] deltas = new long[2];
            if (random.nextInt(4) == 0)
            {
                deltas[which] = amount;
            }
            else if (x + y - amount >= 0)
            {
                deltas[which] = -amount;
            }
            Thread.yield();
            if (deltas[which] != 0)
            {
                txn.put(which, Long.toString((which == 0 ? x : y) + deltas[which]));
            }
            return deltas;
        };
        final Invariant nonNegativeSum = state ->
        {
            final long sum = state.values().stream().mapToLong(Long::longValue).sum();
            return state.size() == 2 && sum >= 0 ? null : "snapshot " + state + " violates x + y >= 0";
        };
        return run(driver, level, 2, 5, withdraw, nonNegativeSum, writers, millis, seed);
    }

    private static Result run(
        final TxnDriver driver, final Level level, final int keys, final long initialValue, final Body body,
        final Invariant invariant, final int writers, final long millis, final long seed)
    {
        final NavigableMap<Integer, String> initial = new TreeMap<>();
        for (int k = 0; k < keys; k++)
        {
            initial.put(k, Long.toString(initialValue));
        }
        driver.load(initial);
        final long deadline = System.nanoTime() + millis * 1_000_000L;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicReference<String> failure = new AtomicReference<>();
        final AtomicLong commits = new AtomicLong();
        final AtomicLong conflicts = new AtomicLong();
        final AtomicLong snapshots = new AtomicLong();
        final long[][] committedDeltas = new long[writers][keys];
        final List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++)
        {
            final int writer = w;
            threads.add(new Thread(() ->
            {
                final SplittableRandom random = new SplittableRandom(seed * 31 + writer);
                while (!stop.get() && System.nanoTime() < deadline)
                {
                    int attempt = 0;
                    while (true)
                    {
                        final TxnDriver.Txn txn = driver.begin(level);
                        try
                        {
                            final long[] deltas = body.run(txn, random.split());
                            txn.commit();
                            commits.incrementAndGet();
                            for (int k = 0; k < keys; k++)
                            {
                                committedDeltas[writer][k] += deltas[k];
                            }
                            break;
                        }
                        catch (final TxnDriver.ConflictException ex)
                        {
                            conflicts.incrementAndGet();
                            if (++attempt == MAX_RETRIES || stop.get())
                            {
                                break;
                            }
                        }
                        finally
                        {
                            txn.close();
                        }
                    }
                }
            }, "txn-writer-" + w));
        }
        threads.add(new Thread(() ->
        {
            while (!stop.get() && System.nanoTime() < deadline)
            {
                driver.checkpoint();
                try
                {
                    Thread.sleep(25);
                }
                catch (final InterruptedException ex)
                {
                    return;
                }
            }
        }, "txn-checkpointer"));
        threads.add(new Thread(() ->
        {
            while (!stop.get() && System.nanoTime() < deadline)
            {
                final String problem = check(driver, level, keys, invariant);
                snapshots.incrementAndGet();
                if (null != problem)
                {
                    failure.compareAndSet(null, "reader at " + level + ": " + problem);
                    stop.set(true);
                }
            }
        }, "txn-reader"));
        for (final Thread thread : threads)
        {
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, ex) ->
            {
                failure.compareAndSet(null, t.getName() + " threw " + ex);
                stop.set(true);
            });
            thread.start();
        }
        final List<String> failures = new ArrayList<>();
        for (final Thread thread : threads)
        {
            try
            {
                thread.join(millis + 20_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive())
            {
                stop.set(true);
                thread.interrupt();
                failures.add(thread.getName() + " did not stop within " + (millis + 20_000) + " ms");
            }
        }
        if (null != failure.get())
        {
            failures.add(failure.get());
        }
        if (failures.isEmpty() && driver instanceof EngineDriver engine && engine.onDisk())
        {
            engine.reopen();
        }
        if (failures.isEmpty())
        {
            final String problem = check(driver, level, keys, invariant);
            if (null != problem)
            {
                failures.add("final state: " + problem);
            }
            final NavigableMap<Integer, Long> state = read(driver, keys);
            for (int k = 0; k < keys; k++)
            {
                long expected = initialValue;
                for (final long[] deltas : committedDeltas)
                {
                    expected += deltas[k];
                }
                if (!Long.valueOf(expected).equals(state.get(k)))
                {
                    failures.add("final state: key " + k + " is " + state.get(k) + " but the committed transactions add up to " + expected);
                }
            }
        }
        return new Result(failures, commits.get(), conflicts.get(), snapshots.get(), seed);
    }

    private static String check(final TxnDriver driver, final Level level, final int keys, final Invariant invariant)
    {
        final TxnDriver.Txn txn = driver.begin(level);
        try
        {
            final NavigableMap<Integer, Long> state = new TreeMap<>();
            for (final History.Entry entry : txn.scan(0, keys - 1, false).entries())
            {
                state.put(entry.key(), Long.parseLong(entry.value()));
            }
            txn.commit();
            return invariant.check(state);
        }
        finally
        {
            txn.close();
        }
    }

    private static NavigableMap<Integer, Long> read(final TxnDriver driver, final int keys)
    {
        final TxnDriver.Txn txn = driver.begin(Level.REPEATABLE_READ);
        try
        {
            final NavigableMap<Integer, Long> state = new TreeMap<>();
            for (final History.Entry entry : txn.scan(0, keys - 1, false).entries())
            {
                state.put(entry.key(), Long.parseLong(entry.value()));
            }
            txn.commit();
            return state;
        }
        finally
        {
            txn.close();
        }
    }
}
