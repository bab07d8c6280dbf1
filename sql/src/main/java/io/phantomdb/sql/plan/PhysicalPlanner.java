package io.phantomdb.sql.plan;

import io.phantomdb.core.catalog.IndexDefinition;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.exec.AggregateCall;
import io.phantomdb.sql.exec.DistinctOperator;
import io.phantomdb.sql.exec.Evaluator;
import io.phantomdb.sql.exec.FilterOperator;
import io.phantomdb.sql.exec.HashAggregateOperator;
import io.phantomdb.sql.exec.HashJoinOperator;
import io.phantomdb.sql.exec.IndexScanOperator;
import io.phantomdb.sql.exec.JoinKind;
import io.phantomdb.sql.exec.KeyListLookupOperator;
import io.phantomdb.sql.exec.KeyBounds;
import io.phantomdb.sql.exec.LimitOperator;
import io.phantomdb.sql.exec.LookupJoinOperator;
import io.phantomdb.sql.exec.MergeJoinOperator;
import io.phantomdb.sql.exec.NestedLoopJoinOperator;
import io.phantomdb.sql.exec.Operator;
import io.phantomdb.sql.exec.PointLookupOperator;
import io.phantomdb.sql.exec.ProjectOperator;
import io.phantomdb.sql.exec.RowLocker;
import io.phantomdb.sql.exec.SetOperationOperator;
import io.phantomdb.sql.exec.SortKey;
import io.phantomdb.sql.exec.SortOperator;
import io.phantomdb.sql.exec.SystemTableScanOperator;
import io.phantomdb.sql.exec.TableColumns;
import io.phantomdb.sql.exec.TableScanOperator;
import io.phantomdb.sql.exec.ValueCoercer;
import io.phantomdb.sql.exec.ValuesOperator;
import io.phantomdb.sql.func.FunctionRegistry;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;

/**
 * Turns an optimized {@link LogicalPlan} into a tree of {@link Operator}s: picks access paths (point
 * lookup, primary key range, secondary and expression indexes), join algorithms (hash join for equi-joins,
 * merge join when both inputs are ordered on a unique key, nested loop otherwise) and compiles every
 * expression once.
 * <p>
 * <b>Note:</b> used by one thread while planning one statement.
 */
public final class PhysicalPlanner
{
    private final SchemaView schema;
    private final Statistics statistics;
    private final ExpressionCompiler compiler;
    private final Optimizer optimizer;
    private final ExpressionIndexes expressionIndexes;
    private final IntSupplier slots;
    private final List<Operator> subplans = new ArrayList<>();

    /**
     * @param schema     the schema the plan was bound against.
     * @param statistics row count estimates.
     * @param functions  resolves scalar functions.
     * @param slots      hands out outer-row slots not used by the binder (lookup joins take one each).
     * @param sequences  gives the next value of a serial column's sequence, by name.
     */
    public PhysicalPlanner(
        final SchemaView schema, final Statistics statistics, final FunctionRegistry functions, final IntSupplier slots,
        final ToLongFunction<String> sequences)
    {
        this.slots = slots;
        this.schema = schema;
        this.statistics = statistics;
        this.compiler = new ExpressionCompiler(this::planSubquery, functions, sequences);
        this.optimizer = new Optimizer(compiler, statistics);
        this.expressionIndexes = new ExpressionIndexes(schema, functions);
    }

    /**
     * @return the compiler this planner uses.
     */
    public ExpressionCompiler compiler()
    {
        return compiler;
    }

    /**
     * @return the optimizer this planner uses.
     */
    public Optimizer optimizer()
    {
        return optimizer;
    }

    /**
     * Optimizes and plans a query.
     *
     * @param plan the bound plan.
     * @return the operator tree.
     */
    public Operator plan(final LogicalPlan plan)
    {
        return build(optimizer.optimize(plan));
    }

    private Operator planSubquery(final LogicalPlan plan)
    {
        final Operator op = plan(plan);
        subplans.add(op);
        return op;
    }

    /**
     * @return the operator trees of the subqueries planned so far (for EXPLAIN), in planning order.
     */
    public List<Operator> subplans()
    {
        return subplans;
    }

    private Operator build(final LogicalPlan plan)
    {
        return build(plan, null);
    }

