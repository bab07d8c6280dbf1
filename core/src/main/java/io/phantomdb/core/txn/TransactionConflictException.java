package io.phantomdb.core.txn;

import io.phantomdb.PhantomException;

/**
 * A transaction could not commit because a concurrent transaction that committed after its snapshot wrote
 * (or locked for update) a key it wrote, locked, or, under {@link IsolationLevel#SERIALIZABLE}, read or
 * scanned. The transaction is rolled back; retrying it from the start is safe. SQLSTATE 40001
 * ({@code serialization_failure}).
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public class TransactionConflictException extends PhantomException
{
    private static final long serialVersionUID = 1L;

    /** SQLSTATE of a serialization failure. */
    public static final String SQL_STATE = "40001";

    private final int keyspaceId;
    private final String keyHex;
    private final long snapshotVersion;
    private final long conflictingVersion;

    /**
     * @param what               what conflicted, for example "write-write conflict" or "read-write conflict".
     * @param keyspaceId         keyspace of the conflicting key.
     * @param keyHex             the conflicting key (without the keyspace prefix) in hexadecimal.
     * @param snapshotVersion    the version the aborted transaction read (or locked) at.
     * @param conflictingVersion the commit version of the transaction that wrote the key after it.
     */
    public TransactionConflictException(
        final String what, final int keyspaceId, final String keyHex, final long snapshotVersion,
        final long conflictingVersion)
    {
        super("could not serialize access (SQLSTATE " + SQL_STATE + "): " + what + " on keyspace " + keyspaceId +
            " key " + keyHex + ": written by the transaction committed at version " + conflictingVersion +
            " after this transaction's snapshot version " + snapshotVersion);
        this.keyspaceId = keyspaceId;
        this.keyHex = keyHex;
        this.snapshotVersion = snapshotVersion;
        this.conflictingVersion = conflictingVersion;
    }

    /**
     * @return "40001", the SQLSTATE of a serialization failure.
     */
    public String sqlState()
    {
        return SQL_STATE;
    }

    /**
     * @return keyspace of the conflicting key.
     */
    public int keyspaceId()
    {
        return keyspaceId;
    }

    /**
     * @return the conflicting key (without the keyspace prefix) in hexadecimal; for a scanned range, its bounds.
     */
    public String keyHex()
    {
        return keyHex;
    }

    /**
     * @return the version the aborted transaction read or locked at.
     */
    public long snapshotVersion()
    {
        return snapshotVersion;
    }

    /**
     * @return the commit version of the transaction that won.
     */
    public long conflictingVersion()
    {
        return conflictingVersion;
    }
}
