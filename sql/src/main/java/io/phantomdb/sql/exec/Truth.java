package io.phantomdb.sql.exec;

/**
 * Three-valued logic helpers: a predicate passes only when it is TRUE (not FALSE, not NULL).
 * <p>
 * <b>Note:</b> stateless.
 */
public final class Truth
{
    private Truth()
    {
    }

    /**
     * @param value a BOOLEAN value or null.
     * @return true only for {@link Boolean#TRUE}.
     */
    public static boolean isTrue(final Object value)
    {
        return Boolean.TRUE.equals(value);
    }
}
