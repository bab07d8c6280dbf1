package io.phantomdb.wal;

import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * Receives the WAL's notable events so the engine can route them to its own logging. The default,
 * {@link #SYSTEM_LOGGER}, writes them to {@link System.Logger} {@code io.phantomdb.wal}.
 * <p>
 * <b>Note:</b> called on the thread that opens the log, calls {@link WalReader#replay} or
 * {@link WalWriter#retireBefore}; implementations must be safe for those threads.
 */
public interface WalEventListener
{
    /** Logs every event to {@link System.Logger} {@code io.phantomdb.wal}: a cut as WARNING, retirement as INFO. */
    WalEventListener SYSTEM_LOGGER = new WalEventListener()
    {
        private final System.Logger logger = System.getLogger("io.phantomdb.wal");

        @Override
        public void onTornTail(final Path file, final long position, final long lastGoodLsn, final String detail)
        {
            logger.log(Level.WARNING, "WAL torn tail in {0} at offset {1} ({2}); log ends at lsn {3}",
                file, position, detail, lastGoodLsn);
        }

        @Override
        public void onRetired(final Path path, final long checkpointLsn)
        {
            logger.log(Level.INFO, "WAL retired {0} (every record older than checkpoint lsn {1})", path, checkpointLsn);
        }
    };

    /**
     * A bad or incomplete record was found at the end of the log, with no good record after it. When the writer
     * opens the log it cuts the tail here: replay ends at {@code lastGoodLsn} and appending continues after it.
     *
     * @param file        the queue file holding the first bad record.
     * @param position    byte offset of that record in {@code file}.
     * @param lastGoodLsn LSN of the last valid record, 0 if none.
     * @param detail      what check failed, with the expected and actual values.
     */
    void onTornTail(Path file, long position, long lastGoodLsn, String detail);

    /**
     * A queue file or segment directory was deleted by {@link WalWriter#retireBefore(long)}.
     *
     * @param path          the deleted file or directory.
     * @param checkpointLsn the checkpoint LSN that made it unnecessary.
     */
    void onRetired(Path path, long checkpointLsn);
}
