package io.phantomdb.sql.value.json;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a one-dimensional PostgreSQL text-array literal such as {@code '{a,b,"c d",NULL}'}, the form the
 * JSON path operators ({@code #>}, {@code #>>}) and key operators ({@code ?|}, {@code ?&}) take.
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
public final class PgArrayText
{
    private PgArrayText()
    {
    }

    /**
     * @param literal the literal: braces around comma-separated elements; an element may be double-quoted
     *                (with backslash escapes); an unquoted {@code NULL} is a null element.
     * @return the elements, null for NULL.
     * @throws SqlException 22P02 {@code malformed array literal: "x"}.
     */
    public static List<String> parse(final String literal)
    {
        final String s = literal.trim();
        if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}')
        {
            throw malformed(literal);
        }
        final List<String> out = new ArrayList<>();
        final int end = s.length() - 1;
        int i = skip(s, 1, end);
        if (i == end)
        {
            return out;
        }
        final StringBuilder sb = new StringBuilder();
        while (true)
        {
            sb.setLength(0);
            boolean quoted = false;
            if (s.charAt(i) == '"')
            {
                quoted = true;
                i++;
                while (i < end && s.charAt(i) != '"')
                {
                    if (s.charAt(i) == '\\' && i + 1 < end)
                    {
                        i++;
                    }
                    sb.append(s.charAt(i++));
                }
                if (i >= end)
                {
                    throw malformed(literal);
                }
                i++;
                i = skip(s, i, end);
            }
            else
            {
                while (i < end && s.charAt(i) != ',')
                {
                    final char c = s.charAt(i);
                    if (c == '{' || c == '}' || c == '"')
                    {
                        throw malformed(literal);
                    }
                    if (c == '\\' && i + 1 < end)
                    {
                        i++;
                    }
                    sb.append(s.charAt(i++));
                }
                int len = sb.length();
                while (len > 0 && Character.isWhitespace(sb.charAt(len - 1)))
                {
                    len--;
                }
                sb.setLength(len);
                if (len == 0)
                {
                    throw malformed(literal);
                }
            }
            final String element = sb.toString();
            out.add(!quoted && "NULL".equalsIgnoreCase(element) ? null : element);
            if (i == end)
            {
                return out;
            }
            if (s.charAt(i) != ',')
            {
                throw malformed(literal);
            }
            i = skip(s, i + 1, end);
            if (i == end)
            {
                throw malformed(literal);
            }
        }
    }

    private static int skip(final String s, final int from, final int end)
    {
        int i = from;
        while (i < end && Character.isWhitespace(s.charAt(i)))
        {
            i++;
        }
        return i;
    }

    private static SqlException malformed(final String literal)
    {
        return new SqlException(SqlState.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + literal + "\"");
    }
}
