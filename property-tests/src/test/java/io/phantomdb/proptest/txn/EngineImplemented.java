package io.phantomdb.proptest.txn;

import io.phantomdb.core.txn.Engine;
import io.phantomdb.core.txn.EngineConfig;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.StorageKind;
import io.phantomdb.core.txn.Transaction;
import org.agrona.concurrent.UnsafeBuffer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Skips the engine properties, visibly, while {@link Engine} is only the API skeleton that throws
 * {@link UnsupportedOperationException}; any other failure to start an engine fails the properties. Also says
 * which {@link StorageKind}s this build of the engine has (it rejects a keyspace of a missing store with
 * {@link IllegalArgumentException}).
 */
public final class EngineImplemented implements SkipExecutionHook
{
    private static volatile Boolean implemented;
    private static volatile List<StorageKind> kinds;
    private static volatile List<StorageKind> inMemoryKinds;

    @Override
    public SkipResult shouldBeSkipped(final LifecycleContext context)
    {
        return implemented() ? SkipResult.doNotSkip() : SkipResult.skip("io.phantomdb.core.txn.Engine is not implemented yet");
    }

    static boolean implemented()
    {
        if (null == implemented)
        {
            try (Engine engine = Engine.inMemory(new EngineConfig()))
            {
                implemented = null != engine;
            }
            catch (final UnsupportedOperationException ex)
            {
                implemented = false;
            }
        }
        return implemented;
    }

    /**
     * @return the storage kinds the engine accepts keyspaces of, in memory or on disk; empty if it is not
     * implemented.
     */
    static List<StorageKind> supportedKinds()
    {
        if (null == kinds)
        {
            final List<StorageKind> supported = new ArrayList<>();
            final List<StorageKind> memory = new ArrayList<>();
            if (implemented())
            {
                for (final StorageKind kind : StorageKind.values())
                {
                    if (accepts(Engine.inMemory(new EngineConfig()), kind))
                    {
                        memory.add(kind);
                        supported.add(kind);
                        continue;
                    }
                    final Path directory = EngineDriver.temporaryDirectory();
                    try
                    {
                        if (accepts(Engine.open(directory, EngineDriver.config()), kind))
                        {
                            supported.add(kind);
                        }
                    }
                    finally
                    {
                        EngineDriver.deleteRecursively(directory);
                    }
                }
            }
            inMemoryKinds = List.copyOf(memory);
            kinds = List.copyOf(supported);
        }
        return kinds;
    }

    static boolean supports(final StorageKind kind)
    {
        return supportedKinds().contains(kind);
    }

    /**
     * @return true if an in-memory engine holds keyspaces of {@code kind}; otherwise tests use an on-disk one.
     */
    static boolean inMemory(final StorageKind kind)
    {
        supportedKinds();
        return inMemoryKinds.contains(kind);
    }

    private static boolean accepts(final Engine engine, final StorageKind kind)
    {
        try (engine; Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            final UnsafeBuffer key = new UnsafeBuffer(new byte[] {'k'});
            tx.get(new Keyspace(1, kind), key, 0, 1);
            return true;
        }
        catch (final IllegalArgumentException ex)
        {
            System.out.println("txn properties: " + kind + " " + ex.getMessage());
            return false;
        }
    }
}
