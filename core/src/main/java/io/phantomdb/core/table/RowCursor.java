package io.phantomdb.core.table;

import io.phantomdb.CorruptionException;
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
 * <b>Note:</b> not thread safe; owned by its transaction's thread. Writing through the transaction
 * while iterating invalidates the current row; under READ COMMITTED opening another cursor of the same
 * transaction invalidates this one (the engine re-pins its snapshot per statement).
 */
public final class RowCursor
{
    private final Tx owner;
    private final Transaction tx;
    private final TxCursor cursor;
    private final Keyspace tableKeyspace;
    private final boolean viaIndex;
    private final boolean forward;
    private final Row row;
    private final ExpandableArrayBuffer low = new ExpandableArrayBuffer(32);
    private final ExpandableArrayBuffer high = new ExpandableArrayBuffer(32);
    private final int lowLength;
    private final int highLength;
    private boolean started;
    private boolean onRow;
    private boolean done;

    RowCursor(
        final Tx owner,
        final Transaction tx,
        final TxCursor cursor,
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
        this.cursor = cursor;
        this.tableKeyspace = tableKeyspace;
        this.viaIndex = viaIndex;
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
        final boolean positioned;
        if (!started)
        {
            started = true;
            if (forward)
            {
                positioned = lowLength < 0 ? cursor.first() : cursor.seekCeiling(low, 0, lowLength);
            }
            else
            {
                positioned = highLength < 0 ? cursor.last() : cursor.seekFloor(high, 0, highLength);
            }
        }
        else
        {
            positioned = forward ? cursor.next() : cursor.prev();
        }
        if (!positioned || !inRange(cursor.key()))
        {
            done = true;
            return false;
        }
        loadRow();
        onRow = true;
        return true;
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

    private boolean inRange(final DirectBuffer key)
    {
        final int length = key.capacity();
        if (forward)
        {
            return highLength < 0 || ByteComparator.compare(key, 0, length, high, 0, highLength) < 0;
        }
        return lowLength < 0 || ByteComparator.compare(key, 0, length, low, 0, lowLength) >= 0;
    }

    private void loadRow()
    {
        if (!viaIndex)
        {
            final DirectBuffer value = cursor.value();
            row.wrap(value, 0, value.capacity());
            return;
        }
        final DirectBuffer pk = cursor.value();
        final DirectBuffer value = tx.get(tableKeyspace, pk, 0, pk.capacity());
        if (null == value)
        {
            throw new CorruptionException(null, 0, "index entry in keyspace of table " + tableKeyspace.id() +
                " points to a primary key with no row, " + pk.capacity() + " bytes");
        }
        row.wrap(value, 0, value.capacity());
    }
}
