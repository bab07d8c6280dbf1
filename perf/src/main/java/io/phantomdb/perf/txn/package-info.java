/**
 * The transaction commit benchmark: single-row transactions committed by 1 to 16 concurrent
 * committers, PhantomDB's engine side by side with H2 MVStore's {@code TransactionStore}, RocksDB's
 * {@code TransactionDB} and SQLite, throughput from JMH and latency percentiles from HdrHistogram.
 * <ul>
 *   <li>{@link io.phantomdb.perf.txn.TxnStore}: one adapter per store, one committer per thread;
 *       {@link io.phantomdb.perf.txn.TxnStoreRegistry} lists them and says which is PhantomDB's.</li>
 *   <li>{@link io.phantomdb.perf.txn.SyncMode}: {@code none} or {@code always}, mapped by each adapter
 *       to its store's nearest durability setting.</li>
 *   <li>{@link io.phantomdb.perf.txn.TxnCommitBenchmark}: the JMH benchmark and its states.</li>
 *   <li>{@link io.phantomdb.perf.txn.CommitLatency}: per-thread histograms and how they travel from
 *       the JMH fork to the table.</li>
 *   <li>{@link io.phantomdb.perf.txn.TxnBenchTable}: the runner behind {@code bin/phantomdb bench txn}.</li>
 * </ul>
 * Threading: a store and its committers are created by the JMH trial set-up thread; each committer and
 * its histogram then belong to one benchmark thread; the store is closed by the trial tear-down thread
 * after every benchmark thread has left the measurement loop. Nothing here runs during {@code mvn test}
 * except the unit tests of the table, the flags and the adapters.
 */
package io.phantomdb.perf.txn;
