/**
 * The PostgreSQL wire protocol v3: framing ({@code PgDecoder}), the event-loop handler for SSL, cancel and
 * connection limits ({@code PgChannelHandler}), and one {@code PgConnection} state machine per client running on
 * its own thread against one {@link io.phantomdb.sql.SqlSession}. Values travel in PostgreSQL's text and binary
 * formats ({@code PgTypes}); SET/SHOW and user management are answered by {@code SessionCommands}. The event
 * loop never runs SQL; a connection's thread never touches another connection.
 */
package io.phantomdb.server.pgwire;
