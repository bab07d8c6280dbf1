package io.phantomdb.sql.jdbc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValuesTest
{
    @Test
    void shouldFormatLikePostgresWhenConvertingToText()
    {
        assertEquals("t", PgText.format(true));
        assertEquals("1.5", PgText.format(1.5d));
        assertEquals("1", PgText.format(1.0d));
        assertEquals("1e+20", PgText.format(1e20d));
        assertEquals("1.5e-07", PgText.format(1.5e-7d));
        assertEquals("0.1", PgText.format(0.1f));
        assertEquals("NaN", PgText.format(Double.NaN));
        assertEquals("-Infinity", PgText.format(Double.NEGATIVE_INFINITY));
        assertEquals("100", PgText.format(new BigDecimal("1E+2")));
        assertEquals("\\x00ff10", PgText.format(new byte[] { 0, (byte)0xff, 0x10 }));
        assertEquals("2024-02-29", PgText.format(LocalDate.of(2024, 2, 29)));
        assertEquals("10:15:00", PgText.format(LocalTime.of(10, 15)));
        assertEquals("2024-01-02 03:04:05.25", PgText.format(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 250_000_000)));
    }

    @Test
    void shouldConvertNumbersWhenInRangeAndTruncateFractions() throws SQLException
    {
        assertEquals(42, Values.to(42L, Integer.class));
        assertEquals(3, Values.to(new BigDecimal("3.99"), int.class));
        assertEquals(-3L, Values.to(-3.7d, Long.class));
        assertEquals((short)12, Values.to("12", Short.class));
        assertEquals(1, Values.to(true, Integer.class));
        assertEquals(new BigDecimal("2.5"), Values.to(2.5d, BigDecimal.class));
        assertEquals(true, Values.to("yes", Boolean.class));
        assertEquals(0.5d, Values.to("0.5", Double.class));
    }

    @Test
    void shouldFailWithOutOfRangeWhenNumberDoesNotFit()
    {
        final SQLException ex = assertThrows(SQLException.class, () -> Values.to(3_000_000_000L, Integer.class));

        assertEquals("22003", ex.getSQLState());
        assertEquals("value 3000000000 is out of range for integer", ex.getMessage());
    }

    @Test
    void shouldFailWithConversionErrorWhenTextIsNotANumber()
    {
        final SQLException ex = assertThrows(SQLException.class, () -> Values.to("abc", Integer.class));

        assertEquals("07006", ex.getSQLState());
        assertEquals("cannot convert 'abc' (String) to numeric", ex.getMessage());
    }

    @Test
    void shouldMapJdbcDateClassesWhenBindingParameters() throws SQLException
    {
        assertEquals(LocalDate.of(2020, 5, 6), Values.toParameter(java.sql.Date.valueOf("2020-05-06")));
        assertEquals(LocalDateTime.of(2020, 5, 6, 7, 8, 9, 123_000_000),
            Values.toParameter(java.sql.Timestamp.valueOf("2020-05-06 07:08:09.123")));
        assertEquals(LocalTime.of(7, 8, 9), Values.toParameter(java.sql.Time.valueOf("07:08:09")));
        assertEquals((short)7, Values.toParameter((byte)7));
        assertEquals("x", Values.toParameter('x'));
        assertEquals(12, Values.toParameter("12", Types.INTEGER, -1));
        assertEquals(new BigDecimal("1.23"), Values.toParameter(1.2345d, Types.NUMERIC, 2));
        assertEquals(LocalDate.of(2020, 1, 2), Values.toParameter("2020-01-02", Types.DATE, -1));
        assertArrayEquals(new byte[] { 'a' }, (byte[])Values.toParameter("a", Types.VARBINARY, -1));
    }

    @Test
    void shouldReturnJdbcClassesWhenReadingObjects() throws SQLException
    {
        assertEquals(java.sql.Date.valueOf("2020-05-06"), Values.toJdbcObject(LocalDate.of(2020, 5, 6)));
        assertEquals(7, Values.toJdbcObject((short)7));
        assertEquals(LocalDate.of(2020, 5, 6), Values.to(LocalDateTime.of(2020, 5, 6, 1, 2), LocalDate.class));
        assertEquals(java.sql.Timestamp.valueOf("2020-05-06 01:02:00"),
            Values.to(LocalDateTime.of(2020, 5, 6, 1, 2), java.sql.Timestamp.class));
    }

    @Test
    void shouldRejectParameterWhenClassHasNoSqlType()
    {
        final SQLException ex = assertThrows(SQLException.class, () -> Values.toParameter(new Object()));

        assertEquals("07006", ex.getSQLState());
    }
}