    private Operator build(final LogicalPlan plan, final BitSet required)
    {
        if (plan instanceof LogicalPlan.Scan)
        {
            return scan((LogicalPlan.Scan)plan, List.of(), required);
        }
        if (plan instanceof LogicalPlan.Filter)
        {
            final LogicalPlan.Filter f = (LogicalPlan.Filter)plan;
            if (f.input() instanceof LogicalPlan.Scan)
            {
                return scan((LogicalPlan.Scan)f.input(), BoundExprs.conjuncts(f.predicate()),
                    union(required, List.of(f.predicate())));
            }
            final Operator input = build(f.input());
            return new FilterOperator(input, compiler.compile(f.predicate()), ExplainText.of(f.predicate()),
                Math.max(1, input.estimatedRows() * 0.5));
        }
        if (plan instanceof LogicalPlan.SystemScan)
        {
            final LogicalPlan.SystemScan s = (LogicalPlan.SystemScan)plan;
            return new SystemTableScanOperator(s.table().schema() + "." + s.table().name(), s.table().rows(),
                s.fields().size());
        }
        if (plan instanceof LogicalPlan.Values)
        {
            final LogicalPlan.Values v = (LogicalPlan.Values)plan;
            final Evaluator[][] rows = new Evaluator[v.rows().size()][];
            for (int i = 0; i < rows.length; i++)
            {
                rows[i] = compiler.compile(v.rows().get(i));
            }
            return new ValuesOperator(rows, v.fields().size());
        }
        if (plan instanceof LogicalPlan.Project)
        {
            final LogicalPlan.Project p = (LogicalPlan.Project)plan;
            final Operator input = build(p.input(), union(new BitSet(), p.expressions()));
            if (isIdentity(p, input.width()))
            {
                return input;
            }
            return new ProjectOperator(input, compiler.compile(p.expressions()), ExplainText.of(p.expressions()));
        }
        if (plan instanceof LogicalPlan.Join)
        {
            return join((LogicalPlan.Join)plan);
        }
        if (plan instanceof LogicalPlan.Aggregate)
        {
            final LogicalPlan.Aggregate a = (LogicalPlan.Aggregate)plan;
            final Operator input = build(a.input());
            final AggregateCall[] calls = new AggregateCall[a.aggregates().size()];
            for (int i = 0; i < calls.length; i++)
            {
                final BoundExpr.Aggregate agg = a.aggregates().get(i);
                calls[i] = new AggregateCall(null == agg.argument() ? null : compiler.compile(agg.argument()),
                    agg.distinct(), Functions.aggregateStates(agg), ExplainText.of(agg));
            }
            final double rows = a.groups().isEmpty() ? 1 : Math.max(1, input.estimatedRows() / 10);
            return new HashAggregateOperator(input, compiler.compile(a.groups()), calls, SqlValueSemantics.INSTANCE,
                ExplainText.of(a.groups()), rows);
        }
        if (plan instanceof LogicalPlan.Sort)
        {
            return sort((LogicalPlan.Sort)plan, null);
        }
        if (plan instanceof LogicalPlan.Limit)
        {
            final LogicalPlan.Limit l = (LogicalPlan.Limit)plan;
            final Operator input;
            if (null != l.limit() && l.input() instanceof LogicalPlan.Sort)
            {
                input = sort((LogicalPlan.Sort)l.input(), l);
            }
            else if (null != l.limit() && l.input() instanceof LogicalPlan.Project &&
                ((LogicalPlan.Project)l.input()).input() instanceof LogicalPlan.Sort)
            {
                final LogicalPlan.Project p = (LogicalPlan.Project)l.input();
                input = new ProjectOperator(sort((LogicalPlan.Sort)p.input(), l), compiler.compile(p.expressions()),
                    ExplainText.of(p.expressions()));
            }
            else
            {
                input = build(l.input());
            }
            double rows = input.estimatedRows();
            if (l.limit() instanceof BoundExpr.Literal && ((BoundExpr.Literal)l.limit()).value() instanceof Number)
            {
                rows = Math.min(rows, ((Number)((BoundExpr.Literal)l.limit()).value()).doubleValue());
            }
            return new LimitOperator(input, null == l.limit() ? null : compiler.compile(l.limit()),
                null == l.offset() ? null : compiler.compile(l.offset()), rows);
        }
        if (plan instanceof LogicalPlan.Distinct)
        {
            return new DistinctOperator(build(((LogicalPlan.Distinct)plan).input()), SqlValueSemantics.INSTANCE);
        }
        final LogicalPlan.SetOperation s = (LogicalPlan.SetOperation)plan;
        return new SetOperationOperator(build(s.left()), build(s.right()), s.kind(), s.all(), SqlValueSemantics.INSTANCE);
    }

