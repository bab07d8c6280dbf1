/**
 * Operations tools: {@code phantomdb check} (an offline checker of a data directory: every checksum, the index
 * structures, the WAL tail, the catalog and index-to-row consistency), {@code phantomdb backup} (a consistent
 * logical backup from one snapshot of an open database) and {@code phantomdb restore} (a new data directory from
 * a backup). See docs/operations.md.
 * <p>
 * Threads: each tool runs on the thread that calls it; a backup reads one snapshot while other threads commit.
 */
package io.phantomdb.server.tools;
