package io.phantomdb.replication;

import io.phantomdb.core.txn.Engine;
import io.phantomdb.core.txn.EngineConfig;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.StorageKind;
import io.phantomdb.core.txn.Transaction;
import io.phantomdb.core.txn.TxCursor;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.IntArrayList;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import static io.phantomdb.replication.MessageDescriptor.*;

/**
 * A member's replicated state: an in-memory {@link Engine} whose B+tree keyspaces hold the user's data, each value
 * prefixed by its version (the log position of the transaction that wrote it), plus two reserved keyspaces written in
 * the same engine transactions: {@link #DIRECTORY_KEYSPACE} (the user keyspace ids in use) and
 * {@link #SESSIONS_KEYSPACE} (per client: the last applied sequence and the answers of the last {@link #WINDOW}
 * transactions, for idempotent retries). Everything is therefore in one consistent MVCC snapshot, which is what a
 * cluster snapshot dumps and what {@link #checksum()} hashes.
 * <p>
 * Messages are applied in log order into one open engine transaction, the <em>batch</em>, which the service
 * {@link #flush()}es once per log poll (group commit: one engine commit for many replicated transactions); reads of
 * later messages in the batch see earlier ones. A request is checked against the engine's limits before it touches
 * the batch, so applying never fails half way. Transactions are validated deterministically: a transaction commits
 * if every key it read still has the version it read (0 for absent), else it aborts with
 * {@link MessageDescriptor#STATUS_CONFLICT}; every member reaches the same decision because it applies the same log
 * to the same state.
 * <p>
 * Stored value layout: {@code [long version][user value]}. Session record: {@code [long lastSequence]} then
 * {@link #WINDOW} slots of {@code [long sequence][int status][long position]}, slot = sequence mod WINDOW.
 * <p>
 * <b>Note:</b> {@link #applyTransaction}, {@link #applyRead}, {@link #flush()}, {@link #load} and {@link #close} are
 * called by the clustered service thread only (single writer). {@link #read}, {@link #checksum()},
 * {@link #keyspaceIds()} and {@link #forEachEntry} may be called from any thread: they read an MVCC snapshot.
 */
public final class ReplicatedStore implements AutoCloseable
{
    /** Reserved keyspace listing the user keyspace ids in use (key: 4-byte big-endian id, empty value). */
    public static final int DIRECTORY_KEYSPACE = Integer.MAX_VALUE;
    /** Reserved keyspace of client session records (key: 8-byte big-endian client id). */
    public static final int SESSIONS_KEYSPACE = Integer.MAX_VALUE - 1;
    /** User keyspace ids are 0 up to this value (inclusive). */
    public static final int MAX_USER_KEYSPACE = Integer.MAX_VALUE - 16;
    /** Transactions per client whose answers are remembered for retries (the client's in-flight limit). */
    public static final int WINDOW = 32;

    private static final int SLOT_LENGTH = BitUtil.SIZE_OF_LONG + BitUtil.SIZE_OF_INT + BitUtil.SIZE_OF_LONG;
    private static final int SESSION_RECORD_LENGTH = BitUtil.SIZE_OF_LONG + WINDOW * SLOT_LENGTH;
    private static final Keyspace DIRECTORY = new Keyspace(DIRECTORY_KEYSPACE, StorageKind.BTREE);
    private static final Keyspace SESSIONS = new Keyspace(SESSIONS_KEYSPACE, StorageKind.BTREE);

    private final Engine engine;
    private final UnsafeBuffer idKey = new UnsafeBuffer(new byte[BitUtil.SIZE_OF_LONG]);
    private final UnsafeBuffer sessionRecord = new UnsafeBuffer(new byte[SESSION_RECORD_LENGTH]);
    private final ExpandableDirectByteBuffer valueScratch = new ExpandableDirectByteBuffer(256);
    private Transaction batch;
    private int batchMessages;

    /**
     * Start an empty store on an in-memory engine whose writer idles with a parking back-off.
     */
    public ReplicatedStore()
    {
        this.engine = Engine.inMemory(new EngineConfig()
            .writerIdleStrategy(() -> new BackoffIdleStrategy(10, 10, 1_000, TimeUnit.MILLISECONDS.toNanos(1))));
    }

