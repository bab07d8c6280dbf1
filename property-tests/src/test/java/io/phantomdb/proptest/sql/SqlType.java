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
        final String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        return text.startsWith("-") ? "(" + text + ")" : text;
    }
}
