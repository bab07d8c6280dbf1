package io.phantomdb.wal;

import io.phantomdb.CorruptionException;
import io.phantomdb.PhantomException;

import java.nio.file.Path;

/**
 * Replays the log: every record with LSN at or after a starting LSN, in order, each one validated (CRC32C,
 * lengths, format version, and that LSNs run on by exactly one, across segments too).
 * <ul>
 *   <li>A sealed segment (one a later writer session has closed) is read up to the last LSN {@code wal.meta}
 *       records for it; whatever follows it there, a cut torn tail, is never read. A bad or missing record up to
 *       that LSN is corruption.</li>
 *   <li>The open segment (the last one) is read to its end. A bad record followed only by nothing or by more bad
 *       records is a torn tail: replay stops before it and reports it to {@link WalEventListener#onTornTail};
 *       the next {@link WalWriter#open} cuts it there. A bad record followed by a good one is corruption.</li>
 * </ul>
 * Corruption throws {@link CorruptionException} naming the queue file and the excerpt's byte offset; nothing is
 * ever skipped silently.
 * <p>
 * <b>Note:</b> one thread per call to {@link #replay}; separate calls may run on separate threads, also while a
 * {@link WalWriter} appends (they see records as they are appended, durable or not), but not over files a
 * concurrent {@link WalWriter#retireBefore} deletes.
 */
public final class WalReader
{
    private final WalConfig config;

    /**
     * @param config the WAL to read; validated here.
     * @throws IllegalArgumentException if the configuration is invalid.
     */
    public WalReader(final WalConfig config)
    {
        this.config = config.validate();
    }

    /**
     * Visits every record with LSN {@code >= fromLsn} in LSN order.
     *
     * @param fromLsn the first LSN wanted, at least 1; normally the LSN after the last checkpoint.
     * @param handler receives each record.
     * @return the LSN of the last record visited, or {@code fromLsn - 1} if none.
     * @throws IllegalArgumentException if {@code fromLsn < 1}.
     * @throws CorruptionException      if a record before the tail, or {@code wal.meta}, fails a check.
     * @throws PhantomException         if records from {@code fromLsn} on were retired, or on an I/O failure.
     */
    public long replay(final long fromLsn, final WalRecordHandler handler)
    {
        if (fromLsn < 1)
        {
            throw new IllegalArgumentException("fromLsn=" + fromLsn + " must be >= 1");
        }
        final WalMeta meta = WalMeta.load(config.directory());
        if (meta.size() > 0 && fromLsn < meta.firstLsn(0))
        {
            throw new PhantomException("replay from lsn " + fromLsn + ": the log starts at lsn " + meta.firstLsn(0) +
                " in " + meta.segmentDirectory(0) + "; the records before it were retired");
        }
        long last = fromLsn - 1;
        for (int i = 0; i < meta.size(); i++)
        {
            if (meta.isOpen(i) || meta.lastLsn(i) >= fromLsn)
            {
                last = readSegment(meta, i, config, Math.max(fromLsn, last + 1), true, handler);
            }
        }
        return last;
    }

    /**
     * Reads segment {@code i} of {@code meta} from LSN {@code from} on; the scan shared by replay and by the
     * writer's recovery.
     *
     * @param strictStart true if the first record must be {@code from} (replay); false to accept a later first
     *                    record, whose predecessors were retired (recovery only wants the end of the segment).
     * @param handler     receives each valid record; null to only validate.
     * @return the LSN of the last valid record read, or {@code from - 1} if none.
     */
    static long readSegment(
        final WalMeta meta, final int i, final WalConfig config, final long from, final boolean strictStart,
        final WalRecordHandler handler)
    {
        final boolean open = meta.isOpen(i);
        final long sealedLast = meta.lastLsn(i);
        long expected = Math.max(from, meta.firstLsn(i));
        if (!open && expected > sealedLast)
        {
            return expected - 1;
        }
        try (SegmentReader reader = new SegmentReader(meta.segmentDirectory(i), config))
        {
            if (expected > meta.firstLsn(i))
            {
                reader.seekTo(expected);
            }
            boolean first = true;
            Path badFile = null;
            long badPosition = 0;
            String badDetail = null;
            while (open || expected <= sealedLast)
            {
                final int status = reader.next();
                if (SegmentReader.END == status)
                {
                    break;
                }
                if (SegmentReader.BAD == status)
                {
                    if (!open)
                    {
                        throw new CorruptionException(reader.file(), reader.position(), reader.badDetail());
                    }
                    if (null == badFile)
                    {
                        badFile = reader.file();
                        badPosition = reader.position();
                        badDetail = reader.badDetail();
                    }
                    continue;
                }
                if (null != badFile)
                {
                    throw new CorruptionException(badFile, badPosition, badDetail + "; a valid record (lsn " +
                        reader.decoder().lsn() + ") follows it at offset " + reader.position() + " of " + reader.file());
                }
                final long lsn = reader.decoder().lsn();
                if (first && lsn > expected)
                {
                    if (strictStart)
                    {
                        throw new PhantomException("replay from lsn " + expected + ": the oldest record in " +
                            reader.file() + " is lsn " + lsn + "; the records before it were retired");
                    }
                    expected = lsn;
                }
                if (lsn != expected)
                {
                    throw new CorruptionException(reader.file(), reader.position(), "expected lsn " + expected + " actual " + lsn);
                }
                first = false;
                if (null != handler)
                {
                    handler.onRecord(reader.decoder());
                }
                expected++;
            }
            if (null != badFile)
            {
                config.listener().onTornTail(badFile, badPosition, expected - 1, badDetail);
            }
            if (!open && expected <= sealedLast)
            {
                throw new CorruptionException(reader.file(), reader.position(), "expected records up to lsn " +
                    sealedLast + " actual last lsn " + (expected - 1));
            }
            return expected - 1;
        }
    }
}