    /**
     * Apply one TXN request at its log position inside the open batch: answer a retry from the session record, else
     * check the request against the engine's limits, validate the reads, apply the writes and record the answer.
     * Nothing is visible to {@link #read} until {@link #flush()}. Service thread only.
     *
     * @param request  buffer holding the request.
     * @param offset   offset of the request.
     * @param length   length of the request.
     * @param position the request's log position (its commit version if it commits).
     * @param response where the response is encoded, from offset 0.
     * @return the response length.
     */
    public int applyTransaction(
        final DirectBuffer request, final int offset, final int length, final long position,
        final MutableDirectBuffer response)
    {
        if (length < REQUEST_HEADER_LENGTH || request.getInt(offset + TYPE_OFFSET) != TYPE_TXN ||
            request.getInt(offset + VERSION_OFFSET) != VERSION)
        {
            return respond(response, STATUS_REJECTED, 0, 0, position, 0);
        }
        final long clientId = request.getLong(offset + CLIENT_ID_OFFSET);
        final long sequence = request.getLong(offset + SEQUENCE_OFFSET);
        final int retryAnswer = answerIfRetry(clientId, sequence, position, response);
        if (retryAnswer > 0)
        {
            return retryAnswer;
        }
        final Transaction tx = batch;
        if (!valid(request, offset, length, TYPE_TXN))
        {
            recordAnswer(tx, clientId, sequence, STATUS_REJECTED, position);
            return respond(response, STATUS_REJECTED, clientId, sequence, position, 0);
        }
        final int readCount = request.getInt(offset + READ_COUNT_OFFSET);
        int cursor = offset + REQUEST_HEADER_LENGTH;
        for (int i = 0; i < readCount; i++)
        {
            final int ks = request.getInt(cursor);
            final int keyLength = request.getInt(cursor + BitUtil.SIZE_OF_INT);
            final long expected = request.getLong(cursor + 2 * BitUtil.SIZE_OF_INT);
            final long current = version(tx, ks, request, cursor + READ_ENTRY_HEADER_LENGTH, keyLength);
            if (current != expected)
            {
                recordAnswer(tx, clientId, sequence, STATUS_CONFLICT, position);
                final int headerLength = respond(response, STATUS_CONFLICT, clientId, sequence, position, 1);
                response.putInt(headerLength, i);
                response.putLong(headerLength + BitUtil.SIZE_OF_INT, current);
                return headerLength + BitUtil.SIZE_OF_INT + BitUtil.SIZE_OF_LONG;
            }
            cursor += READ_ENTRY_HEADER_LENGTH + keyLength;
        }
        final int writeCount = request.getInt(offset + WRITE_COUNT_OFFSET);
        for (int i = 0; i < writeCount; i++)
        {
            final int ks = request.getInt(cursor);
            final int keyLength = request.getInt(cursor + BitUtil.SIZE_OF_INT);
            final int valueLength = request.getInt(cursor + 2 * BitUtil.SIZE_OF_INT);
            final int keyOffset = cursor + WRITE_ENTRY_HEADER_LENGTH;
            final Keyspace keyspace = registerKeyspace(tx, ks);
            if (valueLength < 0)
            {
                tx.delete(keyspace, request, keyOffset, keyLength);
                cursor = keyOffset + keyLength;
            }
            else
            {
                valueScratch.putLong(0, position);
                valueScratch.putBytes(BitUtil.SIZE_OF_LONG, request, keyOffset + keyLength, valueLength);
                tx.put(keyspace, request, keyOffset, keyLength, valueScratch, 0, BitUtil.SIZE_OF_LONG + valueLength);
                cursor = keyOffset + keyLength + valueLength;
            }
        }
        recordAnswer(tx, clientId, sequence, STATUS_COMMITTED, position);
        return respond(response, STATUS_COMMITTED, clientId, sequence, position, 0);
    }

    /**
     * Start a request of another type that shares the idempotency records (SQL transactions): load the client's
     * session record into the open batch and, if the sequence was applied before, encode the remembered answer.
     * Service thread.
     *
     * @param clientId the request's client.
     * @param sequence the request's sequence.
     * @param position the request's log position.
     * @param response where a remembered answer is encoded, from offset 0.
     * @return the answer's length if the request is a retry, 0 if it is new (then {@link #recordAnswer} its answer).
     */
    public int answerIfRetry(
        final long clientId, final long sequence, final long position, final MutableDirectBuffer response)
    {
        loadSession(batch(), clientId);
        if (sequence > sessionRecord.getLong(0))
        {
            return 0;
        }
        final int slot = slotOffset(sequence);
        if (sessionRecord.getLong(slot) == sequence)
        {
            return respond(response, sessionRecord.getInt(slot + BitUtil.SIZE_OF_LONG), clientId, sequence,
                sessionRecord.getLong(slot + BitUtil.SIZE_OF_LONG + BitUtil.SIZE_OF_INT), 0);
        }
        return respond(response, STATUS_DUPLICATE_UNKNOWN, clientId, sequence, position, 0);
    }

