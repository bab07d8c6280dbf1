/**
 * Authentication: SCRAM-SHA-256 verifiers as PostgreSQL stores them ({@link io.phantomdb.server.auth.ScramVerifier}),
 * the server side of one SCRAM exchange ({@link io.phantomdb.server.auth.ScramExchange}) and the user store
 * ({@link io.phantomdb.server.auth.UserStore}). Exchanges belong to one connection's thread; the store is shared
 * and thread-safe.
 */
package io.phantomdb.server.auth;
