/**
 * PostgreSQL's system catalogs as PhantomDB presents them: object ids, type names and index definitions
 * derived from {@link io.phantomdb.sql.SqlDatabase#metadata()} ({@link io.phantomdb.server.catalog.PgCatalog}),
 * registered as {@code pg_catalog} and {@code information_schema} tables
 * ({@link io.phantomdb.server.catalog.CatalogTables}). Everything here is computed from an immutable metadata
 * snapshot and is safe from any thread.
 */
package io.phantomdb.server.catalog;
