/**
 * PhantomDB replicated by Aeron Cluster (Raft over Aeron): the engine's commit pipeline as a
 * {@link io.aeron.cluster.service.ClusteredService}, cluster snapshots of the engine's state, a client that follows
 * the leader and retries idempotently, and cluster members started from configuration.
 * <p>
 * Threads: each member's state ({@link io.phantomdb.replication.ReplicatedStore}) is written only by the member's
 * clustered service thread, in log order; any thread may read it through MVCC snapshots. A
 * {@link io.phantomdb.replication.ClusterClient} owns one Aeron Cluster session on its own client thread; callers of
 * any thread hand requests to it and wait for the cluster's answer. See {@code docs/replication.md}.
 */
package io.phantomdb.replication;
