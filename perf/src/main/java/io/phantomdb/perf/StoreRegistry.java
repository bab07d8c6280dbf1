package io.phantomdb.perf;

import io.phantomdb.index.btree.BTree;
import io.phantomdb.index.btree.BTreeConfig;
import io.phantomdb.index.lsm.LsmConfig;
import io.phantomdb.index.lsm.LsmTree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Every store the index benchmark knows, in table column order: PhantomDB's own first, then the peers.
 * <p>
 * To add a PhantomDB structure: add its name constant, one {@link StoreType} line in {@link #STORES}
 * (an adapter such as {@link SortedByteMapStore} with a factory), and the name to the {@code @Param}
 * lists in {@link IndexBenchmark} (all stores in {@code PointReader}/{@code Writer}, ordered ones in
 * {@code OrderedReader}); {@code StoreRegistryTest} fails until they agree.
 * <p>
 * <b>Note:</b> immutable, safe from any thread.
 */
public final class StoreRegistry
{
    /** PhantomDB's B+tree over a memory-mapped file. */
    public static final String PHANTOM_BTREE = "phantom-btree";
    /** PhantomDB's LSM tree. */
    public static final String PHANTOM_LSM = "phantom-lsm";
    /** PhantomDB's off-heap hash index. */
    public static final String PHANTOM_HASH = "phantom-hash";
    /** LMDB via lmdbjava. */
    public static final String LMDB = "lmdb";
    /** RocksDB via rocksdbjni. */
    public static final String ROCKSDB = "rocksdb";
    /** H2 MVStore. */
    public static final String MVSTORE = "mvstore";
    /** Chronicle Map. */
    public static final String CHRONICLE_MAP = "chronicle-map";
    /** MapDB BTreeMap. */
    public static final String MAPDB = "mapdb";

    /**
     * One store: its name (the JMH {@code store} parameter), whether it is PhantomDB's (it then gets
     * ratio columns), whether it has an ordered cursor, and how to make an adapter.
     *
     * @param name     the JMH {@code store} parameter value and the table column.
     * @param phantomDb true for PhantomDB's own structures.
     * @param ordered   true if {@code readSeq}/{@code readRev} apply.
     * @param factory   creates a new, unopened adapter.
     */
    public record StoreType(String name, boolean phantomDb, boolean ordered, Supplier<IndexStore> factory)
    {
        /**
         * @throws NullPointerException if name or factory is null.
         */
        public StoreType
        {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(factory, "factory");
        }
    }

    private static final List<StoreType> STORES = List.of(
        new StoreType(PHANTOM_BTREE, true, true,
            () -> new SortedByteMapStore(dir -> BTree.open(dir.resolve("btree.db"), BTreeConfig.defaults()))),
        new StoreType(PHANTOM_LSM, true, true,
            () -> new SortedByteMapStore(dir -> LsmTree.open(dir.resolve("lsm"), new LsmConfig()))),
        new StoreType(PHANTOM_HASH, true, false, HashIndexStore::new),
        new StoreType(LMDB, false, true, LmdbStore::new),
        new StoreType(ROCKSDB, false, true, RocksDbStore::new),
        new StoreType(MVSTORE, false, true, MvStoreStore::new),
        new StoreType(CHRONICLE_MAP, false, false, ChronicleMapStore::new),
        new StoreType(MAPDB, false, true, MapDbStore::new));

    private StoreRegistry()
    {
    }

    /**
     * @return every store in column order.
     */
    public static List<StoreType> all()
    {
        return STORES;
    }

    /**
     * @param name a store name.
     * @return its type.
     * @throws IllegalArgumentException if no store has that name.
     */
    public static StoreType get(final String name)
    {
        for (final StoreType type : STORES)
        {
            if (type.name().equals(name))
            {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown store '" + name + "', known: " + names(STORES));
    }

    /**
     * @param types store types.
     * @return their names, in order.
     */
    public static List<String> names(final List<StoreType> types)
    {
        final List<String> names = new ArrayList<>(types.size());
        for (final StoreType type : types)
        {
            names.add(type.name());
        }
        return Collections.unmodifiableList(names);
    }
}
