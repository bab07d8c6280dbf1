package io.phantomdb.index.key;

/**
 * The value types a key column can hold, with the Java class {@link KeySchema} uses for each.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public enum ColumnType
{
    /** {@link Boolean}: false before true; 1 byte. */
    BOOLEAN(Boolean.class),
    /** {@link Short}: signed order; 2 bytes. */
    SHORT(Short.class),
    /** {@link Integer}: signed order; 4 bytes. */
    INT(Integer.class),
    /** {@link Long}: signed order; 8 bytes. */
    LONG(Long.class),
    /** {@link Float}: {@link Float#compare} order (-0.0 before 0.0, NaN last); 4 bytes. */
    FLOAT(Float.class),
    /** {@link Double}: {@link Double#compare} order (-0.0 before 0.0, NaN last); 8 bytes. */
    DOUBLE(Double.class),
    /** {@link String}: Unicode code point order; escaped UTF-8 and a 2-byte terminator. */
    STRING(String.class),
    /** {@code byte[]}: unsigned lexicographic order, shorter prefix first; escaped bytes and a 2-byte terminator. */
    BYTES(byte[].class);

    private final Class<?> javaType;

    ColumnType(final Class<?> javaType)
    {
        this.javaType = javaType;
    }

    /**
     * @return the Java class of a non-null value of this type in an {@code Object[]} tuple.
     */
    public Class<?> javaType()
    {
        return javaType;
    }
}
