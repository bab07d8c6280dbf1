package io.phantomdb.proptest.sql;

/**
 * A generated expression: its SQL text (parenthesised wherever precedence could matter) and its
 * type. Numbers carry the PostgreSQL result type (INTEGER &lt; BIGINT &lt; NUMERIC &lt; DOUBLE).
 *
 * @param sql  the text.
 * @param type the type.
 */
record Expr(String sql, SqlType type)
{
    SqlType.Family family()
    {
        return type.family();
    }

    /**
     * @param a a numeric type.
     * @param b a numeric type.
     * @return the type PostgreSQL gives {@code a + b}.
     */
    static SqlType widen(final SqlType a, final SqlType b)
    {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
