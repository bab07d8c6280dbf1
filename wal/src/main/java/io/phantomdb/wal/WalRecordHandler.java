package io.phantomdb.wal;

/**
 * Receives the records of a {@link WalReader#replay(long, WalRecordHandler)} in LSN order.
 * <p>
 * <b>Note:</b> called on the thread that calls {@code replay}.
 */
@FunctionalInterface
public interface WalRecordHandler
{
    /**
     * @param record a validated record; a view over the mapped queue file, valid only during this call. Copy what
     *               must outlive it. An exception thrown here stops the replay and propagates to its caller.
     */
    void onRecord(WalRecordDecoder record);
}
