package io.phantomdb.perf;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Renders a benchmark result table (a header and rows of cells) as aligned plain text for the terminal and
 * as a Markdown (GitHub) table, each column left- or right-aligned.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
public final class TextTable
{
    private TextTable()
    {
    }

    /**
     * @param header      column titles.
     * @param rows        cells, as many per row as the header has.
     * @param leftAligned true for the columns aligned left (text); the others are aligned right (numbers).
     * @return the table as aligned plain text: header, a rule of dashes, then the rows; no trailing blanks.
     */
    public static String text(final List<String> header, final List<List<String>> rows, final IntPredicate leftAligned)
    {
        final int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++)
        {
            widths[c] = header.get(c).length();
            for (final List<String> row : rows)
            {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        final StringBuilder sb = new StringBuilder();
        appendAligned(sb, header, widths, leftAligned);
        final String[] rule = new String[widths.length];
        for (int c = 0; c < widths.length; c++)
        {
            rule[c] = "-".repeat(widths[c]);
        }
        appendAligned(sb, List.of(rule), widths, leftAligned);
        for (final List<String> row : rows)
        {
            appendAligned(sb, row, widths, leftAligned);
        }
        return sb.toString();
    }

    /**
     * @param header      column titles.
     * @param rows        cells, as many per row as the header has.
     * @param leftAligned true for the columns aligned left; the others are aligned right.
     * @return the table in Markdown.
     */
    public static String markdown(final List<String> header, final List<List<String>> rows, final IntPredicate leftAligned)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", header)).append(" |\n");
        for (int c = 0; c < header.size(); c++)
        {
            sb.append(leftAligned.test(c) ? "|---" : "|---:");
        }
        sb.append("|\n");
        for (final List<String> row : rows)
        {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return sb.toString();
    }

    private static void appendAligned(
        final StringBuilder sb, final List<String> cells, final int[] widths, final IntPredicate leftAligned)
    {
        for (int c = 0; c < cells.size(); c++)
        {
            final String cell = cells.get(c);
            final String pad = " ".repeat(widths[c] - cell.length());
            if (c > 0)
            {
                sb.append("  ");
            }
            sb.append(leftAligned.test(c) ? cell + pad : pad + cell);
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ')
        {
            sb.setLength(sb.length() - 1);
        }
        sb.append('\n');
    }
}
