package io.phantomdb.sql.plan;

import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.schema.Column;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.CommonTableExpression;
import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.OrderItem;
import io.phantomdb.sql.ast.QualifiedName;
import io.phantomdb.sql.ast.QueryBody;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.ast.TableRef;
import io.phantomdb.sql.exec.JoinKind;
import io.phantomdb.sql.exec.SetOperationKind;
import io.phantomdb.sql.parse.SqlParser;
import io.phantomdb.sql.value.TypeRules;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds queries (SELECT, VALUES, set operations, WITH, subqueries, views) into {@link LogicalPlan}s.
 * The plan's output row is exactly the query's visible columns.
 * <p>
 * <b>Note:</b> used by one thread while one statement is bound.
 */
public final class QueryBinder
{
    private final BindContext context;
    private final ExpressionBinder expressions;

    /**
     * @param context the statement's binding state.
     */
    public QueryBinder(final BindContext context)
    {
        this.context = context;
        this.expressions = new ExpressionBinder(context, this);
    }

    /**
     * @return the expression binder sharing this binder's state.
     */
    public ExpressionBinder expressions()
    {
        return expressions;
    }

    /**
     * Binds a top-level query.
     *
     * @param query the query.
     * @return its plan.
     */
    public LogicalPlan bindQuery(final Statement.Query query)
    {
        return bind(query, null);
    }

    /**
     * Binds a subquery that may reference the enclosing scope.
     *
     * @param query  the subquery.
     * @param parent the enclosing scope.
     * @return its plan.
     */
    public LogicalPlan bindSubquery(final Statement.Query query, final Scope parent)
    {
        return bind(query, parent);
    }

    /**
     * @param plan a query plan.
     * @return the result columns a client sees.
     */
    public static List<ResultColumn> resultColumns(final LogicalPlan plan)
    {
        final List<ResultColumn> out = new ArrayList<>();
        for (final Field f : plan.fields())
        {
            out.add(new ResultColumn(f.name(), null == f.type() ? ColumnType.TEXT : f.type(), f.table(), f.column(),
                f.nullable()));
        }
        return out;
    }

    private LogicalPlan bind(final Statement.Query query, final Scope parent)
    {
        if (!query.with().isEmpty())
        {
            context.pushCtes(query.with());
        }
        try
        {
            LogicalPlan plan;
            if (query.body() instanceof QueryBody.Select)
            {
                plan = bindSelect((QueryBody.Select)query.body(), parent, query.orderBy(),
                    query.lock() == Statement.LockMode.FOR_UPDATE);
            }
            else
            {
                plan = bindBody(query.body(), parent);
                if (!query.orderBy().isEmpty())
                {
                    plan = sortByOutput(plan, query.orderBy(), parent);
                }
            }
            if (null != query.limit() || null != query.offset())
            {
                final Scope empty = new Scope(List.of(), null, parent, context.newSlot());
                plan = new LogicalPlan.Limit(plan, limitValue(query.limit(), empty), limitValue(query.offset(), empty));
            }
            return plan;
        }
        finally
        {
            if (!query.with().isEmpty())
            {
                context.popCtes();
            }
        }
    }

    private BoundExpr limitValue(final Expression expression, final Scope scope)
    {
        if (null == expression)
        {
            return null;
        }
        return ExpressionBinder.coerce(expressions.bind(expression, scope, "LIMIT"), ColumnType.BIGINT, context);
    }

    private LogicalPlan bindBody(final QueryBody body, final Scope parent)
    {
        if (body instanceof Statement.Query)
        {
            return bind((Statement.Query)body, parent);
        }
        if (body instanceof QueryBody.Select)
        {
            return bindSelect((QueryBody.Select)body, parent, List.of(), false);
        }
        if (body instanceof QueryBody.Values)
        {
            return bindValues((QueryBody.Values)body, parent);
        }
        final QueryBody.SetOperation set = (QueryBody.SetOperation)body;
        LogicalPlan left = bindBody(set.left(), parent);
        LogicalPlan right = bindBody(set.right(), parent);
        final String name = set.operator().name();
        if (left.fields().size() != right.fields().size())
        {
            throw new SqlException(SqlState.SYNTAX_ERROR, "each " + name + " query must have the same number of columns",
                set.position());
        }
        final List<Field> fields = new ArrayList<>();
        final List<ColumnType> types = new ArrayList<>();
        for (int i = 0; i < left.fields().size(); i++)
        {
            final Field lf = left.fields().get(i);
            final Field rf = right.fields().get(i);
            final ColumnType type = ExpressionBinder.at(set.position(), () -> TypeRules.commonType(name, lf.type(), rf.type()));
            types.add(type);
            fields.add(new Field(null, lf.name(), type, false, null, null, lf.nullable() || rf.nullable()));
        }
        left = castTo(left, types);
        right = castTo(right, types);
        return new LogicalPlan.SetOperation(SetOperationKind.valueOf(name), set.all(), left, right, fields);
    }

