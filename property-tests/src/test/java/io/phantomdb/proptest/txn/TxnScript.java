package io.phantomdb.proptest.txn;

import java.util.List;

/**
 * What one transaction of a scenario does: begin, its ops in order, then commit or rollback. A schedule
 * interleaves the {@link #steps()} of several scripts.
 *
 * @param ops    the operations between begin and the end step.
 * @param commit true to end with commit, false to end with rollback.
 */
record TxnScript(List<TxnOp> ops, boolean commit)
{
    TxnScript
    {
        ops = List.copyOf(ops);
    }

    /**
     * @return begin + ops + end.
     */
    int steps()
    {
        return ops.size() + 2;
    }

    @Override
    public String toString()
    {
        return "begin " + String.join(" ", ops.stream().map(TxnOp::toString).toList()) + (commit ? " commit" : " rollback");
    }
}
