package io.phantomdb.core.txn;

/**
 * The engine's published commit version, behind a sequence lock so a reader can pin every store at a state
 * consistent with it.
 * <p>
 * Writer: {@link #beginPublish()} makes the sequence odd (volatile store), the stores are committed, then
 * {@link #endPublish(long)} stores the new version and makes the sequence even again (volatile stores: the
 * stores' commits happen-before a reader that sees the new version). Reader: load the sequence; if odd, wait;
 * load the version; pin the stores; load the sequence again: if it changed, a publish overlapped, so unpin and
 * retry. Readers never block the writer; the writer's publish window is a handful of stores.
 * <p>
 * <b>Note:</b> {@link #beginPublish()} and {@link #endPublish(long)} are called by the writer thread only;
 * the getters from any thread.
 */
final class VersionClock
{
    private volatile long sequence;
    private volatile long version;

    /**
     * @param version the version recovered at open.
     */
    VersionClock(final long version)
    {
        this.version = version;
    }

    /**
     * Writer: a publish starts; readers that pin now retry.
     */
    void beginPublish()
    {
        sequence = sequence + 1;
    }

    /**
     * Writer: the stores are committed; {@code newVersion} is now visible.
     *
     * @param newVersion the version of the last commit applied.
     */
    void endPublish(final long newVersion)
    {
        version = newVersion;
        sequence = sequence + 1;
    }

    /**
     * @return the sequence: odd while a publish is in progress.
     */
    long sequence()
    {
        return sequence;
    }

    /**
     * @return the last published commit version.
     */
    long version()
    {
        return version;
    }
}
