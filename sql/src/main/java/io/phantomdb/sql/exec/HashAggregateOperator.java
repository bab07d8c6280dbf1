package io.phantomdb.sql.exec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GROUP BY and aggregates: one hash table entry per group, with one {@link AggregateState} per aggregate.
 * Output rows are the group values followed by the aggregate results. Without GROUP BY, one row even for
 * empty input.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class HashAggregateOperator extends Operator
{
    private static final Object COUNT_STAR = Boolean.TRUE;

    private final Operator input;
    private final Evaluator[] groups;
    private final AggregateCall[] aggregates;
    private final ValueSemantics semantics;
    private final String text;
    private final Object[] row;
    private final List<Map.Entry<GroupKey, Group>> output = new ArrayList<>();
    private int position;

    /**
     * @param input         the input.
     * @param groups        the GROUP BY expressions.
     * @param aggregates    the aggregates.
     * @param semantics     value equality.
     * @param text          the grouping for EXPLAIN.
     * @param estimatedRows the planner's estimate.
     */
    public HashAggregateOperator(
        final Operator input, final Evaluator[] groups, final AggregateCall[] aggregates,
        final ValueSemantics semantics, final String text, final double estimatedRows)
    {
        super(estimatedRows);
        this.input = input;
        this.groups = groups.clone();
        this.aggregates = aggregates.clone();
        this.semantics = semantics;
        this.text = text;
        this.row = new Object[groups.length + aggregates.length];
    }

    private final class Group
    {
        final AggregateState[] states = new AggregateState[aggregates.length];
        final List<Set<GroupKey>> distinct = new ArrayList<>(aggregates.length);

        Group()
        {
            for (int i = 0; i < aggregates.length; i++)
            {
                states[i] = aggregates[i].states().get();
                distinct.add(aggregates[i].distinct() ? new HashSet<>() : null);
            }
        }

        void add(final Object[] in)
        {
            for (int i = 0; i < aggregates.length; i++)
            {
                final AggregateCall call = aggregates[i];
                final Object value = null == call.argument() ? COUNT_STAR : call.argument().eval(in, ctx);
                if (null == value)
                {
                    continue;
                }
                final Set<GroupKey> seen = distinct.get(i);
                if (null != seen && !seen.add(new GroupKey(new Object[]{value}, semantics)))
                {
                    continue;
                }
                states[i].add(value);
            }
        }
    }

    @Override
    protected void doOpen()
    {
        output.clear();
        position = 0;
        final Map<GroupKey, Group> table = new LinkedHashMap<>();
        input.open(ctx);
        while (input.next())
        {
            ctx.checkInterrupt();
            final Object[] in = input.row();
            final Object[] key = new Object[groups.length];
            for (int i = 0; i < groups.length; i++)
            {
                key[i] = groups[i].eval(in, ctx);
            }
            table.computeIfAbsent(new GroupKey(key, semantics), k -> new Group()).add(in);
        }
        if (table.isEmpty() && groups.length == 0)
        {
            table.put(new GroupKey(new Object[0], semantics), new Group());
        }
        output.addAll(table.entrySet());
    }

    @Override
    protected boolean doNext()
    {
        if (position >= output.size())
        {
            return false;
        }
        final Map.Entry<GroupKey, Group> entry = output.get(position++);
        final Object[] key = entry.getKey().values();
        System.arraycopy(key, 0, row, 0, key.length);
        final AggregateState[] states = entry.getValue().states;
        for (int i = 0; i < states.length; i++)
        {
            row[key.length + i] = states[i].result();
        }
        return true;
    }

    @Override
    public void close()
    {
        output.clear();
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
        return row.length;
    }

    @Override
    public List<Operator> children()
    {
        return List.of(input);
    }

    @Override
    public String describe()
    {
        final StringBuilder sb = new StringBuilder(groups.length == 0 ? "Aggregate" : "Hash Aggregate");
        sb.append(" (").append(text);
        for (final AggregateCall call : aggregates)
        {
            sb.append(sb.charAt(sb.length() - 1) == '(' ? "" : ", ").append(call.text());
        }
        return sb.append(')').toString();
    }
}
