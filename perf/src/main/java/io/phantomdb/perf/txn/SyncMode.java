package io.phantomdb.perf.txn;

import java.util.Locale;

/**
 * What a commit waits for before it returns, as the {@code sync} parameter of {@link TxnCommitBenchmark}.
 * Each store maps it to its own nearest setting; {@link TxnStoreRegistry} and {@code docs/benchmarks.md}
 * say which.
 * <p>
 * <b>Note:</b> immutable, safe from any thread.
 */
public enum SyncMode
{
    /** The commit is in the OS page cache (or the store's memory) when it returns: survives a process exit only where the store says so. */
    NONE,
    /** The commit has been forced to the device (fsync/fdatasync) when it returns. */
    ALWAYS;

    /** JMH {@code sync} parameter value of {@link #NONE}. */
    public static final String NONE_PARAM = "none";
    /** JMH {@code sync} parameter value of {@link #ALWAYS}. */
    public static final String ALWAYS_PARAM = "always";

    /**
     * @return the JMH parameter value, lower case.
     */
    public String param()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param param {@code none} or {@code always}.
     * @return the mode.
     * @throws IllegalArgumentException naming the value if it is neither.
     */
    public static SyncMode fromParam(final String param)
    {
        return switch (param)
        {
            case NONE_PARAM -> NONE;
            case ALWAYS_PARAM -> ALWAYS;
            default -> throw new IllegalArgumentException("sync must be none or always: '" + param + "'");
        };
    }
}
