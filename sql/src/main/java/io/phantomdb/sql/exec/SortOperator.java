package io.phantomdb.sql.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Reads all input rows, copies them with their sort keys, sorts them (stable) and returns them in order. With
 * a row limit (ORDER BY ... LIMIT n [OFFSET m]) it keeps only the first n + m rows in a bounded heap (top-N).
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class SortOperator extends Operator
{
    private final Operator input;
    private final SortKey[] keys;
    private final ValueSemantics semantics;
    private final String text;
    private final Evaluator limit;
    private final Evaluator offset;
    private final List<Object[][]> rows = new ArrayList<>();
    private Object[] row;
    private int position;

    /**
     * @param input     the input.
     * @param keys      the sort keys.
     * @param semantics value comparison.
     * @param text      the keys' text for EXPLAIN.
     */
    public SortOperator(final Operator input, final SortKey[] keys, final ValueSemantics semantics, final String text)
    {
        this(input, keys, semantics, text, null, null);
    }

    /**
     * @param input     the input.
     * @param keys      the sort keys.
     * @param semantics value comparison.
     * @param text      the keys' text for EXPLAIN.
     * @param limit     the LIMIT of the query above, or null: only the first limit + offset rows are kept.
     * @param offset    the OFFSET of the query above, or null.
     */
    public SortOperator(final Operator input, final SortKey[] keys, final ValueSemantics semantics, final String text,
        final Evaluator limit, final Evaluator offset)
    {
        super(input.estimatedRows());
        this.input = input;
        this.keys = keys.clone();
        this.semantics = semantics;
        this.text = text;
        this.limit = limit;
        this.offset = offset;
    }

    @Override
    protected void doOpen()
    {
        rows.clear();
        position = 0;
        final long bound = bound();
        final PriorityQueue<Object[][]> heap = bound < Integer.MAX_VALUE ?
            new PriorityQueue<>((a, b) -> compareStable(b, a)) : null;
        long sequence = 0;
        input.open(ctx);
        while (input.next())
        {
            ctx.checkInterrupt();
            final Object[] in = input.row();
            final Object[] keyValues = new Object[keys.length];
            for (int i = 0; i < keys.length; i++)
            {
                keyValues[i] = keys[i].expression().eval(in, ctx);
            }
            final Object[][] entry = {in.clone(), keyValues, {sequence++}};
            if (null == heap)
            {
                rows.add(entry);
            }
            else if (heap.size() < bound)
            {
                heap.add(entry);
            }
            else if (bound > 0 && compareStable(entry, heap.peek()) < 0)
            {
                heap.poll();
                heap.add(entry);
            }
        }
        if (null != heap)
        {
            rows.addAll(heap);
        }
        rows.sort(this::compareStable);
    }

    private long bound()
    {
        if (null == limit)
        {
            return Integer.MAX_VALUE;
        }
        final Object n = limit.eval(null, ctx);
        final Object m = null == offset ? null : offset.eval(null, ctx);
        if (!(n instanceof Number) || (null != m && !(m instanceof Number)))
        {
            return Integer.MAX_VALUE;
        }
        final long total = Math.max(0, ((Number)n).longValue()) + (null == m ? 0 : Math.max(0, ((Number)m).longValue()));
        return total < 0 || total >= Integer.MAX_VALUE ? Integer.MAX_VALUE : total;
    }

    private int compareStable(final Object[][] a, final Object[][] b)
    {
        final int order = compare(a, b);
        return order != 0 ? order : Long.compare((Long)a[2][0], (Long)b[2][0]);
    }

    private int compare(final Object[][] a, final Object[][] b)
    {
        for (int i = 0; i < keys.length; i++)
        {
            final SortKey key = keys[i];
            final Object x = a[1][i];
            final Object y = b[1][i];
            final int c;
            if (null == x || null == y)
            {
                if (null == x && null == y)
                {
                    continue;
                }
                c = (null == x) == key.nullsFirst() ? -1 : 1;
                return c;
            }
            final int order = semantics.compare(x, y);
            if (order != 0)
            {
                return key.descending() ? -order : order;
            }
        }
        return 0;
    }

    @Override
    protected boolean doNext()
    {
        if (position >= rows.size())
        {
            return false;
        }
        row = rows.get(position++)[0];
        return true;
    }

    @Override
    public void close()
    {
        rows.clear();
        super.close();
    }

    @Override
    public Object[] row()
    {
        return row;
    }

    @Override
    public int width()
    {
        return input.width();
    }

    @Override
    public List<Operator> children()
    {
        return List.of(input);
    }

    @Override
    public String describe()
    {
        return (null == limit ? "Sort (" : "Top-N Sort (") + text + ")";
    }
}
