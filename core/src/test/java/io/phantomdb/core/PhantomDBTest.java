package io.phantomdb.core;

import io.phantomdb.ClosedException;
import io.phantomdb.core.catalog.CatalogException;
import io.phantomdb.core.catalog.StorageType;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.table.ConstraintViolationException;
import io.phantomdb.core.table.Row;
import io.phantomdb.core.table.RowCursor;
import io.phantomdb.core.table.Tx;
import io.phantomdb.core.txn.IsolationLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhantomDBTest
{
    private PhantomDB db;

    static TableSchema everyType()
    {
        return TableSchema.builder(0, "things")
            .column("id", ColumnType.BIGINT, false)
            .column("flag", ColumnType.BOOLEAN, true)
            .column("s", ColumnType.SMALLINT, true)
            .column("i", ColumnType.INTEGER, true)
            .column("r", ColumnType.REAL, true)
            .column("d", ColumnType.DOUBLE_PRECISION, true)
            .column("amount", ColumnType.numeric(10, 2), true)
            .column("name", ColumnType.varchar(10), false)
            .column("code", ColumnType.character(4), true)
            .column("b", ColumnType.BYTEA, true)
            .column("day", ColumnType.DATE, true)
            .column("tm", ColumnType.TIME, true)
            .column("ts", ColumnType.TIMESTAMP, true)
            .primaryKey("id")
            .build();
    }

    static TableSchema events()
    {
        return TableSchema.builder(0, "Events")
            .column("tenant", ColumnType.INTEGER, false)
            .column("seq", ColumnType.BIGINT, false)
            .column("body", ColumnType.TEXT, true)
            .primaryKey("tenant", "seq")
            .build();
    }

    @BeforeEach
    void open()
    {
        db = PhantomDB.inMemory();
        db.createTable(everyType());
        db.createTable(events());
    }

    @AfterEach
    void close()
    {
        db.close();
    }

    @Test
    void shouldReadBackEveryTypeWhenRowIsInserted()
    {
        final Object[] values = {7L, true, (short)3, 4, 1.5f, 2.25, new BigDecimal("12.35"), "caf\u00e9", "ab  ",
            new byte[]{0, 1, -1}, LocalDate.of(2024, 2, 29), LocalTime.of(23, 59, 1), LocalDateTime.of(2020, 1, 2, 3, 4)};
        try (Tx tx = db.begin())
        {
            tx.insert("THINGS", values);
            tx.commit();
        }
        try (Tx tx = db.begin())
        {
            final Row row = tx.get("things", 7L);
            assertEquals(7L, row.getLong("ID"));
            assertTrue(row.getBoolean(1));
            assertEquals(new BigDecimal("12.35"), row.getDecimal("amount"));
            assertEquals("caf\u00e9", row.getString("name"));
            assertEquals("ab  ", row.getString("code"));
            assertEquals(LocalDate.of(2024, 2, 29), row.getDate("day"));
            final Object[] copy = row.toArray();
            assertEquals(values.length, copy.length);
            assertArrayEquals((byte[])values[9], (byte[])copy[9]);
            assertEquals(values[12], copy[12]);
            assertNull(tx.get("things", 8L));
        }
    }

    @Test
    void shouldWidenIntegersAndStoreNullsWhenValuesFit()
    {
        try (Tx tx = db.begin())
        {
            tx.insert("things", 1, null, null, (short)5, null, 1.5f, 3L, "x", null, null, null, null, null);
            final Row row = tx.get("things", 1);
            assertEquals(1L, row.getLong("id"));
            assertEquals(5, row.getInt("i"));
            assertEquals(1.5, row.getDouble("d"));
            assertEquals(new BigDecimal("3.00"), row.getDecimal("amount"));
            assertTrue(row.isNull("flag"));
            assertNull(row.getObject("b"));
        }
    }

    @Test
    void shouldReportUniqueViolationWithSqlStateWhenPrimaryKeyExists()
    {
        try (Tx tx = db.begin())
        {
            tx.insert("events", 1, 10L, "a");
            final ConstraintViolationException ex =
                assertThrows(ConstraintViolationException.class, () -> tx.insert("events", 1, 10L, "b"));
            assertEquals("23505", ex.sqlState());
            assertEquals("Events_pkey", ex.constraint());
            assertEquals("duplicate key value violates unique constraint \"Events_pkey\": Key (tenant, seq)=(1, 10) " +
                "already exists", ex.getMessage());
            assertEquals("a", tx.get("events", 1, 10L).getString("body"));
            tx.commit();
        }
    }

    @Test
    void shouldReportNotNullViolationWhenRequiredColumnIsNull()
    {
        try (Tx tx = db.begin())
        {
            final ConstraintViolationException ex = assertThrows(ConstraintViolationException.class,
                () -> tx.insert("things", 1L, null, null, null, null, null, null, null, null, null, null, null, null));
            assertEquals("23502", ex.sqlState());
            assertEquals("null value in column \"name\" of relation \"things\" violates not-null constraint",
                ex.getMessage());
        }
    }

    @Test
    void shouldNameColumnTypeAndValueWhenValueHasWrongType()
    {
        try (Tx tx = db.begin())
        {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> tx.insert("events", 1, "ten", null));
            assertEquals("column \"seq\" BIGINT of table \"Events\": cannot store java.lang.String value 'ten'",
                ex.getMessage());
            final IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> tx.insert("events", 1, 2L));
            assertEquals("table \"Events\" has 3 columns, got 2 values", count.getMessage());
            final IllegalArgumentException narrowing = assertThrows(IllegalArgumentException.class,
                () -> tx.get("events", 1L, 2L));
            assertEquals("column \"tenant\" INTEGER of table \"Events\": cannot store java.lang.Long value '1'",
                narrowing.getMessage());
        }
    }

    @Test
    void shouldNameUnknownTableAndColumnWhenUsed()
    {
        try (Tx tx = db.begin())
        {
            final CatalogException table = assertThrows(CatalogException.class, () -> tx.insert("nope", 1));
            assertEquals("42P01", table.sqlState());
            assertEquals("table \"nope\" does not exist", table.getMessage());
            tx.insert("events", 1, 1L, "x");
            final CatalogException column = assertThrows(CatalogException.class,
                () -> tx.update("events", new Object[]{1, 1L}, Map.of("bodyy", "y")));
            assertEquals("42703", column.sqlState());
            assertEquals("column \"bodyy\" of relation \"Events\" does not exist", column.getMessage());
            assertThrows(CatalogException.class, () -> tx.get("events", 1, 1L).getString("nope"));
        }
    }

    @Test
    void shouldUpdateUpsertAndDeleteWhenRowsExist()
    {
        try (Tx tx = db.begin())
        {
            tx.insert("events", 1, 1L, "a");
            assertTrue(tx.update("events", new Object[]{1, 1L}, Map.of("body", "b")));
            assertFalse(tx.update("events", new Object[]{1, 2L}, Map.of("body", "b")));
            tx.upsert("events", 1, 1L, "c");
            tx.upsert("events", 1, 2L, "d");
            assertEquals("c", tx.get("events", 1, 1L).getString("body"));
            assertTrue(tx.update("events", new Object[]{1, 2L}, Map.of("seq", 3L)));
            assertNull(tx.get("events", 1, 2L));
            assertEquals("d", tx.get("events", 1, 3L).getString("body"));
            final ConstraintViolationException moved = assertThrows(ConstraintViolationException.class,
                () -> tx.update("events", new Object[]{1, 3L}, Map.of("seq", 1L)));
            assertEquals("23505", moved.sqlState());
            assertTrue(tx.delete("events", 1, 1L));
            assertFalse(tx.delete("events", 1, 1L));
            tx.commit();
        }
        try (Tx tx = db.begin())
        {
            assertNull(tx.get("events", 1, 1L));
            assertEquals("d", tx.get("events", 1, 3L).getString("body"));
        }
    }

    private static List<Long> seqs(final RowCursor cursor)
    {
        final List<Long> seqs = new ArrayList<>();
        while (cursor.next())
        {
            seqs.add(cursor.row().getInt("tenant") * 100 + cursor.row().getLong("seq"));
        }
        return seqs;
    }

    @Test
    void shouldScanForwardAndReverseWithinBoundsWhenKeyIsComposite()
    {
        try (Tx tx = db.begin())
        {
            for (int tenant = 1; tenant <= 3; tenant++)
            {
                for (long seq = 1; seq <= 4; seq++)
                {
                    tx.insert("events", tenant, seq, "e");
                }
            }
            tx.commit();
        }
        try (Tx tx = db.begin())
        {
            assertEquals(12, seqs(tx.scan("events", null, null, true)).size());
            assertEquals(List.of(201L, 202L, 203L, 204L), seqs(tx.scan("events", new Object[]{2}, new Object[]{2}, true)));
            assertEquals(List.of(204L, 203L, 202L, 201L), seqs(tx.scan("events", new Object[]{2}, new Object[]{2}, false)));
            assertEquals(List.of(103L, 104L, 201L, 202L),
                seqs(tx.scan("events", new Object[]{1, 3L}, new Object[]{2, 2L}, true)));
            assertEquals(List.of(202L, 201L, 104L, 103L),
                seqs(tx.scan("events", new Object[]{1, 3L}, new Object[]{2, 2L}, false)));
            assertEquals(List.of(304L, 303L, 302L, 301L, 204L),
                seqs(tx.scan("events", new Object[]{2, 4L}, null, false)));
            assertEquals(List.of(101L, 102L), seqs(tx.scan("events", null, new Object[]{1, 2L}, true)));
            assertEquals(List.of(), seqs(tx.scan("events", new Object[]{4}, null, true)));
            final RowCursor cursor = tx.scan("events", null, null, true);
            assertThrows(IllegalStateException.class, cursor::row);
        }
    }

    @ParameterizedTest
    @EnumSource(IsolationLevel.class)
    void shouldKeepScanningWhenTransactionReadsAndWritesDuringScan(final IsolationLevel level)
    {
        db.createIndex("events_body", "events", false, StorageType.BTREE, "body");
        try (Tx tx = db.begin())
        {
            for (long seq = 1; seq <= 20; seq++)
            {
                tx.insert("events", 1, seq, "b" + (100 + seq));
            }
            tx.commit();
        }
        try (Tx tx = db.begin(level))
        {
            final RowCursor cursor = tx.scan("events", null, null, true);
            final List<Long> seen = new ArrayList<>();
            while (cursor.next())
            {
                final long seq = cursor.row().getLong("seq");
                seen.add(seq);
                tx.update("events", new Object[]{1, seq}, Map.of("body", "a" + (100 + seq)));
                assertEquals("a" + (100 + seq), tx.get("events", 1, seq).getString("body"));
                if (seq % 2 == 0)
                {
                    tx.delete("events", 1, seq + 1);
                }
            }
            assertEquals(List.of(1L, 2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L, 18L, 20L), seen);
            final RowCursor byBody = tx.indexScan("events_body", null, null, false);
            final List<Long> indexed = new ArrayList<>();
            while (byBody.next())
            {
                indexed.add(byBody.row().getLong("seq"));
                tx.get("events", 1, 1L);
            }
            assertEquals(List.of(20L, 18L, 16L, 14L, 12L, 10L, 8L, 6L, 4L, 2L, 1L), indexed);
            tx.commit();
        }
    }

    @Test
    void shouldRejectCallsWhenTransactionIsFinishedOrDatabaseClosed()
    {
        final Tx tx = db.begin();
        tx.insert("events", 1, 1L, null);
        tx.commit();
        final IllegalStateException finished = assertThrows(IllegalStateException.class, () -> tx.get("events", 1, 1L));
        assertEquals("transaction is committed: begin a new one", finished.getMessage());
        assertThrows(IllegalStateException.class, tx::commit);
        final Tx open = db.begin();
        db.close();
        final ClosedException closed = assertThrows(ClosedException.class, () -> open.get("events", 1, 1L));
        assertEquals("database <memory> is closed", closed.getMessage());
        assertThrows(ClosedException.class, () -> db.begin());
    }

    @Test
    void shouldNotSeeUncommittedRowsWhenAnotherTransactionReads()
    {
        try (Tx writer = db.begin(); Tx reader = db.begin())
        {
            writer.insert("events", 1, 1L, "x");
            assertNull(reader.get("events", 1, 1L));
            writer.commit();
            assertNull(reader.get("events", 1, 1L), "snapshot of a repeatable-read transaction");
        }
        try (Tx reader = db.begin())
        {
            assertEquals("x", reader.get("events", 1, 1L).getString("body"));
        }
    }
}
