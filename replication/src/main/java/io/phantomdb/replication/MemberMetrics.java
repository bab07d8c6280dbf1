package io.phantomdb.replication;

/**
 * One reading of a cluster member's metrics, for monitoring (the server exposes them over HTTP).
 * <p>
 * <b>Note:</b> immutable.
 *
 * @param memberId              the member.
 * @param role                  LEADER, FOLLOWER or CANDIDATE (the consensus module's role counter), CLOSED when stopped.
 * @param leadershipTermId      the current leadership term.
 * @param commitPosition        the log position a majority has appended (the consensus module's commit position).
 * @param appliedPosition       the log position of the last message this member's store applied.
 * @param applyLag              {@code commitPosition - appliedPosition} in bytes of log, 0 when caught up.
 * @param elections             elections this member's consensus module ran since it started.
 * @param snapshotsTaken        snapshots this member wrote since it started.
 * @param lastSnapshotMicros    duration of the last snapshot write.
 * @param maxSnapshotMicros     longest snapshot write.
 * @param snapshotLoadMicros    how long loading the snapshot at start took, -1 if there was none.
 * @param transactionsApplied   replicated transactions applied since start (after the snapshot).
 * @param undeliveredResponses  answers the leader gave up sending (the client retries).
 */
public record MemberMetrics(
    int memberId,
    String role,
    long leadershipTermId,
    long commitPosition,
    long appliedPosition,
    long applyLag,
    long elections,
    long snapshotsTaken,
    long lastSnapshotMicros,
    long maxSnapshotMicros,
    long snapshotLoadMicros,
    long transactionsApplied,
    long undeliveredResponses)
{
}
