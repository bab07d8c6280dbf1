package io.phantomdb.core.txn;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.ArrayList;

/**
 * One MVCC transaction of an {@link Engine}: reads at its snapshot (per statement under
 * {@link IsolationLevel#READ_COMMITTED}), buffers its writes in a private write set until {@link #commit()}
 * hands them to the engine's single writer thread, which validates them against the commits since the snapshot,
 * logs them to the WAL and applies them.
 * <p>
 * Lifecycle: active from {@link Engine#begin} until {@link #commit()} (committed, or rolled back when it throws)
 * or {@link #rollback()}; {@link #close()} rolls back an active transaction. Any other call on a finished
 * transaction throws {@link IllegalStateException} ("transaction 7 is committed" / "... is rolled back").
 * <p>
 * Keys are 1 or more bytes, without the keyspace prefix, at most {@link Engine#maxKeyLength()} bytes; values
 * 0 or more bytes, at most {@link Engine#maxValueLength()}. One transaction's changes must fit one WAL record
 * (a quarter of the WAL block size, 16 MiB by default).
 * <p>
 * <b>Note:</b> not thread safe: one thread at a time (handing a transaction to another thread needs a
 * happens-before edge, for example a queue). Buffers returned by {@link #get} are views valid until the next
 * call on this transaction.
 */
public final class Transaction implements AutoCloseable
{
    private static final int ACTIVE = 0;
    private static final int COMMITTED = 1;
    private static final int ROLLED_BACK = 2;

    private final Engine engine;
    private final long id;
    private final IsolationLevel isolation;
    private TxContext context;
    private ArrayList<TxCursor> cursors;
    private int state = ACTIVE;
    private long snapshotVersion;
    private long minLockVersion = Long.MAX_VALUE;

    Transaction(final Engine engine, final TxContext context, final long id, final IsolationLevel isolation)
    {
        this.engine = engine;
        this.context = context;
        this.id = id;
        this.isolation = isolation;
        this.snapshotVersion = context.pin(true);
    }

