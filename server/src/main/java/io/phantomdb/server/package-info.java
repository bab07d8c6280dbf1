/**
 * The PhantomDB server: {@link io.phantomdb.server.PhantomServer} ties the database to the PostgreSQL
 * wire-protocol listener and the HTTP endpoint, configured by {@link io.phantomdb.server.ServerConfig}. The
 * listener's event loops only frame bytes; each client connection runs on its own thread.
 */
package io.phantomdb.server;
