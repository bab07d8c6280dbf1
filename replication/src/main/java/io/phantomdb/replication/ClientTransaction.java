package io.phantomdb.replication;

import io.phantomdb.PhantomException;
import io.phantomdb.core.txn.TransactionConflictException;
import org.agrona.ExpandableArrayBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static io.phantomdb.replication.MessageDescriptor.*;

/**
 * An optimistic replicated transaction: reads go through the log to the leader (each read's version is remembered),
 * writes are buffered, and {@link #commit()} submits the read versions and the writes as one log entry. Every member
 * applies it in log order: it commits if no key it read changed since, else every member aborts it
 * ({@link TransactionConflictException}, SQLSTATE 40001: run it again). Committed transactions are therefore
 * serializable, in log order.
 * <p>
 * <b>Note:</b> one thread at a time; not thread safe.
 */
public final class ClientTransaction
{
    private final ClusterClient client;
    private final List<Read> reads = new ArrayList<>();
    private final List<Write> writes = new ArrayList<>();
    private boolean finished;

    ClientTransaction(final ClusterClient client)
    {
        this.client = client;
    }

    /**
     * Read a key: this transaction's own write if any, else the committed value read through the log (linearizable).
     * The version read is validated at commit.
     *
     * @param keyspace the keyspace.
     * @param key      the key.
     * @return the value, or null if absent.
     * @throws IllegalStateException       if the transaction is finished.
     * @throws ReplicationTimeoutException if the cluster did not answer in time.
     */
    public byte[] get(final int keyspace, final byte[] key)
    {
        return getVersioned(keyspace, key).value();
    }

    /**
     * Like {@link #get} but also returns the version read (0 for an absent key or this transaction's own write).
     *
     * @param keyspace the keyspace.
     * @param key      the key.
     * @return the value and version.
     * @throws IllegalStateException       if the transaction is finished.
     * @throws ReplicationTimeoutException if the cluster did not answer in time.
     */
    public VersionedValue getVersioned(final int keyspace, final byte[] key)
    {
        checkActive();
        for (int i = writes.size() - 1; i >= 0; i--)
        {
            final Write write = writes.get(i);
            if (write.keyspace == keyspace && Arrays.equals(write.key, key))
            {
                return null == write.value ? VersionedValue.ABSENT : new VersionedValue(0, write.value);
            }
        }
        final VersionedValue value = client.read(keyspace, key)[0];
        reads.add(new Read(keyspace, key.clone(), value.version()));
        return value;
    }

    /**
     * Buffer an insert or replace.
     *
     * @param keyspace the keyspace (0 to {@link ReplicatedStore#MAX_USER_KEYSPACE}).
     * @param key      the key (1 byte or more).
     * @param value    the value.
     * @throws IllegalStateException if the transaction is finished.
     */
    public void put(final int keyspace, final byte[] key, final byte[] value)
    {
        checkActive();
        writes.add(new Write(keyspace, key.clone(), value.clone()));
    }

    /**
     * Buffer a delete.
     *
     * @param keyspace the keyspace.
     * @param key      the key.
     * @throws IllegalStateException if the transaction is finished.
     */
    public void delete(final int keyspace, final byte[] key)
    {
        checkActive();
        writes.add(new Write(keyspace, key.clone(), null));
    }

    /**
     * Submit the transaction and wait until the cluster committed (a majority has it in the log) or aborted it.
     * Failovers are retried transparently and exactly once.
     *
     * @return the commit's log position.
     * @throws TransactionConflictException if a key read by this transaction changed before it reached the log.
     * @throws IllegalArgumentException     if the cluster refused it (a key or keyspace id out of range); nothing
     *                                      was written.
     * @throws ReplicationTimeoutException  if no answer came in time: the outcome is unknown.
     * @throws IllegalStateException        if the transaction is finished.
     */
    public CommitResult commit()
    {
        checkActive();
        finished = true;
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(REQUEST_HEADER_LENGTH + 256);
        final int length = encode(buffer);
        final ClusterResponse response = client.call(buffer, length);
        switch (response.status)
        {
            case STATUS_COMMITTED:
                return new CommitResult(response.position);
            case STATUS_CONFLICT:
            {
                if (0 == response.message.getInt(COUNT_OFFSET))
                {
                    throw new TransactionConflictException("read-write conflict (replicated, at log position " +
                        response.position + ", answered again after a retry)", -1, "", 0, response.position);
                }
                final int index = response.message.getInt(RESPONSE_HEADER_LENGTH);
                final long current = response.message.getLong(RESPONSE_HEADER_LENGTH + 4);
                final Read read = reads.get(index);
                throw new TransactionConflictException("read-write conflict (replicated, at log position " +
                    response.position + ")", read.keyspace, HexFormat.of().formatHex(read.key), read.version, current);
            }
            case STATUS_REJECTED:
                throw new IllegalArgumentException("the cluster refused the transaction (log position " +
                    response.position + "): a key is empty or longer than the engine allows, or a keyspace id is " +
                    "outside [0, " + ReplicatedStore.MAX_USER_KEYSPACE + "]");
            default:
                throw new PhantomException("the cluster answered " + statusName(response.status) + " for a " +
                    "transaction of client " + client.clientId() + "; its outcome is unknown");
        }
    }

    /**
     * Encode this transaction as a TXN request (client id and sequence left 0 for the client thread to fill in).
     *
     * @param buffer where the request goes, from offset 0.
     * @return the request length.
     */
    int encode(final ExpandableArrayBuffer buffer)
    {
        int cursor = ClusterClient.header(buffer, TYPE_TXN, reads.size(), writes.size());
        for (final Read read : reads)
        {
            buffer.putInt(cursor, read.keyspace);
            buffer.putInt(cursor + 4, read.key.length);
            buffer.putLong(cursor + 8, read.version);
            buffer.putBytes(cursor + READ_ENTRY_HEADER_LENGTH, read.key);
            cursor += READ_ENTRY_HEADER_LENGTH + read.key.length;
        }
        for (final Write write : writes)
        {
            buffer.putInt(cursor, write.keyspace);
            buffer.putInt(cursor + 4, write.key.length);
            buffer.putInt(cursor + 8, null == write.value ? -1 : write.value.length);
            buffer.putBytes(cursor + WRITE_ENTRY_HEADER_LENGTH, write.key);
            cursor += WRITE_ENTRY_HEADER_LENGTH + write.key.length;
            if (null != write.value)
            {
                buffer.putBytes(cursor, write.value);
                cursor += write.value.length;
            }
        }
        return cursor;
    }

    /**
     * Record a read done elsewhere (tests build requests without a cluster this way).
     *
     * @param keyspace the keyspace.
     * @param key      the key.
     * @param version  the version read.
     */
    void expect(final int keyspace, final byte[] key, final long version)
    {
        reads.add(new Read(keyspace, key.clone(), version));
    }

    /**
     * Discard the buffered writes. Idempotent.
     */
    public void rollback()
    {
        finished = true;
    }

    /**
     * @return the number of buffered writes.
     */
    public int writeCount()
    {
        return writes.size();
    }

    private void checkActive()
    {
        if (finished)
        {
            throw new IllegalStateException("replicated transaction is finished");
        }
    }

    private record Read(int keyspace, byte[] key, long version)
    {
    }

    private record Write(int keyspace, byte[] key, byte[] value)
    {
    }
}
