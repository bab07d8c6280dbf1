/**
 * The off-heap hash index for point lookups: {@link io.phantomdb.index.hash.OffHeapHashIndex} (byte keys
 * to byte values, open addressing over direct memory) and {@link io.phantomdb.index.hash.HashIndexReader}
 * (lock-free lookups from other threads).
 * <p>
 * Ownership: one writer thread owns every mutation, every generation's slot table and arena, and the
 * freeing of memory. Each reader thread owns one {@code HashIndexReader} and its pinned-epoch slot.
 * <p>
 * Memory ordering (names as in the code):
 * <ul>
 *   <li><i>entry publication</i>: the writer writes an entry's bytes into the arena with plain stores,
 *       then points a slot at it with a release store ({@code putLongRelease}); readers load slots with
 *       acquire ({@code getLongAcquire}), so a reference they see leads to complete bytes. Entries are
 *       never written again, so a reader needs no retry loop.</li>
 *   <li><i>generation publication</i>: a rebuilt generation is filled with plain stores and published by
 *       a volatile store of {@code OffHeapHashIndex.publishedTable}; readers load it with a volatile read
 *       on every lookup.</li>
 *   <li><i>reclamation</i>: volatile global epoch and volatile per-reader pinned epochs; see
 *       {@link io.phantomdb.index.hash.EpochReclaimer} for why a freed generation is unreachable.
 *       Unpinning is a release store, ordered after the reader's last read.</li>
 * </ul>
 * Not persisted: a hash index is rebuilt from its table on open.
 */
package io.phantomdb.index.hash;
