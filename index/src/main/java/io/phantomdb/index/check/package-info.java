/**
 * Offline verification of the index files: {@link io.phantomdb.index.check.CheckReport} collects what the
 * read-only checkers ({@code io.phantomdb.index.btree.BTreeFileCheck}, {@code io.phantomdb.index.lsm.LsmFileCheck})
 * find. The checkers only read files (never map them writable, never lock them); run them while nothing writes.
 * <p>
 * Threads: one checking thread per report.
 */
package io.phantomdb.index.check;
