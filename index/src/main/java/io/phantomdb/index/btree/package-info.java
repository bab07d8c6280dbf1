/**
 * The off-heap copy-on-write B+tree, {@link io.phantomdb.index.btree.BTree}, PhantomDB's default ordered
 * index.
 * <p>
 * Threads and ownership:
 * <ul>
 *   <li>The writer thread owns the pending version: {@code BTreeWriter} (its pages, splits and merges),
 *       {@code PageReclaimer} (free pages), {@code Checkpointer} (flush) and growth of {@code PageStore}.</li>
 *   <li>Each reader thread owns its {@link io.phantomdb.index.btree.BTreeReader}, its cursor and its
 *       flyweights. A reader only reads pages of the version it pinned; those pages are never written
 *       again (except the CRC field, which readers do not read) and not reused while the pin is held.</li>
 * </ul>
 * Memory ordering:
 * <ul>
 *   <li>Publish: the writer writes every page of a version, and any new segment, then stores the
 *       immutable {@code CommittedState} into a volatile field (release). A reader's volatile load of it
 *       (acquire) makes all of those writes visible.</li>
 *   <li>Pin: the reader stores the version in its volatile pin, then loads the state again and retries if
 *       it changed. The writer publishes, then scans the pins (volatile loads) before reusing pages. Both
 *       pairs are volatile store-then-load, so at least one side sees the other: the writer sees the pin,
 *       or the reader sees the newer state and pins it instead.</li>
 *   <li>Unpin: a release store of "not pinned" after the reader's last page read, so the writer's acquire
 *       load of the pin orders the reuse of pages after those reads.</li>
 *   <li>Close: the writer stores the volatile closed flag, then scans pins; a reader pins, then loads the
 *       flag. Memory is released only when no pin was seen.</li>
 * </ul>
 */
package io.phantomdb.index.btree;
