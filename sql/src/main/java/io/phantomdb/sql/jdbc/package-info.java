/**
 * The embedded JDBC 4.2 driver: {@link io.phantomdb.sql.jdbc.PhantomDriver} accepts
 * {@code jdbc:phantomdb:file:<directory>} and {@code jdbc:phantomdb:mem:<name>} and hands out connections
 * over {@link io.phantomdb.sql.SqlSession}s of one shared {@link io.phantomdb.sql.SqlDatabase} per directory
 * or name in the JVM.
 * <p>
 * Threads: a connection and its statements and result sets are used by one thread at a time, like the
 * session underneath; {@link java.sql.Statement#cancel()} and {@link java.sql.Connection#close()} may come
 * from any thread. The registry of shared databases is guarded by its own monitor.
 */
package io.phantomdb.sql.jdbc;
