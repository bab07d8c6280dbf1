package io.phantomdb.proptest.txn;

import io.phantomdb.core.txn.StorageKind;

import java.util.List;

/**
 * Where the transaction tests run each storage kind: an in-memory engine holds only B+tree keyspaces
 * (docs/engine.md), so LSM keyspaces get an engine in a temporary directory. Every kind is tested; none is
 * ever skipped.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
final class EngineKinds
{
    private EngineKinds()
    {
    }

    /**
     * @return every storage kind the engine has.
     */
    static List<StorageKind> all()
    {
        return List.of(StorageKind.values());
    }

    /**
     * @param kind a storage kind.
     * @return true if an in-memory engine holds keyspaces of {@code kind}; otherwise tests use an on-disk one.
     */
    static boolean inMemory(final StorageKind kind)
    {
        return StorageKind.BTREE == kind;
    }
}
