package io.phantomdb.server.http;

import java.math.BigDecimal;

/**
 * Writes JSON text: strings escaped per RFC 8259, numbers as numbers, everything else as its PostgreSQL text.
 * <p>
 * <b>Note:</b> stateless, thread-safe.
 */
final class Json
{
    private Json()
    {
    }

    static StringBuilder string(final StringBuilder out, final String value)
    {
        if (value == null)
        {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&')
                    {
                        out.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    static StringBuilder value(final StringBuilder out, final Object value, final String text)
    {
        if (value == null)
        {
            return out.append("null");
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof Short)
        {
            return out.append(value);
        }
        if ((value instanceof Double d && Double.isFinite(d)) || (value instanceof Float f && Float.isFinite(f)))
        {
            return out.append(value);
        }
        if (value instanceof BigDecimal d)
        {
            return out.append(d.toPlainString());
        }
        return string(out, text);
    }
}
