package io.phantomdb.proptest.sql;

import java.math.BigDecimal;
import java.util.Random;

/**
 * The column types the differential tests generate, with their DDL, their family (what they may be
 * compared or combined with), random values and SQL literals. Values are chosen so that PostgreSQL
 * semantics leave no room for rounding differences: doubles are multiples of 0.25 (sums are exact),
 * numerics have two decimals, integers are small enough never to overflow in generated arithmetic.
 */
enum SqlType
{
    INTEGER("INTEGER", Family.NUMBER),
    BIGINT("BIGINT", Family.NUMBER),
    NUMERIC("NUMERIC(12,2)", Family.NUMBER),
    DOUBLE("DOUBLE PRECISION", Family.NUMBER),
    VARCHAR("VARCHAR(20)", Family.STRING),
    BOOLEAN("BOOLEAN", Family.BOOL);

    /** What a type may be compared with, combined with in arithmetic, or unioned with. */
    enum Family
    {
        NUMBER, STRING, BOOL
    }

    private static final String[] STRINGS = { "", "a", "b", "ab", "abc", "B", "ba", "a_b", "x%y", "it's", "zz" };

    private final String ddl;
    private final Family family;

    SqlType(final String ddl, final Family family)
    {
        this.ddl = ddl;
        this.family = family;
    }

    String ddl()
    {
        return ddl;
    }

    Family family()
    {
        return family;
    }

    boolean integral()
    {
        return this == INTEGER || this == BIGINT;
    }

    /**
     * @param random the source.
     * @param wide   whether to draw from the wide range (fewer duplicates).
     * @return a non-null value of this type.
     */
    Object randomValue(final Random random, final boolean wide)
    {
        return switch (this)
        {
            case INTEGER -> wide ? random.nextInt(2001) - 1000 : random.nextInt(21) - 10;
            case BIGINT -> wide ? (long)random.nextInt(2_000_001) - 1_000_000 : (long)(random.nextInt(21) - 10);
            case NUMERIC -> BigDecimal.valueOf((wide ? random.nextInt(200_001) - 100_000 : random.nextInt(41) - 20) * 25L, 2);
            case DOUBLE -> (wide ? random.nextInt(8001) - 4000 : random.nextInt(41) - 20) * 0.25;
            case VARCHAR -> STRINGS[random.nextInt(STRINGS.length)];
            case BOOLEAN -> random.nextBoolean();
        };
    }

    /**
     * @param random the source.
     * @return a non-null extreme of this type: the range ends, zero, tiny and huge doubles, long and
     *         non-ASCII strings, trailing and leading blanks. Not -0.0 (PhantomDB bug 5 in docs/testing.md),
     *         nor the denormal {@link Double#MIN_VALUE} (H2 loses a join row whose indexed double holds it).
     */
    Object edgeValue(final Random random)
    {
        final Object[] edges = switch (this)
        {
            case INTEGER -> new Object[] { Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1 };
            case BIGINT -> new Object[] { Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 2_147_483_648L, -2_147_483_649L };
            case NUMERIC -> new Object[] {
                new BigDecimal("9999999999.99"), new BigDecimal("-9999999999.99"), new BigDecimal("0.00"), new BigDecimal("-0.01"),
                new BigDecimal("0.01"), new BigDecimal("1.50") };
            case DOUBLE -> new Object[] { 0.0, 1e300, -1e300, 1e-300, 0.1, Double.MAX_VALUE, -Double.MAX_VALUE };
            case VARCHAR -> new Object[] { "", "a ", " a", "é", "Z", "zzzzzzzzzzzzzzzzzzzz", "ÿ", "€", "a" };
            case BOOLEAN -> new Object[] { true, false };
        };
        return edges[random.nextInt(edges.length)];
    }

    /**
     * @param value a value of this type, or null.
     * @return its SQL literal; negative numbers in parentheses (so {@code a - -1} never becomes a comment).
     */
    static String literal(final Object value)
    {
        if (value == null)
        {
            return "NULL";
        }
        if (value instanceof String s)
        {
            return "'" + s.replace("'", "''") + "'";
        }
        if (value instanceof Boolean b)
        {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof Double d && Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0))
        {
            return "CAST('-0' AS DOUBLE PRECISION)";
        }
        final String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        return text.startsWith("-") ? "(" + text + ")" : text;
    }
}
