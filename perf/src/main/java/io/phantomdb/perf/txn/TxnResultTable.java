package io.phantomdb.perf.txn;

import io.phantomdb.perf.TextTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of a transaction benchmark run: one row per durability, committer count, key order and
 * store; columns commits per second (with JMH's relative error), commit latency p50/p99/p99.9 in
 * microseconds, how many commits those percentiles cover ({@code timed}: the commits that started inside
 * JMH's measured windows; with equal windows, a cross-check of JMH's throughput when a store starves some
 * committers), bytes allocated per commit when profiled, and the ratio PhantomDB / this store in
 * commits per second (higher is better for PhantomDB). Below it, {@link #goals()} checks the targets.
 * Renders as aligned plain text or Markdown.
 * <p>
 * Cells: {@value #MISSING} where there is no result (failed, or PhantomDB not in the run).
 * <p>
 * <b>Note:</b> immutable after construction, safe from any thread.
 */
public final class TxnResultTable
{
    /** Cell text where there is no result. */
    public static final String MISSING = "-";

    /**
     * One configuration's result.
     *
     * @param sync          {@code none} or {@code always}.
     * @param committers    concurrent committer threads.
     * @param order         key order.
     * @param store         store name.
     * @param opsPerSecond  commits per second over all committers; NaN if no JMH result.
     * @param relativeError JMH's score error / score; NaN if unknown.
     * @param p50Nanos      median commit latency; NaN if no histogram.
     * @param p99Nanos      99th percentile.
     * @param p999Nanos     99.9th percentile.
     * @param bytesPerOp    {@code gc.alloc.rate.norm}; NaN if not profiled.
     * @param timedCommits  commits in the latency histogram (started inside JMH's measured windows); -1 if none.
     */
    public record Measurement(
        String sync, int committers, String order, String store, double opsPerSecond, double relativeError,
        double p50Nanos, double p99Nanos, double p999Nanos, double bytesPerOp, long timedCommits)
    {
    }

    /**
     * One configuration the run was asked for, a table row.
     *
     * @param sync       {@code none} or {@code always}.
     * @param committers committer threads.
     * @param order      key order.
     */
    public record Config(String sync, int committers, String order)
    {
    }

    private static final double GOAL_NONE_OPS = 1_000_000;
    private static final double GOAL_NONE_P99_NANOS = 5_000;
    private static final double GOAL_NONE_VS_MVSTORE = 5;
    private static final double GOAL_ALWAYS16_VS_SQLITE = 2;

    private final List<String> header = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private final List<String> goals = new ArrayList<>();

    /**
     * @param configs      the rows to show, in order; see {@link #configs}.
     * @param stores       the stores, in row order within a configuration.
     * @param measurements the results; at most one per (configuration, store).
     * @param allocation   true to add the bytes-per-commit column.
     */
    public TxnResultTable(
        final List<Config> configs,
        final List<TxnStoreRegistry.StoreType> stores,
        final List<Measurement> measurements,
        final boolean allocation)
    {
        final Map<String, Measurement> byKey = new HashMap<>();
        for (final Measurement m : measurements)
        {
            byKey.put(key(m.sync(), m.committers(), m.order(), m.store()), m);
        }
        final TxnStoreRegistry.StoreType phantom = stores.stream().filter(TxnStoreRegistry.StoreType::phantomDb).findFirst().orElse(null);

        header.addAll(List.of("sync", "committers", "keys", "store", "commits/s", "p50 \u00b5s", "p99 \u00b5s", "p99.9 \u00b5s", "timed"));
        if (allocation)
        {
            header.add("B/op");
        }
        header.add("PhantomDB/store");

        for (final Config c : configs)
        {
            final Measurement ours = phantom == null ? null : byKey.get(key(c.sync(), c.committers(), c.order(), phantom.name()));
            for (final TxnStoreRegistry.StoreType s : stores)
            {
                final Measurement m = byKey.get(key(c.sync(), c.committers(), c.order(), s.name()));
                final List<String> row = new ArrayList<>(List.of(c.sync(), Integer.toString(c.committers()), c.order(), s.name()));
                if (m == null || Double.isNaN(m.opsPerSecond()))
                {
                    missing.add("sync=" + c.sync() + " committers=" + c.committers() + " " + c.order() + " on " + s.name());
                }
                row.add(m == null ? MISSING : ops(m));
                row.add(m == null ? MISSING : micros(m.p50Nanos()));
                row.add(m == null ? MISSING : micros(m.p99Nanos()));
                row.add(m == null ? MISSING : micros(m.p999Nanos()));
                row.add(m == null || m.timedCommits() < 0 ? MISSING : String.format(Locale.ROOT, "%,d", m.timedCommits()));
                if (allocation)
                {
                    row.add(m == null || Double.isNaN(m.bytesPerOp()) ? MISSING : String.format(Locale.ROOT, "%.0f", m.bytesPerOp()));
                }
                row.add(s.phantomDb() ? "" : ratio(ours, m));
                rows.add(row);
            }
        }

        final String name = phantom == null ? null : phantom.name();
        for (final String order : TxnBenchArgs.DEFAULT_ORDERS)
        {
            final Measurement none = name == null ? null : byKey.get(key(SyncMode.NONE_PARAM, 1, order, name));
            final Measurement mvstore = byKey.get(key(SyncMode.NONE_PARAM, 1, order, TxnStoreRegistry.MVSTORE));
            if (configs.contains(new Config(SyncMode.NONE_PARAM, 1, order)))
            {
                final String where = "sync=none, 1 committer, " + order + " keys: ";
                goals.add(goal(where + "PhantomDB >= 1,000,000 commits/s", none == null ? Double.NaN : none.opsPerSecond(),
                    String.format(Locale.ROOT, "%,.0f commits/s", none == null ? Double.NaN : none.opsPerSecond()),
                    none != null && none.opsPerSecond() >= GOAL_NONE_OPS));
                goals.add(goal(where + "PhantomDB p99 < 5 \u00b5s", none == null ? Double.NaN : none.p99Nanos(),
                    "p99 " + (none == null ? MISSING : micros(none.p99Nanos())) + " \u00b5s",
                    none != null && none.p99Nanos() < GOAL_NONE_P99_NANOS));
                final double r = none == null || mvstore == null ? Double.NaN : none.opsPerSecond() / mvstore.opsPerSecond();
                goals.add(goal(where + "PhantomDB >= 5x " + TxnStoreRegistry.MVSTORE, r,
                    String.format(Locale.ROOT, "%.2fx", r), r >= GOAL_NONE_VS_MVSTORE));
            }
            if (configs.contains(new Config(SyncMode.ALWAYS_PARAM, 16, order)))
            {
                final Measurement always = name == null ? null : byKey.get(key(SyncMode.ALWAYS_PARAM, 16, order, name));
                final Measurement sqlite = byKey.get(key(SyncMode.ALWAYS_PARAM, 16, order, TxnStoreRegistry.SQLITE));
                final double r = always == null || sqlite == null ? Double.NaN : always.opsPerSecond() / sqlite.opsPerSecond();
                goals.add(goal("sync=always, 16 committers, " + order + " keys: PhantomDB >= 2x " + TxnStoreRegistry.SQLITE, r,
                    String.format(Locale.ROOT, "%.2fx", r), r >= GOAL_ALWAYS16_VS_SQLITE));
            }
        }
    }

    /**
     * The rows a run has: {@code sync=none} with 1 committer (if 1 is among the counts), then
     * {@code sync=always} with each count, each in every key order.
     *
     * @param committers committer counts, ascending.
     * @param orders     key orders.
     * @return the configurations in table order.
     */
    public static List<Config> configs(final List<Integer> committers, final List<String> orders)
    {
        final List<Config> configs = new ArrayList<>();
        if (committers.contains(1))
        {
            for (final String order : orders)
            {
                configs.add(new Config(SyncMode.NONE_PARAM, 1, order));
            }
        }
        final List<Integer> sorted = new ArrayList<>(committers);
        sorted.sort(Comparator.naturalOrder());
        for (final int n : sorted)
        {
            for (final String order : orders)
            {
                configs.add(new Config(SyncMode.ALWAYS_PARAM, n, order));
            }
        }
        return configs;
    }

    /**
     * @return the rows that should have a result but have none.
     */
    public List<String> missing()
    {
        return List.copyOf(missing);
    }

    /**
     * @return one line per target that this run measured: what, the figure, and {@code met},
     *         {@code NOT met} or {@code not measured}.
     */
    public List<String> goals()
    {
        return List.copyOf(goals);
    }

    /**
     * @return the table as aligned plain text: the text columns left-aligned, the numbers right-aligned.
     */
    public String toText()
    {
        return TextTable.text(header, rows, TxnResultTable::leftAligned);
    }

    /**
     * @return the table as a Markdown (GitHub) table, numbers right-aligned.
     */
    public String toMarkdown()
    {
        return TextTable.markdown(header, rows, TxnResultTable::leftAligned);
    }

    private static boolean leftAligned(final int column)
    {
        return column == 0 || column == 2 || column == 3;
    }

    private static String ops(final Measurement m)
    {
        if (Double.isNaN(m.opsPerSecond()))
        {
            return MISSING;
        }
        final String error = Double.isFinite(m.relativeError()) ?
            String.format(Locale.ROOT, "\u00b1%3.0f%%", 100 * m.relativeError()) : "\u00b1   ?";
        return String.format(Locale.ROOT, "%,.0f", m.opsPerSecond()) + " " + error;
    }

    /**
     * @param nanos a latency in nanoseconds; NaN for none.
     * @return microseconds, 2 decimals below 10 µs, 1 below 1,000 µs, else none; {@value #MISSING} for NaN.
     */
    static String micros(final double nanos)
    {
        if (Double.isNaN(nanos))
        {
            return MISSING;
        }
        final double us = nanos / 1_000.0;
        return String.format(Locale.ROOT, us < 10 ? "%.2f" : us < 1_000 ? "%.1f" : "%,.0f", us);
    }

    private static String ratio(final Measurement ours, final Measurement theirs)
    {
        if (ours == null || theirs == null || Double.isNaN(ours.opsPerSecond()) || Double.isNaN(theirs.opsPerSecond()))
        {
            return MISSING;
        }
        return String.format(Locale.ROOT, "%.2fx", ours.opsPerSecond() / theirs.opsPerSecond());
    }

    private static String goal(final String what, final double figure, final String shown, final boolean met)
    {
        return what + ": " + (Double.isNaN(figure) ? "not measured" : shown + ": " + (met ? "met" : "NOT met"));
    }

    private static String key(final String sync, final int committers, final String order, final String store)
    {
        return sync + '\u0000' + committers + '\u0000' + order + '\u0000' + store;
    }
}
