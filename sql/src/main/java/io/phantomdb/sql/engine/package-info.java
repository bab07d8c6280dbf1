/**
 * The SQL engine behind {@link io.phantomdb.sql.SqlDatabases}: the database (sessions, system tables,
 * statistics, the SQL layer's persisted schema), sessions with their transactions, settings and plan cache,
 * the statement planner that turns parsed statements into executable commands, DML/DDL execution and the
 * translation of every failure into a {@link io.phantomdb.sql.SqlException}.
 * <p>
 * A database is shared by all threads; a session and everything it plans and runs belong to the thread
 * using the session.
 */
package io.phantomdb.sql.engine;
