package io.phantomdb.replication;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static io.phantomdb.replication.ClusterTestSupport.*;
import static io.phantomdb.replication.MessageDescriptor.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The replicated state machine without a cluster: deterministic validation, exactly-once answers to retried
 * requests, refusals, and equal checksums for equal logs.
 */
class ReplicatedStoreTest
{
    private static final int KS = 3;
    private static final long CLIENT = 42;

    private final ReplicatedStore store = new ReplicatedStore();
    private final ReplicatedStore replica = new ReplicatedStore();
    private final ExpandableDirectByteBuffer response = new ExpandableDirectByteBuffer(256);

    @AfterEach
    void close()
    {
        store.close();
        replica.close();
    }

    @Test
    void shouldApplyATransactionOnceWhenItsRequestIsRetried()
    {
        final Encoded request = txn(1, tx -> tx.put(KS, bytes("a"), bytes("1")));
        assertEquals(STATUS_COMMITTED, apply(store, request, 100));
        assertEquals(STATUS_COMMITTED, apply(store, request, 200));
        assertEquals(100, response.getLong(POSITION_OFFSET), "the retry is answered with the first commit's position");
        assertEquals(new VersionedValue(100, bytes("1")), store.read(KS, bytes("a")));
    }

    @Test
    void shouldAnswerDuplicateUnknownWhenTheRetryIsOlderThanTheWindow()
    {
        for (int seq = 1; seq <= ReplicatedStore.WINDOW + 1; seq++)
        {
            final String key = "k" + seq;
            assertEquals(STATUS_COMMITTED, apply(store, txn(seq, tx -> tx.put(KS, bytes(key), bytes("v"))), seq * 10L));
        }
        assertEquals(STATUS_DUPLICATE_UNKNOWN, apply(store, txn(1, tx -> tx.put(KS, bytes("k1"), bytes("again"))), 999));
        assertEquals("v", text(store.read(KS, bytes("k1")).value()));
    }

    @Test
    void shouldAbortWhenAKeyReadChangedAndCommitWhenItDidNot()
    {
        assertEquals(STATUS_COMMITTED, apply(store, txn(1, tx -> tx.put(KS, bytes("x"), bytes("1"))), 100));
        final Encoded stale = txn(2, tx ->
        {
            tx.expect(KS, bytes("x"), 0);
            tx.put(KS, bytes("y"), bytes("stale"));
        });
        assertEquals(STATUS_CONFLICT, apply(store, stale, 200));
        assertEquals(0, response.getInt(RESPONSE_HEADER_LENGTH), "index of the conflicting read");
        assertEquals(100, response.getLong(RESPONSE_HEADER_LENGTH + 4), "its current version");
        assertFalse(store.read(KS, bytes("y")).exists());

        final Encoded fresh = txn(3, tx ->
        {
            tx.expect(KS, bytes("x"), 100);
            tx.expect(KS, bytes("absent"), 0);
            tx.put(KS, bytes("y"), bytes("fresh"));
            tx.delete(KS, bytes("x"));
        });
        assertEquals(STATUS_COMMITTED, apply(store, fresh, 300));
        assertEquals(new VersionedValue(300, bytes("fresh")), store.read(KS, bytes("y")));
        assertFalse(store.read(KS, bytes("x")).exists());
    }

    @Test
    void shouldRefuseAndChangeNothingWhenAKeyIsTooLong()
    {
        final byte[] tooLong = new byte[store.maxKeyLength() + 1];
        final Encoded request = txn(1, tx ->
        {
            tx.put(KS, bytes("ok"), bytes("1"));
            tx.put(KS, tooLong, bytes("2"));
        });
        assertEquals(STATUS_REJECTED, apply(store, request, 100));
        assertFalse(store.read(KS, bytes("ok")).exists());
        assertEquals(STATUS_REJECTED, apply(store, request, 200), "the retry gets the same answer");
    }

    @Test
    void shouldRefuseAMalformedRequest()
    {
        final Encoded request = txn(1, tx -> tx.put(KS, bytes("a"), bytes("1")));
        request.buffer().putInt(WRITE_COUNT_OFFSET, 2);
        assertEquals(STATUS_REJECTED, apply(store, request, 100));
        assertEquals(0, store.keyspaceIds().length);
    }

    @Test
    void shouldHaveEqualChecksumsWhenTheSameLogIsApplied()
    {
        final long empty = store.checksum();
        for (int seq = 1; seq <= 50; seq++)
        {
            final int n = seq;
            final Encoded request = txn(seq, tx ->
            {
                tx.put(KS + n % 3, bytes("key" + n % 7), bytes("value" + n));
                if (n % 5 == 0)
                {
                    tx.delete(KS, bytes("key" + n % 4));
                }
            });
            apply(store, request, seq * 64L);
            apply(replica, request, seq * 64L);
        }
        assertNotEquals(empty, store.checksum());
        assertEquals(store.checksum(), replica.checksum());
        assertArrayEquals(new int[]{KS, KS + 1, KS + 2}, store.keyspaceIds());

        apply(replica, txn(51, tx -> tx.put(KS, bytes("extra"), bytes("1"))), 51 * 64L);
        assertNotEquals(store.checksum(), replica.checksum());
    }

    @Test
    void shouldValidateAgainstEarlierMessagesOfTheSameBatchAndShowNothingBeforeTheFlush()
    {
        assertEquals(STATUS_COMMITTED, applyInBatch(store, txn(1, tx -> tx.put(KS, bytes("x"), bytes("1"))), 100));
        assertEquals(STATUS_COMMITTED, applyInBatch(store, txn(2, tx ->
        {
            tx.expect(KS, bytes("x"), 100);
            tx.put(KS, bytes("x"), bytes("2"));
        }), 200));
        assertEquals(STATUS_CONFLICT, applyInBatch(store, txn(3, tx ->
        {
            tx.expect(KS, bytes("x"), 100);
            tx.put(KS, bytes("x"), bytes("3"));
        }), 300));
        assertEquals(200, response.getLong(RESPONSE_HEADER_LENGTH + 4), "the version written earlier in the batch");
        assertEquals(3, store.batchMessages());
        assertFalse(store.read(KS, bytes("x")).exists(), "nothing visible before the flush");

        assertEquals(3, store.flush());
        assertEquals(new VersionedValue(200, bytes("2")), store.read(KS, bytes("x")));
        assertEquals(0, store.flush());
    }

    @Test
    void shouldRollBackAnUnflushedBatchWhenClosed()
    {
        applyInBatch(store, txn(1, tx -> tx.put(KS, bytes("x"), bytes("1"))), 100);
        store.close();
        assertEquals(0, store.batchMessages());
    }

    private int apply(final ReplicatedStore target, final Encoded request, final long position)
    {
        final int status = applyInBatch(target, request, position);
        target.flush();
        return status;
    }

    private int applyInBatch(final ReplicatedStore target, final Encoded request, final long position)
    {
        target.applyTransaction(request.buffer, 0, request.length, position, response);
        return response.getInt(STATUS_OFFSET);
    }

    private static Encoded txn(final long sequence, final Consumer<ClientTransaction> body)
    {
        final ClientTransaction tx = new ClientTransaction(null);
        body.accept(tx);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
        final int length = tx.encode(buffer);
        buffer.putLong(CLIENT_ID_OFFSET, CLIENT);
        buffer.putLong(SEQUENCE_OFFSET, sequence);
        return new Encoded(buffer, length);
    }

    private record Encoded(ExpandableArrayBuffer buffer, int length)
    {
    }
}
