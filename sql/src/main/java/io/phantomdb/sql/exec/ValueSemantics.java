package io.phantomdb.sql.exec;

/**
 * How the executor compares and hashes SQL values of any type, for sorting, grouping, DISTINCT, set
 * operations and hash joins. NULL sorts after every value and, for grouping, equals NULL.
 * <p>
 * <b>Note:</b> implementations are stateless and thread safe.
 */
public interface ValueSemantics
{
    /**
     * @param a a value or null.
     * @param b a value or null.
     * @return the sort order of two values (NULL last).
     */
    int compare(Object a, Object b);

    /**
     * @param a a value or null.
     * @param b a value or null.
     * @return whether two values group together (NULL equals NULL; 1 equals 1.0).
     */
    boolean same(Object a, Object b);

    /**
     * @param value a value or null.
     * @return a hash consistent with {@link #same}.
     */
    int hash(Object value);
}
