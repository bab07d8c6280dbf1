package io.phantomdb.sql.value;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static io.phantomdb.sql.value.SqlErrors.assertSqlError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ArithmeticTest
{
    @Test
    void shouldFailWith22003WhenIntegersOverflow()
    {
        assertSqlError("22003", "integer out of range", () -> Arithmetic.add(Integer.MAX_VALUE, 1));
        assertSqlError("22003", "integer out of range", () -> Arithmetic.multiply(65536, 65536));
        assertSqlError("22003", "bigint out of range", () -> Arithmetic.subtract(Long.MIN_VALUE, 1L));
        assertSqlError("22003", "bigint out of range", () -> Arithmetic.multiply(Long.MAX_VALUE, 2));
        assertSqlError("22003", "smallint out of range", () -> Arithmetic.add((short)32767, (short)1));
        assertSqlError("22003", "integer out of range", () -> Arithmetic.divide(Integer.MIN_VALUE, -1));
        assertSqlError("22003", "integer out of range", () -> Arithmetic.negate(Integer.MIN_VALUE));
        assertEquals(-4611686018427387904L * 2, Arithmetic.multiply(-4611686018427387904L, 2L));
    }

    @Test
    void shouldPromoteOperandsWhenBoxesDiffer()
    {
        assertEquals(3L, Arithmetic.add(1, 2L));
        assertEquals((short)3, Arithmetic.add((short)1, (short)2));
        assertEquals(3, Arithmetic.add((short)1, 2));
        assertEquals(new BigDecimal("3.5"), Arithmetic.add(1, new BigDecimal("2.5")));
        assertEquals(3.5, Arithmetic.add(new BigDecimal("1"), 2.5));
        assertEquals(new BigDecimal("2.50"), Arithmetic.multiply(new BigDecimal("0.5"), new BigDecimal("5.0")));
        assertEquals(2.5, Arithmetic.add(1.5f, 1));
        assertEquals(3.0f, Arithmetic.add(1.5f, 1.5f));
        assertNull(Arithmetic.add(null, 1));
    }

    @Test
    void shouldTruncateOrScaleWhenDividing()
    {
        assertEquals(2, Arithmetic.divide(7, 3));
        assertEquals(-2, Arithmetic.divide(-7, 3));
        assertEquals(-1, Arithmetic.modulo(-7, 3));
        assertEquals(0, Arithmetic.modulo(Integer.MIN_VALUE, -1));
        assertEquals(new BigDecimal("0.33333333333333333333"), Arithmetic.divide(BigDecimal.ONE, new BigDecimal(3)));
        assertEquals(new BigDecimal("3.3333333333333333"), Arithmetic.divide(BigDecimal.TEN, new BigDecimal(3)));
        assertEquals(new BigDecimal("2.0000000000000000"), Arithmetic.divide(new BigDecimal(6), 3));
        assertEquals(new BigDecimal("0.66666666666666666667"), Arithmetic.divide(new BigDecimal(2), new BigDecimal(3)));
        assertEquals(new BigDecimal("33333.333333333333"), Arithmetic.divide(new BigDecimal(100000), new BigDecimal(3)));
        assertEquals(new BigDecimal("0.1"), Arithmetic.modulo(new BigDecimal("10.1"), 2));
        assertEquals(2.5, Arithmetic.divide(5.0, 2));
    }

    @Test
    void shouldFailWith22012WhenDividingByZero()
    {
        assertSqlError("22012", "division by zero", () -> Arithmetic.divide(1, 0));
        assertSqlError("22012", "division by zero", () -> Arithmetic.divide(1L, 0L));
        assertSqlError("22012", "division by zero", () -> Arithmetic.divide(BigDecimal.ONE, BigDecimal.ZERO));
        assertSqlError("22012", "division by zero", () -> Arithmetic.divide(1.0, 0.0));
        assertSqlError("22012", "division by zero", () -> Arithmetic.divide(1.0f, 0.0f));
        assertSqlError("22012", "division by zero", () -> Arithmetic.modulo(1, 0));
        assertSqlError("42883", "operator does not exist: double precision % double precision",
            () -> Arithmetic.modulo(1.0, 2.0));
        assertSqlError("22003", "value out of range: overflow", () -> Arithmetic.multiply(1e300, 1e10));
    }

    @Test
    void shouldComputeDatesWhenAddingDays()
    {
        assertEquals(LocalDate.of(2024, 3, 1), Arithmetic.add(LocalDate.of(2024, 2, 28), 2));
        assertEquals(LocalDate.of(2024, 3, 1), Arithmetic.add(2, LocalDate.of(2024, 2, 28)));
        assertEquals(LocalDate.of(2024, 2, 28), Arithmetic.subtract(LocalDate.of(2024, 3, 1), 2));
        assertEquals(366, Arithmetic.subtract(LocalDate.of(2025, 1, 1), LocalDate.of(2024, 1, 1)));
        assertEquals(LocalDateTime.of(2024, 1, 1, 10, 30),
            Arithmetic.add(LocalDate.of(2024, 1, 1), LocalTime.of(10, 30)));
        assertSqlError("42883", "operator does not exist: date + date",
            () -> Arithmetic.add(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1)));
    }

    @Test
    void shouldConvertOperandsAsCastToTextWhenConcatenating()
    {
        assertEquals("ab", Arithmetic.concat("a", "b"));
        assertEquals("x1", Arithmetic.concat("x", 1));
        assertEquals("xtrue", Arithmetic.concat("x", true));
        assertEquals("d2024-01-02", Arithmetic.concat("d", LocalDate.of(2024, 1, 2)));
        assertNull(Arithmetic.concat("a", null));
    }
}
