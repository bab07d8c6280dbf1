package io.phantomdb.perf.txn;

import java.util.ArrayList;
import java.util.List;

/**
 * Command-line flags of {@link TxnBenchTable} ({@code bin/phantomdb bench txn ...}).
 *
 * @param full       longer warm-up and measurement ({@code --full}).
 * @param gc         add JMH's GC profiler and a bytes-per-commit column ({@code --gc}).
 * @param stores     the stores to run, in table order ({@code --stores a,b}, default: all registered).
 * @param orders     key orders ({@code --orders}, default {@code sequential,random}).
 * @param committers committer counts of the {@code sync=always} rows ({@code --committers}, default
 *                   {@code 1,4,16}); {@code sync=none} always runs with 1 committer, when 1 is listed.
 * <p>
 * <b>Note:</b> immutable, safe from any thread.
 */
public record TxnBenchArgs(boolean full, boolean gc, List<TxnStoreRegistry.StoreType> stores, List<String> orders, List<Integer> committers)
{
    /** Default committer counts. */
    public static final List<Integer> DEFAULT_COMMITTERS = List.of(1, 4, 16);
    /** Default key orders. */
    public static final List<String> DEFAULT_ORDERS = List.of(TxnCommitBenchmark.SEQUENTIAL, TxnCommitBenchmark.RANDOM);

    /** Usage text. */
    public static final String USAGE = String.join("\n",
        "usage: bin/phantomdb bench txn [--full] [--gc] [--stores a,b,...] [--orders sequential,random] [--committers 1,4,16]",
        "  --full              longer runs: 3 x 5 s warm-up, 5 x 5 s measurement (default 1 x 1 s, 3 x 1 s)",
        "  --gc                add JMH's GC profiler; the table gets bytes allocated per commit (B/op)",
        "  --stores LIST       only these stores, comma-separated; known: " +
            String.join(",", TxnStoreRegistry.names(TxnStoreRegistry.all())),
        "  --orders LIST       key orders, comma-separated (default sequential,random)",
        "  --committers LIST   concurrent committers of the sync=always rows (default 1,4,16);",
        "                      sync=none runs with 1 committer when 1 is in the list");

    /**
     * Parse the flags.
     *
     * @param args command-line arguments.
     * @return the flags.
     * @throws IllegalArgumentException naming the offending argument if one is unknown or malformed.
     */
    public static TxnBenchArgs parse(final String... args)
    {
        boolean full = false;
        boolean gc = false;
        List<TxnStoreRegistry.StoreType> stores = TxnStoreRegistry.all();
        List<String> orders = DEFAULT_ORDERS;
        List<Integer> committers = DEFAULT_COMMITTERS;
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            switch (arg)
            {
                case "--full" -> full = true;
                case "--gc" -> gc = true;
                case "--stores" -> stores = parseStores(value(args, ++i, arg));
                case "--orders" -> orders = parseOrders(value(args, ++i, arg));
                case "--committers" -> committers = parseCommitters(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new TxnBenchArgs(full, gc, stores, orders, committers);
    }

    private static String value(final String[] args, final int i, final String flag)
    {
        if (i >= args.length)
        {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static List<TxnStoreRegistry.StoreType> parseStores(final String text)
    {
        final List<String> wanted = new ArrayList<>();
        for (final String name : text.split(","))
        {
            TxnStoreRegistry.get(name.trim());
            wanted.add(name.trim());
        }
        final List<TxnStoreRegistry.StoreType> stores = new ArrayList<>();
        for (final TxnStoreRegistry.StoreType type : TxnStoreRegistry.all())
        {
            if (wanted.contains(type.name()))
            {
                stores.add(type);
            }
        }
        return List.copyOf(stores);
    }

    private static List<String> parseOrders(final String text)
    {
        final List<String> orders = new ArrayList<>();
        for (final String order : DEFAULT_ORDERS)
        {
            for (final String name : text.split(","))
            {
                if (order.equals(name.trim()) && !orders.contains(order))
                {
                    orders.add(order);
                }
            }
        }
        for (final String name : text.split(","))
        {
            if (!DEFAULT_ORDERS.contains(name.trim()))
            {
                throw new IllegalArgumentException("--orders: unknown order '" + name.trim() + "' (known: " +
                    String.join(",", DEFAULT_ORDERS) + ")");
            }
        }
        return List.copyOf(orders);
    }

    private static List<Integer> parseCommitters(final String text)
    {
        final List<Integer> counts = new ArrayList<>();
        for (final String part : text.split(","))
        {
            final int n;
            try
            {
                n = Integer.parseInt(part.trim());
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("--committers must be positive integers: '" + part.trim() + "'", ex);
            }
            if (n < 1)
            {
                throw new IllegalArgumentException("--committers must be positive integers: '" + part.trim() + "'");
            }
            if (!counts.contains(n))
            {
                counts.add(n);
            }
        }
        counts.sort(null);
        return List.copyOf(counts);
    }
}