    /**
     * Read a key: the transaction's own write if it wrote it, otherwise the committed value at the snapshot.
     * Under {@link IsolationLevel#SERIALIZABLE} the key joins the read set, present or not.
     *
     * @param ks  the keyspace.
     * @param key buffer holding the key.
     * @param off offset of the key.
     * @param len length of the key.
     * @return a view of the value valid until the next call on this transaction, or null if absent.
     * @throws IllegalArgumentException     if the key length is out of range or the keyspace's store is missing.
     * @throws IllegalStateException        if the transaction is finished.
     * @throws io.phantomdb.ClosedException if the engine is closed.
     */
    public DirectBuffer get(final Keyspace ks, final DirectBuffer key, final int off, final int len)
    {
        checkUsable();
        final UnsafeBuffer engineKey = engineKey(ks, key, off, len);
        final int engineLength = len + EngineKeyDescriptor.ENGINE_PREFIX_LENGTH;
        if (IsolationLevel.SERIALIZABLE == isolation)
        {
            context.readSet.addPoint(engineKey, 0, engineLength);
        }
        final WriteSet writes = context.writeSet;
        final int entry = writes.find(engineKey, 0, engineLength);
        if (entry >= 0 && WriteSet.OP_NONE != writes.op(entry))
        {
            return WriteSet.OP_PUT == writes.op(entry) ? writes.valueView(entry) : null;
        }
        if (IsolationLevel.READ_COMMITTED == isolation)
        {
            statement();
        }
        return context.reader(ks.kind()).get(engineKey, 1, engineLength - 1);
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
     * @throws IllegalArgumentException     if a length is out of range, the transaction grew past one WAL
     *                                      record, or the keyspace's store is missing.
     * @throws IllegalStateException        if the transaction is finished.
     * @throws io.phantomdb.ClosedException if the engine is closed.
     */
    public void put(
        final Keyspace ks, final DirectBuffer key, final int keyOff, final int keyLen,
        final DirectBuffer value, final int valOff, final int valLen)
    {
        checkUsable();
        if (valLen < 0 || valLen > engine.maxValueLength())
        {
            throw new IllegalArgumentException("value length must be in [0, " + engine.maxValueLength() + "]: " + valLen);
        }
        final UnsafeBuffer engineKey = engineKey(ks, key, keyOff, keyLen);
        final WriteSet writes = context.writeSet;
        writes.put(engineKey, 0, keyLen + EngineKeyDescriptor.ENGINE_PREFIX_LENGTH, value, valOff, valLen);
        checkSize(writes);
    }

    /**
     * Delete a key (if present) in the write set.
     *
     * @param ks  the keyspace.
     * @param key buffer holding the key.
     * @param off offset of the key.
     * @param len length of the key.
     * @throws IllegalArgumentException     if the length is out of range or the keyspace's store is missing.
     * @throws IllegalStateException        if the transaction is finished.
     * @throws io.phantomdb.ClosedException if the engine is closed.
     */
    public void delete(final Keyspace ks, final DirectBuffer key, final int off, final int len)
    {
        checkUsable();
        final UnsafeBuffer engineKey = engineKey(ks, key, off, len);
        final WriteSet writes = context.writeSet;
        writes.delete(engineKey, 0, len + EngineKeyDescriptor.ENGINE_PREFIX_LENGTH);
        checkSize(writes);
    }

    private void checkSize(final WriteSet writes)
    {
        final long limit = engine.maxRecordLength() - 64L;
        if (writes.encodedLength() > limit)
        {
            throw new IllegalArgumentException("transaction " + id + " is too large: its changes take " +
                writes.encodedLength() + " bytes, more than one WAL record holds (" + limit + ")");
        }
    }

    /**
     * Open a cursor over a keyspace at this transaction's snapshot merged with its own writes. Under
     * {@link IsolationLevel#READ_COMMITTED} this is a statement: the latest version is pinned first.
     *
     * @param ks the keyspace.
     * @return a new unpositioned cursor.
     * @throws IllegalArgumentException     if the keyspace's store is missing.
     * @throws IllegalStateException        if the transaction is finished.
     * @throws io.phantomdb.ClosedException if the engine is closed.
     */
    public TxCursor cursor(final Keyspace ks)
    {
        checkUsable();
        engine.checkKind(ks);
        if (IsolationLevel.READ_COMMITTED == isolation)
        {
            statement();
        }
        final int maxStoreKey = engine.maxKeyLength() + EngineKeyDescriptor.STORE_PREFIX_LENGTH;
        final boolean serializable = IsolationLevel.SERIALIZABLE == isolation;
        final TxCursor cursor = new TxCursor(this, new MergedCursor(context, ks, maxStoreKey), ks, serializable, maxStoreKey);
        if (serializable)
        {
            if (null == cursors)
            {
                cursors = new ArrayList<>();
            }
            cursors.add(cursor);
        }
        return cursor;
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
     * @throws IllegalArgumentException     if the length is out of range or the keyspace's store is missing.
     * @throws IllegalStateException        if the transaction is finished.
     * @throws io.phantomdb.ClosedException if the engine is closed.
     */
    public void lockForUpdate(final Keyspace ks, final DirectBuffer key, final int off, final int len)
    {
        checkUsable();
        final UnsafeBuffer engineKey = engineKey(ks, key, off, len);
        if (IsolationLevel.READ_COMMITTED == isolation)
        {
            statement();
            if (Long.MAX_VALUE == minLockVersion)
            {
                minLockVersion = snapshotVersion; // registered by the statement's pin; kept from now on
            }
        }
        context.writeSet.lock(engineKey, 0, len + EngineKeyDescriptor.ENGINE_PREFIX_LENGTH, snapshotVersion);
    }

    /**
     * Commit: hand the write set to the writer thread and wait until it is validated, logged durably (as the
     * sync policy promises) and visible. A transaction that wrote nothing and locked nothing commits at once and
     * returns its snapshot version. When this throws, the transaction is rolled back.
     *
     * @return the commit version.
     * @throws TransactionConflictException  if a concurrent commit conflicts (SQLSTATE 40001): retry.
     * @throws IllegalStateException         if the transaction is finished.
     * @throws io.phantomdb.ClosedException  if the engine is closed, or stopped before taking the commit.
     * @throws io.phantomdb.PhantomException if the commit queue stayed full for the configured timeout, or the
     *                                       engine failed (a WAL or store failure) before the commit was durable;
     *                                       then whether it survives a restart is unknown, as for a connection
     *                                       lost during COMMIT, but it was never acknowledged.
     */
    public long commit()
    {
        checkActive();
        final WriteSet writes = context.writeSet;
        if (writes.isEmpty())
        {
            finish(COMMITTED);
            return snapshotVersion;
        }
        boolean committed = false;
        try
        {
            engine.checkOpen();
            if (null != cursors)
            {
                for (int i = 0, n = cursors.size(); i < n; i++)
                {
                    cursors.get(i).flushReads();
                }
            }
            writes.sort();
            final CommitRequest request = context.request;
            request.prepare(id, writes, IsolationLevel.SERIALIZABLE == isolation ? context.readSet : null,
                isolation, snapshotVersion, minLockVersion);
            final long version = engine.submit(request);
            committed = true;
            return version;
        }
        finally
        {
            finish(committed ? COMMITTED : ROLLED_BACK);
        }
    }

    /**
     * Discard the write set and release the snapshot.
     *
     * @throws IllegalStateException if the transaction is finished.
     */
    public void rollback()
    {
        checkActive();
        finish(ROLLED_BACK);
    }

    /**
     * @param kind a storage kind.
     * @return true if this transaction's engine holds keyspaces of that kind; see {@link Engine#supports}.
     */
    public boolean supports(final StorageKind kind)
    {
        return engine.supports(kind);
    }

    /**
     * @return the isolation level.
     */
    public IsolationLevel isolation()
    {
        return isolation;
    }

    /**
     * @return the version this transaction reads: pinned at begin, or under {@link IsolationLevel#READ_COMMITTED}
     *         at the last statement.
     */
    public long snapshotVersion()
    {
        return snapshotVersion;
    }

    /**
     * @return true until committed or rolled back.
     */
    public boolean isActive()
    {
        return ACTIVE == state;
    }

    /**
     * @return this transaction's id, unique within the engine's lifetime (for messages and logs).
     */
    public long id()
    {
        return id;
    }

    /**
     * Roll back if still active; otherwise do nothing.
     */
    @Override
    public void close()
    {
        if (ACTIVE == state)
        {
            finish(ROLLED_BACK);
        }
    }

    @Override
    public String toString()
    {
        return "transaction " + id + " (" + isolation + ", snapshot " + snapshotVersion + ", " +
            (ACTIVE == state ? "active" : COMMITTED == state ? "committed" : "rolled back") + ')';
    }

    void checkUsable()
    {
        checkActive();
        engine.checkOpen();
    }

    void checkKeyLength(final Keyspace ks, final int length)
    {
        engine.checkKind(ks);
        if (length < 1 || length > engine.maxKeyLength())
        {
            throw new IllegalArgumentException("key length must be in [1, " + engine.maxKeyLength() + "]: " + length);
        }
    }

    ReadSet readSet()
    {
        return context.readSet;
    }

    private void checkActive()
    {
        if (ACTIVE != state)
        {
            throw new IllegalStateException("transaction " + id + " is " + (COMMITTED == state ? "committed" : "rolled back"));
        }
    }

    private void statement()
    {
        snapshotVersion = context.pin(Long.MAX_VALUE == minLockVersion);
    }

    private UnsafeBuffer engineKey(final Keyspace ks, final DirectBuffer key, final int off, final int len)
    {
        checkKeyLength(ks, len);
        final UnsafeBuffer engineKey = context.keyBuffer;
        engineKey.putByte(0, (byte)ks.kind().ordinal());
        engineKey.putInt(1, ks.id(), ByteOrder.BIG_ENDIAN);
        engineKey.putBytes(EngineKeyDescriptor.ENGINE_PREFIX_LENGTH, key, off, len);
        return engineKey;
    }

    private void finish(final int finalState)
    {
        state = finalState;
        cursors = null;
        final TxContext released = context;
        context = null;
        engine.release(released);
    }
}
