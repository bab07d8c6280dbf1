package io.phantomdb.sql.func;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.value.Arithmetic;
import io.phantomdb.sql.value.Casts;
import io.phantomdb.sql.value.ValueErrors;
import io.phantomdb.sql.value.Values;

import java.math.BigDecimal;
import java.util.HashSet;

/**
 * The {@link Accumulator} implementations. Integer sums run on a {@code long} and move to
 * {@link BigDecimal} only when they would overflow.
 * <p>
 * <b>Note:</b> each accumulator belongs to one thread at a time.
 */
final class Accumulators
{
    private Accumulators()
    {
    }

    static final class Count implements Accumulator
    {
        private final boolean countNulls;
        private long count;

        Count(final boolean countNulls)
        {
            this.countNulls = countNulls;
        }

        @Override
        public void add(final Object value)
        {
            if (value != null || countNulls)
            {
                count++;
            }
        }

        @Override
        public Object result()
        {
            return count;
        }

        @Override
        public void reset()
        {
            count = 0;
        }
    }

    static final class SumLong implements Accumulator
    {
        private long sum;
        private boolean any;

        @Override
        public void add(final Object value)
        {
            if (value != null)
            {
                final long v = ((Number)value).longValue();
                final long r = sum + v;
                if (((sum ^ r) & (v ^ r)) < 0)
                {
                    throw ValueErrors.outOfRange("bigint");
                }
                sum = r;
                any = true;
            }
        }

        @Override
        public Object result()
        {
            return any ? (Object)sum : null;
        }

        @Override
        public void reset()
        {
            sum = 0;
            any = false;
        }
    }

    static class SumDecimal implements Accumulator
    {
        private long small;
        private BigDecimal big;
        private long count;

        @Override
        public void add(final Object value)
        {
            if (value == null)
            {
                return;
            }
            count++;
            if (value instanceof Long || value instanceof Integer || value instanceof Short)
            {
                final long v = ((Number)value).longValue();
                final long r = small + v;
                if (((small ^ r) & (v ^ r)) < 0)
                {
                    big = total();
                    small = v;
                }
                else
                {
                    small = r;
                }
            }
            else
            {
                final BigDecimal v = (BigDecimal)Casts.cast(value, null, ColumnType.NUMERIC);
                big = big == null ? v : big.add(v);
            }
        }

        BigDecimal total()
        {
            final BigDecimal s = BigDecimal.valueOf(small);
            return big == null ? s : big.add(s);
        }

        long count()
        {
            return count;
        }

        @Override
        public Object result()
        {
            return count == 0 ? null : total();
        }

        @Override
        public void reset()
        {
            small = 0;
            big = null;
            count = 0;
        }
    }

    static final class AvgDecimal extends SumDecimal
    {
        @Override
        public Object result()
        {
            return count() == 0 ? null : Arithmetic.divideDecimal(total(), BigDecimal.valueOf(count()));
        }
    }

    static final class SumFloat implements Accumulator
    {
        private float sum;
        private boolean any;

        @Override
        public void add(final Object value)
        {
            if (value != null)
            {
                final float v = ((Number)value).floatValue();
                final float r = sum + v;
                if (Float.isInfinite(r) && !Float.isInfinite(sum) && !Float.isInfinite(v))
                {
                    throw new SqlException(
                        SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
                }
                sum = r;
                any = true;
            }
        }

        @Override
        public Object result()
        {
            return any ? (Object)sum : null;
        }

        @Override
        public void reset()
        {
            sum = 0;
            any = false;
        }
    }

    static class SumDouble implements Accumulator
    {
        private double sum;
        private long count;

        @Override
        public void add(final Object value)
        {
            if (value != null)
            {
                final double v = ((Number)value).doubleValue();
                final double r = sum + v;
                if (Double.isInfinite(r) && !Double.isInfinite(sum) && !Double.isInfinite(v))
                {
                    throw new SqlException(
                        SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
                }
                sum = r;
                count++;
            }
        }

        double sum()
        {
            return sum;
        }

        long count()
        {
            return count;
        }

        @Override
        public Object result()
        {
            return count == 0 ? null : (Object)sum;
        }

        @Override
        public void reset()
        {
            sum = 0;
            count = 0;
        }
    }

    static final class AvgDouble extends SumDouble
    {
        @Override
        public Object result()
        {
            return count() == 0 ? null : (Object)(sum() / count());
        }
    }

    static final class MinMax implements Accumulator
    {
        private final int sign;
        private Object best;

        MinMax(final int sign)
        {
            this.sign = sign;
        }

        @Override
        public void add(final Object value)
        {
            if (value != null && (best == null || sign * Values.compare(value, best) > 0))
            {
                best = value;
            }
        }

        @Override
        public Object result()
        {
            return best;
        }

        @Override
        public void reset()
        {
            best = null;
        }
    }

    static final class Bool implements Accumulator
    {
        private final boolean isAnd;
        private Boolean state;

        Bool(final boolean isAnd)
        {
            this.isAnd = isAnd;
        }

        @Override
        public void add(final Object value)
        {
            if (value != null)
            {
                final boolean v = (Boolean)value;
                state = state == null ? v : (isAnd ? state && v : state || v);
            }
        }

        @Override
        public Object result()
        {
            return state;
        }

        @Override
        public void reset()
        {
            state = null;
        }
    }

    static final class StringAgg implements Accumulator
    {
        private final StringBuilder sb = new StringBuilder();
        private boolean any;

        @Override
        public void add(final Object value)
        {
            add(value, null);
        }

        @Override
        public void add(final Object value, final Object delimiter)
        {
            if (value == null)
            {
                return;
            }
            if (any && delimiter != null)
            {
                sb.append(Casts.toText(delimiter));
            }
            sb.append(Casts.toText(value));
            any = true;
        }

        @Override
        public Object result()
        {
            return any ? sb.toString() : null;
        }

        @Override
        public void reset()
        {
            sb.setLength(0);
            any = false;
        }
    }

    static final class Distinct implements Accumulator
    {
        private final Accumulator inner;
        private final HashSet<Key> seen = new HashSet<>();

        Distinct(final Accumulator inner)
        {
            this.inner = inner;
        }

        @Override
        public void add(final Object value)
        {
            if (value != null && seen.add(new Key(value)))
            {
                inner.add(value);
            }
        }

        @Override
        public void add(final Object value, final Object second)
        {
            if (value != null && seen.add(new Key(value)))
            {
                inner.add(value, second);
            }
        }

        @Override
        public Object result()
        {
            return inner.result();
        }

        @Override
        public void reset()
        {
            seen.clear();
            inner.reset();
        }
    }

    /**
     * A value as a hash-set key with SQL equality ({@link Values#equal}, {@link Values#hash}).
     */
    static final class Key
    {
        private final Object value;
        private final int hash;

        Key(final Object value)
        {
            this.value = value;
            this.hash = Values.hash(value);
        }

        @Override
        public boolean equals(final Object o)
        {
            return o instanceof Key && ((Key)o).hash == hash && Values.equal(value, ((Key)o).value);
        }

        @Override
        public int hashCode()
        {
            return hash;
        }
    }
}
