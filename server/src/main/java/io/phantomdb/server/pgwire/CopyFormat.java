package io.phantomdb.server.pgwire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * COPY's text and CSV row formats: splitting a line into fields (with {@code \N} or an empty unquoted CSV field
 * as NULL and the text format's backslash escapes) and rendering a row as a line.
 * <p>
 * <b>Note:</b> immutable, thread-safe.
 */
final class CopyFormat
{
    private final boolean csv;
    private final char delimiter;
    private final boolean header;

    CopyFormat(final boolean csv, final char delimiter, final boolean header)
    {
        this.csv = csv;
        this.delimiter = delimiter;
        this.header = header;
    }

    /**
     * Reads the options after {@code STDIN}/{@code STDOUT}: {@code CSV}, {@code HEADER}, {@code DELIMITER 'c'},
     * or the parenthesised {@code WITH (FORMAT csv, HEADER true, DELIMITER ',')}.
     */
    static CopyFormat parse(final String options)
    {
        final String text = options.toLowerCase(Locale.ROOT);
        final boolean csv = text.matches("(?s).*\\b(csv|format\\s+csv)\\b.*");
        final Matcher delimiter = Pattern.compile("delimiter\\s+(?:as\\s+)?'(.)'")
            .matcher(options.toLowerCase(Locale.ROOT));
        final boolean header = text.matches("(?s).*\\bheader\\b(?!\\s+(false|off|0)).*");
        return new CopyFormat(csv, delimiter.find() ? delimiter.group(1).charAt(0) : csv ? ',' : '\t', header);
    }

    boolean header()
    {
        return header;
    }

    /**
     * @param line one line without its terminator.
     * @return the fields; null for NULL.
     */
    List<String> fields(final String line)
    {
        return csv ? csvFields(line) : textFields(line);
    }

    private List<String> textFields(final String line)
    {
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        for (int i = 0; i <= line.length(); i++)
        {
            if (i == line.length() || line.charAt(i) == delimiter)
            {
                fields.add("\\N".contentEquals(field) ? null : unescape(field));
                field.setLength(0);
            }
            else
            {
                field.append(line.charAt(i));
            }
        }
        return fields;
    }

    private static String unescape(final CharSequence raw)
    {
        final StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++)
        {
            final char c = raw.charAt(i);
            if (c != '\\' || i + 1 == raw.length())
            {
                out.append(c);
                continue;
            }
            final char next = raw.charAt(++i);
            switch (next)
            {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                default ->
                {
                    if (next >= '0' && next <= '7')
                    {
                        int value = next - '0';
                        for (int k = 0; k < 2 && i + 1 < raw.length() && raw.charAt(i + 1) >= '0' && raw.charAt(i + 1) <= '7'; k++)
                        {
                            value = value * 8 + raw.charAt(++i) - '0';
                        }
                        out.append((char)value);
                    }
                    else
                    {
                        out.append(next);
                    }
                }
            }
        }
        return out.toString();
    }

    private List<String> csvFields(final String line)
    {
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i <= line.length(); i++)
        {
            final char c = i < line.length() ? line.charAt(i) : delimiter;
            if (quoted)
            {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"')
                {
                    field.append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
                wasQuoted = true;
            }
            else if (c == delimiter || i == line.length())
            {
                fields.add(field.length() == 0 && !wasQuoted ? null : field.toString());
                field.setLength(0);
                wasQuoted = false;
            }
            else
            {
                field.append(c);
            }
        }
        return fields;
    }

    /**
     * @param values a row's values in PostgreSQL text form (null for NULL).
     * @return the line, with its newline.
     */
    String line(final List<String> values)
    {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++)
        {
            if (i > 0)
            {
                out.append(delimiter);
            }
            final String value = values.get(i);
            if (value == null)
            {
                out.append(csv ? "" : "\\N");
            }
            else if (csv)
            {
                final boolean quote = value.isEmpty() || value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0 ||
                    value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
                out.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
            }
            else
            {
                for (int k = 0; k < value.length(); k++)
                {
                    final char c = value.charAt(k);
                    switch (c)
                    {
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        case '\t' -> out.append("\\t");
                        default -> out.append(c);
                    }
                }
            }
        }
        return out.append('\n').toString();
    }
}
