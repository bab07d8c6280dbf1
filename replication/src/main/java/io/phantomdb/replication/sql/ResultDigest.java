package io.phantomdb.replication.sql;

import io.phantomdb.sql.SqlResult;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit digest of what a statement showed its client: the command tag and update count, or the column count and
 * the multiset of rows (row order does not count: two members may legitimately return unordered rows in different
 * orders), or the SQLSTATE of its error. Two runs of a statement agree if and only if (up to hash collisions) the
 * client could not tell them apart by the values it received.
 * <p>
 * <b>Note:</b> stateless; thread safe. Value hashes are 64-bit and depend only on the value (stable across JVMs):
 * numbers by their value, text, numerics and times by their text, bytes by their content.
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
        return mix(mix(SEED ^ 1, null == tag ? 0 : fnv(tag.getBytes(StandardCharsets.UTF_8))) + updateCount);
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
        return mix(SEED ^ 3, null == sqlState ? 0 : fnv(sqlState.getBytes(StandardCharsets.UTF_8)));
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

    /**
     * A 64-bit hash of one value. Java's 32-bit {@code hashCode}s are not enough: {@code Long.hashCode(~x)} equals
     * {@code Long.hashCode(x)}, so a balance of -10 and one of 9 would look the same (the SQL fault test found this).
     */
    private static long value(final Object value)
    {
        if (null == value)
        {
            return 0x5bd1e995L;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)
        {
            return mix(((Number)value).longValue() * 0x9E3779B97F4A7C15L + 1);
        }
        if (value instanceof Double || value instanceof Float)
        {
            return mix(Double.doubleToLongBits(((Number)value).doubleValue()) + 2);
        }
        if (value instanceof Boolean b)
        {
            return b ? 0x3c6ef372fe94f82bL : 0xa54ff53a5f1d36f1L;
        }
        if (value instanceof byte[] bytes)
        {
            return fnv(bytes);
        }
        return fnv(value.toString().getBytes(StandardCharsets.UTF_8)) ^ value.getClass().getName().hashCode();
    }

    private static long fnv(final byte[] bytes)
    {
        long h = 0xcbf29ce484222325L;
        for (final byte b : bytes)
        {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return mix(h ^ bytes.length);
    }

    private static long mix(final long h, final long value)
    {
        return mix(h ^ value * 0xC2B2AE3D27D4EB4FL);
    }

    private static long mix(final long value)
    {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
