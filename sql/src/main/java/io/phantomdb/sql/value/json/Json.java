package io.phantomdb.sql.value.json;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.value.ValueErrors;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * Parses JSON text (RFC 8259, as PostgreSQL's {@code json} input accepts it) into an immutable
 * {@link JsonNode} tree, and quotes strings as PostgreSQL's {@code escape_json} does.
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
public final class Json
{
    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 1000;

    private final String s;
    private int pos;
    private int depth;

    private Json(final String s)
    {
        this.s = s;
    }

    /**
     * @param text a JSON document.
     * @return its root.
     * @throws SqlException 22P02 {@code invalid input syntax for type json}; 54001 when nested more than
     *                      {@link #MAX_DEPTH} deep.
     */
    public static JsonNode parse(final String text)
    {
        final Json parser = new Json(text);
        parser.skipSpace();
        final JsonNode root = parser.value();
        parser.skipSpace();
        if (parser.pos != text.length())
        {
            throw invalid();
        }
        return root;
    }

    /**
     * @param text a JSON document.
     * @throws SqlException 22P02 {@code invalid input syntax for type json} when it is not one.
     */
    public static void validate(final String text)
    {
        final Json parser = new Json(text);
        parser.skipSpace();
        parser.skipValue();
        parser.skipSpace();
        if (parser.pos != text.length())
        {
            throw invalid();
        }
    }

    /**
     * Finds one member of a top-level object, or one element of a top-level array, building a tree for it
     * only: the rest of the document is validated without allocating.
     *
     * @param text       a JSON document.
     * @param keyOrIndex a String key, or an integer box index (negative from the end).
     * @return the member (the last one for a duplicated key), or null when absent or the root is of the
     * other kind.
     * @throws SqlException 22P02 {@code invalid input syntax for type json} for a malformed document.
     */
    public static JsonNode member(final String text, final Object keyOrIndex)
    {
        final Json parser = new Json(text);
        parser.skipSpace();
        final char first = parser.pos < text.length() ? text.charAt(parser.pos) : ' ';
        final boolean byKey = keyOrIndex instanceof String;
        if ((first != '{' || !byKey) && (first != '[' || byKey))
        {
            validate(text);
            return null;
        }
        final int found = byKey ?
            parser.findKey((String)keyOrIndex) : parser.findIndex(((Number)keyOrIndex).intValue());
        parser.skipSpace();
        if (parser.pos != text.length())
        {
            throw invalid();
        }
        if (found < 0)
        {
            return null;
        }
        final Json builder = new Json(text);
        builder.pos = found;
        return builder.value();
    }

    private int findKey(final String key)
    {
        int found = -1;
        pos++;
        enter();
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == '}')
        {
            pos++;
            depth--;
            return -1;
        }
        while (true)
        {
            if (pos >= s.length() || s.charAt(pos) != '"')
            {
                throw invalid();
            }
            final int keyStart = pos + 1;
            final boolean escaped = skipString();
            final boolean match = escaped ?
                unescape(keyStart).equals(key) :
                pos - 1 - keyStart == key.length() && s.startsWith(key, keyStart);
            skipSpace();
            expect(':');
            skipSpace();
            if (match)
            {
                found = pos;
            }
            skipValue();
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ',')
            {
                pos++;
                skipSpace();
                continue;
            }
            expect('}');
            depth--;
            return found;
        }
    }

    private String unescape(final int keyStart)
    {
        final Json keyParser = new Json(s);
        keyParser.pos = keyStart - 1;
        return keyParser.string();
    }

    private int findIndex(final int index)
    {
        final int[] starts = index < 0 ? new int[16] : null;
        int[] positions = starts;
        int count = 0;
        int found = -1;
        pos++;
        enter();
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ']')
        {
            pos++;
            depth--;
            return -1;
        }
        while (true)
        {
            if (count == index)
            {
                found = pos;
            }
            if (positions != null)
            {
                if (count == positions.length)
                {
                    positions = Arrays.copyOf(positions, count * 2);
                }
                positions[count] = pos;
            }
            count++;
            skipValue();
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ',')
            {
                pos++;
                skipSpace();
                continue;
            }
            expect(']');
            depth--;
            if (positions != null)
            {
                final int i = count + index;
                return i >= 0 ? positions[i] : -1;
            }
            return found;
        }
    }

    private void skipValue()
    {
        if (pos >= s.length())
        {
            throw invalid();
        }
        final char c = s.charAt(pos);
        switch (c)
        {
            case '{':
                enter();
                pos++;
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == '}')
                {
                    pos++;
                }
                else
                {
                    while (true)
                    {
                        if (pos >= s.length() || s.charAt(pos) != '"')
                        {
                            throw invalid();
                        }
                        skipString();
                        skipSpace();
                        expect(':');
                        skipSpace();
                        skipValue();
                        skipSpace();
                        if (pos < s.length() && s.charAt(pos) == ',')
                        {
                            pos++;
                            skipSpace();
                            continue;
                        }
                        expect('}');
                        break;
                    }
                }
                depth--;
                return;
            case '[':
                enter();
                pos++;
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == ']')
                {
                    pos++;
                }
                else
                {
                    while (true)
                    {
                        skipValue();
                        skipSpace();
                        if (pos < s.length() && s.charAt(pos) == ',')
                        {
                            pos++;
                            skipSpace();
                            continue;
                        }
                        expect(']');
                        break;
                    }
                }
                depth--;
                return;
            case '"':
                skipString();
                return;
            case 't':
                skipLiteral("true");
                return;
            case 'f':
                skipLiteral("false");
                return;
            case 'n':
                skipLiteral("null");
                return;
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    skipNumber();
                    return;
                }
                throw invalid();
        }
    }

    /**
     * Skips a string at pos (on its opening quote), validating its escapes.
     *
     * @return true if it has escapes.
     */
    private boolean skipString()
    {
        pos++;
        boolean escaped = false;
        while (pos < s.length())
        {
            final char c = s.charAt(pos++);
            if (c == '"')
            {
                return escaped;
            }
            if (c < 0x20)
            {
                throw invalid();
            }
            if (c == '\\')
            {
                escaped = true;
                if (pos >= s.length())
                {
                    throw invalid();
                }
                final char e = s.charAt(pos++);
                if (e == 'u')
                {
                    if (pos + 4 > s.length())
                    {
                        throw invalid();
                    }
                    for (int i = 0; i < 4; i++)
                    {
                        if (Character.digit(s.charAt(pos++), 16) < 0)
                        {
                            throw invalid();
                        }
                    }
                }
                else if ("\"\\/bfnrt".indexOf(e) < 0)
                {
                    throw invalid();
                }
            }
        }
        throw invalid();
    }

    /**
     * @param value a string.
     * @return it as a JSON string literal: quoted, with {@code " \ \b \f \n \r \t} escaped and other control
     * characters as {@code \}{@code u00XX}.
     */
    public static String quote(final String value)
    {
        final StringBuilder sb = new StringBuilder(value.length() + 2);
        appendQuoted(sb, value);
        return sb.toString();
    }

    /**
     * Appends a JSON string literal, as {@link #quote(String)}.
     *
     * @param sb    where to append.
     * @param value the string.
     */
    public static void appendQuoted(final StringBuilder sb, final String value)
    {
        sb.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    }
                    else
                    {
                        sb.append(c);
                    }
                    break;
            }
        }
        sb.append('"');
    }

    static SqlException invalid()
    {
        return new SqlException(SqlState.INVALID_JSON_TEXT, "invalid input syntax for type json");
    }

    private JsonNode value()
    {
        if (pos >= s.length())
        {
            throw invalid();
        }
        final char c = s.charAt(pos);
        switch (c)
        {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
            {
                final int start = pos;
                final String value = string();
                return new JsonNode(JsonKind.STRING, s, start, pos, null, null, value);
            }
            case 't':
                return literal("true", JsonKind.TRUE);
            case 'f':
                return literal("false", JsonKind.FALSE);
            case 'n':
                return literal("null", JsonKind.NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return number();
                }
                throw invalid();
        }
    }

    private JsonNode literal(final String word, final JsonKind kind)
    {
        final int start = pos;
        skipLiteral(word);
        return new JsonNode(kind, s, start, pos, null, null, null);
    }

    private void skipLiteral(final String word)
    {
        if (!s.startsWith(word, pos))
        {
            throw invalid();
        }
        pos += word.length();
        if (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos)))
        {
            throw invalid();
        }
    }

    private JsonNode number()
    {
        final int start = pos;
        skipNumber();
        return new JsonNode(JsonKind.NUMBER, s, start, pos, null, null, null);
    }

    private void skipNumber()
    {
        if (s.charAt(pos) == '-')
        {
            pos++;
        }
        if (pos >= s.length())
        {
            throw invalid();
        }
        if (s.charAt(pos) == '0')
        {
            pos++;
        }
        else if (!digits())
        {
            throw invalid();
        }
        if (pos < s.length() && s.charAt(pos) == '.')
        {
            pos++;
            if (!digits())
            {
                throw invalid();
            }
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E'))
        {
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-'))
            {
                pos++;
            }
            if (!digits())
            {
                throw invalid();
            }
        }
        if (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos)))
        {
            throw invalid();
        }
    }

    private boolean digits()
    {
        final int start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9')
        {
            pos++;
        }
        return pos > start;
    }

    private String string()
    {
        pos++;
        final int start = pos;
        while (pos < s.length())
        {
            final char c = s.charAt(pos);
            if (c == '"')
            {
                final String value = s.substring(start, pos);
                pos++;
                return value;
            }
            if (c == '\\')
            {
                return escapedString(start);
            }
            if (c < 0x20)
            {
                throw invalid();
            }
            pos++;
        }
        throw invalid();
    }

    private String escapedString(final int start)
    {
        final StringBuilder sb = new StringBuilder(pos - start + 16).append(s, start, pos);
        while (pos < s.length())
        {
            final char c = s.charAt(pos++);
            if (c == '"')
            {
                return sb.toString();
            }
            if (c < 0x20)
            {
                throw invalid();
            }
            if (c != '\\')
            {
                sb.append(c);
                continue;
            }
            if (pos >= s.length())
            {
                throw invalid();
            }
            final char e = s.charAt(pos++);
            switch (e)
            {
                case '"':
                case '\\':
                case '/':
                    sb.append(e);
                    break;
                case 'b':
                    sb.append('\b');
                    break;
                case 'f':
                    sb.append('\f');
                    break;
                case 'n':
                    sb.append('\n');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                case 't':
                    sb.append('\t');
                    break;
                case 'u':
                {
                    if (pos + 4 > s.length())
                    {
                        throw invalid();
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++)
                    {
                        final int digit = Character.digit(s.charAt(pos++), 16);
                        if (digit < 0)
                        {
                            throw invalid();
                        }
                        code = (code << 4) | digit;
                    }
                    sb.append((char)code);
                    break;
                }
                default:
                    throw invalid();
            }
        }
        throw invalid();
    }

    private JsonNode object()
    {
        final int start = pos;
        enter();
        pos++;
        skipSpace();
        final ArrayList<String> keys = new ArrayList<>();
        final ArrayList<JsonNode> values = new ArrayList<>();
        if (pos < s.length() && s.charAt(pos) == '}')
        {
            pos++;
        }
        else
        {
            while (true)
            {
                if (pos >= s.length() || s.charAt(pos) != '"')
                {
                    throw invalid();
                }
                keys.add(string());
                skipSpace();
                expect(':');
                skipSpace();
                values.add(value());
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == ',')
                {
                    pos++;
                    skipSpace();
                    continue;
                }
                expect('}');
                break;
            }
        }
        depth--;
        return new JsonNode(
            JsonKind.OBJECT, s, start, pos, keys.toArray(new String[0]), values.toArray(new JsonNode[0]), null);
    }

    private JsonNode array()
    {
        final int start = pos;
        enter();
        pos++;
        skipSpace();
        final ArrayList<JsonNode> values = new ArrayList<>();
        if (pos < s.length() && s.charAt(pos) == ']')
        {
            pos++;
        }
        else
        {
            while (true)
            {
                values.add(value());
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == ',')
                {
                    pos++;
                    skipSpace();
                    continue;
                }
                expect(']');
                break;
            }
        }
        depth--;
        return new JsonNode(JsonKind.ARRAY, s, start, pos, null, values.toArray(new JsonNode[0]), null);
    }

    private void enter()
    {
        if (++depth > MAX_DEPTH)
        {
            throw new SqlException(ValueErrors.STATEMENT_TOO_COMPLEX, "stack depth limit exceeded");
        }
    }

    private void expect(final char c)
    {
        if (pos >= s.length() || s.charAt(pos) != c)
        {
            throw invalid();
        }
        pos++;
    }

    private void skipSpace()
    {
        while (pos < s.length())
        {
            final char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            {
                return;
            }
            pos++;
        }
    }
}
