package io.phantomdb.proptest.txn;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Generators of {@link Scenario}s: 2 to 5 transactions of 1 to 6 ops (get, put, delete, lockForUpdate, range
 * scans, and a long-lived cursor's open and next) over 4 to 8 keys, and a schedule that
 * interleaves their steps. Shrinking goes towards fewer, shorter transactions and a serial schedule.
 */
final class TxnScenarios
{
    static final int MAX_TXNS = 5;
    static final int MAX_OPS = 6;

    private TxnScenarios()
    {
    }

    /**
     * Transactions over a shared key space: they conflict often.
     */
    static Arbitrary<Scenario> overlapping()
    {
        return overlapping(8, MAX_TXNS, MAX_OPS);
    }

    /**
     * @param maxKeys at least 4.
     * @param maxTxns at least 2.
     * @param maxOps  at least 1.
     */
    static Arbitrary<Scenario> overlapping(final int maxKeys, final int maxTxns, final int maxOps)
    {
        return Arbitraries.integers().between(4, maxKeys).flatMap(keys ->
            Combinators.combine(
                Arbitraries.integers().between(0, keys - 1).set().map(TreeSet::new),
                script(op(keys, true), maxOps).list().ofMinSize(2).ofMaxSize(maxTxns),
                choices(maxTxns * (maxOps + 2)))
                .as((initial, txns, choices) -> Scenario.of(keys, initial, txns, choices)));
    }

    /**
     * Transaction {@code i} touches only keys {@code 2i} and {@code 2i+1}, by get, put, delete and lock (no
     * scans: a cursor stops on the first key past its range, which may belong to another transaction). No
     * transaction has a conflict, so every one that asks to commit must commit.
     */
    static Arbitrary<Scenario> disjoint()
    {
        return Arbitraries.integers().between(2, MAX_TXNS).flatMap(count ->
        {
            final List<Arbitrary<TxnScript>> scripts = new ArrayList<>();
            for (int i = 0; i < count; i++)
            {
                final int base = 2 * i;
                scripts.add(script(op(2, false).map(op -> new TxnOp(op.kind(), base + op.key(), base + op.keyTo(), false)), MAX_OPS));
            }
            return Combinators.combine(
                Arbitraries.integers().between(0, 2 * count - 1).set().map(TreeSet::new),
                Combinators.combine(scripts).as(List::copyOf),
                choices(MAX_TXNS * (MAX_OPS + 2)))
                .as((initial, txns, choices) -> Scenario.of(2 * count, initial, txns, choices));
        });
    }

    static Arbitrary<TxnOp> op(final int keys, final boolean scans)
    {
        final Arbitrary<Integer> key = Arbitraries.integers().between(0, keys - 1);
        return Arbitraries.frequencyOf(
            Tuple.of(3, key.map(TxnOp::get)),
            Tuple.of(3, key.map(TxnOp::put)),
            Tuple.of(1, key.map(TxnOp::delete)),
            Tuple.of(1, key.map(TxnOp::lock)),
            Tuple.of(scans ? 2 : 0, Combinators.combine(key, key, Arbitraries.of(false, true)).as(TxnOp::scan)),
            Tuple.of(scans ? 1 : 0, key.map(TxnOp::open)),
            Tuple.of(scans ? 2 : 0, Arbitraries.just(TxnOp.next())));
    }

    private static Arbitrary<TxnScript> script(final Arbitrary<TxnOp> op, final int maxOps)
    {
        return Combinators.combine(
            op.list().ofMinSize(1).ofMaxSize(maxOps),
            Arbitraries.frequency(Tuple.of(6, true), Tuple.of(1, false)))
            .as(TxnScript::new);
    }

    private static Arbitrary<List<Integer>> choices(final int steps)
    {
        return Arbitraries.integers().between(0, 119).list().ofSize(steps);
    }
}
