/**
 * Replication benchmark: committed transactions per second and commit latency of a 3-member Aeron Cluster on
 * loopback against the embedded engine, and failover time ({@code bin/phantomdb bench cluster}).
 * <p>
 * Threads: committer threads each own one histogram; the main thread merges them after the run.
 */
package io.phantomdb.perf.cluster;