    private Operator sort(final LogicalPlan.Sort s, final LogicalPlan.Limit limit)
    {
        final Operator ordered = inPrimaryKeyOrder(s);
        if (null != ordered)
        {
            return ordered;
        }
        final Operator input = build(s.input());
        final SortKey[] keys = new SortKey[s.items().size()];
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < keys.length; i++)
        {
            final SortItem item = s.items().get(i);
            keys[i] = new SortKey(compiler.compile(item.expression()), item.descending(), item.nullsFirst());
            text.append(i == 0 ? "" : ", ").append(sortName(s.input(), item.expression()))
                .append(item.descending() ? " DESC" : "");
        }
        if (null == limit)
        {
            return new SortOperator(input, keys, SqlValueSemantics.INSTANCE, text.toString());
        }
        return new SortOperator(input, keys, SqlValueSemantics.INSTANCE, text.toString(), compiler.compile(limit.limit()),
            null == limit.offset() ? null : compiler.compile(limit.offset()));
    }

    /**
     * ORDER BY a prefix of the primary key (all ascending or all descending) over a projection of one table:
     * the table is read in key order (backward for DESC) and no sort is needed.
     */
    private Operator inPrimaryKeyOrder(final LogicalPlan.Sort sort)
    {
        if (!(sort.input() instanceof LogicalPlan.Project))
        {
            return null;
        }
        final LogicalPlan.Project project = (LogicalPlan.Project)sort.input();
        final LogicalPlan below = project.input();
        final LogicalPlan.Scan scan = below instanceof LogicalPlan.Scan ? (LogicalPlan.Scan)below :
            below instanceof LogicalPlan.Filter && ((LogicalPlan.Filter)below).input() instanceof LogicalPlan.Scan ?
                (LogicalPlan.Scan)((LogicalPlan.Filter)below).input() : null;
        if (null == scan)
        {
            return null;
        }
        final int[] pk = scan.table().schema().primaryKey();
        final boolean descending = sort.items().get(0).descending();
        if (sort.items().size() > pk.length)
        {
            return null;
        }
        for (int i = 0; i < sort.items().size(); i++)
        {
            final SortItem item = sort.items().get(i);
            if (item.descending() != descending || !(item.expression() instanceof BoundExpr.InputRef))
            {
                return null;
            }
            final BoundExpr source = project.expressions().get(((BoundExpr.InputRef)item.expression()).index());
            if (!(source instanceof BoundExpr.InputRef) || ((BoundExpr.InputRef)source).index() != pk[i])
            {
                return null;
            }
        }
        final List<BoundExpr> conjuncts = below instanceof LogicalPlan.Filter ?
            BoundExprs.conjuncts(((LogicalPlan.Filter)below).predicate()) : List.of();
        final Operator input = scan(scan, conjuncts, union(new BitSet(), project.expressions()), !descending);
        if (null == input)
        {
            return null;
        }
        return new ProjectOperator(input, compiler.compile(project.expressions()), ExplainText.of(project.expressions()));
    }

    private static String sortName(final LogicalPlan input, final BoundExpr e)
    {
        if (e instanceof BoundExpr.InputRef && input instanceof LogicalPlan.Project)
        {
            return ExplainText.of(((LogicalPlan.Project)input).expressions().get(((BoundExpr.InputRef)e).index()));
        }
        return ExplainText.of(e);
    }

    private static boolean isIdentity(final LogicalPlan.Project p, final int inputWidth)
    {
        if (p.expressions().size() != inputWidth)
        {
            return false;
        }
        for (int i = 0; i < inputWidth; i++)
        {
            final BoundExpr e = p.expressions().get(i);
            if (!(e instanceof BoundExpr.InputRef) || ((BoundExpr.InputRef)e).index() != i)
            {
                return false;
            }
        }
        return true;
    }

    private static BitSet union(final BitSet required, final List<BoundExpr> expressions)
    {
        if (null == required)
        {
            return null;
        }
        final BitSet out = (BitSet)required.clone();
        for (final BoundExpr e : expressions)
        {
            if (BoundExprs.any(e, n -> n instanceof BoundExpr.Subquery && ((BoundExpr.Subquery)n).correlated()))
            {
                return null;
            }
            BoundExprs.transform(e, n ->
            {
                if (n instanceof BoundExpr.InputRef)
                {
                    out.set(((BoundExpr.InputRef)n).index());
                }
                return n;
            });
        }
        return out;
    }

    private Operator scan(final LogicalPlan.Scan scan, final List<BoundExpr> conjunctsIn, final BitSet requiredIn)
    {
        return scan(scan, conjunctsIn, requiredIn, null);
    }

    /**
     * @param order null for any order; true/false to require primary key order forward/backward (then null
     *              is returned when the chosen access path cannot give it).
     */
    private AccessPath path(final TableDefinition table, final List<BoundExpr> conjunctsIn)
    {
        final List<BoundExpr> conjuncts = expressionIndexes.rewrite(table, conjunctsIn);
        final List<IndexDefinition> indexes = schema.catalog().indexesOf(table.id());
        return AccessPath.choose(table, indexes, conjuncts);
    }

    private Operator scan(final LogicalPlan.Scan scan, final List<BoundExpr> conjunctsIn, final BitSet requiredIn,
        final Boolean order)
    {
        final AccessPath path = path(scan.table(), conjunctsIn);
        if (path.kind == AccessPath.Kind.FULL && null == order && !scan.forUpdate())
        {
            final Operator keyList = keyList(scan, path.residual, requiredIn);
            if (null != keyList)
            {
                return keyList;
            }
        }
        return scan(scan, path, requiredIn, order);
    }

    /**
     * {@code pk IN (values)} on a single-column primary key: a lookup per value instead of a full scan.
     */
    private Operator keyList(final LogicalPlan.Scan scan, final List<BoundExpr> conjuncts, final BitSet requiredIn)
    {
        final TableDefinition table = scan.table();
        final int[] pk = table.schema().primaryKey();
        if (pk.length != 1)
        {
            return null;
        }
        final ColumnType keyType = table.schema().column(pk[0]).type();
        for (final BoundExpr c : conjuncts)
        {
            if (!(c instanceof BoundExpr.InList) || ((BoundExpr.InList)c).negated())
            {
                continue;
            }
            final BoundExpr.InList in = (BoundExpr.InList)c;
            if (!(in.operand() instanceof BoundExpr.InputRef) || ((BoundExpr.InputRef)in.operand()).index() != pk[0] ||
                !in.values().stream().allMatch(v -> AccessPath.keyValue(v, keyType)))
            {
                continue;
            }
            final List<BoundExpr> residual = new ArrayList<>(conjuncts);
            residual.remove(c);
            BitSet required = union(requiredIn, residual);
            if (null == required)
            {
                required = new BitSet();
                required.set(0, table.schema().columnCount());
            }
            Operator op = new KeyListLookupOperator(table.name(), table.schema().columnCount(),
                new TableColumns(required.stream().toArray()), compiler.compile(in.values()), KeyCoercion.to(keyType),
                SqlValueSemantics.INSTANCE, ExplainText.of(c));
            if (!residual.isEmpty())
            {
                final BoundExpr predicate = BoundExprs.and(residual);
                op = new FilterOperator(op, compiler.compile(predicate), ExplainText.of(predicate),
                    Math.max(1, op.estimatedRows() * 0.5));
            }
            return op;
        }
        return null;
    }

    private Operator scan(final LogicalPlan.Scan scan, final AccessPath path, final BitSet requiredIn,
        final Boolean order)
    {
        final TableDefinition table = scan.table();
        final int width = table.schema().columnCount();
        if (null != order && path.kind == AccessPath.Kind.INDEX)
        {
            return null;
        }
        final boolean forward = null == order || order;
        BitSet required = union(requiredIn, path.residual);
        if (null != required && scan.forUpdate())
        {
            for (final int ordinal : table.schema().primaryKey())
            {
                required.set(ordinal);
            }
        }
        if (null == required)
        {
            required = new BitSet();
            required.set(0, width);
        }
        final TableColumns columns = new TableColumns(required.stream().toArray());
        final double rows = statistics.rowCount(table);
        final RowLocker locker = scan.forUpdate() ? new RowLocker(table.name(), table.schema().primaryKey()) : null;
        Operator op;
        switch (path.kind)
        {
            case POINT:
                op = new PointLookupOperator(table.name(), width, columns, bounds(path, true), scan.forUpdate());
                break;
            case PRIMARY_RANGE:
                op = new TableScanOperator(table.name(), width, columns, bounds(path, false), forward,
                    Math.max(1, rows * path.selectivity)).lockRows(locker);
                break;
            case INDEX:
                op = new IndexScanOperator(path.index.name(), table.name(), width, columns, bounds(path, false), true,
                    indexRows(path, rows)).lockRows(locker);
                break;
            default:
                op = new TableScanOperator(table.name(), width, columns, KeyBounds.NONE, forward, rows).lockRows(locker);
                break;
        }
        if (!path.residual.isEmpty())
        {
            final BoundExpr predicate = BoundExprs.and(path.residual);
            op = new FilterOperator(op, compiler.compile(predicate), ExplainText.of(predicate),
                Math.max(1, op.estimatedRows() * Math.pow(0.5, path.residual.size())));
        }
        return op;
    }

    /**
     * Rows an index scan returns: a unique key one row; an equality on a non-unique index about the square root
     * of the table (a distinct-value estimate without histograms); ranges by their selectivity.
     */
    private static double indexRows(final AccessPath path, final double rows)
    {
        if (path.to == path.from && path.index.unique() && path.from.size() == path.index.columns().size())
        {
            return 1;
        }
        if (path.to == path.from)
        {
            return Math.max(1, Math.min(rows * path.selectivity, Math.sqrt(rows)));
        }
        return Math.max(1, rows * path.selectivity);
    }

    private KeyBounds bounds(final AccessPath path, final boolean pointOnly)
    {
        final Evaluator[] from = null == path.from ? null : compileAll(path.from);
        final Evaluator[] to = pointOnly || null == path.to ? null : compileAll(path.to);
        final ValueCoercer[] coercers = new ValueCoercer[path.keyTypes.size()];
        for (int i = 0; i < coercers.length; i++)
        {
            final ColumnType type = path.keyTypes.get(i);
            coercers[i] = KeyCoercion.to(type);
        }
        if (pointOnly)
        {
            return new KeyBounds(from, null, coercers, path.description);
        }
        return new KeyBounds(from, path.to == path.from ? from : to, coercers, path.description);
    }

    private Evaluator[] compileAll(final List<BoundExpr> list)
    {
        return compiler.compile(list);
    }

    private Operator join(final LogicalPlan.Join join)
    {
        final Operator left = build(join.left());
        final Operator right = build(join.right());
        final int leftWidth = join.left().fields().size();
        final List<BoundExpr> leftKeys = new ArrayList<>();
        final List<BoundExpr> rightKeys = new ArrayList<>();
        final List<BoundExpr> residual = new ArrayList<>();
        for (final BoundExpr c : BoundExprs.conjuncts(join.condition()))
        {
            if (c instanceof BoundExpr.Compare && "=".equals(((BoundExpr.Compare)c).op()) && !BoundExprs.containsSubquery(c))
            {
                final BoundExpr a = ((BoundExpr.Compare)c).left();
                final BoundExpr b = ((BoundExpr.Compare)c).right();
                final int[] ra = BoundExprs.inputRange(a);
                final int[] rb = BoundExprs.inputRange(b);
                if (ra[0] >= 0 && rb[0] >= 0 && ra[1] < leftWidth && rb[0] >= leftWidth)
                {
                    leftKeys.add(a);
                    rightKeys.add(BoundExprs.shift(b, -leftWidth));
                    continue;
                }
                if (ra[0] >= 0 && rb[0] >= 0 && rb[1] < leftWidth && ra[0] >= leftWidth)
                {
                    leftKeys.add(b);
                    rightKeys.add(BoundExprs.shift(a, -leftWidth));
                    continue;
                }
            }
            residual.add(c);
        }
        final BoundExpr rest = BoundExprs.and(residual);
        final Evaluator restEvaluator = null == rest ? null : compiler.compile(rest);
        if (!leftKeys.isEmpty() && (join.kind() == JoinKind.INNER || join.kind() == JoinKind.LEFT ||
            join.kind() == JoinKind.SEMI || join.kind() == JoinKind.ANTI))
        {
            final Operator lookup = lookupJoin(join, left, leftKeys, rightKeys, restEvaluator);
            if (null != lookup)
            {
                return lookup;
            }
        }
        final String text = ExplainText.of(join.condition() == null ? new BoundExpr.Literal(true, null) : join.condition());
        if (leftKeys.isEmpty())
        {
            final double rows = null == join.condition() ? left.estimatedRows() * right.estimatedRows() :
                Math.max(1, left.estimatedRows() * right.estimatedRows() * 0.1);
            return new NestedLoopJoinOperator(left, right, join.kind(), restEvaluator, text, rows);
        }
        final double rows = Math.max(left.estimatedRows(), right.estimatedRows());
        if (join.kind() == JoinKind.INNER && null == rest && leftKeys.size() == 1 &&
            orderedOnUniqueKey(join.left(), leftKeys.get(0)) && orderedOnUniqueKey(join.right(), rightKeys.get(0)))
        {
            return new MergeJoinOperator(left, right, compiler.compile(leftKeys.get(0)), compiler.compile(rightKeys.get(0)),
                SqlValueSemantics.INSTANCE, text, rows);
        }
        return new HashJoinOperator(left, right, join.kind(), compiler.compile(leftKeys), compiler.compile(rightKeys),
            restEvaluator, SqlValueSemantics.INSTANCE, text, rows);
    }

    /**
     * An index nested loop join: when the left input is small and the right input is one table whose key or
     * index the join columns match, the right side becomes a lookup per left row (the left row is the
     * lookup's outer row) instead of a full read into a hash table.
     */
    private Operator lookupJoin(final LogicalPlan.Join join, final Operator left, final List<BoundExpr> leftKeys,
        final List<BoundExpr> rightKeys, final Evaluator residual)
    {
        final LogicalPlan right = join.right();
        final LogicalPlan.Scan scan = right instanceof LogicalPlan.Scan ? (LogicalPlan.Scan)right :
            right instanceof LogicalPlan.Filter && ((LogicalPlan.Filter)right).input() instanceof LogicalPlan.Scan ?
                (LogicalPlan.Scan)((LogicalPlan.Filter)right).input() : null;
        if (null == scan || scan.forUpdate())
        {
            return null;
        }
        final double rightRows = statistics.rowCount(scan.table());
        if (left.estimatedRows() * 4 >= rightRows)
        {
            return null;
        }
        final int slot = slots.getAsInt();
        final List<BoundExpr> conjuncts = new ArrayList<>();
        if (right instanceof LogicalPlan.Filter)
        {
            conjuncts.addAll(BoundExprs.conjuncts(((LogicalPlan.Filter)right).predicate()));
        }
        final List<BoundExpr> synthetic = new ArrayList<>();
        final List<BoundExpr> unusable = new ArrayList<>();
        for (int i = 0; i < leftKeys.size(); i++)
        {
            final BoundExpr l = leftKeys.get(i);
            final BoundExpr r = rightKeys.get(i);
            if (l instanceof BoundExpr.InputRef && r instanceof BoundExpr.InputRef)
            {
                final BoundExpr.InputRef ref = (BoundExpr.InputRef)l;
                synthetic.add(new BoundExpr.Compare("=", r, new BoundExpr.OuterRef(slot, ref.index(), ref.type(), ref.name())));
            }
            else
            {
                unusable.add(new BoundExpr.Compare("=", l, BoundExprs.shift(r, join.left().fields().size())));
            }
        }
        conjuncts.addAll(synthetic);
        final AccessPath path = path(scan.table(), conjuncts);
        if (path.kind == AccessPath.Kind.FULL || path.residual.containsAll(synthetic))
        {
            return null;
        }
        final Operator lookup = scan(scan, path, null, null);
        Evaluator condition = residual;
        if (!unusable.isEmpty())
        {
            final List<BoundExpr> all = new ArrayList<>(unusable);
            condition = compiler.compile(BoundExprs.and(all));
            if (null != residual)
            {
                final Evaluator a = condition;
                condition = (row, ctx) ->
                {
                    final Object x = a.eval(row, ctx);
                    return Boolean.TRUE.equals(x) ? residual.eval(row, ctx) : x;
                };
            }
        }
        return new LookupJoinOperator(left, lookup, join.kind(), slot, condition,
            ExplainText.of(join.condition()), Math.max(1, left.estimatedRows()));
    }

    private static boolean orderedOnUniqueKey(final LogicalPlan plan, final BoundExpr key)
    {
        if (!(plan instanceof LogicalPlan.Scan) || !(key instanceof BoundExpr.InputRef))
        {
            return false;
        }
        final int[] pk = ((LogicalPlan.Scan)plan).table().schema().primaryKey();
        return pk.length == 1 && pk[0] == ((BoundExpr.InputRef)key).index() &&
            !((LogicalPlan.Scan)plan).forUpdate();
    }
}
