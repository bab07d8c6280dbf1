/**
 * The embedded database API: {@link io.phantomdb.core.PhantomDB} opens a directory (or memory) and begins
 * typed transactions ({@link io.phantomdb.core.table.Tx}); {@link io.phantomdb.core.PhantomDBConfig} holds its
 * settings. Sub-packages: {@code schema} and {@code row} (types and the row format), {@code catalog} (tables
 * and indexes), {@code table} (rows and indexes over the transactional engine), {@code txn} (the engine).
 * <p>
 * Threading: a {@link io.phantomdb.core.PhantomDB} is shared by all threads; each transaction, and every row
 * and cursor it returns, belongs to one thread at a time.
 */
package io.phantomdb.core;
