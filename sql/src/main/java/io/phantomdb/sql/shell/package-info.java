/**
 * The interactive SQL shell behind {@code bin/phantomdb sql}: reads statements terminated by {@code ;}
 * (from a terminal through JLine, or from a pipe or {@code -c}), runs them through the embedded JDBC driver
 * and prints aligned result tables, command tags, timings and errors with their SQLSTATE and position;
 * backslash commands describe the schema.
 * <p>
 * Threads: the shell runs on the thread that calls {@link io.phantomdb.sql.shell.SqlShell#run}; nothing in
 * this package is shared between threads.
 */
package io.phantomdb.sql.shell;
