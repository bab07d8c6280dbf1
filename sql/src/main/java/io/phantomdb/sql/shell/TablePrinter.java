package io.phantomdb.sql.shell;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints rows as psql does: a header, a rule, one line per row with columns separated by {@code |},
 * numbers aligned right and everything else left, NULL as an empty cell, then {@code (n rows)}.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
final class TablePrinter
{
    private TablePrinter()
    {
    }

    /**
     * Reads a result set to its end and prints it.
     *
     * @param rs  the rows.
     * @param out where to print.
     * @return the number of rows.
     * @throws SQLException if reading fails.
     */
    static long print(final ResultSet rs, final PrintStream out) throws SQLException
    {
        final ResultSetMetaData meta = rs.getMetaData();
        final int width = meta.getColumnCount();
        final List<String> header = new ArrayList<>(width);
        final boolean[] right = new boolean[width];
        for (int c = 0; c < width; c++)
        {
            header.add(meta.getColumnLabel(c + 1));
            right[c] = isNumeric(meta.getColumnType(c + 1));
        }
        final List<List<String>> rows = new ArrayList<>();
        while (rs.next())
        {
            final List<String> row = new ArrayList<>(width);
            for (int c = 0; c < width; c++)
            {
                final String value = rs.getString(c + 1);
                row.add(value == null ? "" : value);
            }
            rows.add(row);
        }
        print(header, rows, right, out);
        out.println(rows.size() == 1 ? "(1 row)" : "(" + rows.size() + " rows)");
        return rows.size();
    }

    /**
     * Prints a header and rows of text.
     *
     * @param header column titles.
     * @param rows   cells, as many per row as titles.
     * @param right  per column, whether to align right.
     * @param out    where to print.
     */
    static void print(final List<String> header, final List<List<String>> rows, final boolean[] right, final PrintStream out)
    {
        final int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++)
        {
            widths[c] = header.get(c).length();
            for (final List<String> row : rows)
            {
                widths[c] = Math.max(widths[c], firstLine(row.get(c)).length());
            }
        }
        final StringBuilder line = new StringBuilder();
        final StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++)
        {
            line.append(c == 0 ? " " : " | ").append(pad(header.get(c), widths[c], false));
            rule.append(c == 0 ? "-" : "-+-").append("-".repeat(widths[c]));
        }
        out.println(stripEnd(line));
        out.println(rule.append('-'));
        for (final List<String> row : rows)
        {
            line.setLength(0);
            for (int c = 0; c < widths.length; c++)
            {
                line.append(c == 0 ? " " : " | ").append(pad(firstLine(row.get(c)), widths[c], right[c]));
            }
            out.println(stripEnd(line));
        }
    }

    private static String firstLine(final String value)
    {
        final int newline = value.indexOf('\n');
        return newline < 0 ? value : value.substring(0, newline) + "...";
    }

    private static String pad(final String value, final int width, final boolean right)
    {
        final String fill = " ".repeat(Math.max(0, width - value.length()));
        return right ? fill + value : value + fill;
    }

    private static String stripEnd(final StringBuilder sb)
    {
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ')
        {
            end--;
        }
        return sb.substring(0, end);
    }

    private static boolean isNumeric(final int type)
    {
        switch (type)
        {
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.REAL:
            case Types.DOUBLE:
            case Types.NUMERIC:
            case Types.DECIMAL:
                return true;
            default:
                return false;
        }
    }
}
