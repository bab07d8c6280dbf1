package io.phantomdb.replication.sql;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SqlMessageTest
{
    @Test
    void shouldRoundTripStatementsParametersAndContext()
    {
        final Object[] parameters = {null, true, (short)-3, 42, Long.MIN_VALUE, 1.5f, -0.25, new BigDecimal("12.340"),
            "héllo", new byte[]{1, 2, 3}, LocalDate.of(2026, 11, 25), LocalTime.of(3, 4, 5, 6000),
            LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), new StringBuilder("as text")};
        final LocalDateTime now = LocalDateTime.of(2026, 11, 25, 3, 0, 1, 123_456_000);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16);
        final int length = SqlMessage.encode(buffer, now, -7L, List.of(
            new RecordedStatement("INSERT INTO t VALUES ($1)", parameters, true, 99L),
            new RecordedStatement("EXPLAIN ANALYZE DELETE FROM t", new Object[0], false, 0L)));

        final SqlMessage.Request request = SqlMessage.decode(buffer, 0, length);

        assertEquals(now, request.timestamp());
        assertEquals(-7L, request.seed());
        assertEquals(2, request.statements().size());
        final RecordedStatement first = request.statements().get(0);
        assertEquals("INSERT INTO t VALUES ($1)", first.sql());
        assertTrue(first.validated());
        assertEquals(99L, first.digest());
        final Object[] decoded = first.parameters();
        assertEquals(parameters.length, decoded.length);
        for (int i = 0; i < parameters.length - 2; i++)
        {
            if (parameters[i] instanceof byte[] bytes)
            {
                assertArrayEquals(bytes, (byte[])decoded[i]);
            }
            else
            {
                assertEquals(parameters[i], decoded[i], "parameter " + i);
            }
        }
        assertEquals(parameters[12], decoded[12]);
        assertEquals("as text", decoded[13]);
        assertFalse(request.statements().get(1).validated());
    }

    @Test
    void shouldRejectTruncatedAndTrailingBytes()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16);
        final int length = SqlMessage.encode(buffer, LocalDateTime.of(2026, 1, 1, 0, 0), 1L,
            List.of(new RecordedStatement("SELECT $1", new Object[]{"x"}, true, 5L)));

        assertThrows(RuntimeException.class, () -> SqlMessage.decode(buffer, 0, length - 1));
        final IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class,
            () -> SqlMessage.decode(buffer, 0, length + 3));
        assertTrue(trailing.getMessage().contains("after its last statement"), trailing.getMessage());
        buffer.putInt(0, 1);
        assertThrows(IllegalArgumentException.class, () -> SqlMessage.decode(buffer, 0, length));
    }

    @Test
    void shouldDigestRowsRegardlessOfOrderButNotOfValues()
    {
        final long ab = ResultDigest.rows(1, 2, ResultDigest.row(new Object[]{"a"}) + ResultDigest.row(new Object[]{"b"}));
        final long ba = ResultDigest.rows(1, 2, ResultDigest.row(new Object[]{"b"}) + ResultDigest.row(new Object[]{"a"}));
        final long ac = ResultDigest.rows(1, 2, ResultDigest.row(new Object[]{"a"}) + ResultDigest.row(new Object[]{"c"}));
        assertEquals(ab, ba);
        assertNotEquals(ab, ac);
        assertNotEquals(ResultDigest.command("UPDATE 1", 1), ResultDigest.command("UPDATE 0", 0));
        assertNotEquals(ResultDigest.error("23505"), ResultDigest.error("40001"));
        for (long v = -1000; v < 1000; v++)
        {
            assertNotEquals(ResultDigest.row(new Object[]{v}), ResultDigest.row(new Object[]{~v}),
                "Long.hashCode(~v) == Long.hashCode(v): the digest must not inherit that (" + v + ")");
        }
        assertNotEquals(ResultDigest.row(new Object[]{new BigDecimal("1.0")}),
            ResultDigest.row(new Object[]{new BigDecimal("1.00")}), "a different scale is visible to the client");
    }
}
