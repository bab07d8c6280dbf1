package io.phantomdb.sql.value;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValuesTest
{
    @Test
    void shouldCompareNumbersByValueWhenBoxesDiffer()
    {
        assertEquals(0, Values.compare(1, 1L));
        assertEquals(0, Values.compare(1, new BigDecimal("1.00")));
        assertEquals(0, Values.compare(new BigDecimal("1.0"), 1.0));
        assertTrue(Values.compare((short)2, 1.5) > 0);
        assertTrue(Values.compare(Long.MAX_VALUE, 9.223372036854775807E18) < 0);
        assertTrue(Values.compare(9007199254740993L, 9007199254740992.0) > 0);
        assertTrue(Values.compare(new BigDecimal("0.1"), 0.1) < 0);
    }

    @Test
    void shouldHashEqualNumbersAlikeWhenBoxesDiffer()
    {
        final int h = Values.hash(1);
        assertEquals(h, Values.hash(1L));
        assertEquals(h, Values.hash((short)1));
        assertEquals(h, Values.hash(1.0));
        assertEquals(h, Values.hash(1.0f));
        assertEquals(h, Values.hash(new BigDecimal("1.000")));
        assertEquals(Values.hash(0.5), Values.hash(new BigDecimal("0.50")));
        assertEquals(Values.hash(Long.MAX_VALUE), Values.hash(new BigDecimal(Long.MAX_VALUE)));
        assertEquals(Values.hash(1e20), Values.hash(new BigDecimal("100000000000000000000.0")));
        assertEquals(Values.hash(0.0), Values.hash(-0.0));
        assertTrue(Values.equal(new BigDecimal("1.0"), new BigDecimal("1.00")));
    }

    @Test
    void shouldOrderNaNAboveEverythingWhenComparingFloats()
    {
        assertTrue(Values.compare(Double.NaN, Double.POSITIVE_INFINITY) > 0);
        assertTrue(Values.compare(Double.NaN, new BigDecimal("1e400")) > 0);
        assertTrue(Values.compare(Long.MAX_VALUE, Double.NaN) < 0);
        assertEquals(0, Values.compare(Double.NaN, Float.NaN));
        assertTrue(Values.equal(Double.NaN, Double.NaN));
        assertEquals(0, Values.compare(-0.0, 0.0));
    }

    @Test
    void shouldCompareByCodePointWhenComparingStrings()
    {
        assertTrue(Values.compare("B", "a") < 0);
        assertTrue(Values.compare("ab", "abc") < 0);
        assertTrue(Values.compare("\uFFFD", "😀") < 0);
        assertTrue(Values.compare("\uE000", "😀") < 0);
    }

    @Test
    void shouldCompareOtherTypesNaturallyWhenSameType()
    {
        assertTrue(Values.compare(new byte[]{(byte)0x80}, new byte[]{0x7f}) > 0);
        assertTrue(Values.compare(new byte[]{1}, new byte[]{1, 0}) < 0);
        assertTrue(Values.compare(false, true) < 0);
        assertEquals(0, Values.compare(LocalDate.of(2020, 1, 1), LocalDateTime.of(2020, 1, 1, 0, 0)));
        assertEquals(Values.hash(LocalDate.of(2020, 1, 1)), Values.hash(LocalDateTime.of(2020, 1, 1, 0, 0)));
        assertTrue(Values.compare(LocalDate.of(2020, 1, 1), LocalDateTime.of(2020, 1, 1, 0, 1)) < 0);
    }

    @Test
    void shouldFollowThreeValuedLogicWhenCombiningTruthValues()
    {
        assertEquals(Boolean.FALSE, Values.and(null, false));
        assertNull(Values.and(null, true));
        assertEquals(Boolean.TRUE, Values.and(true, true));
        assertEquals(Boolean.TRUE, Values.or(null, true));
        assertNull(Values.or(null, false));
        assertEquals(Boolean.FALSE, Values.or(false, false));
        assertNull(Values.not(null));
        assertEquals(Boolean.FALSE, Values.not(true));
        assertFalse(Values.distinct(null, null));
        assertTrue(Values.distinct(null, 1));
        assertFalse(Values.distinct(1, 1L));
        assertNull(Values.compareOp("=", null, 1));
        assertEquals(Boolean.TRUE, Values.compareOp("<>", 1, 2L));
        assertEquals(Boolean.TRUE, Values.compareOp("<=", "a", "a"));
        assertEquals(Boolean.FALSE, Values.compareOp(">", 1, new BigDecimal("1.0")));
    }
}
