package io.phantomdb.sql.func;

import io.phantomdb.core.schema.ColumnType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static io.phantomdb.sql.value.SqlErrors.assertSqlError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class AggregateFunctionsTest
{
    private static Object run(final Aggregate aggregate, final Object... values)
    {
        final Accumulator accumulator = aggregate.newAccumulator();
        for (final Object v : values)
        {
            accumulator.add(v);
        }
        return accumulator.result();
    }

    @Test
    void shouldCountRowsOrValuesWhenCounting()
    {
        assertEquals(3L, run(AggregateFunctions.countStar(), 1, null, 2));
        assertEquals(3L, run(AggregateFunctions.resolve("count", Collections.emptyList(), false), 1, null, 2));
        assertEquals(2L, run(AggregateFunctions.resolve("COUNT", ColumnType.INTEGER, false), 1, null, 2));
        assertEquals(0L, run(AggregateFunctions.resolve("count", ColumnType.INTEGER, false)));
        assertEquals(2L, run(AggregateFunctions.resolve("count", ColumnType.NUMERIC, true),
            1, new BigDecimal("1.00"), 2L, null));
        assertEquals(ColumnType.BIGINT, AggregateFunctions.countStar().resultType());
    }

    @Test
    void shouldUsePostgresResultTypesWhenSumming()
    {
        final Aggregate sumInt = AggregateFunctions.resolve("sum", ColumnType.INTEGER, false);
        assertEquals(ColumnType.BIGINT, sumInt.resultType());
        assertEquals(4294967294L, run(sumInt, Integer.MAX_VALUE, null, Integer.MAX_VALUE));
        assertNull(run(sumInt));
        assertNull(run(sumInt, (Object)null));
        final Aggregate sumBig = AggregateFunctions.resolve("sum", ColumnType.BIGINT, false);
        assertEquals(ColumnType.NUMERIC, sumBig.resultType());
        assertEquals(new BigDecimal("18446744073709551614"), run(sumBig, Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals(new BigDecimal("3.75"), run(AggregateFunctions.resolve("sum", ColumnType.NUMERIC, false),
            new BigDecimal("1.25"), new BigDecimal("2.5")));
        assertEquals(ColumnType.REAL, AggregateFunctions.resolve("sum", ColumnType.REAL, false).resultType());
        assertEquals(4.0, run(AggregateFunctions.resolve("sum", ColumnType.DOUBLE_PRECISION, false), 1.5, 2.5));
        assertEquals(3L, run(AggregateFunctions.resolve("sum", ColumnType.INTEGER, true), 1, 1, 2, 2));
    }

    @Test
    void shouldScaleLikePostgresWhenAveraging()
    {
        final Aggregate avg = AggregateFunctions.resolve("avg", ColumnType.INTEGER, false);
        assertEquals(ColumnType.NUMERIC, avg.resultType());
        assertEquals(new BigDecimal("1.5000000000000000"), run(avg, 1, 2));
        assertEquals(new BigDecimal("2.0000000000000000"), run(avg, 1, 2, 3));
        assertEquals(new BigDecimal("0.33333333333333333333"), run(avg, 1, 0, 0));
        assertNull(run(avg));
        assertEquals(2.0, run(AggregateFunctions.resolve("avg", ColumnType.REAL, false), 1.5f, 2.5f));
        assertEquals(ColumnType.DOUBLE_PRECISION, AggregateFunctions.resolve("avg", ColumnType.REAL, false).resultType());
    }

    @Test
    void shouldKeepExtremesWhenMinMax()
    {
        assertEquals("b", run(AggregateFunctions.resolve("max", ColumnType.TEXT, false), "a", null, "b", "B"));
        assertEquals("B", run(AggregateFunctions.resolve("min", ColumnType.TEXT, false), "a", null, "b", "B"));
        assertEquals(Double.NaN, run(AggregateFunctions.resolve("max", ColumnType.DOUBLE_PRECISION, false), 1.0, Double.NaN));
        assertNull(run(AggregateFunctions.resolve("min", ColumnType.DATE, false)));
        assertSqlError("42883", "function max(json) does not exist",
            () -> AggregateFunctions.resolve("max", ColumnType.JSON, false));
    }

    @Test
    void shouldCombineTruthValuesWhenBoolAggregates()
    {
        assertEquals(Boolean.FALSE, run(AggregateFunctions.resolve("bool_and", ColumnType.BOOLEAN, false), true, null, false));
        assertEquals(Boolean.TRUE, run(AggregateFunctions.resolve("every", ColumnType.BOOLEAN, false), true, null));
        assertEquals(Boolean.TRUE, run(AggregateFunctions.resolve("bool_or", ColumnType.BOOLEAN, false), false, true));
        assertNull(run(AggregateFunctions.resolve("bool_or", ColumnType.BOOLEAN, false), (Object)null));
    }

    @Test
    void shouldJoinWithDelimitersWhenStringAgg()
    {
        final Aggregate agg = AggregateFunctions.resolve("string_agg", List.of(ColumnType.TEXT, ColumnType.TEXT), false);
        final Accumulator acc = agg.newAccumulator();
        acc.add("a", ", ");
        acc.add(null, ", ");
        acc.add("b", ", ");
        acc.add("c", "-");
        assertEquals("a, b-c", acc.result());
        acc.reset();
        assertNull(acc.result());
        acc.add("x", ",");
        assertEquals("x", acc.result());
        final Accumulator distinct = AggregateFunctions.resolve("string_agg", Arrays.asList(ColumnType.TEXT, null), true)
            .newAccumulator();
        distinct.add("a", ",");
        distinct.add("a", ",");
        distinct.add("b", ",");
        assertEquals("a,b", distinct.result());
    }

    @Test
    void shouldStartEmptyWhenReset()
    {
        final Accumulator acc = AggregateFunctions.resolve("sum", ColumnType.INTEGER, true).newAccumulator();
        acc.add(1);
        acc.reset();
        acc.add(1);
        assertEquals(1L, acc.result());
        final Aggregate agg = AggregateFunctions.resolve("count", ColumnType.INTEGER, false);
        assertSame(agg.resultType(), ColumnType.BIGINT);
        assertSqlError("42883", "function sum(text) does not exist",
            () -> AggregateFunctions.resolve("sum", ColumnType.TEXT, false));
        assertSqlError("42883", "function median(integer) does not exist",
            () -> AggregateFunctions.resolve("median", ColumnType.INTEGER, false));
    }
}
