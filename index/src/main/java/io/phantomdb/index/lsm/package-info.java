/**
 * An off-heap log-structured merge tree implementing {@link io.phantomdb.index.SortedByteMap}; entry point
 * {@link io.phantomdb.index.lsm.LsmTree#open}.
 * <p>
 * Threads and ownership:
 * <ul>
 *   <li><b>Writer</b> (one thread at a time): owns the active {@code MemTable} (inserts into its
 *       {@code SkipList}), the pending sequence, memtable rotation and back-pressure waits.</li>
 *   <li><b>Agent</b> ({@code LsmAgent} on its own {@link org.agrona.concurrent.AgentRunner} thread): owns
 *       flushes of immutable memtables, compactions, SSTable creation and the {@code Manifest} while the tree
 *       is open. Its errors are recorded and rethrown to the writer on its next call.</li>
 *   <li><b>Readers</b> (any threads, one {@link io.phantomdb.index.lsm.LsmReader} each): pin a sequence and a
 *       {@code Version}, never lock, never block the writer or the agent.</li>
 * </ul>
 * Memory ordering (names follow JCTools: <i>release</i> = ordered/lazy store, <i>acquire</i> = load that
 * orders later loads):
 * <ul>
 *   <li>Skip-list nodes are written with plain stores and linked with a release store; readers follow links
 *       with acquire loads.</li>
 *   <li>{@code commit()} publishes the committed sequence with a release store ({@code lazySet}); a reader
 *       loads it with a volatile load and sees every node with a sequence at or below it.</li>
 *   <li>The current {@code Version} is replaced by compare-and-set (writer and agent both do it); it and
 *       its memtables and SSTables are reference counted, so memory is freed and files are unmapped only
 *       after the last pinning reader lets go, on whichever thread that is.</li>
 *   <li>A reader publishes its pinned sequence with a volatile store and re-reads the committed sequence;
 *       compaction reads the committed sequence, then every pin, so it never drops a version a reader can
 *       see (Dekker-style handshake, both sides volatile).</li>
 * </ul>
 */
package io.phantomdb.index.lsm;
