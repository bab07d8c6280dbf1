package io.phantomdb.sql.exec;

/**
 * Converts a computed value to the Java class a column (or key part) of a given SQL type stores.
 * <p>
 * <b>Note:</b> stateless.
 */
@FunctionalInterface
public interface ValueCoercer
{
    /**
     * @param value a non-null value.
     * @return the value as the target type's class.
     */
    Object coerce(Object value);
}
