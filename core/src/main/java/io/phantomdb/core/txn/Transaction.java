package io.phantomdb.core.txn;

import org.agrona.DirectBuffer;

/**
 * One MVCC transaction of an {@link Engine}: reads at its snapshot (per statement under
 * {@link IsolationLevel#READ_COMMITTED}), buffers its writes in a private write set until {@link #commit()}
 * hands them to the engine's single writer thread, which validates them against the commits since the snapshot,
 * logs them to the WAL and applies them.
 * <p>
 * Lifecycle: active from {@link Engine#begin} until {@link #commit()} (committed, or rolled back when it throws)
 * or {@link #rollback()}; {@link #close()} rolls back an active transaction. Any other call on a finished
 * transaction throws {@link IllegalStateException}.
 * <p>
 * Keys are 1 or more bytes, without the keyspace prefix, at most the store's maximum key length minus 4;
 * values 0 or more bytes.
 * <p>
 * <b>Note:</b> not thread safe: one thread at a time (handing a transaction to another thread needs a
 * happens-before edge, for example a queue). Buffers returned by {@link #get} are views valid until the next
 * call on this transaction.
 */
public final class Transaction implements AutoCloseable
{
    Transaction()
    {
    }

    /**
     * Read a key: the transaction's own write if it wrote it, otherwise the committed value at the snapshot.
     *
     * @param ks     the keyspace.
     * @param key    buffer holding the key.
     * @param off    offset of the key.
     * @param len    length of the key.
     * @return a view of the value valid until the next call on this transaction, or null if absent.
     * @throws IllegalStateException        if the transaction is finished.
     * @throws io.phantomdb.ClosedException if the engine is closed.
     */
    public DirectBuffer get(final Keyspace ks, final DirectBuffer key, final int off, final int len)
    {
        throw new UnsupportedOperationException("not implemented yet: " + ks + key + off + len);
    }

    /**
     * Insert or replace a key's value in the write set; visible to this transaction at once, to others after
     * commit.
     *
     * @param ks     the keyspace.
     * @param key    buffer holding the key.
     * @param keyOff offset of the key.
     * @param keyLen length of the key.
     * @param value  buffer holding the value.
     * @param valOff offset of the value.
     * @param valLen length of the value.
     * @throws IllegalArgumentException if a length is out of range.
     * @throws IllegalStateException    if the transaction is finished.
     */
    public void put(
        final Keyspace ks, final DirectBuffer key, final int keyOff, final int keyLen,
        final DirectBuffer value, final int valOff, final int valLen)
    {
        throw new UnsupportedOperationException("not implemented yet: " + ks + key + keyOff + keyLen + value + valOff +
            valLen);
    }

    /**
     * Delete a key (if present) in the write set.
     *
     * @param ks  the keyspace.
     * @param key buffer holding the key.
     * @param off offset of the key.
     * @param len length of the key.
     * @throws IllegalArgumentException if the length is out of range.
     * @throws IllegalStateException    if the transaction is finished.
     */
    public void delete(final Keyspace ks, final DirectBuffer key, final int off, final int len)
    {
        throw new UnsupportedOperationException("not implemented yet: " + ks + key + off + len);
    }

    /**
     * Open a cursor over a keyspace at this transaction's snapshot merged with its own writes.
     *
     * @param ks the keyspace.
     * @return a new unpositioned cursor.
     * @throws IllegalStateException        if the transaction is finished.
     * @throws io.phantomdb.ClosedException if the engine is closed.
     */
    public TxCursor cursor(final Keyspace ks)
    {
        throw new UnsupportedOperationException("not implemented yet: " + ks);
    }

    /**
     * SELECT ... FOR UPDATE: the key counts as written by this transaction for conflict detection (on both sides)
     * without changing it. A transaction that committed a write of the key after this transaction's snapshot
     * (under {@link IsolationLevel#READ_COMMITTED}: after this call's statement snapshot) makes this commit fail,
     * and this commit makes concurrent writers of the key that commit later fail: the first committer wins.
     *
     * @param ks  the keyspace.
     * @param key buffer holding the key.
     * @param off offset of the key.
     * @param len length of the key.
     * @throws IllegalStateException if the transaction is finished.
     */
    public void lockForUpdate(final Keyspace ks, final DirectBuffer key, final int off, final int len)
    {
        throw new UnsupportedOperationException("not implemented yet: " + ks + key + off + len);
    }

    /**
     * Commit: hand the write set to the writer thread and wait until it is validated, logged durably (as the
     * sync policy promises) and visible. A transaction that wrote nothing and locked nothing commits at once and
     * returns its snapshot version.
     *
     * @return the commit version.
     * @throws TransactionConflictException if a concurrent commit conflicts; the transaction is rolled back.
     * @throws IllegalStateException        if the transaction is finished.
     * @throws io.phantomdb.ClosedException if the engine is closed or failed before the commit was logged.
     * @throws io.phantomdb.PhantomException if the commit queue stayed full for the configured timeout, or the
     *                                       WAL failed; nothing of the transaction is visible.
     */
    public long commit()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Discard the write set and release the snapshot.
     *
     * @throws IllegalStateException if the transaction is finished.
     */
    public void rollback()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * @return the isolation level.
     */
    public IsolationLevel isolation()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * @return the version this transaction reads: pinned at begin, or under {@link IsolationLevel#READ_COMMITTED}
     *         at the last statement.
     */
    public long snapshotVersion()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * @return true until committed or rolled back.
     */
    public boolean isActive()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Roll back if still active; otherwise do nothing.
     */
    @Override
    public void close()
    {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
