/**
 * The transactional key/value engine: {@link io.phantomdb.core.txn.Engine}, MVCC
 * {@link io.phantomdb.core.txn.Transaction}s at three {@link io.phantomdb.core.txn.IsolationLevel}s over
 * {@link io.phantomdb.core.txn.Keyspace}s, the single-writer commit pipeline, WAL, checkpoints and recovery.
 * <p>
 * Threads and ownership: callers (any thread) own their transactions; one writer thread owns the stores' write
 * side, the WAL writer, the conflict detector and the checkpoints; readers pin versions without locks.
 */
package io.phantomdb.core.txn;