    /**
     * Remember the answer of a new request (after {@link #answerIfRetry} returned 0 for it) in the open batch.
     * Service thread.
     *
     * @param clientId the request's client.
     * @param sequence the request's sequence.
     * @param status   the answer's status.
     * @param position the request's log position.
     */
    public void recordAnswer(final long clientId, final long sequence, final int status, final long position)
    {
        recordAnswer(batch, clientId, sequence, status, position);
    }

    /**
     * Answer a READ request at its log position with the current version and value of each key, as of every message
     * applied before it (the open batch included). Service thread.
     *
     * @param request  buffer holding the request.
     * @param offset   offset of the request.
     * @param length   length of the request.
     * @param position the request's log position.
     * @param response where the response is encoded, from offset 0; it grows as needed.
     * @return the response length.
     */
    public int applyRead(
        final DirectBuffer request, final int offset, final int length, final long position,
        final MutableDirectBuffer response)
    {
        if (!valid(request, offset, length, TYPE_READ))
        {
            final boolean header = length >= REQUEST_HEADER_LENGTH;
            return respond(response, STATUS_REJECTED, header ? request.getLong(offset + CLIENT_ID_OFFSET) : 0,
                header ? request.getLong(offset + SEQUENCE_OFFSET) : 0, position, 0);
        }
        final long clientId = request.getLong(offset + CLIENT_ID_OFFSET);
        final long sequence = request.getLong(offset + SEQUENCE_OFFSET);
        final int count = request.getInt(offset + READ_COUNT_OFFSET);
        int out = respond(response, STATUS_READ_OK, clientId, sequence, position, count);
        final Transaction tx = batch();
        int cursor = offset + REQUEST_HEADER_LENGTH;
        for (int i = 0; i < count; i++)
        {
            final int ks = request.getInt(cursor);
            final int keyLength = request.getInt(cursor + BitUtil.SIZE_OF_INT);
            final DirectBuffer value = tx.get(
                new Keyspace(ks, StorageKind.BTREE), request, cursor + KEY_ENTRY_HEADER_LENGTH, keyLength);
            if (null == value)
            {
                response.putLong(out, 0);
                response.putInt(out + BitUtil.SIZE_OF_LONG, -1);
                out += VALUE_ENTRY_HEADER_LENGTH;
            }
            else
            {
                final int valueLength = value.capacity() - BitUtil.SIZE_OF_LONG;
                response.putLong(out, value.getLong(0));
                response.putInt(out + BitUtil.SIZE_OF_LONG, valueLength);
                response.putBytes(out + VALUE_ENTRY_HEADER_LENGTH, value, BitUtil.SIZE_OF_LONG, valueLength);
                out += VALUE_ENTRY_HEADER_LENGTH + valueLength;
            }
            cursor += KEY_ENTRY_HEADER_LENGTH + keyLength;
        }
        return out;
    }

    /**
     * Commit the open batch (every message applied since the last flush) in one engine commit, making it visible to
     * {@link #read}, {@link #checksum()} and snapshots. Service thread.
     *
     * @return the number of messages the batch held (0 if none was open).
     */
    public int flush()
    {
        final Transaction tx = batch;
        if (null == tx)
        {
            return 0;
        }
        final int messages = batchMessages;
        batch = null;
        batchMessages = 0;
        tx.commit();
        return messages;
    }

    /**
     * @return messages applied to the open batch and not yet flushed.
     */
    public int batchMessages()
    {
        return batchMessages;
    }

