/**
 * The transactional key/value engine: {@link io.phantomdb.core.txn.Engine}, MVCC
 * {@link io.phantomdb.core.txn.Transaction}s at three {@link io.phantomdb.core.txn.IsolationLevel}s over
 * {@link io.phantomdb.core.txn.Keyspace}s, the single-writer commit pipeline, WAL, checkpoints and recovery.
 * See {@code docs/engine.md}.
 * <p>
 * Who owns what:
 * <ul>
 * <li><b>Caller threads</b> own their {@code Transaction} and its pooled {@code TxContext}: store readers (pins),
 * {@code WriteSet}, {@code ReadSet}, {@code CommitRequest}, a {@code SnapshotRegistry} slot. They never write a
 * store.</li>
 * <li><b>The writer thread</b> ({@code WriterAgent} on an Agrona {@code AgentRunner}, "phantomdb-writer") owns the
 * write side of the B+tree and the LSM tree, the {@code WalWriter}, the {@code ConflictDetector}, the
 * {@code Checkpointer} and the commit-version counter. It reads a caller's write and read sets only between
 * taking its request from the {@code CommitQueue} and completing it, while the caller waits.</li>
 * <li><b>The opening thread</b> runs {@code Recovery} before the writer starts (the thread start orders it).</li>
 * </ul>
 * Memory ordering (names as in JCTools: a release store publishes everything written before it to an acquire
 * load that sees it; "volatile" here is sequentially consistent):
 * <ul>
 * <li>Commit hand-over: the caller fills the request with plain stores, then {@code MpscArrayQueue.offer}
 * (a CAS, release); the writer's poll (acquire) sees them. The answer: plain store of the result, volatile
 * store of the request state, unpark; the caller's volatile load of the state sees the result.</li>
 * <li>Publish: {@code VersionClock.beginPublish} (volatile store, sequence odd), each store's {@code commit()}
 * (its own release store), {@code endPublish} (volatile stores of the version, then the even sequence). A
 * reader loads the sequence, the version, pins each store (each pin is a volatile store then a re-check), loads
 * the sequence again and retries if it moved: the pinned store versions are exactly the published version.</li>
 * <li>Pruning: a reader stores its version into its registry slot (volatile) before re-loading the sequence; the
 * writer publishes (volatile) before scanning the slots. Store-then-load on both sides: the scan sees the slot
 * or the reader sees the new publish and retries with the newer version.</li>
 * <li>Wake-up: the writer marks itself idle (volatile store) then checks the queue; a caller offers (CAS) then
 * loads the mark and unparks the writer if set.</li>
 * </ul>
 */
package io.phantomdb.core.txn;
