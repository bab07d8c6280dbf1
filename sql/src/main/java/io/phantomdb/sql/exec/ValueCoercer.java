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
     * @return the value as the target type's class; a key coercer may answer null for a value no key of the
     * target type can equal (the lookup then matches nothing).
     */
    Object coerce(Object value);
}
