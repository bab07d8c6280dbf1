package io.phantomdb.sql.value.json;

import java.math.BigDecimal;

/**
 * One value of a parsed JSON document: its kind, its exact text in the source, and for objects and arrays
 * its members in input order. Object lookup with duplicate keys finds the last one, as PostgreSQL does.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public final class JsonNode
{
    private static final JsonNode[] NO_NODES = new JsonNode[0];
    private static final String[] NO_KEYS = new String[0];

    private final JsonKind kind;
    private final String source;
    private final int start;
    private final int end;
    private final String[] keys;
    private final JsonNode[] values;
    private final String string;

    JsonNode(
        final JsonKind kind,
        final String source,
        final int start,
        final int end,
        final String[] keys,
        final JsonNode[] values,
        final String string)
    {
        this.kind = kind;
        this.source = source;
        this.start = start;
        this.end = end;
        this.keys = keys == null ? NO_KEYS : keys;
        this.values = values == null ? NO_NODES : values;
        this.string = string;
    }

    /**
     * @return the kind.
     */
    public JsonKind kind()
    {
        return kind;
    }

    /**
     * @return the value's text exactly as it appears in the parsed document.
     */
    public String text()
    {
        return start == 0 && end == source.length() ? source : source.substring(start, end);
    }

    /**
     * @return the text {@code ->>} gives: a string's unescaped value, null for JSON null, else {@link #text()}.
     */
    public String asText()
    {
        switch (kind)
        {
            case STRING:
                return string;
            case NULL:
                return null;
            default:
                return text();
        }
    }

    /**
     * @return a string's unescaped value, or null for other kinds.
     */
    public String stringValue()
    {
        return string;
    }

    /**
     * @return a number's value, or null for other kinds.
     */
    public BigDecimal numberValue()
    {
        return kind == JsonKind.NUMBER ? new BigDecimal(text()) : null;
    }

    /**
     * @return the number of members of an object or elements of an array (duplicates counted), else 0.
     */
    public int size()
    {
        return values.length;
    }

    /**
     * @param index 0-based member index, less than {@link #size()}.
     * @return an object's key at index, or null for an array.
     */
    public String keyAt(final int index)
    {
        return kind == JsonKind.OBJECT ? keys[index] : null;
    }

    /**
     * @param index 0-based member index, less than {@link #size()}.
     * @return the member value or array element at index.
     */
    public JsonNode valueAt(final int index)
    {
        return values[index];
    }

    /**
     * @param key a key.
     * @return an object's value for key (the last one when duplicated), or null if absent or not an object.
     */
    public JsonNode get(final String key)
    {
        if (kind != JsonKind.OBJECT)
        {
            return null;
        }
        for (int i = keys.length - 1; i >= 0; i--)
        {
            if (keys[i].equals(key))
            {
                return values[i];
            }
        }
        return null;
    }

    /**
     * @param index 0-based; negative counts from the end (-1 is the last element).
     * @return an array's element, or null if out of range or not an array.
     */
    public JsonNode get(final int index)
    {
        if (kind != JsonKind.ARRAY)
        {
            return null;
        }
        final int i = index < 0 ? values.length + index : index;
        return i >= 0 && i < values.length ? values[i] : null;
    }

    /**
     * @return the text of the node.
     */
    @Override
    public String toString()
    {
        return text();
    }
}
