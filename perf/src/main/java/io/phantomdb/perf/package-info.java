/**
 * Side-by-side JMH benchmarks of PhantomDB's index structures and their peers (LMDB, RocksDB,
 * H2 MVStore, Chronicle Map, MapDB), after the workloads of lmdbjava/benchmarks.
 * <ul>
 *   <li>{@link io.phantomdb.perf.Workload}: the data (N keys, insertion order, 100-byte values).</li>
 *   <li>{@link io.phantomdb.perf.IndexStore}: one adapter per store; {@link io.phantomdb.perf.SortedByteMapStore}
 *       drives any {@link io.phantomdb.index.SortedByteMap}.</li>
 *   <li>{@link io.phantomdb.perf.StoreRegistry}: which stores exist, which are PhantomDB's, which are ordered.</li>
 *   <li>{@link io.phantomdb.perf.IndexBenchmark}: the JMH benchmarks and their states.</li>
 *   <li>{@link io.phantomdb.perf.IndexBenchTable}: the runner behind {@code bin/phantomdb bench index};
 *       {@link io.phantomdb.perf.ResultTable} prints its table.</li>
 * </ul>
 * Threading: every benchmark is single-threaded; a store, its reader and its buffers belong to the
 * JMH benchmark thread of one fork. Nothing here runs during {@code mvn test}.
 */
package io.phantomdb.perf;
