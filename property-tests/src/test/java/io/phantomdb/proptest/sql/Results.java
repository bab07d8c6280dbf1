package io.phantomdb.proptest.sql;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares two {@link Outcome}s after normalising values: every number becomes a decimal rounded to
 * {@value #DIGITS} significant digits (so INTEGER and BIGINT, a NUMERIC's scale, and the last bits of a
 * double or of an AVG do not matter), strings are quoted, NULL is {@code NULL}. Rows compare as
 * multisets unless the query's ORDER BY fixes their order.
 * <p>
 * <b>Note:</b> stateless.
 */
final class Results
{
    static final int DIGITS = 10;
    private static final MathContext ROUNDING = new MathContext(DIGITS, RoundingMode.HALF_EVEN);

    private Results()
    {
    }

    /**
     * @param actual   PhantomDB's outcome.
     * @param expected the reference's outcome.
     * @param ordered  whether row order must match.
     * @return null when they agree (both failing counts as agreeing), else what differs.
     */
    static String difference(final Outcome actual, final Outcome expected, final boolean ordered)
    {
        if (actual.failed() || expected.failed())
        {
            if (actual.failed() && expected.failed() && !Outcome.NOT_SQL.equals(actual.sqlState()))
            {
                return null;
            }
            return "PhantomDB: " + actual + "\nreference: " + expected;
        }
        if ((actual.rows() == null) != (expected.rows() == null))
        {
            return "PhantomDB: " + actual + "\nreference: " + expected;
        }
        if (actual.rows() == null)
        {
            return actual.updateCount() == expected.updateCount() ? null :
                "update count: PhantomDB " + actual.updateCount() + ", reference " + expected.updateCount();
        }
        final List<String> ours = canonical(actual.rows());
        final List<String> theirs = canonical(expected.rows());
        if (!ordered)
        {
            ours.sort(null);
            theirs.sort(null);
        }
        if (ours.equals(theirs))
        {
            return null;
        }
        return (ordered ? "ordered rows" : "rows (as multisets, sorted)") + " differ\nPhantomDB (" + ours.size() + "): " + ours +
            "\nreference (" + theirs.size() + "): " + theirs;
    }

    static List<String> canonical(final List<List<Object>> rows)
    {
        final List<String> out = new ArrayList<>(rows.size());
        for (final List<Object> row : rows)
        {
            final List<String> values = new ArrayList<>(row.size());
            for (final Object value : row)
            {
                values.add(canonical(value));
            }
            out.add("(" + String.join(", ", values) + ")");
        }
        return out;
    }

    static String canonical(final Object value)
    {
        if (value == null)
        {
            return "NULL";
        }
        if (value instanceof String s)
        {
            return "'" + s + "'";
        }
        if (value instanceof Double || value instanceof Float)
        {
            final double d = ((Number)value).doubleValue();
            return Double.isFinite(d) ? number(BigDecimal.valueOf(d)) : Double.toString(d);
        }
        if (value instanceof BigDecimal d)
        {
            return number(d);
        }
        if (value instanceof Number n)
        {
            return number(BigDecimal.valueOf(n.longValue()));
        }
        return value.toString();
    }

    private static String number(final BigDecimal d)
    {
        if (d.signum() == 0)
        {
            return "0";
        }
        return d.round(ROUNDING).stripTrailingZeros().toPlainString();
    }
}
