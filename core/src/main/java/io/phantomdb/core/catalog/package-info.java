/**
 * The catalog: which tables ({@link io.phantomdb.core.catalog.TableDefinition}) and secondary indexes
 * ({@link io.phantomdb.core.catalog.IndexDefinition}) exist, each with its own keyspace id, stored as rows of
 * keyspace 0 in the format of {@link io.phantomdb.core.catalog.CatalogDescriptor} by
 * {@link io.phantomdb.core.catalog.CatalogStore}.
 * <p>
 * Threading: a {@link io.phantomdb.core.catalog.Catalog} is an immutable snapshot; the database publishes the
 * committed one with a volatile store and readers on any thread use whichever snapshot they loaded. DDL builds a
 * new snapshot privately inside its transaction. Lookups by name fold ASCII case, as SQL identifiers do; name
 * errors are {@link io.phantomdb.core.catalog.CatalogException}s carrying a SQLSTATE.
 */
package io.phantomdb.core.catalog;
