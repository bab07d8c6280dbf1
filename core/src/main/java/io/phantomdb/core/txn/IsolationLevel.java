package io.phantomdb.core.txn;

/**
 * How much a {@link Transaction} is protected from concurrent commits. Every level reads committed data
 * only (no dirty reads) and sees its own writes. Conflicts abort the later committer with
 * {@link TransactionConflictException} (SQLSTATE 40001) so the caller can retry.
 * <p>
 * <b>Note:</b> an enum; safe from any thread.
 */
public enum IsolationLevel
{
    /**
     * Each statement ({@code get}, {@code cursor}, {@code lockForUpdate}) reads the latest committed version at
     * the time it starts. Prevents dirty reads. Allows non-repeatable reads, phantoms and lost updates
     * (concurrent writes of one key: the last committer wins) unless the key was locked with
     * {@link Transaction#lockForUpdate}, which makes the first committer win.
     */
    READ_COMMITTED,

    /**
     * Snapshot isolation: every read sees the version pinned at {@code begin}. A key written (or locked for
     * update) by another transaction that committed after that snapshot aborts this one when it writes or
     * locks the same key (first committer wins). Prevents dirty and non-repeatable reads, phantoms within
     * the transaction's reads, and lost updates; allows write skew.
     */
    REPEATABLE_READ,

    /**
     * Snapshot isolation plus validation of the read set: every key read (present or absent) and every key
     * range a cursor traversed must not have been written by a transaction that committed after the
     * snapshot. Prevents write skew and phantoms as well: committed transactions are equivalent to running
     * one at a time in commit order.
     */
    SERIALIZABLE
}