    /**
     * Read a key's committed value and version now (no waiting). Any thread.
     *
     * @param keyspace a user keyspace id.
     * @param key      the key.
     * @return the value and version, or {@link VersionedValue#ABSENT}.
     * @throws IllegalArgumentException if the key's length is out of range.
     */
    public VersionedValue read(final int keyspace, final byte[] key)
    {
        try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            final DirectBuffer value = tx.get(new Keyspace(keyspace, StorageKind.BTREE), new UnsafeBuffer(key), 0,
                key.length);
            if (null == value)
            {
                return VersionedValue.ABSENT;
            }
            final byte[] bytes = new byte[value.capacity() - BitUtil.SIZE_OF_LONG];
            value.getBytes(BitUtil.SIZE_OF_LONG, bytes);
            return new VersionedValue(value.getLong(0), bytes);
        }
    }

    /**
     * @return the user keyspace ids written so far, ascending, from one snapshot. Any thread.
     */
    public int[] keyspaceIds()
    {
        try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            return keyspaceIds(tx).toIntArray();
        }
    }

    /**
     * Visit every stored entry (user keyspaces in id order, then the directory and the session records) of one
     * consistent snapshot. Any thread.
     *
     * @param visitor receives each entry; its buffers are valid during the call only.
     */
    public void forEachEntry(final EntryVisitor visitor)
    {
        try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            final IntArrayList ids = keyspaceIds(tx);
            ids.addInt(SESSIONS_KEYSPACE);
            ids.addInt(DIRECTORY_KEYSPACE);
            for (int i = 0; i < ids.size(); i++)
            {
                final int ks = ids.getInt(i);
                final TxCursor cursor = tx.cursor(new Keyspace(ks, StorageKind.BTREE));
                for (boolean more = cursor.first(); more; more = cursor.next())
                {
                    final DirectBuffer key = cursor.key();
                    final DirectBuffer value = cursor.value();
                    visitor.onEntry(ks, key, 0, key.capacity(), value, 0, value.capacity());
                }
            }
        }
    }

    /**
     * @return an {@link EntryChecksum} of every entry (keyspace id, key, version and value, session records included)
     * of one snapshot: equal on members that applied the same log prefix. Any thread.
     */
    public long checksum()
    {
        final EntryChecksum checksum = new EntryChecksum();
        forEachEntry(checksum);
        return checksum.value();
    }

    /**
     * Put raw entries (as {@link #forEachEntry} produced them) in one engine transaction: how a snapshot is loaded.
     * Service thread, before any log message is applied.
     *
     * @param batch  entries in the snapshot's chunk format
     *               {@code count x [int ks][int keyLength][int valueLength][key][value]}.
     * @param offset offset of the first entry.
     * @param count  entries in the batch.
     */
    public void load(final DirectBuffer batch, final int offset, final int count)
    {
        SnapshotChunk.load(engine, batch, offset, count);
    }

    /**
     * @return the longest key accepted, in bytes.
     */
    public int maxKeyLength()
    {
        return engine.maxKeyLength();
    }

    /**
     * Close the engine; an unflushed batch is rolled back (its messages are still in the log and replay on restart).
     * Service thread (or the owner after the service stopped).
     */
    @Override
    public void close()
    {
        if (null != batch)
        {
            batch.rollback();
            batch = null;
            batchMessages = 0;
        }
        engine.close();
    }

    private IntArrayList keyspaceIds(final Transaction tx)
    {
        final IntArrayList ids = new IntArrayList();
        final TxCursor cursor = tx.cursor(DIRECTORY);
        for (boolean more = cursor.first(); more; more = cursor.next())
        {
            ids.addInt(cursor.key().getInt(0, ByteOrder.BIG_ENDIAN));
        }
        return ids;
    }

    private Keyspace registerKeyspace(final Transaction tx, final int ks)
    {
        idKey.putInt(0, ks, ByteOrder.BIG_ENDIAN);
        if (null == tx.get(DIRECTORY, idKey, 0, BitUtil.SIZE_OF_INT))
        {
            tx.put(DIRECTORY, idKey, 0, BitUtil.SIZE_OF_INT, idKey, 0, 0);
        }
        return new Keyspace(ks, StorageKind.BTREE);
    }

    private long version(final Transaction tx, final int ks, final DirectBuffer key, final int offset, final int length)
    {
        final DirectBuffer value = tx.get(new Keyspace(ks, StorageKind.BTREE), key, offset, length);
        return null == value ? 0 : value.getLong(0);
    }

    private void loadSession(final Transaction tx, final long clientId)
    {
        idKey.putLong(0, clientId, ByteOrder.BIG_ENDIAN);
        final DirectBuffer record = tx.get(SESSIONS, idKey, 0, BitUtil.SIZE_OF_LONG);
        if (null == record)
        {
            sessionRecord.setMemory(0, SESSION_RECORD_LENGTH, (byte)0);
        }
        else
        {
            sessionRecord.putBytes(0, record, 0, SESSION_RECORD_LENGTH);
        }
    }

    private void recordAnswer(
        final Transaction tx, final long clientId, final long sequence, final int status, final long position)
    {
        final int slot = slotOffset(sequence);
        sessionRecord.putLong(0, Math.max(sequence, sessionRecord.getLong(0)));
        sessionRecord.putLong(slot, sequence);
        sessionRecord.putInt(slot + BitUtil.SIZE_OF_LONG, status);
        sessionRecord.putLong(slot + BitUtil.SIZE_OF_LONG + BitUtil.SIZE_OF_INT, position);
        idKey.putLong(0, clientId, ByteOrder.BIG_ENDIAN);
        tx.put(SESSIONS, idKey, 0, BitUtil.SIZE_OF_LONG, sessionRecord, 0, SESSION_RECORD_LENGTH);
    }

    private static int slotOffset(final long sequence)
    {
        return BitUtil.SIZE_OF_LONG + (int)(sequence % WINDOW) * SLOT_LENGTH;
    }

    private Transaction batch()
    {
        if (null == batch)
        {
            batch = engine.begin(IsolationLevel.REPEATABLE_READ);
        }
        batchMessages++;
        return batch;
    }

    /**
     * Check a request's structure and every key, value and keyspace id against the engine's limits, so that applying
     * it can never fail half way through a batch (batch boundaries differ between members; an aborted batch would
     * make them diverge).
     */
    private boolean valid(final DirectBuffer request, final int offset, final int length, final int type)
    {
        if (length < REQUEST_HEADER_LENGTH || request.getInt(offset + TYPE_OFFSET) != type ||
            request.getInt(offset + VERSION_OFFSET) != VERSION)
        {
            return false;
        }
        final int readCount = request.getInt(offset + READ_COUNT_OFFSET);
        final int writeCount = request.getInt(offset + WRITE_COUNT_OFFSET);
        if (readCount < 0 || writeCount < 0 || (TYPE_READ == type && writeCount != 0))
        {
            return false;
        }
        final int maxKey = engine.maxKeyLength();
        final int maxValue = engine.maxValueLength() - BitUtil.SIZE_OF_LONG;
        final int end = offset + length;
        int cursor = offset + REQUEST_HEADER_LENGTH;
        final int readHeader = TYPE_TXN == type ? READ_ENTRY_HEADER_LENGTH : KEY_ENTRY_HEADER_LENGTH;
        for (int i = 0; i < readCount; i++)
        {
            if (cursor + readHeader > end)
            {
                return false;
            }
            final int ks = request.getInt(cursor);
            final int keyLength = request.getInt(cursor + BitUtil.SIZE_OF_INT);
            if (ks < 0 || ks > MAX_USER_KEYSPACE || keyLength < 1 || keyLength > maxKey ||
                keyLength > end - cursor - readHeader)
            {
                return false;
            }
            cursor += readHeader + keyLength;
        }
        for (int i = 0; i < writeCount; i++)
        {
            if (cursor + WRITE_ENTRY_HEADER_LENGTH > end)
            {
                return false;
            }
            final int ks = request.getInt(cursor);
            final int keyLength = request.getInt(cursor + BitUtil.SIZE_OF_INT);
            final int valueLength = request.getInt(cursor + 2 * BitUtil.SIZE_OF_INT);
            if (ks < 0 || ks > MAX_USER_KEYSPACE || keyLength < 1 || keyLength > maxKey || valueLength < -1 ||
                valueLength > maxValue ||
                (long)keyLength + Math.max(0, valueLength) > end - cursor - WRITE_ENTRY_HEADER_LENGTH)
            {
                return false;
            }
            cursor += WRITE_ENTRY_HEADER_LENGTH + keyLength + Math.max(0, valueLength);
        }
        return cursor == end;
    }

    private static int respond(
        final MutableDirectBuffer response, final int status, final long clientId, final long sequence,
        final long position, final int count)
    {
        response.putInt(TYPE_OFFSET, TYPE_RESPONSE);
        response.putInt(STATUS_OFFSET, status);
        response.putLong(CLIENT_ID_OFFSET, clientId);
        response.putLong(SEQUENCE_OFFSET, sequence);
        response.putLong(POSITION_OFFSET, position);
        response.putInt(COUNT_OFFSET, count);
        return RESPONSE_HEADER_LENGTH;
    }

    /**
     * Receives entries from {@link #forEachEntry}.
     */
    @FunctionalInterface
    public interface EntryVisitor
    {
        /**
         * @param keyspace    the keyspace id (user or reserved).
         * @param key         buffer holding the key (without the keyspace prefix).
         * @param keyOffset   offset of the key.
         * @param keyLength   length of the key.
         * @param value       buffer holding the stored value (version prefix included for user keyspaces).
         * @param valueOffset offset of the value.
         * @param valueLength length of the value.
         */
        void onEntry(
            int keyspace, DirectBuffer key, int keyOffset, int keyLength, DirectBuffer value, int valueOffset,
            int valueLength);
    }
}
