package io.phantomdb.sql.value;

import io.phantomdb.core.schema.ColumnType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text round trips: for random values of every type, parsing {@link PgText#format} gives the value back
 * exactly (floats bit for bit, NUMERIC with its scale), and so does {@code CAST(CAST(v AS text) AS type)}.
 * jqwik prints the seed of a failing run.
 */
class CastsProperties
{
    @Property(tries = 2000)
    void textShouldRoundTripWhenFormattedAndParsed(@ForAll("typedValues") final Tuple2<ColumnType, Object> typed)
    {
        final ColumnType type = typed.get1();
        final Object value = typed.get2();
        final String text = PgText.format(value, type);
        final Object parsed = PgText.parse(text, type);
        assertSame(value, parsed, type + " " + text);
        final Object viaCast = Casts.cast(Casts.cast(value, type, ColumnType.TEXT), ColumnType.TEXT, type);
        assertSame(value, viaCast, type + " cast " + text);
    }

    private static void assertSame(final Object expected, final Object actual, final String message)
    {
        if (expected instanceof Double)
        {
            assertEquals(Double.doubleToLongBits((Double)expected), Double.doubleToLongBits((Double)actual), message);
        }
        else if (expected instanceof Float)
        {
            assertEquals(Float.floatToIntBits((Float)expected), Float.floatToIntBits((Float)actual), message);
        }
        else if (expected instanceof BigDecimal)
        {
            assertEquals(expected, actual, message);
        }
        else
        {
            assertTrue(Values.equal(expected, actual), () -> message + ": " + expected + " vs " + actual);
        }
    }

    @Provide
    Arbitrary<Tuple2<ColumnType, Object>> typedValues()
    {
        return Arbitraries.oneOf(
            Arbitraries.of(true, false).map(v -> Tuple.of(ColumnType.BOOLEAN, (Object)v)),
            Arbitraries.shorts().map(v -> Tuple.of(ColumnType.SMALLINT, (Object)v)),
            Arbitraries.integers().map(v -> Tuple.of(ColumnType.INTEGER, (Object)v)),
            Arbitraries.longs().map(v -> Tuple.of(ColumnType.BIGINT, (Object)v)),
            Arbitraries.longs().map(bits -> Tuple.of(ColumnType.DOUBLE_PRECISION, (Object)Double.longBitsToDouble(bits))),
            Arbitraries.doubles().map(v -> Tuple.of(ColumnType.DOUBLE_PRECISION, (Object)v)),
            Arbitraries.integers().map(bits -> Tuple.of(ColumnType.REAL, (Object)Float.intBitsToFloat(bits))),
            Arbitraries.floats().map(v -> Tuple.of(ColumnType.REAL, (Object)v)),
            Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                .flatMap(u -> Arbitraries.integers().between(0, 20)
                    .map(s -> Tuple.of(ColumnType.NUMERIC, (Object)new BigDecimal(u, s)))),
            Arbitraries.strings().ofMaxLength(10).map(v -> Tuple.of(ColumnType.TEXT, (Object)v)),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(10).map(v -> Tuple.of(ColumnType.BYTEA, (Object)v)),
            Arbitraries.longs().between(LocalDate.of(-4712, 1, 1).toEpochDay(), LocalDate.of(99999, 12, 31).toEpochDay())
                .map(d -> Tuple.of(ColumnType.DATE, (Object)LocalDate.ofEpochDay(d))),
            Arbitraries.longs().between(0, 86_399_999_999L)
                .map(m -> Tuple.of(ColumnType.TIME, (Object)LocalTime.ofNanoOfDay(m * 1000))),
            Arbitraries.longs().between(-100_000_000_000L, 100_000_000_000L).flatMap(s -> Arbitraries.integers()
                .between(0, 999_999).map(us -> Tuple.of(ColumnType.TIMESTAMP,
                    (Object)LocalDateTime.of(1970, 1, 1, 0, 0).plusSeconds(s).plusNanos(us * 1000L)))));
    }
}
