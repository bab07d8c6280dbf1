/**
 * The JDBC benchmark: the same SQL through JDBC against PhantomDB (file and in-memory), H2 (embedded,
 * MVStore) and SQLite (xerial, WAL): point and range SELECT by primary key, a two-table join through an
 * index, single-row INSERT in autocommit and a 100,000-row batched INSERT.
 * <ul>
 *   <li>{@link io.phantomdb.perf.sql.SqlStores}: the stores, their URLs and their DDL differences.</li>
 *   <li>{@link io.phantomdb.perf.sql.SqlBenchData}: the schema and the data every store loads.</li>
 *   <li>{@link io.phantomdb.perf.sql.SqlBenchmark} and {@link io.phantomdb.perf.sql.SqlBatchInsertBenchmark}:
 *       the JMH benchmarks.</li>
 *   <li>{@link io.phantomdb.perf.sql.SqlBenchTable}: the runner behind {@code bin/phantomdb bench sql}.</li>
 * </ul>
 * Threading: one connection per trial, opened and loaded by the JMH set-up thread and used by the one
 * benchmark thread; nothing here runs during {@code mvn test}.
 */
package io.phantomdb.perf.sql;
