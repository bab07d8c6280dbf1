/**
 * SQL on the replicated cluster: statement replication with result validation. A session on any member runs a
 * transaction's statements on its member's copy of the data (so it can answer the client), then sends the statements,
 * their parameters and a digest of every result through the Raft log; every member runs them again in log order on
 * its own deterministic copy ({@link io.phantomdb.sql.SqlDatabases#deterministic}) and commits only if each result
 * has the digest the client saw, else every member aborts it alike (40001). The outcome equals a serial execution in
 * log order. See docs/replication.md.
 */
package io.phantomdb.replication.sql;
