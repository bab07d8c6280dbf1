package io.phantomdb.replication.sql;

/**
 * What a replicated session's reads wait for before they read the member's copy; a session changes it with
 * {@code SET phantomdb.read_consistency = 'member' | 'linearizable'}.
 * <p>
 * <b>Note:</b> immutable; thread safe.
 */
public enum ReadConsistency
{
    /**
     * Read once the member applied every commit acknowledged to any session of this member (read-your-writes and
     * monotonic reads for the member's clients; a commit made through another member may be seen a moment later).
     */
    MEMBER,
    /**
     * Read once the member applied a read barrier sent through the Raft log: every transaction the cluster committed
     * before the read began is visible (one log round trip per read or transaction).
     */
    LINEARIZABLE;

    /** The setting's name. */
    public static final String SETTING = "phantomdb.read_consistency";

    /**
     * @param text a setting value, any case, quotes allowed.
     * @return the consistency.
     * @throws IllegalArgumentException if the text names none.
     */
    public static ReadConsistency parse(final String text)
    {
        final String name = text.replace("'", "").replace("\"", "").trim();
        for (final ReadConsistency value : values())
        {
            if (value.name().equalsIgnoreCase(name))
            {
                return value;
            }
        }
        throw new IllegalArgumentException(SETTING + " must be 'member' or 'linearizable': " + text);
    }
}
