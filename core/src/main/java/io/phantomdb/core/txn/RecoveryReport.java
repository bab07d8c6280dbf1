package io.phantomdb.core.txn;

import java.nio.file.Path;

/**
 * What {@link Engine#open} found and did while recovering: the checkpoint it started from, the WAL records it
 * replayed on top, whether the end of the log was torn (a record half written when the process died) and cut,
 * and how long it took.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public final class RecoveryReport
{
    private final long checkpointLsn;
    private final long checkpointVersion;
    private final long recordsReplayed;
    private final long lastLsn;
    private final boolean tornTailCut;
    private final Path tornTailFile;
    private final long tornTailOffset;
    private final long durationMillis;

    /**
     * @param checkpointLsn     the first LSN the checkpoint did not cover: replay started there (1 for none).
     * @param checkpointVersion the commit version the checkpoint holds (0 for none).
     * @param recordsReplayed   WAL records applied on top of the checkpoint.
     * @param lastLsn           LSN of the last valid record of the log, 0 if the log is empty.
     * @param tornTailCut       true if a torn tail was found at the end of the log and cut.
     * @param tornTailFile      the queue file holding the first bad record, or null.
     * @param tornTailOffset    byte offset of that record, or -1.
     * @param durationMillis    how long recovery took, opening the stores included.
     */
    public RecoveryReport(
        final long checkpointLsn, final long checkpointVersion, final long recordsReplayed, final long lastLsn,
        final boolean tornTailCut, final Path tornTailFile, final long tornTailOffset, final long durationMillis)
    {
        this.checkpointLsn = checkpointLsn;
        this.checkpointVersion = checkpointVersion;
        this.recordsReplayed = recordsReplayed;
        this.lastLsn = lastLsn;
        this.tornTailCut = tornTailCut;
        this.tornTailFile = tornTailFile;
        this.tornTailOffset = tornTailOffset;
        this.durationMillis = durationMillis;
    }

    /**
     * @return the first LSN the checkpoint did not cover: replay started there (1 when there was no checkpoint).
     */
    public long checkpointLsn()
    {
        return checkpointLsn;
    }

    /**
     * @return the commit version the checkpoint holds (0 when there was none).
     */
    public long checkpointVersion()
    {
        return checkpointVersion;
    }

    /**
     * @return WAL records replayed on top of the checkpoint.
     */
    public long recordsReplayed()
    {
        return recordsReplayed;
    }

    /**
     * @return LSN of the last valid record of the log, 0 if the log is empty.
     */
    public long lastLsn()
    {
        return lastLsn;
    }

    /**
     * @return true if a torn tail was found at the end of the log and cut.
     */
    public boolean tornTailCut()
    {
        return tornTailCut;
    }

    /**
     * @return the queue file holding the first bad record of the torn tail, or null if none was cut.
     */
    public Path tornTailFile()
    {
        return tornTailFile;
    }

    /**
     * @return byte offset of the first bad record in {@link #tornTailFile()}, or -1 if none was cut.
     */
    public long tornTailOffset()
    {
        return tornTailOffset;
    }

    /**
     * @return how long recovery took in milliseconds, opening the stores included.
     */
    public long durationMillis()
    {
        return durationMillis;
    }

    @Override
    public String toString()
    {
        return "RecoveryReport{checkpointLsn=" + checkpointLsn + ", checkpointVersion=" + checkpointVersion +
            ", recordsReplayed=" + recordsReplayed + ", lastLsn=" + lastLsn + ", tornTailCut=" + tornTailCut +
            (tornTailCut ? " (" + tornTailFile + " at offset " + tornTailOffset + ")" : "") +
            ", durationMillis=" + durationMillis + '}';
    }
}
