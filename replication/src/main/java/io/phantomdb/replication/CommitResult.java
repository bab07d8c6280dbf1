package io.phantomdb.replication;

/**
 * A committed replicated transaction: the cluster's majority has it in the log and the leader applied it.
 * <p>
 * <b>Note:</b> immutable.
 *
 * @param position the transaction's log position: the version of every key it wrote, and the position a member
 *                 must have applied to show it (read-your-writes, {@link ClusterMember#readAtLeast}).
 */
public record CommitResult(long position)
{
}
