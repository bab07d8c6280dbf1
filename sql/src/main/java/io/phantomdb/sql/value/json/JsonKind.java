package io.phantomdb.sql.value.json;

/**
 * The kinds of JSON value, named as {@code json_typeof} reports them (TRUE and FALSE are both
 * {@code boolean}).
 * <p>
 * <b>Note:</b> an enum, immutable, safe to share between threads.
 */
public enum JsonKind
{
    /** An object. */
    OBJECT("object"),
    /** An array. */
    ARRAY("array"),
    /** A string. */
    STRING("string"),
    /** A number. */
    NUMBER("number"),
    /** {@code true}. */
    TRUE("boolean"),
    /** {@code false}. */
    FALSE("boolean"),
    /** {@code null}. */
    NULL("null");

    private final String typeName;

    JsonKind(final String typeName)
    {
        this.typeName = typeName;
    }

    /**
     * @return the name {@code json_typeof} gives: object, array, string, number, boolean or null.
     */
    public String typeName()
    {
        return typeName;
    }
}
