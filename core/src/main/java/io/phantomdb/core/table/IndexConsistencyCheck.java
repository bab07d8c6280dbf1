package io.phantomdb.core.table;

import io.phantomdb.core.catalog.IndexDefinition;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.row.RowDescriptor;
import io.phantomdb.core.row.RowFlyweight;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.Transaction;
import io.phantomdb.core.txn.TxCursor;
import io.phantomdb.index.check.CheckReport;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.nio.file.Path;
import java.util.List;

/**
 * Checks, in one {@link Snapshot}, that the secondary indexes agree with the rows: every row of a table has,
 * in each of its indexes, the entry its column values give, holding its primary key; and every index entry
 * holds the primary key of an existing row whose values give exactly that entry. Also that every row has the
 * table's column count. Problems name the table or index and the key in hex.
 * <p>
 * <b>Note:</b> not thread safe; runs on the snapshot's thread.
 */
public final class IndexConsistencyCheck
{
    /** A progress line is printed every this many rows or entries. */
    public static final long PROGRESS_ROWS = 1_000_000;

    private IndexConsistencyCheck()
    {
    }

    /**
     * Check every table and index of a snapshot.
     *
     * @param snapshot the snapshot.
     * @param where    the data directory, named in problems.
     * @param report   receives one summary line per table and every problem.
     */
    public static void check(final Snapshot snapshot, final Path where, final CheckReport report)
    {
        for (final TableDefinition table : snapshot.catalog().tables())
        {
            checkTable(snapshot, table, snapshot.catalog().indexesOf(table.id()), where, report);
        }
    }

    private static void checkTable(
        final Snapshot snapshot,
        final TableDefinition table,
        final List<IndexDefinition> indexes,
        final Path where,
        final CheckReport report)
    {
        final Transaction tx = snapshot.transaction();
        final TableOps ops = new TableOps(table, indexes, false);
        final Keyspace tableKeyspace = ops.keyspace();
        final RowFlyweight row = new RowFlyweight(table.layout());
        final ExpandableArrayBuffer rowCopy = new ExpandableArrayBuffer(128);
        final ExpandableArrayBuffer pk = new ExpandableArrayBuffer(32);
        final ExpandableArrayBuffer entry = new ExpandableArrayBuffer(64);
        final int columns = table.schema().columnCount();
        long rows = 0;
        final TxCursor cursor = tx.cursor(tableKeyspace);
        for (boolean more = cursor.first(); more; more = cursor.next())
        {
            final int pkLength = cursor.key().capacity();
            pk.putBytes(0, cursor.key(), 0, pkLength);
            final int rowLength = cursor.value().capacity();
            rowCopy.putBytes(0, cursor.value(), 0, rowLength);
            rows++;
            progress(report, "table " + table.name(), rows);
            final int stored = rowLength < RowDescriptor.HEADER_LENGTH ? -1 :
                rowCopy.getShort(RowDescriptor.COLUMN_COUNT_OFFSET, RowDescriptor.BYTE_ORDER) & 0xFFFF;
            if (stored != columns)
            {
                report.problem(where, -1, "table \"" + table.name() + "\" row " + hex(pk, pkLength) + ": expected " +
                    columns + " columns actual " + stored);
                continue;
            }
            row.wrap(rowCopy, 0, rowLength);
            for (int i = 0; i < indexes.size(); i++)
            {
                final IndexDefinition index = indexes.get(i);
                final int entryLength = ops.entryKey(i, row, pk, pkLength, entry);
                final Keyspace indexKeyspace = TableOps.keyspace(index.id(), index.storage());
                final DirectBuffer found = tx.get(indexKeyspace, entry, 0, entryLength);
                if (null == found)
                {
                    report.problem(where, -1, "index \"" + index.name() + "\": expected an entry " +
                        hex(entry, entryLength) + " for row " + hex(pk, pkLength) + " of table \"" + table.name() +
                        "\" actual none");
                }
                else if (!TableOps.equal(found, found.capacity(), pk, pkLength))
                {
                    report.problem(where, -1, "index \"" + index.name() + "\" entry " + hex(entry, entryLength) +
                        ": expected primary key " + hex(pk, pkLength) + " actual " + hex(found, found.capacity()));
                }
            }
        }
        final StringBuilder summary = new StringBuilder("table \"" + table.name() + "\": " + rows + " rows");
        for (int i = 0; i < indexes.size(); i++)
        {
            final long entries = checkEntries(tx, ops, i, indexes.get(i), table, row, where, report);
            summary.append(", index \"").append(indexes.get(i).name()).append("\" ").append(entries).append(" entries");
        }
        report.info(summary.toString());
    }

    private static long checkEntries(
        final Transaction tx,
        final TableOps ops,
        final int i,
        final IndexDefinition index,
        final TableDefinition table,
        final RowFlyweight row,
        final Path where,
        final CheckReport report)
    {
        final ExpandableArrayBuffer entry = new ExpandableArrayBuffer(64);
        final ExpandableArrayBuffer pk = new ExpandableArrayBuffer(32);
        final ExpandableArrayBuffer rowCopy = new ExpandableArrayBuffer(128);
        final ExpandableArrayBuffer expected = new ExpandableArrayBuffer(64);
        final TxCursor cursor = tx.cursor(TableOps.keyspace(index.id(), index.storage()));
        long entries = 0;
        for (boolean more = cursor.first(); more; more = cursor.next())
        {
            final int entryLength = cursor.key().capacity();
            entry.putBytes(0, cursor.key(), 0, entryLength);
            final int pkLength = cursor.value().capacity();
            pk.putBytes(0, cursor.value(), 0, pkLength);
            entries++;
            progress(report, "index " + index.name(), entries);
            final DirectBuffer stored = tx.get(ops.keyspace(), pk, 0, pkLength);
            if (null == stored)
            {
                report.problem(where, -1, "index \"" + index.name() + "\" entry " + hex(entry, entryLength) +
                    ": expected a row " + hex(pk, pkLength) + " in table \"" + table.name() + "\" actual none");
                continue;
            }
            final int rowLength = stored.capacity();
            rowCopy.putBytes(0, stored, 0, rowLength);
            if (rowLength < RowDescriptor.HEADER_LENGTH || (rowCopy.getShort(RowDescriptor.COLUMN_COUNT_OFFSET,
                RowDescriptor.BYTE_ORDER) & 0xFFFF) != table.schema().columnCount())
            {
                continue;
            }
            row.wrap(rowCopy, 0, rowLength);
            final int expectedLength = ops.entryKey(i, row, pk, pkLength, expected);
            if (!TableOps.equal(entry, entryLength, expected, expectedLength))
            {
                report.problem(where, -1, "index \"" + index.name() + "\" entry " + hex(entry, entryLength) +
                    ": expected the entry of row " + hex(pk, pkLength) + " to be " + hex(expected, expectedLength) +
                    " actual a stale entry");
            }
        }
        return entries;
    }

    private static void progress(final CheckReport report, final String what, final long count)
    {
        if (0 == count % PROGRESS_ROWS)
        {
            report.info(what + ": " + count + " checked");
        }
    }

    private static String hex(final DirectBuffer buffer, final int length)
    {
        final StringBuilder text = new StringBuilder(2 * length + 2).append("0x");
        for (int i = 0; i < length; i++)
        {
            text.append(Character.forDigit((buffer.getByte(i) >> 4) & 0xF, 16))
                .append(Character.forDigit(buffer.getByte(i) & 0xF, 16));
        }
        return text.toString();
    }
}
