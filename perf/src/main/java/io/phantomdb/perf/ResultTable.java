package io.phantomdb.perf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The side-by-side table of an index benchmark run: one row per workload and insertion order, one
 * entries-per-second column per store, then a ratio column for each PhantomDB store against each peer
 * (PhantomDB / peer, higher is better for PhantomDB), then, when allocation was profiled, one
 * bytes-per-entry column per store. Renders as aligned plain text or as Markdown.
 * <p>
 * Entries per second carry JMH's relative error (half the 99.9% confidence interval over the score,
 * {@code ±?} when there were too few samples to tell), padded so the numbers line up, so noisy cells
 * show as such.
 * <p>
 * Cells: a number; {@value #NOT_APPLICABLE} where the workload does not apply (cursor passes on an
 * unordered store); {@value #MISSING} where no result exists (excluded or failed).
 * <p>
 * <b>Note:</b> immutable after construction, safe from any thread.
 */
public final class ResultTable
{
    /** Cell text where a workload does not apply to a store. */
    public static final String NOT_APPLICABLE = "n/a";
    /** Cell text where there is no result. */
    public static final String MISSING = "-";
    /** Workloads in row order. */
    public static final List<String> WORKLOADS = List.of("readKey", "readSeq", "readRev", "write");
    /** Insertion orders in row order. */
    public static final List<String> ORDERS = List.of(Workload.SEQUENTIAL, Workload.RANDOM);

    /**
     * One result: a workload on a store, as entries per second and, if profiled, bytes allocated per entry.
     *
     * @param workload      benchmark method name, one of {@link #WORKLOADS}.
     * @param store         store name.
     * @param order         insertion order, one of {@link #ORDERS}.
     * @param opsPerSecond  entries per second.
     * @param relativeError JMH's score error divided by its score; NaN if unknown.
     * @param bytesPerEntry {@code gc.alloc.rate.norm} divided by the entries per pass; NaN if not profiled.
     */
    public record Measurement(
        String workload, String store, String order, double opsPerSecond, double relativeError, double bytesPerEntry)
    {
    }

    private final List<String> header = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    /**
     * @param workloads    the workloads to show, a subset of {@link #WORKLOADS}; shown in {@link #WORKLOADS} order.
     * @param stores       the stores, in column order.
     * @param measurements the results; at most one per (workload, store, order).
     * @param allocation   true to add the bytes-per-entry columns.
     */
    public ResultTable(
        final List<String> workloads,
        final List<StoreRegistry.StoreType> stores,
        final List<Measurement> measurements,
        final boolean allocation)
    {
        final Map<String, Measurement> byKey = new HashMap<>();
        for (final Measurement m : measurements)
        {
            byKey.put(key(m.workload(), m.store(), m.order()), m);
        }

        final List<StoreRegistry.StoreType> phantom = new ArrayList<>();
        final List<StoreRegistry.StoreType> peers = new ArrayList<>();
        for (final StoreRegistry.StoreType s : stores)
        {
            (s.phantomDb() ? phantom : peers).add(s);
        }

        header.add("workload");
        for (final StoreRegistry.StoreType s : stores)
        {
            header.add(s.name());
        }
        for (final StoreRegistry.StoreType p : phantom)
        {
            for (final StoreRegistry.StoreType q : peers)
            {
                header.add(p.name() + "/" + q.name());
            }
        }
        if (allocation)
        {
            for (final StoreRegistry.StoreType s : stores)
            {
                header.add(s.name() + " B/op");
            }
        }

        for (final String workload : WORKLOADS)
        {
            if (!workloads.contains(workload))
            {
                continue;
            }
            for (final String order : ORDERS)
            {
                final List<String> row = new ArrayList<>();
                row.add(workload + " " + order);
                for (final StoreRegistry.StoreType s : stores)
                {
                    final Measurement m = byKey.get(key(workload, s.name(), order));
                    if (!applies(workload, s))
                    {
                        row.add(NOT_APPLICABLE);
                    }
                    else if (m == null)
                    {
                        row.add(MISSING);
                        missing.add(workload + " " + order + " on " + s.name());
                    }
                    else
                    {
                        row.add(String.format(Locale.ROOT, "%,.0f", m.opsPerSecond()) + " " + error(m.relativeError()));
                    }
                }
                for (final StoreRegistry.StoreType p : phantom)
                {
                    for (final StoreRegistry.StoreType q : peers)
                    {
                        final Measurement a = byKey.get(key(workload, p.name(), order));
                        final Measurement b = byKey.get(key(workload, q.name(), order));
                        if (!applies(workload, p) || !applies(workload, q))
                        {
                            row.add(NOT_APPLICABLE);
                        }
                        else if (a == null || b == null)
                        {
                            row.add(MISSING);
                        }
                        else
                        {
                            row.add(String.format(Locale.ROOT, "%.2fx", a.opsPerSecond() / b.opsPerSecond()));
                        }
                    }
                }
                if (allocation)
                {
                    for (final StoreRegistry.StoreType s : stores)
                    {
                        final Measurement m = byKey.get(key(workload, s.name(), order));
                        if (!applies(workload, s))
                        {
                            row.add(NOT_APPLICABLE);
                        }
                        else if (m == null || Double.isNaN(m.bytesPerEntry()))
                        {
                            row.add(MISSING);
                        }
                        else
                        {
                            row.add(String.format(Locale.ROOT, "%.1f", m.bytesPerEntry()));
                        }
                    }
                }
                rows.add(row);
            }
        }
    }

    /**
     * @return the cells that should have a result but have none, as "workload order on store".
     */
    public List<String> missing()
    {
        return List.copyOf(missing);
    }

    /**
     * @return the table as aligned plain text: first column left-aligned, the others right-aligned.
     */
    public String toText()
    {
        return TextTable.text(header, rows, column -> column == 0);
    }

    /**
     * @return the table as a Markdown (GitHub) table, numbers right-aligned.
     */
    public String toMarkdown()
    {
        return TextTable.markdown(header, rows, column -> column == 0);
    }

    private static String error(final double relativeError)
    {
        return Double.isFinite(relativeError) ?
            String.format(Locale.ROOT, "\u00b1%3.0f%%", 100 * relativeError) : "\u00b1  ?";
    }

    private static boolean applies(final String workload, final StoreRegistry.StoreType store)
    {
        return store.ordered() || !("readSeq".equals(workload) || "readRev".equals(workload));
    }

    private static String key(final String workload, final String store, final String order)
    {
        return workload + '\u0000' + store + '\u0000' + order;
    }
}
