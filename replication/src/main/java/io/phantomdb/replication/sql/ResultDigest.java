package io.phantomdb.replication.sql;

import io.phantomdb.sql.SqlResult;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A 64-bit digest of what a statement showed its client: the command tag and update count, or the column count and
 * the multiset of rows (row order does not count: two members may legitimately return unordered rows in different
 * orders), or the SQLSTATE of its error. Two runs of a statement agree if and only if (up to hash collisions) the
 * client could not tell them apart by the values it received.
 * <p>
 * <b>Note:</b> stateless; thread safe. Value hashes use only JDK-specified {@code hashCode}s (stable across JVMs).
 */
final class ResultDigest
{
    private static final long SEED = 0x9E3779B97F4A7C15L;

    private ResultDigest()
    {
    }

    /**
     * Read a result to its end and digest it (the result is closed).
     *
     * @param result the result.
     * @return its digest.
     */
    static long of(final SqlResult result)
    {
        try (result)
        {
            if (!result.returnsRows())
            {
                return command(result.commandTag(), result.updateCount());
            }
            final int columns = result.columns().size();
            final Object[] row = new Object[columns];
            long rows = 0;
            long sum = 0;
            while (result.next())
            {
                for (int i = 0; i < columns; i++)
                {
                    row[i] = result.get(i);
                }
                sum += row(row);
                rows++;
            }
            return rows(columns, rows, sum);
        }
    }

    /**
     * @param tag         the command tag.
     * @param updateCount rows changed.
     * @return the digest of a result without rows.
     */
    static long command(final String tag, final long updateCount)
    {
        return mix(mix(SEED ^ 1, null == tag ? 0 : tag.hashCode()) + updateCount);
    }

    /**
     * @param columns columns per row.
     * @param rows    the number of rows.
     * @param rowSum  the sum of {@link #row} over every row.
     * @return the digest of a result with rows.
     */
    static long rows(final int columns, final long rows, final long rowSum)
    {
        return mix(mix(mix(SEED ^ 2, columns) + rows) + rowSum);
    }

    /**
     * @param sqlState the error's SQLSTATE.
     * @return the digest of a failed statement.
     */
    static long error(final String sqlState)
    {
        return mix(SEED ^ 3, null == sqlState ? 0 : sqlState.hashCode());
    }

    /**
     * @param row one row's values.
     * @return its hash, to be summed.
     */
    static long row(final Object[] row)
    {
        long h = SEED;
        for (final Object value : row)
        {
            h = mix(h, value(value));
        }
        return mix(h);
    }

    private static int value(final Object value)
    {
        if (null == value)
        {
            return 0x5bd1e995;
        }
        if (value instanceof byte[] bytes)
        {
            return Arrays.hashCode(bytes);
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean ||
            value instanceof java.time.temporal.Temporal)
        {
            return value.hashCode();
        }
        return Arrays.hashCode(value.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static long mix(final long h, final int value)
    {
        return mix(h ^ (value & 0xFFFFFFFFL) * 0xC2B2AE3D27D4EB4FL);
    }

    private static long mix(final long value)
    {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
