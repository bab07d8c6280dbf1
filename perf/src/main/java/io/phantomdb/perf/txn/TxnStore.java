package io.phantomdb.perf.txn;

/**
 * One open transactional store under test: hands out one {@link Committer} per committer thread.
 * <p>
 * Opened by a factory in {@link TxnStoreRegistry} on a fresh directory, once per JMH trial.
 * {@link #close()} closes every committer it handed out, then the store, so a committer's thread need
 * not close it first.
 * <p>
 * <b>Note:</b> {@link #newCommitter()} and {@link #close()} are called from the JMH set-up and
 * tear-down thread; each committer is then used by exactly one benchmark thread.
 */
public interface TxnStore
{
    /** Length of every key in bytes: a big-endian long. */
    int KEY_LENGTH = 8;
    /** Length of every value in bytes. */
    int VALUE_LENGTH = 100;

    /**
     * @return a new committer, owned by the thread that will call {@link Committer#commit(long)}.
     * @throws Exception if the store cannot give one (connection, transaction handle, ...).
     */
    Committer newCommitter() throws Exception;

    /**
     * Close every committer handed out, then the store. Idempotent.
     *
     * @throws Exception if the store fails to close.
     */
    void close() throws Exception;

    /**
     * Writes single-row transactions for one thread.
     * <p>
     * <b>Note:</b> not thread-safe: one committer per thread.
     */
    interface Committer
    {
        /**
         * Run one transaction that writes {@code key} (8 bytes, big-endian) with this committer's
         * {@value TxnStore#VALUE_LENGTH}-byte value, and commit it. Returns when the commit is as
         * durable as the store's {@link SyncMode} promises.
         *
         * @param key the key.
         * @return the number of times the transaction was retried after a write conflict (normally 0).
         * @throws Exception if the store fails.
         */
        int commit(long key) throws Exception;
    }
}
