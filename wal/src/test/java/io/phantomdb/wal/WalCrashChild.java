package io.phantomdb.wal;

import java.nio.file.Path;

/**
 * Child process of {@link WalCrashTest}: appends records with {@link SyncPolicy#ALWAYS} until it is killed, and
 * prints each LSN once it is durable. Not a test.
 */
public final class WalCrashChild
{
    private WalCrashChild()
    {
    }

    /**
     * @param args the WAL directory.
     */
    public static void main(final String[] args)
    {
        final WalConfig config = WalTestSupport.config(Path.of(args[0]), SyncPolicy.ALWAYS, new WalTestSupport.Events());
        final WalRecordEncoder encoder = new WalRecordEncoder();
        final WalWriter writer = WalWriter.open(config);
        System.out.println("opened " + writer.nextLsn());
        System.out.flush();
        while (true)
        {
            final long lsn = writer.append(WalTestSupport.encode(encoder, writer.nextLsn()));
            if (writer.durableLsn() >= lsn)
            {
                System.out.println("durable " + lsn);
                System.out.flush();
            }
        }
    }
}
