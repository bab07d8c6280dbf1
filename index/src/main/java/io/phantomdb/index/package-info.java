/**
 * Off-heap index structures over Agrona buffers, and their shared contract.
 * <ul>
 *   <li>{@link io.phantomdb.index.SortedByteMap}: an ordered, versioned byte map with one writer thread
 *       and lock-free readers; implemented by the B+tree ({@code btree}) and the LSM tree ({@code lsm}).</li>
 *   <li>{@code hash}: an open-addressing hash index for point lookups.</li>
 *   <li>{@code key}: the byte-comparable encoding of typed multi-column keys.</li>
 * </ul>
 * Threading: each structure has exactly one writer thread; readers own their
 * {@link io.phantomdb.index.ByteMapReader} and never block. {@link io.phantomdb.index.ByteComparator} is
 * the one key order.
 */
package io.phantomdb.index;
