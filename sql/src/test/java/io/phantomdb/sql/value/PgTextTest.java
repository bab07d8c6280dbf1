package io.phantomdb.sql.value;

import io.phantomdb.core.schema.ColumnType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PgTextTest
{
    @Test
    void shouldWriteScalarsInPostgresOutputFormat()
    {
        assertNull(PgText.format(null, ColumnType.INTEGER));
        assertEquals("t", PgText.format(true, ColumnType.BOOLEAN));
        assertEquals("f", PgText.format(false, ColumnType.BOOLEAN));
        assertEquals("-32768", PgText.format((short)-32768, ColumnType.SMALLINT));
        assertEquals("0.00", PgText.format(new BigDecimal("0.00"), ColumnType.NUMERIC));
        assertEquals("1000", PgText.format(new BigDecimal("1E+3"), ColumnType.NUMERIC));
        assertEquals("\\x00ff10", PgText.format(new byte[]{0, -1, 16}, ColumnType.BYTEA));
        assertEquals("\\x", PgText.format(new byte[0], ColumnType.BYTEA));
    }

    @Test
    void shouldWriteShortestRoundTripWhenFormattingFloats()
    {
        assertEquals("0.1", PgText.formatDouble(0.1));
        assertEquals("0.30000000000000004", PgText.formatDouble(0.1 + 0.2));
        assertEquals("100000000000000", PgText.formatDouble(1e14));
        assertEquals("1e+15", PgText.formatDouble(1e15));
        assertEquals("1.2345678901234568e+17", PgText.formatDouble(123456789012345678.0));
        assertEquals("0.0001", PgText.formatDouble(0.0001));
        assertEquals("1e-05", PgText.formatDouble(0.00001));
        assertEquals("1.5e-07", PgText.formatDouble(1.5e-7));
        assertEquals("-1.5", PgText.formatDouble(-1.5));
        assertEquals("5e-324", PgText.formatDouble(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", PgText.formatDouble(Double.MAX_VALUE));
        assertEquals("Infinity", PgText.formatDouble(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", PgText.formatDouble(Double.NEGATIVE_INFINITY));
        assertEquals("NaN", PgText.formatDouble(Double.NaN));
        assertEquals("-0", PgText.formatDouble(-0.0));
        assertEquals("3", PgText.formatDouble(3.0));
        assertEquals("0.1", PgText.formatFloat(0.1f));
        assertEquals("100000", PgText.formatFloat(100000f));
        assertEquals("1e+06", PgText.formatFloat(1e6f));
        assertEquals("3.4028235e+38", PgText.formatFloat(Float.MAX_VALUE));
        assertEquals("1.2345679", PgText.formatFloat(1.2345679f));
    }

    @Test
    void shouldWriteIsoWhenFormattingDatesAndTimes()
    {
        assertEquals("2024-03-05", PgText.format(LocalDate.of(2024, 3, 5), ColumnType.DATE));
        assertEquals("0044-03-15 BC", PgText.format(LocalDate.of(-43, 3, 15), ColumnType.DATE));
        assertEquals("13:05:00", PgText.format(LocalTime.of(13, 5), ColumnType.TIME));
        assertEquals("13:05:00.5", PgText.format(LocalTime.of(13, 5, 0, 500_000_000), ColumnType.TIME));
        assertEquals("13:05:00.000001", PgText.format(LocalTime.of(13, 5, 0, 1000), ColumnType.TIME));
        assertEquals("2024-03-05 01:02:03.123456",
            PgText.format(LocalDateTime.of(2024, 3, 5, 1, 2, 3, 123_456_000), ColumnType.TIMESTAMP));
    }

    @Test
    void shouldReadWhatItWritesWhenParsing()
    {
        assertEquals(LocalDate.of(-43, 3, 15), PgText.parse("0044-03-15 BC", ColumnType.DATE));
        assertEquals(LocalDateTime.of(2024, 3, 5, 1, 2, 3, 123_457_000),
            PgText.parse("2024-03-05 01:02:03.1234567", ColumnType.TIMESTAMP));
        assertEquals(-0.0, PgText.parse("-0", ColumnType.DOUBLE_PRECISION));
        assertEquals(1.0e-5f, PgText.parse("1e-05", ColumnType.REAL));
        assertEquals("x", PgText.parse("x", null));
        assertEquals(LocalDate.of(1970, 1, 1), PgText.parse("epoch", ColumnType.DATE));
    }
}
