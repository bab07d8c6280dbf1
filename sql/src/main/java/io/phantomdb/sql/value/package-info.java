/**
 * Runtime value semantics of the SQL layer, as PostgreSQL defines them: type promotion and common types
 * ({@link io.phantomdb.sql.value.TypeRules}), casts ({@link io.phantomdb.sql.value.Casts}), the text
 * format ({@link io.phantomdb.sql.value.PgText}), ordering, equality and hashing
 * ({@link io.phantomdb.sql.value.Values}), operators ({@link io.phantomdb.sql.value.Arithmetic}) and
 * LIKE matching ({@link io.phantomdb.sql.value.LikePattern}).
 * <p>
 * Values are the Java objects listed in {@link io.phantomdb.sql.SqlSession}'s javadoc; SQL NULL is
 * {@code null}; a {@code null} {@link io.phantomdb.core.schema.ColumnType} means "unknown" (an untyped
 * NULL literal or parameter). Every error is a {@link io.phantomdb.sql.SqlException} with a PostgreSQL
 * SQLSTATE.
 * <p>
 * Everything here is stateless or immutable and may be used from any thread.
 */
package io.phantomdb.sql.value;
