package io.phantomdb.index.lsm;

import org.agrona.concurrent.Agent;

/**
 * The background duty cycle of an {@link LsmTree}: flushes the oldest immutable memtable once every entry in
 * it that matters is committed, and otherwise runs one compaction if a level is over its threshold. Flushes go first so
 * the writer's back-pressure clears as soon as possible.
 * <p>
 * Compaction policy: level 0 holds flushed files (overlapping, newest first); each deeper level is one
 * sorted run. When level 0 has {@link LsmConfig#level0CompactionTrigger()} files, all of level 0 and level 1
 * merge into a new level 1; when level n (n &gt;= 1) exceeds
 * {@code level1MaxBytes * levelFanOut^(n-1)} bytes it merges into level n+1. Tombstones are dropped when the
 * output level is the deepest non-empty one.
 * <p>
 * <b>Note:</b> runs on its own thread under an {@link org.agrona.concurrent.AgentRunner}; errors go to the
 * runner's error handler, which records them for the writer, after which the agent does no more work.
 */
final class LsmAgent implements Agent
{
    private final LsmTree tree;
    private final LsmConfig config;

    LsmAgent(final LsmTree tree, final LsmConfig config)
    {
        this.tree = tree;
        this.config = config;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int doWork()
    {
        if (tree.agentShouldStop() || tree.hasAgentFailed())
        {
            return 0;
        }
        final Version version = tree.currentVersion();
        final MemTable[] immutables = version.immutables();
        if (immutables.length > 0)
        {
            final MemTable oldest = immutables[immutables.length - 1];
            if (oldest.flushableAfter() <= tree.committedSequence())
            {
                tree.flushMemTable(oldest);
                return 1;
            }
        }
        final int level = levelToCompact(version);
        if (level >= 0)
        {
            tree.compact(level);
            return 1;
        }
        return 0;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String roleName()
    {
        return "lsm-agent";
    }

    private int levelToCompact(final Version version)
    {
        final SsTable[][] levels = version.levels();
        if (levels[0].length >= config.level0CompactionTrigger())
        {
            return 0;
        }
        long limit = config.level1MaxBytes();
        for (int level = 1; level < levels.length - 1; level++)
        {
            if (version.levelBytes(level) > limit)
            {
                return level;
            }
            limit = limit > Long.MAX_VALUE / config.levelFanOut() ? Long.MAX_VALUE : limit * config.levelFanOut();
        }
        return -1;
    }
}
