package io.phantomdb.proptest.key;

import io.phantomdb.index.ByteComparator;
import io.phantomdb.index.key.ColumnOrder;
import io.phantomdb.index.key.ColumnType;
import io.phantomdb.index.key.KeyColumn;
import io.phantomdb.index.key.KeyDecoder;
import io.phantomdb.index.key.KeyEncoder;
import io.phantomdb.index.key.KeySchema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key encoding against its typed model ({@link KeySchema#compare}): random schemas of every type and
 * order, random tuples with NULLs, extremes, -0.0, NaN, infinities, empty and odd strings and bytes.
 * jqwik prints the seed of a failing run; rerun it with {@code @Property(seed = "...")}.
 */
class KeyEncodingProperties
{
    private final KeyEncoder encoder = new KeyEncoder();
    private final KeyDecoder decoder = new KeyDecoder();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);

    @Property(tries = 800)
    void encodedOrderShouldEqualTypedOrder(@ForAll("schemaAndTuples") final SchemaAndTuples input)
    {
        final List<byte[]> encoded = new ArrayList<>();
        for (final Object[] tuple : input.tuples())
        {
            encoded.add(encode(input.schema(), tuple));
        }
        for (int i = 0; i < encoded.size(); i++)
        {
            for (int j = 0; j < encoded.size(); j++)
            {
                final byte[] a = encoded.get(i);
                final byte[] b = encoded.get(j);
                final int expected = input.schema().compare(input.tuples().get(i), input.tuples().get(j));
                final int actual = Integer.signum(ByteComparator.compare(new UnsafeBuffer(a), 0, a.length, b));
                final int x = i;
                final int y = j;
                assertEquals(expected, actual, () -> input.schema() + ": " + Arrays.deepToString(input.tuples().get(x)) +
                    " vs " + Arrays.deepToString(input.tuples().get(y)));
            }
        }
    }

    @Property(tries = 800)
    void decodeShouldInvertEncode(@ForAll("schemaAndTuples") final SchemaAndTuples input)
    {
        for (final Object[] tuple : input.tuples())
        {
            final byte[] bytes = encode(input.schema(), tuple);
            final Object[] decoded = input.schema().decode(decoder, new UnsafeBuffer(bytes), 0, bytes.length);
            assertTrue(Arrays.deepEquals(tuple, decoded),
                () -> input.schema() + ": " + Arrays.deepToString(tuple) + " decoded as " + Arrays.deepToString(decoded));
        }
    }

    @Provide
    Arbitrary<SchemaAndTuples> schemaAndTuples()
    {
        final Arbitrary<KeyColumn> column = Combinators.combine(
            Arbitraries.of(ColumnType.class), Arbitraries.of(ColumnOrder.class)).as(KeyColumn::new);
        return column.list().ofMinSize(1).ofMaxSize(4).flatMap(columns ->
        {
            final KeySchema schema = new KeySchema(columns);
            final List<Arbitrary<Object>> values = columns.stream()
                .map(c -> valuesOf(c.type()).injectNull(0.15))
                .collect(Collectors.toList());
            return Combinators.combine(values).as(List::toArray)
                .list().ofMinSize(2).ofMaxSize(8)
                .map(tuples -> new SchemaAndTuples(schema, tuples));
        });
    }

    private static Arbitrary<Object> valuesOf(final ColumnType type)
    {
        return switch (type)
        {
            case BOOLEAN -> Arbitraries.of(true, false).map(v -> v);
            case SHORT -> Arbitraries.oneOf(Arbitraries.shorts(), Arbitraries.of((short)-1, (short)0, (short)1)).map(v -> v);
            case INT -> Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.of(-1, 0, 1)).map(v -> v);
            case LONG -> Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(-1L, 0L, 1L)).map(v -> v);
            case FLOAT -> Arbitraries.oneOf(Arbitraries.floats(), Arbitraries.of(
                -0.0f, 0.0f, Float.NaN, Float.intBitsToFloat(0xFFC0_0001), Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY,
                Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1.0f, -1.0f)).map(v -> v);
            case DOUBLE -> Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(
                -0.0d, 0.0d, Double.NaN, Double.longBitsToDouble(0x7FF0_0000_0000_0001L), Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
                1.0d, -1.0d)).map(v -> v);
            case STRING -> Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(6),
                Arbitraries.of("", "\u0000", "a", "b", "é", "\u07FF", "\u0800", "\uD7FF", "\uE000", "\uFFFF",
                    "\uD83D\uDE00", "\uDBFF\uDFFF", "\uD800", "\uDC00").list().ofMaxSize(4).map(parts -> String.join("", parts)))
                .map(v -> v);
            case BYTES -> Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(6),
                Arbitraries.of((byte)0x00, (byte)0x01, (byte)0x7F, (byte)0x80, (byte)0xFF).array(byte[].class).ofMaxSize(4))
                .map(v -> v);
        };
    }

    private byte[] encode(final KeySchema schema, final Object[] tuple)
    {
        final int length = schema.encode(encoder, buffer, 0, tuple);
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    /**
     * A schema and tuples that fit it; printed readably when a property fails.
     */
    record SchemaAndTuples(KeySchema schema, List<Object[]> tuples)
    {
        @Override
        public String toString()
        {
            return schema + " " + tuples.stream().map(Arrays::deepToString).collect(Collectors.joining(", "));
        }
    }
}