    private LogicalPlan castTo(final LogicalPlan plan, final List<ColumnType> types)
    {
        boolean needed = false;
        final List<BoundExpr> columns = new ArrayList<>();
        final List<Field> fields = new ArrayList<>();
        for (int i = 0; i < types.size(); i++)
        {
            final Field f = plan.fields().get(i);
            final ColumnType type = types.get(i);
            BoundExpr ref = new BoundExpr.InputRef(i, f.type(), f.name());
            if (null == f.type() || (f.type().kind() != type.kind() &&
                !(TypeRules.isNumeric(f.type()) && TypeRules.isNumeric(type) &&
                    TypeRules.numericRank(f.type().kind()) == TypeRules.numericRank(type.kind()))))
            {
                ref = new BoundExpr.Cast(ref, type);
                needed = true;
            }
            columns.add(ref);
            fields.add(new Field(f.qualifier(), f.name(), type, f.hidden(), f.table(), f.column(), f.nullable()));
        }
        return needed ? new LogicalPlan.Project(plan, columns, fields) : plan;
    }

    private LogicalPlan bindValues(final QueryBody.Values values, final Scope parent)
    {
        final Scope scope = new Scope(List.of(), null, parent, context.newSlot());
        final List<List<BoundExpr>> rows = new ArrayList<>();
        int width = -1;
        for (final List<Expression> row : values.rows())
        {
            if (width >= 0 && row.size() != width)
            {
                throw new SqlException(SqlState.SYNTAX_ERROR, "VALUES lists must all be the same length",
                    values.position());
            }
            width = row.size();
            final List<BoundExpr> bound = new ArrayList<>();
            for (final Expression e : row)
            {
                bound.add(expressions.bind(e, scope, "VALUES"));
            }
            rows.add(bound);
        }
        final List<Field> fields = new ArrayList<>();
        for (int c = 0; c < width; c++)
        {
            final List<ColumnType> types = new ArrayList<>();
            for (final List<BoundExpr> row : rows)
            {
                types.add(row.get(c).type());
            }
            final ColumnType type = ExpressionBinder.at(values.position(), () -> TypeRules.commonType("VALUES", types));
            for (final List<BoundExpr> row : rows)
            {
                row.set(c, align(row.get(c), type));
            }
            fields.add(new Field(null, "column" + (c + 1), type, false, null, null, true));
        }
        return new LogicalPlan.Values(rows, fields);
    }

    private BoundExpr align(final BoundExpr expression, final ColumnType type)
    {
        if (null == expression.type())
        {
            return ExpressionBinder.coerce(expression, type, context);
        }
        if (expression.type().kind() == type.kind())
        {
            return expression;
        }
        return new BoundExpr.Cast(expression, type);
    }

    private LogicalPlan sortByOutput(final LogicalPlan plan, final List<OrderItem> orderBy, final Scope parent)
    {
        final Scope scope = new Scope(plan.fields(), null, parent, context.newSlot());
        final List<SortItem> items = new ArrayList<>();
        for (final OrderItem item : orderBy)
        {
            BoundExpr e;
            if (item.expression() instanceof Expression.IntegerLiteral)
            {
                final int ordinal = (int)((Expression.IntegerLiteral)item.expression()).value();
                e = ordinalRef(plan.fields(), ordinal, item.position());
            }
            else
            {
                e = expressions.bind(item.expression(), scope, "ORDER BY");
            }
            items.add(sortItem(e, item));
        }
        return new LogicalPlan.Sort(plan, items);
    }

    private static BoundExpr ordinalRef(final List<Field> fields, final int ordinal, final int position)
    {
        if (ordinal < 1 || ordinal > fields.size())
        {
            throw new SqlException("42P10", "ORDER BY position " + ordinal + " is not in select list", position);
        }
        final Field f = fields.get(ordinal - 1);
        return new BoundExpr.InputRef(ordinal - 1, f.type(), f.name());
    }

    private static SortItem sortItem(final BoundExpr e, final OrderItem item)
    {
        final boolean nullsFirst = item.nulls() == OrderItem.NullsOrder.DEFAULT ? item.descending() :
            item.nulls() == OrderItem.NullsOrder.FIRST;
        return new SortItem(e, item.descending(), nullsFirst);
    }

