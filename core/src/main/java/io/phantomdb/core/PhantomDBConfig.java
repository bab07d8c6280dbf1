package io.phantomdb.core;

import io.phantomdb.core.txn.EngineConfig;
import io.phantomdb.core.txn.IsolationLevel;

import java.util.Objects;

/**
 * Settings of an embedded {@link PhantomDB}: the engine's settings and the isolation level of
 * {@link PhantomDB#begin()}.
 * <p>
 * <b>Note:</b> not thread safe while being set; treat as immutable once handed to {@link PhantomDB}.
 */
public final class PhantomDBConfig
{
    private EngineConfig engine = new EngineConfig();
    private IsolationLevel defaultIsolation = IsolationLevel.REPEATABLE_READ;

    /**
     * @param engine the engine's settings (sync policy, group commit, checkpoints, page size).
     * @return this config.
     */
    public PhantomDBConfig engine(final EngineConfig engine)
    {
        this.engine = Objects.requireNonNull(engine, "engine");
        return this;
    }

    /**
     * @return the engine's settings.
     */
    public EngineConfig engine()
    {
        return engine;
    }

    /**
     * @param level isolation level of {@link PhantomDB#begin()}; REPEATABLE_READ (snapshot) by default.
     * @return this config.
     */
    public PhantomDBConfig defaultIsolation(final IsolationLevel level)
    {
        this.defaultIsolation = Objects.requireNonNull(level, "level");
        return this;
    }

    /**
     * @return isolation level of {@link PhantomDB#begin()}.
     */
    public IsolationLevel defaultIsolation()
    {
        return defaultIsolation;
    }
}
