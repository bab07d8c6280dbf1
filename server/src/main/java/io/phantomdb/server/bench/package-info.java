/**
 * {@code phantomdb bench server}: a pgbench-like load (select-only or TPC-B-like, prepared statements) against
 * any PostgreSQL-protocol server, with latency from HdrHistogram. One blocking client connection per load
 * thread; results are merged after each run.
 */
package io.phantomdb.server.bench;
