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
     * @return the storage kinds the engine accepts keyspaces of; empty if it is not implemented.
     */
    static List<StorageKind> supportedKinds()
    {
        if (null == kinds)
        {
            final List<StorageKind> supported = new ArrayList<>();
            if (implemented())
            {
                for (final StorageKind kind : StorageKind.values())
                {
                    try (Engine engine = Engine.inMemory(new EngineConfig());
                        Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
                    {
                        final UnsafeBuffer key = new UnsafeBuffer(new byte[] {'k'});
                        tx.get(new Keyspace(1, kind), key, 0, 1);
                        supported.add(kind);
                    }
                    catch (final IllegalArgumentException ex)
                    {
                        System.out.println("txn properties skip " + kind + ": " + ex.getMessage());
                    }
                }
            }
            kinds = List.copyOf(supported);
        }
        return kinds;
    }

    static boolean supports(final StorageKind kind)
    {
        return supportedKinds().contains(kind);
    }
}
