package io.phantomdb.core.table;

import io.phantomdb.CorruptionException;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.Transaction;
import io.phantomdb.core.txn.TxCursor;
import io.phantomdb.index.ByteComparator;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * Rows of a table in key order between two inclusive bounds, from {@link Tx#scan} (primary key order) or
 * {@link Tx#indexScan} (index order, each entry's row fetched by its primary key). Call {@link #next()}
 * until it returns false, reading {@link #row()} after each true. One {@link Row} flyweight is reused for
 * every row.
 * <p>
 * A bound may be a prefix of the key's columns: {@code from = {5}} on a key {@code (a, b)} starts at the
 * first row with {@code a = 5}, {@code to = {5}} ends after the last one. Internally the lower bound is the
 * encoded prefix (inclusive) and the upper bound the encoded prefix followed by {@code 0xFF}
 * (exclusive), which sorts after every key that extends the prefix because a column always starts
 * with a marker byte of at most {@code 0x02}.
 * <p>
 * The engine cursor underneath finds its place again when the transaction writes or (under READ COMMITTED)
 * re-pins its snapshot for another statement, so the transaction may read and write while a scan is open.
 * Under READ COMMITTED an index scan reads each row by a later statement than its entry: an entry whose row a
 * concurrent transaction deleted in between is skipped.
 * <p>
 * <b>Note:</b> not thread safe; owned by its transaction's thread. Any other call on the transaction
 * invalidates the current {@link Row} (not the cursor).
 */
public final class RowCursor
{
    private final Tx owner;
    private final Transaction tx;
    private final Keyspace scanKeyspace;
    private final Keyspace tableKeyspace;
    private final boolean viaIndex;
    private final boolean skipMissing;
    private final boolean forward;
    private final Row row;
    private final ExpandableArrayBuffer low = new ExpandableArrayBuffer(32);
    private final ExpandableArrayBuffer high = new ExpandableArrayBuffer(32);
    private final ExpandableArrayBuffer pk = new ExpandableArrayBuffer(32);
    private final int lowLength;
    private final int highLength;
    private final TxCursor cursor;
    private boolean started;
    private boolean onRow;
    private boolean done;

    RowCursor(
        final Tx owner,
        final Transaction tx,
        final Keyspace scanKeyspace,
        final Keyspace tableKeyspace,
        final boolean viaIndex,
        final Row row,
        final KeyShape shape,
        final Object[] from,
        final Object[] to,
        final boolean forward)
    {
        this.owner = owner;
        this.tx = tx;
        this.scanKeyspace = scanKeyspace;
        this.tableKeyspace = tableKeyspace;
        this.viaIndex = viaIndex;
        this.skipMissing = viaIndex && tx.isolation() == IsolationLevel.READ_COMMITTED;
        this.row = row;
        this.forward = forward;
        this.lowLength = null == from ? -1 : shape.fromValues(from, "lower bound", low, 0);
        if (null == to)
        {
            this.highLength = -1;
        }
        else
        {
            final int length = shape.fromValues(to, "upper bound", high, 0);
            high.putByte(length, (byte)0xFF);
            this.highLength = length + 1;
        }
        this.cursor = tx.cursor(scanKeyspace);
    }

    /**
     * Move to the next row in the scan's direction.
     *
     * @return true if positioned on a row, false when the scan is over.
     * @throws IllegalStateException if the transaction is finished.
     */
    public boolean next()
    {
        owner.checkActive();
        onRow = false;
        if (done)
        {
            return false;
        }
        boolean positioned = started ? advance() : first();
        started = true;
        while (positioned && inRange(cursor.key()))
        {
            if (loadRow())
            {
                onRow = true;
                return true;
            }
            positioned = advance();
        }
        done = true;
        return false;
    }

    /**
     * @return the current row, valid until the next call on this cursor or its transaction.
     * @throws IllegalStateException if {@link #next()} did not just return true.
     */
    public Row row()
    {
        if (!onRow)
        {
            throw new IllegalStateException("cursor is not on a row: call next() and check that it returned true");
        }
        return row;
    }

    private boolean first()
    {
        if (forward)
        {
            return lowLength < 0 ? cursor.first() : cursor.seekCeiling(low, 0, lowLength);
        }
        return highLength < 0 ? cursor.last() : cursor.seekFloor(high, 0, highLength);
    }

    private boolean advance()
    {
        return forward ? cursor.next() : cursor.prev();
    }

    private boolean inRange(final DirectBuffer key)
    {
        final int length = key.capacity();
        if (forward)
        {
            return highLength < 0 || ByteComparator.compare(key, 0, length, high, 0, highLength) < 0;
        }
        return lowLength < 0 || ByteComparator.compare(key, 0, length, low, 0, lowLength) >= 0;
    }

    /**
     * @return false if the entry's row is gone, which only READ COMMITTED allows (the row is read by a later
     * statement than the entry); the entry is then skipped.
     */
    private boolean loadRow()
    {
        if (!viaIndex)
        {
            final DirectBuffer value = cursor.value();
            row.wrap(value, 0, value.capacity());
            return true;
        }
        final DirectBuffer entry = cursor.value();
        final int pkLength = entry.capacity();
        pk.putBytes(0, entry, 0, pkLength);
        final DirectBuffer value = tx.get(tableKeyspace, pk, 0, pkLength);
        if (null == value)
        {
            if (skipMissing)
            {
                return false;
            }
            throw new CorruptionException(null, 0, "index entry in keyspace " + scanKeyspace.id() +
                " points to a primary key with no row in table keyspace " + tableKeyspace.id());
        }
        row.wrap(value, 0, value.capacity());
        return true;
    }
}
