package io.phantomdb.sql.value;

import io.phantomdb.core.schema.ColumnType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static io.phantomdb.sql.value.SqlErrors.assertSqlError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CastsTest
{
    @Test
    void shouldRangeCheckWhenNarrowingIntegers()
    {
        assertEquals((short)32767, Casts.cast(32767, ColumnType.INTEGER, ColumnType.SMALLINT));
        assertSqlError("22003", "smallint out of range", () -> Casts.cast(32768, ColumnType.INTEGER, ColumnType.SMALLINT));
        assertSqlError("22003", "integer out of range", () -> Casts.cast(1L << 31, ColumnType.BIGINT, ColumnType.INTEGER));
        assertSqlError("22003", "bigint out of range",
            () -> Casts.cast(new BigDecimal("9223372036854775808"), ColumnType.NUMERIC, ColumnType.BIGINT));
    }

    @Test
    void shouldRoundLikePostgresWhenConvertingToIntegers()
    {
        assertEquals(3, Casts.cast(new BigDecimal("2.5"), ColumnType.NUMERIC, ColumnType.INTEGER));
        assertEquals(-3, Casts.cast(new BigDecimal("-2.5"), ColumnType.NUMERIC, ColumnType.INTEGER));
        assertEquals(2, Casts.cast(2.5, ColumnType.DOUBLE_PRECISION, ColumnType.INTEGER));
        assertEquals(4, Casts.cast(3.5, ColumnType.DOUBLE_PRECISION, ColumnType.INTEGER));
        assertEquals(2L, Casts.cast(2.5f, ColumnType.REAL, ColumnType.BIGINT));
        assertSqlError("22003", "integer out of range", () -> Casts.cast(Double.NaN, ColumnType.DOUBLE_PRECISION, ColumnType.INTEGER));
    }

    @Test
    void shouldRoundAndCheckPrecisionWhenCastingToConstrainedNumeric()
    {
        assertEquals(new BigDecimal("1.24"), Casts.cast(new BigDecimal("1.235"), ColumnType.NUMERIC, ColumnType.numeric(5, 2)));
        assertEquals(new BigDecimal("-1.24"), Casts.cast(new BigDecimal("-1.235"), ColumnType.NUMERIC, ColumnType.numeric(5, 2)));
        assertEquals(new BigDecimal("999.99"), Casts.cast("999.99", ColumnType.TEXT, ColumnType.numeric(5, 2)));
        assertSqlError("22003", "numeric field overflow", () -> Casts.cast(new BigDecimal("999.995"), ColumnType.NUMERIC, ColumnType.numeric(5, 2)));
        assertSqlError("22003", "numeric field overflow", () -> Casts.cast(1000, ColumnType.INTEGER, ColumnType.numeric(5, 2)));
        assertEquals(new BigDecimal("0.1"), Casts.cast(0.1, ColumnType.DOUBLE_PRECISION, ColumnType.NUMERIC));
        assertEquals(new BigDecimal("0.333333333333333"), Casts.cast(1.0 / 3, ColumnType.DOUBLE_PRECISION, ColumnType.NUMERIC));
        assertEquals(new BigDecimal("100000000000000000000"), Casts.cast(1e20, ColumnType.DOUBLE_PRECISION, ColumnType.NUMERIC));
    }

    @Test
    void shouldParseTextWhenCastingToEveryType()
    {
        assertEquals(42, Casts.cast(" 42 ", ColumnType.TEXT, ColumnType.INTEGER));
        assertEquals(-9223372036854775808L, Casts.cast("-9223372036854775808", ColumnType.TEXT, ColumnType.BIGINT));
        assertEquals(1.5, Casts.cast("1.5", ColumnType.TEXT, ColumnType.DOUBLE_PRECISION));
        assertEquals(Double.POSITIVE_INFINITY, Casts.cast("Infinity", ColumnType.TEXT, ColumnType.DOUBLE_PRECISION));
        assertEquals(new BigDecimal("1.50"), Casts.cast("1.50", ColumnType.TEXT, ColumnType.NUMERIC));
        assertEquals(LocalDate.of(2024, 2, 29), Casts.cast("2024-02-29", ColumnType.TEXT, ColumnType.DATE));
        assertEquals(LocalTime.of(13, 4, 5, 120_000_000), Casts.cast("13:04:05.12", ColumnType.TEXT, ColumnType.TIME));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5), Casts.cast("2024-01-02 03:04:05", null, ColumnType.TIMESTAMP));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5), Casts.cast("2024-01-02T03:04:05Z", null, ColumnType.TIMESTAMP));
        assertEquals(LocalDateTime.of(2024, 1, 2, 0, 0), Casts.cast("2024-01-02", null, ColumnType.TIMESTAMP));
        assertArrayEquals(new byte[]{(byte)0xde, (byte)0xad}, (byte[])Casts.cast("\\xDEAD", null, ColumnType.BYTEA));
        assertArrayEquals(new byte[]{'a', '\\', 1}, (byte[])Casts.cast("a\\\\\\001", null, ColumnType.BYTEA));
        assertEquals("{\"a\": 1}", Casts.cast("{\"a\": 1}", ColumnType.TEXT, ColumnType.JSON));
    }

    @Test
    void shouldAcceptPostgresSpellingsWhenParsingBooleans()
    {
        for (final String t : new String[]{"t", "TRUE", "tru", "yes", "y", "on", "1", " true "})
        {
            assertEquals(Boolean.TRUE, Casts.cast(t, ColumnType.TEXT, ColumnType.BOOLEAN), t);
        }
        for (final String f : new String[]{"f", "false", "no", "n", "off", "of", "0"})
        {
            assertEquals(Boolean.FALSE, Casts.cast(f, ColumnType.TEXT, ColumnType.BOOLEAN), f);
        }
        assertSqlError("22P02", "invalid input syntax for type boolean: \"o\"", () -> Casts.cast("o", null, ColumnType.BOOLEAN));
        assertEquals(Boolean.TRUE, Casts.cast(5, ColumnType.INTEGER, ColumnType.BOOLEAN));
        assertEquals(1, Casts.cast(true, ColumnType.BOOLEAN, ColumnType.INTEGER));
    }

    @Test
    void shouldReportPostgresErrorsWhenTextIsMalformed()
    {
        assertSqlError("22P02", "invalid input syntax for type integer: \"abc\"", () -> Casts.cast("abc", null, ColumnType.INTEGER));
        assertSqlError("22P02", "invalid input syntax for type integer: \"1.5\"", () -> Casts.cast("1.5", null, ColumnType.INTEGER));
        assertSqlError("22003", "value \"99999999999\" is out of range for type integer",
            () -> Casts.cast("99999999999", null, ColumnType.INTEGER));
        assertSqlError("22P02", "invalid input syntax for type numeric: \"1e\"", () -> Casts.cast("1e", null, ColumnType.NUMERIC));
        assertSqlError("22P02", "invalid input syntax for type double precision: \"0x10\"",
            () -> Casts.cast("0x10", null, ColumnType.DOUBLE_PRECISION));
        assertSqlError("22007", "invalid input syntax for type date: \"yesterday-ish\"",
            () -> Casts.cast("yesterday-ish", null, ColumnType.DATE));
        assertSqlError("22008", "date/time field value out of range: \"2023-02-29\"",
            () -> Casts.cast("2023-02-29", null, ColumnType.DATE));
        assertSqlError("22008", "date/time field value out of range: \"25:00\"", () -> Casts.cast("25:00", null, ColumnType.TIME));
        assertSqlError("22P02", "invalid input syntax for type json", () -> Casts.cast("{a:1}", null, ColumnType.JSON));
        assertSqlError("22023", "invalid hexadecimal digit: \"g\"", () -> Casts.cast("\\xgg", null, ColumnType.BYTEA));
        assertSqlError("22023", "invalid hexadecimal data: odd number of digits", () -> Casts.cast("\\xabc", null, ColumnType.BYTEA));
    }

    @Test
    void shouldWriteTextLikeCastToTextWhenConvertingValues()
    {
        assertEquals("true", Casts.cast(true, ColumnType.BOOLEAN, ColumnType.TEXT));
        assertEquals("1.50", Casts.cast(new BigDecimal("1.50"), ColumnType.NUMERIC, ColumnType.TEXT));
        assertEquals("2024-01-02 03:04:05", Casts.cast(LocalDateTime.of(2024, 1, 2, 3, 4, 5), null, ColumnType.VARCHAR));
        assertEquals("\\x0aff", Casts.cast(new byte[]{10, -1}, ColumnType.BYTEA, ColumnType.TEXT));
        assertEquals("{}", Casts.cast("{}", ColumnType.JSON, ColumnType.TEXT));
    }

    @Test
    void shouldTruncateOrPadWhenCastingExplicitlyToCharacterTypes()
    {
        assertEquals("abc", Casts.cast("abcdef", ColumnType.TEXT, ColumnType.varchar(3)));
        assertEquals("ab  ", Casts.cast("ab", ColumnType.TEXT, ColumnType.character(4)));
        assertEquals("abcd", Casts.cast("abcdef", ColumnType.TEXT, ColumnType.character(4)));
        assertEquals("😀é", Casts.cast("😀éx", ColumnType.TEXT, ColumnType.varchar(2)));
        assertEquals("ab", Casts.cast("ab  ", ColumnType.character(4), ColumnType.TEXT));
        assertEquals("ab", Casts.assign("ab  ", ColumnType.character(4), ColumnType.varchar(2)));
        assertEquals("ab  ", Casts.cast("ab  ", ColumnType.character(4), ColumnType.character(4)));
    }

    @Test
    void shouldRejectTooLongValuesWhenAssigning()
    {
        assertSqlError("22001", "value too long for type character varying(5)",
            () -> Casts.assign("abcdef", ColumnType.TEXT, ColumnType.varchar(5)));
        assertSqlError("22001", "value too long for type character(2)",
            () -> Casts.assign("abc", ColumnType.TEXT, ColumnType.character(2)));
        assertEquals("abcde", Casts.assign("abcde   ", ColumnType.TEXT, ColumnType.varchar(5)));
        assertEquals("a  ", Casts.assign("a", ColumnType.TEXT, ColumnType.character(3)));
        assertEquals("12", Casts.assign(12, ColumnType.INTEGER, ColumnType.varchar(5)));
        assertEquals((short)7, Casts.assign(7L, ColumnType.BIGINT, ColumnType.SMALLINT));
        assertEquals(2, Casts.assign(new BigDecimal("1.5"), ColumnType.NUMERIC, ColumnType.INTEGER));
        assertEquals(LocalDate.of(2020, 1, 1), Casts.assign("2020-01-01", ColumnType.TEXT, ColumnType.DATE));
        assertSqlError("22003", "integer out of range", () -> Casts.assign(1L << 40, ColumnType.BIGINT, ColumnType.INTEGER));
        assertSqlError("42804", "value of type boolean cannot be assigned to type integer",
            () -> Casts.assign(true, ColumnType.BOOLEAN, ColumnType.INTEGER));
    }

    @Test
    void shouldFailWith42846WhenNoCastExists()
    {
        assertSqlError("42846", "cannot cast type boolean to date", () -> Casts.cast(true, ColumnType.BOOLEAN, ColumnType.DATE));
        assertSqlError("42846", "cannot cast type json to integer", () -> Casts.cast("1", ColumnType.JSON, ColumnType.INTEGER));
        assertSqlError("42846", "cannot cast type integer to json", () -> Casts.cast(1, ColumnType.INTEGER, ColumnType.JSON));
    }

    @Test
    void shouldKeepNullAndConvertBetweenDateTimesWhenCasting()
    {
        assertNull(Casts.cast(null, ColumnType.INTEGER, ColumnType.TEXT));
        assertEquals(LocalDate.of(2020, 5, 6), Casts.cast(LocalDateTime.of(2020, 5, 6, 7, 8), null, ColumnType.DATE));
        assertEquals(LocalTime.of(7, 8), Casts.cast(LocalDateTime.of(2020, 5, 6, 7, 8), null, ColumnType.TIME));
        assertEquals(LocalDateTime.of(2020, 5, 6, 0, 0), Casts.cast(LocalDate.of(2020, 5, 6), null, ColumnType.TIMESTAMP));
        assertSqlError("22003", "value out of range: overflow", () -> Casts.cast(1e300, ColumnType.DOUBLE_PRECISION, ColumnType.REAL));
    }
}
