package io.phantomdb.sql.value;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Values#compare} is a total order consistent with {@link Values#equal} and {@link Values#hash}, for
 * lists of random values of one type (numbers in mixed boxes: SMALLINT, INTEGER, BIGINT, NUMERIC, REAL,
 * DOUBLE PRECISION, with NaN, infinities, -0.0 and values equal across boxes). jqwik prints the seed of a
 * failing run.
 */
class ValuesProperties
{
    @Property(tries = 300)
    void compareShouldBeTotalOrderConsistentWithEqualAndHash(@ForAll("sameTypeValues") final List<Object> values)
    {
        for (final Object a : values)
        {
            assertEquals(0, Values.compare(a, a), () -> "reflexive " + a);
            for (final Object b : values)
            {
                final int ab = Integer.signum(Values.compare(a, b));
                final int ba = Integer.signum(Values.compare(b, a));
                assertEquals(-ab, ba, () -> "antisymmetric " + show(a) + " vs " + show(b));
                assertEquals(ab == 0, Values.equal(a, b), () -> "equal " + show(a) + " vs " + show(b));
                if (ab == 0)
                {
                    assertEquals(Values.hash(a), Values.hash(b), () -> "hash " + show(a) + " vs " + show(b));
                }
                for (final Object c : values)
                {
                    if (ab <= 0 && Values.compare(b, c) <= 0)
                    {
                        assertTrue(Values.compare(a, c) <= 0,
                            () -> "transitive " + show(a) + " <= " + show(b) + " <= " + show(c));
                    }
                }
            }
        }
    }

    private static String show(final Object o)
    {
        return o instanceof byte[] ? PgText.format(o, null) : o + " (" + o.getClass().getSimpleName() + ")";
    }

    @Provide
    Arbitrary<List<Object>> sameTypeValues()
    {
        return Arbitraries.oneOf(
            numbers().list().ofMinSize(1).ofMaxSize(12),
            strings().map(s -> (Object)s).list().ofMinSize(1).ofMaxSize(12),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(4).map(b -> (Object)b).list().ofMinSize(1).ofMaxSize(12),
            dates().list().ofMinSize(1).ofMaxSize(12),
            Arbitraries.longs().between(0, 86_399_999_999L).map(m -> (Object)LocalTime.ofNanoOfDay(m * 1000))
                .list().ofMinSize(1).ofMaxSize(12),
            Arbitraries.of(true, false).map(b -> (Object)b).list().ofMinSize(1).ofMaxSize(4));
    }

    private static Arbitrary<String> strings()
    {
        return Arbitraries.strings().withChars('a', 'B', 'é', '\uFFFD', '\uE000').withCharRange('\uD83D', '\uD83D')
            .ofMaxLength(3).map(ValuesProperties::fixSurrogates)
            .injectDuplicates(0.2);
    }

    private static String fixSurrogates(final String s)
    {
        return s.replace("\uD83D", "\uD83D\uDE00");
    }

    private static Arbitrary<Object> dates()
    {
        final Arbitrary<Object> date = Arbitraries.longs().between(-1000, 1000)
            .map(d -> (Object)LocalDate.of(2000, 1, 1).plusDays(d));
        final Arbitrary<Object> timestamp = Arbitraries.longs().between(-1000 * 24, 1000 * 24)
            .map(h -> (Object)LocalDateTime.of(2000, 1, 1, 0, 0).plusHours(h));
        return Arbitraries.oneOf(date, timestamp);
    }

    private static Arbitrary<Object> numbers()
    {
        final Arbitrary<Long> base = Arbitraries.oneOf(
            Arbitraries.longs().between(-5, 5),
            Arbitraries.longs(),
            Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 9007199254740993L, 1L << 53, (long)Integer.MAX_VALUE));
        final Arbitrary<Object> boxed = base.flatMap(v -> Arbitraries.of(0, 1, 2, 3, 4, 5, 6).map(kind -> box(v, kind)));
        final Arbitrary<Object> special = Arbitraries.of(
            Double.NaN, Float.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 0.5,
            new BigDecimal("0.50"), 0.1, new BigDecimal("0.1"), 0.1f, 1e20, new BigDecimal("1E+20"),
            new BigDecimal("-2.500"), -2.5f, Double.MAX_VALUE, Double.MIN_VALUE);
        return Arbitraries.oneOf(boxed, special);
    }

    private static Object box(final long v, final int kind)
    {
        switch (kind)
        {
            case 0:
                return (short)v;
            case 1:
                return (int)v;
            case 2:
                return v;
            case 3:
                return BigDecimal.valueOf(v);
            case 4:
                return BigDecimal.valueOf(v).setScale(2);
            case 5:
                return (double)v;
            default:
                return (float)v;
        }
    }
}
