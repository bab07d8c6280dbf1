/**
 * The row format: one table row as bytes in a buffer, read through {@link io.phantomdb.core.row.RowFlyweight}
 * and written by {@link io.phantomdb.core.row.RowWriter}, with the layout of a schema's rows computed once in
 * {@link io.phantomdb.core.row.RowLayout} and the format itself drawn, with its version, in
 * {@link io.phantomdb.core.row.RowDescriptor}.
 * <p>
 * Threading: layouts are immutable and shared; flyweights and writers are mutable, owned by one thread
 * each and reused row after row, so the read and write paths allocate nothing for fixed-width values. A
 * row must not change while a flyweight wraps it; the single-writer engine guarantees that by never
 * modifying a published row in place.
 * <p>
 * Errors: caller mistakes (wrong type, NULL in a NOT NULL column, too long a string) are
 * {@link java.lang.IllegalArgumentException}s naming column, type and value; a malformed stored row is an
 * {@link io.phantomdb.CorruptionException} naming the row's offset, never an out-of-bounds read.
 */
package io.phantomdb.core.row;
