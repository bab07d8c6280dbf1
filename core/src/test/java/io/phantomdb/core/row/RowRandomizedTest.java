package io.phantomdb.core.row;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.schema.TypeKind;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random schemas and random values: every value written in a random order, at a random offset of a random
 * kind of buffer, through a randomly chosen setter, must read back as the model predicts, also after the
 * row's bytes are copied elsewhere. The seed is printed and named in every failure.
 */
class RowRandomizedTest
{
    private static final int ROWS = 4000;

    @Test
    void shouldReadBackEveryValueWhenRandomRowsOfRandomSchemasAreWritten()
    {
        final long seed = Long.getLong("phantomdb.test.seed", System.nanoTime());
        System.out.println("RowRandomizedTest seed " + seed);
        final Random random = new Random(seed);
        final Generator generator = new Generator(random);
        final MutableDirectBuffer[] buffers = {
            new UnsafeBuffer(new byte[1 << 23]), new ExpandableArrayBuffer(64), new ExpandableDirectByteBuffer(64)};
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[1 << 23]);
        RowLayout layout = null;
        for (int round = 0; round < ROWS; round++)
        {
            if (round % 20 == 0)
            {
                layout = RowLayout.of(generator.schema(round));
            }
            final Object[] values = generator.values(layout);
            final Object[] expected = generator.expected(layout, values);
            final MutableDirectBuffer buffer = buffers[random.nextInt(buffers.length)];
            final int offset = random.nextInt(100);
            final RowWriter writer = new RowWriter(layout);
            writer.wrap(buffer, offset);
            for (final int column : generator.permutation(values.length))
            {
                generator.set(writer, column, values[column]);
            }
            final int length = writer.finish();
            assertEquals(generator.expectedLength(layout, expected), length, "seed " + seed + " round " + round);
            final String context = "seed " + seed + " round " + round + " values " + TestRows.describe(values);
            final RowFlyweight row = new RowFlyweight(layout).wrap(buffer, offset, length);
            final int copyOffset = random.nextInt(100);
            copy.putBytes(copyOffset, buffer, offset, length);
            final RowFlyweight copied = new RowFlyweight(layout).wrap(copy, copyOffset, length);
            for (int i = 0; i < expected.length; i++)
            {
                TestRows.assertValue(expected[i], row, i, context);
                TestRows.assertValue(expected[i], copied, i, context);
            }
        }
    }

    /**
     * Random schemas, values and the model of what a row returns for them.
     */
    static final class Generator
    {
        private static final int[] CODE_POINTS = {
            'a', 'Z', '7', ' ', ' ', '{', 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x20AC, 0x4E16, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};

        private final Random random;

        Generator(final Random random)
        {
            this.random = random;
        }

        TableSchema schema(final int id)
        {
            final TableSchema.Builder builder = TableSchema.builder(id, "t" + id);
            ColumnType keyType;
            do
            {
                keyType = type();
            }
            while (keyType.kind() == TypeKind.JSON);
            builder.column("c0", keyType, false);
            final int columns = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 30);
            for (int i = 1; i < columns; i++)
            {
                builder.column("c" + i, type(), random.nextBoolean());
            }
            return builder.primaryKey("C0").build();
        }

        private ColumnType type()
        {
            final TypeKind kind = TypeKind.values()[random.nextInt(TypeKind.values().length)];
            switch (kind)
            {
                case BOOLEAN: return ColumnType.BOOLEAN;
                case SMALLINT: return ColumnType.SMALLINT;
                case INTEGER: return ColumnType.INTEGER;
                case BIGINT: return ColumnType.BIGINT;
                case REAL: return ColumnType.REAL;
                case DOUBLE_PRECISION: return ColumnType.DOUBLE_PRECISION;
                case NUMERIC:
                    if (random.nextInt(3) == 0)
                    {
                        return ColumnType.NUMERIC;
                    }
                    final int precision = 1 + random.nextInt(random.nextInt(10) == 0 ? 1000 : 40);
                    return ColumnType.numeric(precision, random.nextInt(precision + 1));
                case CHAR: return ColumnType.character(1 + random.nextInt(20));
                case VARCHAR: return random.nextInt(3) == 0 ? ColumnType.VARCHAR : ColumnType.varchar(1 + random.nextInt(20));
                case TEXT: return ColumnType.TEXT;
                case BYTEA: return ColumnType.BYTEA;
                case DATE: return ColumnType.DATE;
                case TIME: return ColumnType.TIME;
                case TIMESTAMP: return ColumnType.TIMESTAMP;
                case JSON: return ColumnType.JSON;
                default: throw new AssertionError(kind);
            }
        }

        Object[] values(final RowLayout layout)
        {
            final Object[] values = new Object[layout.columnCount()];
            for (int i = 0; i < values.length; i++)
            {
                values[i] = layout.column(i).nullable() && random.nextInt(4) == 0 ? null : value(layout.type(i));
            }
            return values;
        }

        private Object value(final ColumnType type)
        {
            switch (type.kind())
            {
                case BOOLEAN: return random.nextBoolean();
                case SMALLINT: return (short)random.nextInt();
                case INTEGER: return random.nextInt();
                case BIGINT: return random.nextLong();
                case REAL: return Float.intBitsToFloat(random.nextInt());
                case DOUBLE_PRECISION: return Double.longBitsToDouble(random.nextLong());
                case NUMERIC: return decimal(type);
                case CHAR:
                case VARCHAR:
                case TEXT:
                case JSON: return string(type.length());
                case BYTEA:
                    final byte[] bytes = new byte[random.nextInt(random.nextInt(50) == 0 ? 100_000 : 64)];
                    random.nextBytes(bytes);
                    return bytes;
                case DATE: return random.nextInt();
                case TIME: return (long)(random.nextDouble() * (RowDescriptor.MAX_TIME_MICROS + 1));
                case TIMESTAMP: return random.nextLong();
                default: throw new AssertionError(type);
            }
        }

        private BigDecimal decimal(final ColumnType type)
        {
            final boolean constrained = type.precision() != ColumnType.UNSPECIFIED;
            final int maxDigits = constrained ? type.precision() : 60;
            final int digits = 1 + random.nextInt(random.nextBoolean() ? Math.min(maxDigits, 18) : maxDigits);
            final StringBuilder sb = new StringBuilder(random.nextBoolean() ? "-" : "");
            for (int i = 0; i < digits; i++)
            {
                sb.append((char)('0' + random.nextInt(10)));
            }
            final int scale = constrained ? type.scale() : random.nextInt(40) - 5;
            final BigDecimal value = new BigDecimal(new BigInteger(sb.toString()), scale);
            return random.nextInt(4) == 0 ? value.stripTrailingZeros() : value;
        }

        private String string(final int maxChars)
        {
            final int bound = maxChars == ColumnType.UNSPECIFIED ? (random.nextInt(50) == 0 ? 3000 : 30) : maxChars;
            final StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(bound + 1); i > 0; i--)
            {
                sb.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
            }
            if (maxChars != ColumnType.UNSPECIFIED && random.nextInt(10) == 0)
            {
                sb.append(" ".repeat(1 + random.nextInt(maxChars + 2)));
            }
            return sb.toString();
        }

        /**
         * The model: what a row returns for values written with {@link #set}.
         */
        Object[] expected(final RowLayout layout, final Object[] values)
        {
            final Object[] expected = values.clone();
            for (int i = 0; i < values.length; i++)
            {
                final ColumnType type = layout.type(i);
                if (values[i] instanceof BigDecimal)
                {
                    final BigDecimal value = (BigDecimal)values[i];
                    expected[i] = type.scale() != ColumnType.UNSPECIFIED ?
                        value.setScale(type.scale(), RoundingMode.UNNECESSARY) :
                        value.scale() < 0 ? value.setScale(0) : value;
                }
                else if (values[i] instanceof String && type.length() != ColumnType.UNSPECIFIED)
                {
                    final String value = (String)values[i];
                    final int codePoints = value.codePointCount(0, value.length());
                    final String cut = codePoints > type.length() ?
                        value.substring(0, value.offsetByCodePoints(0, type.length())) : value;
                    final int padding = type.kind() == TypeKind.CHAR ?
                        type.length() - cut.codePointCount(0, cut.length()) : 0;
                    expected[i] = cut + " ".repeat(padding);
                }
            }
            return expected;
        }

        /**
         * The model of a row's length: the fixed part, then each variable value with no gaps.
         */
        int expectedLength(final RowLayout layout, final Object[] expected)
        {
            int length = layout.varDataOffset();
            for (final Object value : expected)
            {
                if (value instanceof String)
                {
                    length += ((String)value).getBytes(StandardCharsets.UTF_8).length;
                }
                else if (value instanceof byte[])
                {
                    length += ((byte[])value).length;
                }
                else if (value instanceof BigDecimal)
                {
                    length += RowDescriptor.NUMERIC_SCALE_LENGTH + ((BigDecimal)value).unscaledValue().toByteArray().length;
                }
            }
            return length;
        }

        /**
         * Set a value through one of the setters that accept it, chosen at random.
         */
        void set(final RowWriter writer, final int column, final Object value)
        {
            if (value instanceof BigDecimal && ((BigDecimal)value).unscaledValue().bitLength() < Long.SIZE &&
                random.nextBoolean())
            {
                final BigDecimal decimal = (BigDecimal)value;
                writer.setDecimal(column, decimal.unscaledValue().longValue(), decimal.scale());
            }
            else if (value instanceof String && random.nextBoolean())
            {
                writer.setString(column, new StringBuilder((String)value));
            }
            else if (value instanceof byte[] && random.nextBoolean())
            {
                final byte[] bytes = (byte[])value;
                final UnsafeBuffer source = new UnsafeBuffer(new byte[bytes.length + 10]);
                source.putBytes(5, bytes);
                writer.setBytes(column, source, 5, bytes.length);
            }
            else
            {
                TestRows.set(writer, column, value);
            }
        }

        int[] permutation(final int n)
        {
            final int[] order = new int[n];
            for (int i = 0; i < n; i++)
            {
                final int j = random.nextInt(i + 1);
                order[i] = order[j];
                order[j] = i;
            }
            return order;
        }
    }
}
