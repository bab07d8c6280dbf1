package io.phantomdb.server.pgwire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Binary values survive the trip through PostgreSQL's wire format: what the server writes for a result it reads
 * back as a parameter, for numeric (base-10000 digits, weight, scale), timestamps, dates and bytea; and COPY's
 * text format reads back what it writes.
 */
class PgTypesProperties
{
    @Property(tries = 500)
    void shouldRoundTripNumericWhenBinary(@ForAll("decimals") final BigDecimal value)
    {
        assertEquals(value, roundTrip(value, PgTypes.NUMERIC));
    }

    @Property(tries = 200)
    void shouldRoundTripTimestampWhenBinary(@ForAll("micros") final long micros)
    {
        final LocalDateTime value = LocalDateTime.of(2000, 1, 1, 0, 0).plus(micros, ChronoUnit.MICROS);
        assertEquals(value, roundTrip(value, PgTypes.TIMESTAMP));
        assertEquals(value.toLocalDate(), roundTrip(value.toLocalDate(), PgTypes.DATE));
    }

    @Property(tries = 200)
    void shouldRoundTripByteaWhenTextOrBinary(@ForAll final byte[] value)
    {
        assertArrayEquals(value, (byte[])roundTrip(value, PgTypes.BYTEA));
        assertArrayEquals(value, PgTypes.parseBytea(PgTypes.text(value)));
    }

    @Property(tries = 300)
    void shouldReadBackCopyLinesWhenFieldsHaveSpecialCharacters(@ForAll("fields") final List<String> fields)
    {
        for (final CopyFormat format : new CopyFormat[]{new CopyFormat(false, '\t', false), new CopyFormat(true, ',', false)})
        {
            final String line = format.line(fields);
            assertEquals(fields, format.fields(line.substring(0, line.length() - 1)), line);
        }
    }

    @Provide
    Arbitrary<BigDecimal> decimals()
    {
        return Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
            .flatMap(unscaled -> Arbitraries.integers().between(0, 20).map(scale -> new BigDecimal(unscaled, scale)));
    }

    @Provide
    Arbitrary<Long> micros()
    {
        return Arbitraries.longs().between(-2_000_000_000_000_000L, 2_000_000_000_000_000L);
    }

    @Provide
    Arbitrary<List<String>> fields()
    {
        return Arbitraries.strings().withChars("ab,\"\t\\ xé").ofMaxLength(6).injectNull(0.2).list().ofMinSize(1).ofMaxSize(4)
            .filter(list -> !(list.size() == 1 && "\\.".equals(list.get(0))));
    }

    private static Object roundTrip(final Object value, final int oid)
    {
        final ByteBuf buffer = Unpooled.buffer();
        PgTypes.write(buffer, value, oid, true);
        final int length = buffer.readInt();
        final byte[] bytes = new byte[length];
        buffer.readBytes(bytes);
        return PgTypes.readParameter(oid, true, bytes);
    }
}
