package io.phantomdb.sql.plan;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.OrderItem;
import io.phantomdb.sql.ast.QueryBody;
import io.phantomdb.sql.ast.SelectItem;
import io.phantomdb.sql.ast.Statement;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds the part of one SELECT after FROM and WHERE: the select list, GROUP BY with aggregates (42803
 * for ungrouped columns), HAVING, DISTINCT and ORDER BY (aliases, ordinals and expressions not in the select
 * list), producing Aggregate, Filter, Project, Distinct and Sort nodes.
 * <p>
 * <b>Note:</b> used once, by one thread.
 */
final class SelectBinder
{
    private final BindContext context;
    private final ExpressionBinder expressions;
    private final Scope scope;
    private LogicalPlan plan;

    SelectBinder(final BindContext context, final ExpressionBinder expressions, final Scope scope, final LogicalPlan plan)
    {
        this.context = context;
        this.expressions = expressions;
        this.scope = scope;
        this.plan = plan;
    }

    LogicalPlan bind(final QueryBody.Select select, final List<OrderItem> orderBy)
    {
        if (!select.distinctOn().isEmpty())
        {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "SELECT DISTINCT ON is not supported",
                select.distinctOn().get(0).position());
        }
        final List<BoundExpr> items = new ArrayList<>();
        final List<Field> fields = new ArrayList<>();
        final List<Integer> itemPositions = new ArrayList<>();
        for (final SelectItem item : select.items())
        {
            if (item instanceof SelectItem.AllColumns)
            {
                expandStar((SelectItem.AllColumns)item, items, fields, itemPositions);
                continue;
            }
            final SelectItem.ExpressionItem e = (SelectItem.ExpressionItem)item;
            BoundExpr bound = expressions.bindWithAggregates(e.expression(), scope);
            if (null == bound.type())
            {
                bound = ExpressionBinder.coerce(bound, ColumnType.TEXT, context);
            }
            items.add(bound);
            itemPositions.add(e.position());
            fields.add(fieldFor(e, bound));
        }
        final List<BoundExpr> orderExpressions = new ArrayList<>();
        final List<OrderItem> orderItems = new ArrayList<>(orderBy);
        for (final OrderItem item : orderItems)
        {
            orderExpressions.add(orderExpression(item, items, fields));
        }
        final boolean grouped = !select.groupBy().isEmpty() || null != select.having() ||
            containsAggregate(items) || containsAggregate(orderExpressions);
        BoundExpr having = null;
        if (grouped)
        {
            final List<BoundExpr> groups = new ArrayList<>();
            for (final Expression g : select.groupBy())
            {
                final BoundExpr group = groupExpression(g, items, select);
                if (BoundExprs.containsAggregate(group))
                {
                    throw new SqlException(SqlState.GROUPING_ERROR, "aggregate functions are not allowed in GROUP BY",
                        g.position());
                }
                groups.add(group);
            }
            if (null != select.having())
            {
                having = ExpressionBinder.requireBoolean(expressions.bindWithAggregates(select.having(), scope),
                    "HAVING", select.having().position());
            }
            final AggregateRewriter rewriter = new AggregateRewriter(groups);
            for (int i = 0; i < items.size(); i++)
            {
                items.set(i, rewriter.rewrite(items.get(i), itemPositions.get(i)));
            }
            for (int i = 0; i < orderExpressions.size(); i++)
            {
                if (null != orderExpressions.get(i))
                {
                    orderExpressions.set(i, rewriter.rewrite(orderExpressions.get(i), orderItems.get(i).position()));
                }
            }
            if (null != having)
            {
                having = rewriter.rewrite(having, select.having().position());
            }
            plan = rewriter.plan(plan, scope.fields());
            if (null != having)
            {
                plan = new LogicalPlan.Filter(plan, having);
            }
        }
        return project(select, items, fields, orderItems, orderExpressions);
    }

    private LogicalPlan project(
        final QueryBody.Select select, final List<BoundExpr> items, final List<Field> fields,
        final List<OrderItem> orderItems, final List<BoundExpr> orderExpressions)
    {
        final List<BoundExpr> projected = new ArrayList<>(items);
        final List<Field> projectedFields = new ArrayList<>(fields);
        final List<SortItem> sort = new ArrayList<>();
        for (int i = 0; i < orderItems.size(); i++)
        {
            final BoundExpr e = orderExpressions.get(i);
            int index = projected.indexOf(e);
            if (index < 0)
            {
                if (select.distinct())
                {
                    throw new SqlException("42P10",
                        "for SELECT DISTINCT, ORDER BY expressions must appear in select list", orderItems.get(i).position());
                }
                projected.add(e);
                projectedFields.add(new Field(null, "?sort?", e.type(), true, null, null, true));
                index = projected.size() - 1;
            }
            final OrderItem item = orderItems.get(i);
            final boolean nullsFirst = item.nulls() == OrderItem.NullsOrder.DEFAULT ? item.descending() :
                item.nulls() == OrderItem.NullsOrder.FIRST;
            sort.add(new SortItem(new BoundExpr.InputRef(index, e.type(), "?sort?"), item.descending(), nullsFirst));
        }
        LogicalPlan out = new LogicalPlan.Project(plan, projected, projectedFields);
        if (select.distinct())
        {
            out = new LogicalPlan.Distinct(out);
        }
        if (!sort.isEmpty())
        {
            out = new LogicalPlan.Sort(out, sort);
        }
        if (projected.size() > items.size())
        {
            final List<BoundExpr> trim = new ArrayList<>();
            for (int i = 0; i < items.size(); i++)
            {
                trim.add(new BoundExpr.InputRef(i, fields.get(i).type(), fields.get(i).name()));
            }
            out = new LogicalPlan.Project(out, trim, fields);
        }
        return out;
    }

    private void expandStar(
        final SelectItem.AllColumns star, final List<BoundExpr> items, final List<Field> fields,
        final List<Integer> positions)
    {
        boolean any = false;
        for (int i = 0; i < scope.fields().size(); i++)
        {
            final Field f = scope.fields().get(i);
            if (f.hidden())
            {
                continue;
            }
            if (null == star.qualifier())
            {
                if (scope.unqualifiedHidden(i))
                {
                    continue;
                }
            }
            else if (null == f.qualifier() ||
                !TableSchema.fold(f.qualifier()).equals(TableSchema.fold(star.qualifier().name())))
            {
                continue;
            }
            any = true;
            items.add(new BoundExpr.InputRef(i, f.type(), f.name()));
            fields.add(new Field(null, f.name(), f.type(), false, f.table(), f.column(), f.nullable()));
            positions.add(star.position());
        }
        if (!any && null != star.qualifier())
        {
            throw new SqlException(SqlState.UNDEFINED_TABLE,
                "missing FROM-clause entry for table \"" + star.qualifier().name() + "\"", star.position());
        }
        if (!any && scope.fields().isEmpty())
        {
            throw new SqlException(SqlState.SYNTAX_ERROR, "SELECT * with no tables specified is not valid",
                star.position());
        }
    }

    private Field fieldFor(final SelectItem.ExpressionItem item, final BoundExpr bound)
    {
        String name = item.alias();
        String table = null;
        String column = null;
        boolean nullable = true;
        if (bound instanceof BoundExpr.InputRef && item.expression() instanceof Expression.ColumnRef)
        {
            final Field source = scope.fields().get(((BoundExpr.InputRef)bound).index());
            name = null == name ? source.name() : name;
            table = source.table();
            column = source.column();
            nullable = source.nullable();
        }
        if (null == name)
        {
            name = derivedName(item.expression());
        }
        return new Field(null, name, bound.type(), false, table, column, nullable);
    }

    private static String derivedName(final Expression e)
    {
        if (e instanceof Expression.ColumnRef)
        {
            return ((Expression.ColumnRef)e).column();
        }
        if (e instanceof Expression.FunctionCall)
        {
            return ((Expression.FunctionCall)e).name();
        }
        if (e instanceof Expression.Cast)
        {
            final Expression operand = ((Expression.Cast)e).operand();
            final String inner = derivedName(operand);
            return "?column?".equals(inner) ? ((Expression.Cast)e).type().name() : inner;
        }
        if (e instanceof Expression.Case)
        {
            return "case";
        }
        if (e instanceof Expression.Exists)
        {
            return "exists";
        }
        if (e instanceof Expression.ScalarSubquery)
        {
            final List<SelectItem> items = selectItems(((Expression.ScalarSubquery)e).query());
            if (items.size() == 1 && items.get(0) instanceof SelectItem.ExpressionItem)
            {
                final SelectItem.ExpressionItem item = (SelectItem.ExpressionItem)items.get(0);
                return null != item.alias() ? item.alias() : derivedName(item.expression());
            }
        }
        return "?column?";
    }

    private static List<SelectItem> selectItems(final Statement.Query query)
    {
        return query.body() instanceof QueryBody.Select ? ((QueryBody.Select)query.body()).items() : List.of();
    }

    private BoundExpr orderExpression(final OrderItem item, final List<BoundExpr> items, final List<Field> fields)
    {
        final Expression e = item.expression();
        if (e instanceof Expression.IntegerLiteral)
        {
            final long ordinal = ((Expression.IntegerLiteral)e).value();
            if (ordinal < 1 || ordinal > items.size())
            {
                throw new SqlException("42P10", "ORDER BY position " + ordinal + " is not in select list", item.position());
            }
            return items.get((int)ordinal - 1);
        }
        if (e instanceof Expression.ColumnRef && null == ((Expression.ColumnRef)e).table())
        {
            final String name = TableSchema.fold(((Expression.ColumnRef)e).column());
            int match = -1;
            for (int i = 0; i < fields.size(); i++)
            {
                if (TableSchema.fold(fields.get(i).name()).equals(name))
                {
                    if (match >= 0 && !items.get(match).equals(items.get(i)))
                    {
                        throw new SqlException(SqlState.AMBIGUOUS_COLUMN, "ORDER BY \"" + name + "\" is ambiguous",
                            item.position());
                    }
                    match = match < 0 ? i : match;
                }
            }
            if (match >= 0)
            {
                return items.get(match);
            }
        }
        return expressions.bindWithAggregates(e, scope);
    }

    private BoundExpr groupExpression(final Expression g, final List<BoundExpr> items, final QueryBody.Select select)
    {
        if (g instanceof Expression.IntegerLiteral)
        {
            final long ordinal = ((Expression.IntegerLiteral)g).value();
            if (ordinal < 1 || ordinal > items.size())
            {
                throw new SqlException("42P10", "GROUP BY position " + ordinal + " is not in select list", g.position());
            }
            return items.get((int)ordinal - 1);
        }
        if (g instanceof Expression.ColumnRef && null == ((Expression.ColumnRef)g).table())
        {
            final String name = ((Expression.ColumnRef)g).column();
            if (scope.find(null, name, g.position()) < 0)
            {
                for (final SelectItem item : select.items())
                {
                    if (item instanceof SelectItem.ExpressionItem && null != ((SelectItem.ExpressionItem)item).alias() &&
                        TableSchema.fold(((SelectItem.ExpressionItem)item).alias()).equals(TableSchema.fold(name)))
                    {
                        return expressions.bind(((SelectItem.ExpressionItem)item).expression(), scope, "GROUP BY");
                    }
                }
            }
        }
        return expressions.bind(g, scope, "GROUP BY");
    }

    private static boolean containsAggregate(final List<BoundExpr> list)
    {
        for (final BoundExpr e : list)
        {
            if (null != e && BoundExprs.containsAggregate(e))
            {
                return true;
            }
        }
        return false;
    }
}
