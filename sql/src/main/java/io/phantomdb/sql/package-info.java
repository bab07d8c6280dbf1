/**
 * The SQL layer's public contract: {@link io.phantomdb.sql.SqlDatabases} opens a
 * {@link io.phantomdb.sql.SqlDatabase}; a {@link io.phantomdb.sql.SqlSession} runs statements and
 * returns {@link io.phantomdb.sql.SqlResult}s; every error is a {@link io.phantomdb.sql.SqlException}
 * with a PostgreSQL SQLSTATE. The JDBC driver and the wire-protocol server are built on this contract.
 */
package io.phantomdb.sql;
