package io.phantomdb.proptest.txn;

import io.phantomdb.core.txn.Engine;
import io.phantomdb.core.txn.EngineConfig;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Skips the engine properties, visibly, while {@link Engine} is only the API skeleton that throws
 * {@link UnsupportedOperationException}; any other failure to start an engine fails the properties.
 */
public final class EngineImplemented implements SkipExecutionHook
{
    private static volatile Boolean implemented;

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
}
