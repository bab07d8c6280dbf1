package io.phantomdb.proptest.txn;

import java.util.List;

/**
 * The narrow view of a transactional key/value engine the schedule runner drives: keys are the small
 * integers of the scenario, values are strings. {@link EngineDriver} adapts PhantomDB; {@link ReferenceDriver}
 * is a small in-memory MVCC with switchable faults, used to show that the checker catches broken engines.
 * <p>
 * <b>Note:</b> a driver and its transactions are used from one thread.
 */
interface TxnDriver extends AutoCloseable
{
    /**
     * Commits the initial state in one transaction.
     *
     * @return the commit version.
     */
    long load(java.util.NavigableMap<Integer, String> initial);

    Txn begin(Level level);

    /**
     * Checkpoints the engine now, if it has anything to checkpoint. Any thread.
     */
    default void checkpoint()
    {
    }

    /**
     * Thrown (by any op or commit) when the engine aborts a transaction with SQLSTATE 40001.
     */
    final class ConflictException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        ConflictException(final String message, final Throwable cause)
        {
            super(message, cause);
        }
    }

    /**
     * What a cursor scan saw: the entries in cursor order, and the first key outside the range the cursor
     * stood on when the scan stopped ({@link History.Event#NO_KEY} if it ran off the end).
     */
    record ScanResult(List<History.Entry> entries, int boundary)
    {
    }

    interface Txn extends AutoCloseable
    {
        long snapshotVersion();

        String get(int key);

        void put(int key, String value);

        void delete(int key);

        ScanResult scan(int lo, int hi, boolean reverse);

        void lockForUpdate(int key);

        /**
         * Opens the transaction's long-lived cursor (replacing the previous one) at {@code seekCeiling(key)}.
         *
         * @return the entry it stands on, or null if none.
         */
        History.Entry open(int key);

        /**
         * Moves the long-lived cursor to the next key.
         *
         * @return the entry it stands on, or null if it ran off the end or was not positioned.
         */
        History.Entry next();

        long commit();

        void rollback();

        @Override
        void close();
    }

    @Override
    void close();
}