    /**
     * Binds a FROM item.
     *
     * @param ref       the item.
     * @param parent    the enclosing scope (for LATERAL-free subqueries, only correlation to outer queries).
     * @param forUpdate whether base tables are locked.
     * @return the plan and the names it hides from unqualified lookup.
     */
    public FromResult bindFrom(final TableRef ref, final Scope parent, final boolean forUpdate)
    {
        if (ref instanceof TableRef.NamedTable)
        {
            return new FromResult(namedTable((TableRef.NamedTable)ref, parent, forUpdate), null);
        }
        if (ref instanceof TableRef.DerivedTable)
        {
            final TableRef.DerivedTable d = (TableRef.DerivedTable)ref;
            final LogicalPlan plan = bind(d.query(), parent);
            return new FromResult(rename(plan, d.alias(), d.columnAliases(), d.position()), null);
        }
        final TableRef.Join join = (TableRef.Join)ref;
        final FromResult left = bindFrom(join.left(), parent, forUpdate);
        final FromResult right = bindFrom(join.right(), parent, forUpdate);
        final List<Field> fields = new ArrayList<>(left.plan().fields());
        fields.addAll(right.plan().fields());
        final boolean[] hidden = new boolean[fields.size()];
        copyHidden(left, hidden, 0);
        copyHidden(right, hidden, left.plan().fields().size());
        final JoinKind kind = switch (join.type())
        {
            case LEFT -> JoinKind.LEFT;
            case RIGHT -> JoinKind.RIGHT;
            case FULL -> JoinKind.FULL;
            default -> JoinKind.INNER;
        };
        final Scope scope = new Scope(fields, hidden, parent, context.newSlot());
        BoundExpr condition = null;
        List<String> using = join.using();
        if (join.natural())
        {
            using = new ArrayList<>();
            for (final Field lf : left.plan().fields())
            {
                if (!lf.hidden() && findVisible(right.plan().fields(), lf.name()) >= 0)
                {
                    using.add(lf.name());
                }
            }
        }
        if (null != using && !using.isEmpty())
        {
            final List<BoundExpr> terms = new ArrayList<>();
            for (final String column : using)
            {
                final int l = findVisible(left.plan().fields(), column);
                final int r = findVisible(right.plan().fields(), column);
                if (l < 0 || r < 0)
                {
                    throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + column +
                        "\" specified in USING clause does not exist in " + (l < 0 ? "left" : "right") + " table",
                        join.position());
                }
                final int rightIndex = left.plan().fields().size() + r;
                final Field lf = fields.get(l);
                final Field rf = fields.get(rightIndex);
                terms.add(new BoundExpr.Compare("=", new BoundExpr.InputRef(l, lf.type(), lf.name()),
                    new BoundExpr.InputRef(rightIndex, rf.type(), rf.name())));
                hidden[kind == JoinKind.RIGHT ? l : rightIndex] = true;
            }
            condition = terms.size() == 1 ? terms.get(0) : new BoundExpr.And(terms);
        }
        else if (null != join.condition())
        {
            condition = expressions.bindCondition(join.condition(), scope, "JOIN/ON");
        }
        return new FromResult(new LogicalPlan.Join(kind, left.plan(), right.plan(), condition), hidden);
    }

    private static void copyHidden(final FromResult from, final boolean[] target, final int offset)
    {
        if (null != from.hidden())
        {
            System.arraycopy(from.hidden(), 0, target, offset, from.hidden().length);
        }
    }

    private static int findVisible(final List<Field> fields, final String name)
    {
        for (int i = 0; i < fields.size(); i++)
        {
            if (!fields.get(i).hidden() && TableSchema.fold(fields.get(i).name()).equals(TableSchema.fold(name)))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * A bound FROM item: its plan and, per field, whether unqualified names skip it (USING).
     *
     * @param plan   the plan.
     * @param hidden per field, hidden from unqualified lookup, or null for none.
     */
    public record FromResult(LogicalPlan plan, boolean[] hidden)
    {
    }

    private LogicalPlan namedTable(final TableRef.NamedTable named, final Scope parent, final boolean forUpdate)
    {
        final QualifiedName name = named.name();
        final String alias = null == named.alias() ? name.name() : named.alias();
        if (null != name.schema() && !"public".equalsIgnoreCase(name.schema()))
        {
            final SystemTable system = context.schema().systemTable(name.schema(), name.name());
            if (null == system)
            {
                throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist",
                    name.position());
            }
            final List<Field> fields = new ArrayList<>();
            for (final ResultColumn c : system.columns())
            {
                fields.add(new Field(alias, c.label(), c.type(), false, null, null, true));
            }
            return rename(new LogicalPlan.SystemScan(system, fields), alias, named.columnAliases(), named.position());
        }
        if (null == name.schema())
        {
            final CommonTableExpression cte = context.cte(name.name());
            if (null != cte)
            {
                final LogicalPlan plan = bind(cte.query(), parent);
                final LogicalPlan renamed = rename(plan, cte.name(), cte.columns(), cte.position());
                return rename(renamed, alias, named.columnAliases(), named.position());
            }
        }
        final TableDefinition table = context.schema().table(name.name());
        if (null != table)
        {
            final List<Field> fields = new ArrayList<>();
            for (final Column c : table.schema().columns())
            {
                fields.add(new Field(alias, c.name(), c.type(), SqlSchema.isHidden(c.name()), table.name(), c.name(),
                    c.nullable()));
            }
            final LogicalPlan scan = new LogicalPlan.Scan(table, fields, forUpdate);
            return named.columnAliases().isEmpty() ? scan : rename(scan, alias, named.columnAliases(), named.position());
        }
        final SqlSchema.ViewDefinition view = context.schema().sql().view(name.name());
        if (null != view)
        {
            context.enterView(view.name(), named.position());
            try
            {
                final Statement statement = SqlParser.parse(view.query());
                final LogicalPlan plan = bind((Statement.Query)statement, null);
                final LogicalPlan renamed = rename(plan, view.name(), view.columns(), named.position());
                return rename(renamed, alias, named.columnAliases(), named.position());
            }
            finally
            {
                context.leaveView();
            }
        }
        final SystemTable catalogTable = null == name.schema() ? context.schema().systemTable("pg_catalog", name.name()) : null;
        if (null != catalogTable)
        {
            return namedTable(new TableRef.NamedTable(named.position(), new QualifiedName(name.position(), "pg_catalog",
                name.name()), named.alias(), named.columnAliases()), parent, forUpdate);
        }
        throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist", name.position());
    }

    /**
     * Renames a relation's columns and gives them a qualifier.
     *
     * @param plan     the relation.
     * @param alias    the qualifier, or null.
     * @param columns  new column names (a prefix), or empty.
     * @param position for errors.
     * @return the renamed relation (a projection when names change).
     */
    public static LogicalPlan rename(final LogicalPlan plan, final String alias, final List<String> columns, final int position)
    {
        final List<Field> fields = plan.fields();
        if (columns.size() > fields.size())
        {
            throw new SqlException(SqlState.INVALID_OBJECT_DEFINITION, "table \"" + alias + "\" has " +
                fields.size() + " columns available but " + columns.size() + " columns specified", position);
        }
        final List<Field> renamed = new ArrayList<>();
        final List<BoundExpr> refs = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++)
        {
            final Field f = fields.get(i);
            final String label = i < columns.size() ? columns.get(i) : f.name();
            renamed.add(new Field(alias, label, f.type(), f.hidden(), f.table(), f.column(), f.nullable()));
            refs.add(new BoundExpr.InputRef(i, f.type(), f.name()));
        }
        if (plan instanceof LogicalPlan.Scan)
        {
            final LogicalPlan.Scan scan = (LogicalPlan.Scan)plan;
            return new LogicalPlan.Scan(scan.table(), renamed, scan.forUpdate());
        }
        if (plan instanceof LogicalPlan.Project)
        {
            final LogicalPlan.Project p = (LogicalPlan.Project)plan;
            return new LogicalPlan.Project(p.input(), p.expressions(), renamed);
        }
        return new LogicalPlan.Project(plan, refs, renamed);
    }

    private LogicalPlan bindSelect(
        final QueryBody.Select select, final Scope parent, final List<OrderItem> orderBy, final boolean forUpdate)
    {
        LogicalPlan plan;
        boolean[] hidden = null;
        if (select.from().isEmpty())
        {
            plan = new LogicalPlan.Values(List.of(List.of()), List.of());
        }
        else
        {
            FromResult from = bindFrom(select.from().get(0), parent, forUpdate);
            for (int i = 1; i < select.from().size(); i++)
            {
                final FromResult next = bindFrom(select.from().get(i), parent, forUpdate);
                final LogicalPlan join = new LogicalPlan.Join(JoinKind.INNER, from.plan(), next.plan(), null);
                final boolean[] h = new boolean[join.fields().size()];
                copyHidden(from, h, 0);
                copyHidden(next, h, from.plan().fields().size());
                from = new FromResult(join, h);
            }
            plan = from.plan();
            hidden = from.hidden();
        }
        final Scope scope = new Scope(plan.fields(), hidden, parent, context.newSlot());
        if (null != select.where())
        {
            plan = new LogicalPlan.Filter(plan, expressions.bindCondition(select.where(), scope, "WHERE"));
        }
        return new SelectBinder(context, expressions, scope, plan).bind(select, orderBy);
    }
}
