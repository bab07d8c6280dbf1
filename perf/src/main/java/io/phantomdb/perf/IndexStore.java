package io.phantomdb.perf;

import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;

/**
 * One store under benchmark, driven through whole passes over the {@link Workload} so that each
 * adapter calls its store's own API directly in the loop.
 * <p>
 * Life cycle: {@link #open} an empty store in a fresh directory, {@link #load} every entry, then
 * either {@link #close()} (the {@code write} benchmark) or {@link #prepareReads()} followed by any
 * number of read passes and finally {@link #close()}.
 * <p>
 * Unordered stores (hash maps) keep the default {@link #readSeq}/{@link #readRev}, which throw, and
 * are registered as unordered in {@link StoreRegistry} so the runner never asks for those passes.
 * <p>
 * <b>Note:</b> not thread safe; one instance per JMH state, used by the benchmark thread only.
 */
public interface IndexStore
{
    /**
     * Create an empty store.
     *
     * @param dir      an empty directory that belongs to this store until {@link #close()}.
     * @param workload the data that will be loaded (for sizing).
     * @throws Exception if the store cannot be created.
     */
    void open(Path dir, Workload workload) throws Exception;

    /**
     * Insert every key of {@link Workload#keys()} in that order with its value, then make them visible
     * to readers (one transaction or commit where the store has them; no fsync). This is what the
     * {@code write} benchmark measures.
     *
     * @param workload the data.
     * @throws Exception if the store fails.
     */
    void load(Workload workload) throws Exception;

    /**
     * Settle the loaded store (flush, wait for background work) and open what the read passes use.
     * Not measured.
     *
     * @throws Exception if the store fails.
     */
    void prepareReads() throws Exception;

    /**
     * Look up every key of {@link Workload#keys()} in that order, consuming each value.
     *
     * @param workload the data.
     * @param bh       JMH sink for the values.
     * @return number of keys found.
     * @throws Exception if the store fails.
     */
    int readKey(Workload workload, Blackhole bh) throws Exception;

    /**
     * Visit every entry in ascending key order with a cursor, consuming each value.
     *
     * @param bh JMH sink for the values.
     * @return number of entries visited.
     * @throws Exception if the store fails.
     * @throws UnsupportedOperationException if the store is unordered.
     */
    default int readSeq(final Blackhole bh) throws Exception
    {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no ordered cursor");
    }

    /**
     * Visit every entry in descending key order with a cursor, consuming each value.
     *
     * @param bh JMH sink for the values.
     * @return number of entries visited.
     * @throws Exception if the store fails.
     * @throws UnsupportedOperationException if the store is unordered.
     */
    default int readRev(final Blackhole bh) throws Exception
    {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no ordered cursor");
    }

    /**
     * Release everything the store holds; its directory is deleted by the caller afterwards. Safe to
     * call after a failed {@link #open}.
     *
     * @throws Exception if the store fails to close.
     */
    void close() throws Exception;
}
