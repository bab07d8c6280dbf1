package io.phantomdb.sql.value.json;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.value.Casts;
import io.phantomdb.sql.value.PgText;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * PostgreSQL's JSON operators and functions over document text: {@code ->}, {@code ->>}, {@code #>},
 * {@code #>>}, {@code @>}, {@code <@}, {@code ?}, {@code ?|}, {@code ?&}, and {@code json_typeof},
 * {@code json_array_length}, {@code json_object_keys}, {@code to_json}, {@code json_build_object},
 * {@code json_build_array}. Containment and key existence follow {@code jsonb} semantics (PostgreSQL has them
 * on {@code jsonb} only). Every method returns SQL NULL (Java null) for a null document.
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
public final class JsonOps
{
    private JsonOps()
    {
    }

    /**
     * {@code json -> key} or {@code json -> index}.
     *
     * @param document  JSON text, or null.
     * @param keyOrIndex a String key (objects) or an integer box index (arrays; negative from the end), or null.
     * @return the member's JSON text as it was in the document, or null when absent or of the wrong kind.
     */
    public static String get(final String document, final Object keyOrIndex)
    {
        final JsonNode node = node(document, keyOrIndex);
        return node == null ? null : node.text();
    }

    /**
     * {@code json ->> key} or {@code json ->> index}.
     *
     * @param document   JSON text, or null.
     * @param keyOrIndex a String key or an integer box index, or null.
     * @return the member as text (strings unescaped; JSON null as SQL NULL), or null when absent.
     */
    public static String getText(final String document, final Object keyOrIndex)
    {
        final JsonNode node = node(document, keyOrIndex);
        return node == null ? null : node.asText();
    }

    private static JsonNode node(final String document, final Object keyOrIndex)
    {
        if (document == null || keyOrIndex == null)
        {
            return null;
        }
        return Json.member(document, keyOrIndex);
    }

    /**
     * {@code json #> path}.
     *
     * @param document JSON text, or null.
     * @param path     a text-array literal such as {@code '{a,b,0}'}, or null.
     * @return the JSON text at the path, or null when absent.
     * @throws SqlException 22P02 for a malformed document or path.
     */
    public static String getPath(final String document, final String path)
    {
        if (document == null || path == null)
        {
            return null;
        }
        final JsonNode node = walk(Json.parse(document), PgArrayText.parse(path));
        return node == null ? null : node.text();
    }

    /**
     * {@code json #>> path}.
     *
     * @param document JSON text, or null.
     * @param path     a text-array literal such as {@code '{a,b,0}'}, or null.
     * @return the value at the path as text, or null when absent or JSON null.
     * @throws SqlException 22P02 for a malformed document or path.
     */
    public static String getPathText(final String document, final String path)
    {
        if (document == null || path == null)
        {
            return null;
        }
        final JsonNode node = walk(Json.parse(document), PgArrayText.parse(path));
        return node == null ? null : node.asText();
    }

    /**
     * Follows a path of keys and array indexes.
     *
     * @param root  the start.
     * @param steps keys for objects, decimal integers for arrays; a null step finds nothing.
     * @return the node, or null when a step finds nothing.
     */
    public static JsonNode walk(final JsonNode root, final List<String> steps)
    {
        JsonNode node = root;
        for (int i = 0; i < steps.size() && node != null; i++)
        {
            final String step = steps.get(i);
            if (step == null)
            {
                return null;
            }
            if (node.kind() == JsonKind.OBJECT)
            {
                node = node.get(step);
            }
            else if (node.kind() == JsonKind.ARRAY)
            {
                final Integer index = parseIndex(step);
                node = index == null ? null : node.get(index);
            }
            else
            {
                return null;
            }
        }
        return node;
    }

    private static Integer parseIndex(final String step)
    {
        try
        {
            return Integer.parseInt(step.trim());
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }

    /**
     * {@code a @> b} with {@code jsonb} semantics: every key/value of an object in b is in a, every element of
     * an array in b is contained in some element of a, scalars are equal (numbers by value), and a top-level
     * array contains a scalar that is one of its elements.
     *
     * @param a JSON text, or null.
     * @param b JSON text, or null.
     * @return whether a contains b, or null if either is null.
     */
    public static Boolean contains(final String a, final String b)
    {
        if (a == null || b == null)
        {
            return null;
        }
        final JsonNode left = Json.parse(a);
        final JsonNode right = Json.parse(b);
        if (left.kind() == JsonKind.ARRAY && isScalar(right))
        {
            for (int i = 0; i < left.size(); i++)
            {
                if (scalarEquals(left.valueAt(i), right))
                {
                    return Boolean.TRUE;
                }
            }
            return Boolean.FALSE;
        }
        return contains(left, right);
    }

    /**
     * {@code a <@ b}: {@code b @> a}.
     *
     * @param a JSON text, or null.
     * @param b JSON text, or null.
     * @return whether b contains a, or null if either is null.
     */
    public static Boolean containedIn(final String a, final String b)
    {
        return contains(b, a);
    }

    /**
     * @param a a node.
     * @param b a node.
     * @return whether a contains b (jsonb semantics below the top level).
     */
    public static boolean contains(final JsonNode a, final JsonNode b)
    {
        if (a.kind() != b.kind() && !(isBoolean(a) && isBoolean(b)))
        {
            return false;
        }
        switch (b.kind())
        {
            case OBJECT:
                for (int i = 0; i < b.size(); i++)
                {
                    final String key = b.keyAt(i);
                    final JsonNode want = b.get(key);
                    final JsonNode have = a.get(key);
                    if (have == null || !contains(have, want))
                    {
                        return false;
                    }
                }
                return true;
            case ARRAY:
                for (int i = 0; i < b.size(); i++)
                {
                    final JsonNode want = b.valueAt(i);
                    boolean found = false;
                    for (int j = 0; j < a.size() && !found; j++)
                    {
                        found = contains(a.valueAt(j), want);
                    }
                    if (!found)
                    {
                        return false;
                    }
                }
                return true;
            default:
                return scalarEquals(a, b);
        }
    }

    private static boolean isBoolean(final JsonNode n)
    {
        return n.kind() == JsonKind.TRUE || n.kind() == JsonKind.FALSE;
    }

    private static boolean isScalar(final JsonNode n)
    {
        return n.kind() != JsonKind.OBJECT && n.kind() != JsonKind.ARRAY;
    }

    private static boolean scalarEquals(final JsonNode a, final JsonNode b)
    {
        if (a.kind() != b.kind())
        {
            return false;
        }
        switch (a.kind())
        {
            case STRING:
                return a.stringValue().equals(b.stringValue());
            case NUMBER:
                return a.numberValue().compareTo(b.numberValue()) == 0;
            case TRUE:
            case FALSE:
            case NULL:
                return true;
            default:
                return false;
        }
    }

    /**
     * {@code json ? key}: an object has the key at top level, an array has it as a string element, or the
     * document is that string.
     *
     * @param document JSON text, or null.
     * @param key      the key, or null.
     * @return whether it exists, or null if either is null.
     */
    public static Boolean hasKey(final String document, final String key)
    {
        if (document == null || key == null)
        {
            return null;
        }
        return hasKey(Json.parse(document), key);
    }

    private static boolean hasKey(final JsonNode root, final String key)
    {
        switch (root.kind())
        {
            case OBJECT:
                return root.get(key) != null;
            case ARRAY:
                for (int i = 0; i < root.size(); i++)
                {
                    final JsonNode e = root.valueAt(i);
                    if (e.kind() == JsonKind.STRING && e.stringValue().equals(key))
                    {
                        return true;
                    }
                }
                return false;
            case STRING:
                return root.stringValue().equals(key);
            default:
                return false;
        }
    }

    /**
     * {@code json ?| keys} (any) and {@code json ?& keys} (all).
     *
     * @param document JSON text, or null.
     * @param keys     a text-array literal such as {@code '{a,b}'}, or null; null elements are ignored.
     * @param all      true for {@code ?&}, false for {@code ?|}.
     * @return the answer, or null if either is null.
     */
    public static Boolean hasKeys(final String document, final String keys, final boolean all)
    {
        if (document == null || keys == null)
        {
            return null;
        }
        final JsonNode root = Json.parse(document);
        final List<String> list = PgArrayText.parse(keys);
        for (int i = 0; i < list.size(); i++)
        {
            final String key = list.get(i);
            if (key == null)
            {
                continue;
            }
            final boolean has = hasKey(root, key);
            if (has && !all)
            {
                return Boolean.TRUE;
            }
            if (!has && all)
            {
                return Boolean.FALSE;
            }
        }
        return all;
    }

    /**
     * {@code json_typeof}.
     *
     * @param document JSON text, or null.
     * @return object, array, string, number, boolean or null; SQL NULL for a null document.
     */
    public static String typeOf(final String document)
    {
        return document == null ? null : Json.parse(document).kind().typeName();
    }

    /**
     * {@code json_array_length}.
     *
     * @param document JSON text, or null.
     * @return the number of elements, or null.
     * @throws SqlException 22023 {@code cannot get array length of a non-array} / {@code of a scalar}.
     */
    public static Integer arrayLength(final String document)
    {
        if (document == null)
        {
            return null;
        }
        final JsonNode root = Json.parse(document);
        if (root.kind() == JsonKind.ARRAY)
        {
            return root.size();
        }
        throw new SqlException(
            SqlState.INVALID_PARAMETER_VALUE,
            root.kind() == JsonKind.OBJECT ? "cannot get array length of a non-array" :
            "cannot get array length of a scalar");
    }

    /**
     * {@code json_object_keys}, returned as the JSON text of an array of the keys (in input order,
     * duplicates kept as PostgreSQL's json type keeps them) because set-returning functions are not
     * supported.
     *
     * @param document JSON text, or null.
     * @return for example {@code ["a","b"]}, or null.
     * @throws SqlException 22023 {@code cannot call json_object_keys on an array} (or a scalar).
     */
    public static String objectKeys(final String document)
    {
        if (document == null)
        {
            return null;
        }
        final JsonNode root = Json.parse(document);
        if (root.kind() != JsonKind.OBJECT)
        {
            throw new SqlException(
                SqlState.INVALID_PARAMETER_VALUE,
                "cannot call json_object_keys on " + (root.kind() == JsonKind.ARRAY ? "an array" : "a scalar"));
        }
        final StringBuilder sb = new StringBuilder().append('[');
        boolean first = true;
        for (int i = 0; i < root.size(); i++)
        {
            final String key = root.keyAt(i);
            if (!first)
            {
                sb.append(',');
            }
            first = false;
            Json.appendQuoted(sb, key);
        }
        return sb.append(']').toString();
    }

    /**
     * {@code to_json(value)}: the JSON text of a SQL value.
     *
     * @param value a value, or null.
     * @param type  its type, or null to go by its class (a String is then text, quoted).
     * @return JSON text ({@code null} for SQL NULL inside constructors), never Java null.
     */
    public static String toJson(final Object value, final ColumnType type)
    {
        final StringBuilder sb = new StringBuilder();
        appendJson(sb, value, type);
        return sb.toString();
    }

    /**
     * Appends {@link #toJson(Object, ColumnType)}.
     *
     * @param sb    where to append.
     * @param value a value, or null.
     * @param type  its type, or null.
     */
    public static void appendJson(final StringBuilder sb, final Object value, final ColumnType type)
    {
        if (value == null)
        {
            sb.append("null");
        }
        else if (value instanceof String)
        {
            if (type != null && type.kind() == TypeKind.JSON)
            {
                sb.append((String)value);
            }
            else
            {
                Json.appendQuoted(sb, (String)value);
            }
        }
        else if (value instanceof Boolean)
        {
            sb.append((Boolean)value ? "true" : "false");
        }
        else if (value instanceof Double || value instanceof Float)
        {
            final double d = ((Number)value).doubleValue();
            final String text = PgText.format(value, null);
            if (Double.isNaN(d) || Double.isInfinite(d))
            {
                Json.appendQuoted(sb, text);
            }
            else
            {
                sb.append(text);
            }
        }
        else if (value instanceof Number)
        {
            sb.append(value instanceof BigDecimal ? ((BigDecimal)value).toPlainString() : value.toString());
        }
        else if (value instanceof LocalDateTime)
        {
            Json.appendQuoted(sb, PgText.format(value, null).replace(' ', 'T'));
        }
        else if (value instanceof LocalDate || value instanceof LocalTime || value instanceof byte[])
        {
            Json.appendQuoted(sb, PgText.format(value, null));
        }
        else
        {
            throw new IllegalArgumentException("not a SQL value: " + value.getClass().getName());
        }
    }

    /**
     * {@code json_build_object(k1, v1, k2, v2, ...)}, formatted as PostgreSQL does: {@code {"a" : 1, "b" : 2}}.
     *
     * @param args  alternating keys and values.
     * @param types their types, same length; null entries for unknown.
     * @return the JSON text.
     * @throws SqlException 22023 for an odd number of arguments or a null key.
     */
    public static String buildObject(final Object[] args, final ColumnType[] types)
    {
        if (args.length % 2 != 0)
        {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "argument list must have even number of elements");
        }
        final StringBuilder sb = new StringBuilder().append('{');
        for (int i = 0; i < args.length; i += 2)
        {
            if (args[i] == null)
            {
                throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "argument " + (i + 1) + " cannot be null");
            }
            if (i > 0)
            {
                sb.append(", ");
            }
            Json.appendQuoted(sb, Casts.toText(args[i]));
            sb.append(" : ");
            appendJson(sb, args[i + 1], types[i + 1]);
        }
        return sb.append('}').toString();
    }

    /**
     * {@code json_build_array(v1, v2, ...)}, formatted as PostgreSQL does: {@code [1, 2, "a"]}.
     *
     * @param args  the elements.
     * @param types their types, same length; null entries for unknown.
     * @return the JSON text.
     */
    public static String buildArray(final Object[] args, final ColumnType[] types)
    {
        final StringBuilder sb = new StringBuilder().append('[');
        for (int i = 0; i < args.length; i++)
        {
            if (i > 0)
            {
                sb.append(", ");
            }
            appendJson(sb, args[i], types[i]);
        }
        return sb.append(']').toString();
    }
}
