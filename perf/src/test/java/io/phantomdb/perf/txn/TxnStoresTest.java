package io.phantomdb.perf.txn;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TxnStoresTest
{
    static Stream<Arguments> storesAndModes()
    {
        final List<Arguments> all = new ArrayList<>();
        for (final TxnStoreRegistry.StoreType type : TxnStoreRegistry.all())
        {
            for (final SyncMode sync : SyncMode.values())
            {
                all.add(Arguments.of(type.name(), sync));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} sync={1}")
    @MethodSource("storesAndModes")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldCommitFromConcurrentCommittersWhenOpenedOnAnEmptyDirectory(
        final String name, final SyncMode sync, @TempDir final Path dir) throws Exception
    {
        final TxnStore store = TxnStoreRegistry.get(name).opener().open(dir, sync);
        final TxnStore.Committer[] committers = { store.newCommitter(), store.newCommitter() };
        final Throwable[] failures = new Throwable[committers.length];
        final Thread[] threads = new Thread[committers.length];
        for (int t = 0; t < threads.length; t++)
        {
            final int index = t;
            threads[t] = new Thread(() ->
            {
                try
                {
                    for (long k = index; k < 200; k += committers.length)
                    {
                        assertEquals(0, committers[index].commit(k));
                    }
                }
                catch (final Throwable ex)
                {
                    failures[index] = ex;
                }
            });
            threads[t].start();
        }
        for (final Thread thread : threads)
        {
            thread.join();
        }
        store.close();
        store.close();
        for (final Throwable failure : failures)
        {
            if (failure != null)
            {
                throw new AssertionError(name + " committer failed", failure);
            }
        }
        try (Stream<Path> files = Files.list(dir))
        {
            assertTrue(files.findAny().isPresent(), name + " wrote no file in " + dir);
        }
    }
}
