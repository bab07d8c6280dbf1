/**
 * The schema and type model: {@link io.phantomdb.core.schema.TypeKind} (the SQL types with their
 * PostgreSQL names and OIDs), {@link io.phantomdb.core.schema.ColumnType} (a kind with validated
 * precision, scale or length), {@link io.phantomdb.core.schema.Column} and
 * {@link io.phantomdb.core.schema.TableSchema}.
 * <p>
 * Threading: every type here is immutable once built and may be shared freely between threads; the
 * one mutable class, {@link io.phantomdb.core.schema.TableSchema.Builder}, belongs to the thread that
 * builds a schema. Invalid definitions are rejected at construction with an
 * {@link java.lang.IllegalArgumentException} whose message names the offending values.
 */
package io.phantomdb.core.schema;
