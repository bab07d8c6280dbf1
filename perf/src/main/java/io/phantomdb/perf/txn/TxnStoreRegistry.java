package io.phantomdb.perf.txn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every store the transaction commit benchmark knows, in table order: PhantomDB's first, then the peers.
 * <p>
 * To add a store: a name constant, one {@link StoreType} line in {@link #STORES}, and the name in the
 * {@code store} {@code @Param} of {@link TxnCommitBenchmark}; {@code TxnStoreRegistryTest} fails until
 * they agree.
 * <p>
 * <b>Note:</b> immutable, safe from any thread.
 */
public final class TxnStoreRegistry
{
    /** PhantomDB's engine ({@code io.phantomdb.core.txn.Engine}). */
    public static final String PHANTOMDB = "phantomdb";
    /** H2 MVStore {@code TransactionStore}. */
    public static final String MVSTORE = "mvstore";
    /** RocksDB {@code TransactionDB}. */
    public static final String ROCKSDB = "rocksdb";
    /** SQLite via xerial sqlite-jdbc, WAL mode. */
    public static final String SQLITE = "sqlite";

    /**
     * Opens a store of one kind in an empty directory.
     */
    @FunctionalInterface
    public interface Opener
    {
        /**
         * @param dir  an empty directory the store owns until it is closed.
         * @param sync what a commit waits for.
         * @return the open store.
         * @throws Exception if it cannot be opened.
         */
        TxnStore open(Path dir, SyncMode sync) throws Exception;
    }

    /**
     * One store kind.
     *
     * @param name      the JMH {@code store} parameter value and the name in the table.
     * @param phantomDb true for PhantomDB's engine (ratios are PhantomDB / each peer).
     * @param opener    opens it.
     */
    public record StoreType(String name, boolean phantomDb, Opener opener)
    {
        /**
         * @throws NullPointerException if name or opener is null.
         */
        public StoreType
        {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(opener, "opener");
        }
    }

    private static final List<StoreType> STORES = List.of(
        new StoreType(PHANTOMDB, true, PhantomDbTxnStore::new),
        new StoreType(MVSTORE, false, MvStoreTxnStore::new),
        new StoreType(ROCKSDB, false, RocksDbTxnStore::new),
        new StoreType(SQLITE, false, SqliteTxnStore::new));

    private TxnStoreRegistry()
    {
    }

    /**
     * @return every store, PhantomDB's first.
     */
    public static List<StoreType> all()
    {
        return STORES;
    }

    /**
     * @param name a store name.
     * @return its type.
     * @throws IllegalArgumentException naming the store and the known ones if there is none of that name.
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
        throw new IllegalArgumentException("unknown store '" + name + "' (known: " + String.join(",", names(STORES)) + ")");
    }

    /**
     * @param types store types.
     * @return their names, in the same order.
     */
    public static List<String> names(final List<StoreType> types)
    {
        final List<String> names = new ArrayList<>();
        for (final StoreType type : types)
        {
            names.add(type.name());
        }
        return names;
    }
}
