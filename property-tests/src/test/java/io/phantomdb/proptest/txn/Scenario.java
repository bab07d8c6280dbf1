package io.phantomdb.proptest.txn;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A generated test case: a key space of {@code keys} keys, the keys present before the test (each with the
 * value {@code I<k>}), the transaction scripts, and the interleaving: {@code schedule.get(i)} is the index of
 * the transaction whose next step runs at global step {@code i}. Transactions are named {@code T1, T2, ...}
 * (index + 1); every transaction appears exactly {@link TxnScript#steps()} times.
 */
record Scenario(int keys, SortedSet<Integer> initialKeys, List<TxnScript> txns, List<Integer> schedule)
{
    Scenario
    {
        initialKeys = new TreeSet<>(initialKeys);
        txns = List.copyOf(txns);
        schedule = List.copyOf(schedule);
        final int[] count = new int[txns.size()];
        for (final int txn : schedule)
        {
            count[txn]++;
        }
        for (int i = 0; i < txns.size(); i++)
        {
            if (count[i] != txns.get(i).steps())
            {
                throw new IllegalArgumentException(
                    "T" + (i + 1) + " has " + txns.get(i).steps() + " steps but the schedule lists it " + count[i] + " times");
            }
        }
    }

    /**
     * Resolves a list of choices into a schedule: at each step, {@code choice % runnable} picks one of the
     * transactions that still has steps, in index order. Choices of 0 run the transactions one after another,
     * so shrinking towards 0 shrinks towards a serial schedule.
     *
     * @param choices at least as many as the total number of steps; extra ones are ignored.
     */
    static Scenario of(final int keys, final SortedSet<Integer> initialKeys, final List<TxnScript> txns, final List<Integer> choices)
    {
        final int[] remaining = new int[txns.size()];
        int total = 0;
        for (int i = 0; i < txns.size(); i++)
        {
            remaining[i] = txns.get(i).steps();
            total += remaining[i];
        }
        final List<Integer> schedule = new ArrayList<>(total);
        final List<Integer> runnable = new ArrayList<>();
        for (int step = 0; step < total; step++)
        {
            runnable.clear();
            for (int i = 0; i < remaining.length; i++)
            {
                if (remaining[i] > 0)
                {
                    runnable.add(i);
                }
            }
            final int choice = step < choices.size() ? choices.get(step) : 0;
            final int txn = runnable.get(Math.floorMod(choice, runnable.size()));
            remaining[txn]--;
            schedule.add(txn);
        }
        return new Scenario(keys, initialKeys, txns, schedule);
    }

    /**
     * Builds a scenario from an explicit schedule written as transaction numbers, e.g. {@code 1,2,1,2,...}.
     */
    static Scenario explicit(final int keys, final SortedSet<Integer> initialKeys, final List<TxnScript> txns, final int... schedule)
    {
        final List<Integer> indexes = new ArrayList<>(schedule.length);
        for (final int txn : schedule)
        {
            indexes.add(txn - 1);
        }
        return new Scenario(keys, initialKeys, txns, indexes);
    }

    @Override
    public String toString()
    {
        final StringBuilder out = new StringBuilder();
        out.append("Scenario: ").append(keys).append(" keys, initially present ").append(initialKeys).append('\n');
        for (int i = 0; i < txns.size(); i++)
        {
            out.append("  T").append(i + 1).append(": ").append(txns.get(i)).append('\n');
        }
        out.append("  schedule:");
        for (final int txn : schedule)
        {
            out.append(" T").append(txn + 1);
        }
        return out.toString();
    }
}
