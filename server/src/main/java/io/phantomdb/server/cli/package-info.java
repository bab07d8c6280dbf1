/**
 * The command line: {@code bin/phantomdb serve} ({@link io.phantomdb.server.cli.ServeCommand}) parses options
 * with picocli, starts the server and shuts it down gracefully on SIGTERM or Ctrl-C.
 */
package io.phantomdb.server.cli;
