package io.phantomdb.sql.engine;

import io.phantomdb.core.catalog.IndexColumn;
import io.phantomdb.core.catalog.IndexDefinition;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.schema.Column;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.Assignment;
import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.QualifiedName;
import io.phantomdb.sql.ast.QueryBody;
import io.phantomdb.sql.ast.SelectItem;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.ast.TableRef;
import io.phantomdb.sql.exec.Evaluator;
import io.phantomdb.sql.exec.JoinKind;
import io.phantomdb.sql.exec.Operator;
import io.phantomdb.sql.exec.ValuesOperator;
import io.phantomdb.sql.plan.BoundExpr;
import io.phantomdb.sql.plan.ExpressionBinder;
import io.phantomdb.sql.plan.Field;
import io.phantomdb.sql.plan.LogicalPlan;
import io.phantomdb.sql.plan.QueryBinder;
import io.phantomdb.sql.plan.Scope;
import io.phantomdb.sql.plan.SqlSchema;
import io.phantomdb.sql.plan.TableExpressions;
import io.phantomdb.sql.value.TypeRules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds and plans INSERT, UPDATE and DELETE: target columns, VALUES rows with DEFAULT, parameter types
 * from the target columns, assignment type checks (42804), ON CONFLICT targets, RETURNING, and the
 * table's write support (defaults, CHECKs, hidden columns) as a {@link TableWriter}.
 * <p>
 * <b>Note:</b> stateless; runs on the session's thread.
 */
final class DmlPlanner
{
    private DmlPlanner()
    {
    }

    static Command insert(final Planning p, final String sql, final Statement.Insert insert, final int parameterCount)
    {
        final TableDefinition table = table(p, insert.table());
        final int[] targets = targets(table, insert.columns(), insert.position());
        final TableWriter writer = writer(p, table);
        final Scope empty = new Scope(List.of(), null, null, p.context.newSlot());
        final Operator source;
        final ColumnType[] sourceTypes = new ColumnType[targets.length];
        boolean materialize = false;
        final Statement.Query query = insert.source();
        if (null == query)
        {
            source = new ValuesOperator(new Evaluator[][]{new Evaluator[0]}, 0);
            return finishInsert(p, sql, insert, parameterCount, table, new int[0], writer, source, new ColumnType[0], false);
        }
        if (query.body() instanceof QueryBody.Values && query.with().isEmpty() && query.orderBy().isEmpty() &&
            null == query.limit() && null == query.offset())
        {
            final List<List<Expression>> rows = ((QueryBody.Values)query.body()).rows();
            final Evaluator[][] compiled = new Evaluator[rows.size()][];
            for (int r = 0; r < rows.size(); r++)
            {
                final List<Expression> row = rows.get(r);
                if (row.size() != targets.length)
                {
                    throw new SqlException(SqlState.SYNTAX_ERROR, "INSERT has " + (row.size() > targets.length ?
                        "more expressions than target columns" : "more target columns than expressions"),
                        row.isEmpty() ? insert.position() : row.get(0).position());
                }
                final List<BoundExpr> bound = new ArrayList<>();
                for (int i = 0; i < targets.length; i++)
                {
                    bound.add(valueFor(p, table, targets[i], row.get(i), empty));
                }
                compiled[r] = p.planner.compiler().compile(foldAll(p, bound));
            }
            source = new ValuesOperator(compiled, targets.length);
        }
        else
        {
            final LogicalPlan plan = p.queries.bindQuery(query);
            if (plan.fields().size() != targets.length)
            {
                throw new SqlException(SqlState.SYNTAX_ERROR, "INSERT has " + (plan.fields().size() > targets.length ?
                    "more expressions than target columns" : "more target columns than expressions"), query.position());
            }
            for (int i = 0; i < targets.length; i++)
            {
                final Column column = table.schema().column(targets[i]);
                final ColumnType type = plan.fields().get(i).type();
                ExpressionBinder.at(query.position(), () ->
                {
                    TypeRules.checkAssignable(type, column.type(), column.name());
                    return null;
                });
                sourceTypes[i] = type;
            }
            source = p.planner.plan(plan);
            materialize = true;
        }
        return finishInsert(p, sql, insert, parameterCount, table, targets, writer, source, sourceTypes, materialize);
    }

    private static Command finishInsert(final Planning p, final String sql, final Statement.Insert insert,
        final int parameterCount, final TableDefinition table, final int[] targets, final TableWriter writer,
        final Operator source, final ColumnType[] sourceTypes, final boolean materialize)
    {
        final String alias = null == insert.alias() ? table.name() : insert.alias();
        final Scope scope = tableScope(p, table, alias);
        final InsertCommand.Conflict conflict = null == insert.onConflict() ? null : conflict(p, table, alias, insert);
        final Returning returning = returning(p, scope, insert.returning());
        return new InsertCommand(sql, new Parameters(p.context.parameterTypes(), parameterCount),
            null == returning ? List.of() : returning.columns, writer, source, targets, sourceTypes, materialize,
            conflict, returning);
    }

    private static List<BoundExpr> foldAll(final Planning p, final List<BoundExpr> list)
    {
        final List<BoundExpr> out = new ArrayList<>();
        for (final BoundExpr e : list)
        {
            out.add(p.planner.optimizer().fold(e));
        }
        return out;
    }

    private static BoundExpr valueFor(final Planning p, final TableDefinition table, final int ordinal,
        final Expression expression, final Scope scope)
    {
        final Column column = table.schema().column(ordinal);
        if (expression instanceof Expression.DefaultValue)
        {
            return defaultExpression(p, table, column);
        }
        final BoundExpr bound = ExpressionBinder.coerce(p.queries.expressions().bind(expression, scope, "VALUES"),
            TypeRules.unconstrained(column.type()), p.context);
        ExpressionBinder.at(expression.position(), () ->
        {
            TypeRules.checkAssignable(bound.type(), column.type(), column.name());
            return null;
        });
        return bound;
    }

    private static String defaultText(final Planning p, final TableDefinition table, final Column column)
    {
        return null != column.defaultExpression() ? column.defaultExpression() :
            p.schema.sql().addedDefault(table.name(), column.name());
    }

    private static BoundExpr defaultExpression(final Planning p, final TableDefinition table, final Column column)
    {
        final String text = defaultText(p, table, column);
        if (null == text)
        {
            return new BoundExpr.Literal(null, column.type());
        }
        final Scope empty = new Scope(List.of(), null, null, p.context.newSlot());
        final BoundExpr bound = p.queries.expressions().bind(TableExpressions.parse(text), empty, "DEFAULT");
        return ExpressionBinder.coerce(bound, TypeRules.unconstrained(column.type()), p.context);
    }

    private static InsertCommand.Conflict conflict(final Planning p, final TableDefinition table, final String alias,
        final Statement.Insert insert)
    {
        final IndexDefinition index = conflictIndex(p, table, insert.onConflict().columns(), insert.onConflict().position());
        if (insert.onConflict().doNothing())
        {
            return new InsertCommand.Conflict(true, index, new int[0], new Evaluator[0], new ColumnType[0], null);
        }
        final List<Field> fields = new ArrayList<>(tableScope(p, table, alias).fields());
        for (final Field f : tableScope(p, table, "excluded").fields())
        {
            fields.add(f);
        }
        final Scope scope = new Scope(fields, null, null, p.context.newSlot());
        final List<Assignment> assignments = insert.onConflict().assignments();
        final int[] ordinals = new int[assignments.size()];
        final Evaluator[] values = new Evaluator[assignments.size()];
        final ColumnType[] types = new ColumnType[assignments.size()];
        for (int i = 0; i < ordinals.length; i++)
        {
            final Assignment a = assignments.get(i);
            ordinals[i] = column(table, a.column(), a.position());
            final BoundExpr bound = assignedValue(p, table, ordinals[i], a.value(), scope);
            values[i] = p.planner.compiler().compile(p.planner.optimizer().fold(bound));
            types[i] = bound.type();
        }
        final Evaluator where = null == insert.onConflict().where() ? null : p.planner.compiler().compile(
            p.queries.expressions().bindCondition(insert.onConflict().where(), scope, "WHERE"));
        return new InsertCommand.Conflict(false, index, ordinals, values, types, where);
    }

    private static IndexDefinition conflictIndex(final Planning p, final TableDefinition table, final List<String> columns,
        final int position)
    {
        if (columns.isEmpty())
        {
            return null;
        }
        final Set<Integer> wanted = new HashSet<>();
        for (final String c : columns)
        {
            wanted.add(column(table, c, position));
        }
        final Set<Integer> pk = new HashSet<>();
        for (final int o : table.schema().primaryKey())
        {
            pk.add(o);
        }
        if (pk.equals(wanted))
        {
            return null;
        }
        for (final IndexDefinition index : p.schema.catalog().indexesOf(table.id()))
        {
            final Set<Integer> have = new HashSet<>();
            for (final IndexColumn c : index.columns())
            {
                have.add(c.ordinal());
            }
            if (index.unique() && have.equals(wanted))
            {
                return index;
            }
        }
        throw new SqlException("42P10",
            "there is no unique or exclusion constraint matching the ON CONFLICT specification", position);
    }

    static Command update(final Planning p, final String sql, final Statement.Update update, final int parameterCount)
    {
        final TableDefinition table = table(p, update.table());
        final String alias = null == update.alias() ? table.name() : update.alias();
        final Scope tableScope = tableScope(p, table, alias);
        LogicalPlan source = new LogicalPlan.Scan(table, tableScope.fields(), false);
        Scope scope = tableScope;
        for (final TableRef ref : update.from())
        {
            final QueryBinder.FromResult from = p.queries.bindFrom(ref, null, false);
            source = new LogicalPlan.Join(JoinKind.INNER, source, from.plan(), null);
            scope = new Scope(source.fields(), null, null, p.context.newSlot());
        }
        final List<Assignment> assignments = update.assignments();
        final int[] ordinals = new int[assignments.size()];
        final Evaluator[] values = new Evaluator[assignments.size()];
        final ColumnType[] types = new ColumnType[assignments.size()];
        for (int i = 0; i < ordinals.length; i++)
        {
            final Assignment a = assignments.get(i);
            ordinals[i] = column(table, a.column(), a.position());
            final BoundExpr bound = assignedValue(p, table, ordinals[i], a.value(), scope);
            values[i] = p.planner.compiler().compile(p.planner.optimizer().fold(bound));
            types[i] = bound.type();
        }
        if (null != update.where())
        {
            source = new LogicalPlan.Filter(source, p.queries.expressions().bindCondition(update.where(), scope, "WHERE"));
        }
        final Operator scan = p.planner.plan(source);
        final Returning returning = returning(p, tableScope, update.returning());
        return new UpdateCommand(sql, new Parameters(p.context.parameterTypes(), parameterCount),
            null == returning ? List.of() : returning.columns, writer(p, table), scan, ordinals, values, types, returning);
    }

    static Command delete(final Planning p, final String sql, final Statement.Delete delete, final int parameterCount)
    {
        final TableDefinition table = table(p, delete.table());
        final String alias = null == delete.alias() ? table.name() : delete.alias();
        final Scope scope = tableScope(p, table, alias);
        final Operator scan = scan(p, table, scope, delete.where());
        final Returning returning = returning(p, scope, delete.returning());
        return new DeleteCommand(sql, new Parameters(p.context.parameterTypes(), parameterCount),
            null == returning ? List.of() : returning.columns, writer(p, table), scan, returning);
    }

    private static BoundExpr assignedValue(final Planning p, final TableDefinition table, final int ordinal,
        final Expression value, final Scope scope)
    {
        return valueFor(p, table, ordinal, value, scope);
    }

    private static Operator scan(final Planning p, final TableDefinition table, final Scope scope, final Expression where)
    {
        LogicalPlan plan = new LogicalPlan.Scan(table, scope.fields(), false);
        if (null != where)
        {
            plan = new LogicalPlan.Filter(plan, p.queries.expressions().bindCondition(where, scope, "WHERE"));
        }
        return p.planner.plan(plan);
    }

    private static Returning returning(final Planning p, final Scope scope, final List<SelectItem> items)
    {
        if (items.isEmpty())
        {
            return null;
        }
        final List<ResultColumn> columns = new ArrayList<>();
        final List<BoundExpr> expressions = new ArrayList<>();
        for (final SelectItem item : items)
        {
            if (item instanceof SelectItem.AllColumns)
            {
                for (int i = 0; i < scope.fields().size(); i++)
                {
                    final Field f = scope.fields().get(i);
                    if (!f.hidden())
                    {
                        expressions.add(new BoundExpr.InputRef(i, f.type(), f.name()));
                        columns.add(new ResultColumn(f.name(), f.type(), f.table(), f.column(), f.nullable()));
                    }
                }
                continue;
            }
            final SelectItem.ExpressionItem e = (SelectItem.ExpressionItem)item;
            BoundExpr bound = p.queries.expressions().bind(e.expression(), scope, "RETURNING");
            if (null == bound.type())
            {
                bound = ExpressionBinder.coerce(bound, ColumnType.TEXT, p.context);
            }
            expressions.add(bound);
            String label = e.alias();
            if (null == label)
            {
                label = e.expression() instanceof Expression.ColumnRef ? ((Expression.ColumnRef)e.expression()).column() :
                    e.expression() instanceof Expression.FunctionCall ? ((Expression.FunctionCall)e.expression()).name() :
                    "?column?";
            }
            columns.add(ResultColumn.computed(label, bound.type()));
        }
        return new Returning(columns, p.planner.compiler().compile(expressions));
    }

    static TableDefinition table(final Planning p, final QualifiedName name)
    {
        final TableDefinition table = p.schema.table(name.name());
        if (null == table || (null != name.schema() && !"public".equalsIgnoreCase(name.schema())))
        {
            if (null != p.schema.sql().view(name.name()))
            {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "cannot change view \"" + name.name() +
                    "\": views are read-only", name.position());
            }
            throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist", name.position());
        }
        return table;
    }

    private static Scope tableScope(final Planning p, final TableDefinition table, final String alias)
    {
        final List<Field> fields = new ArrayList<>();
        for (final Column c : table.schema().columns())
        {
            fields.add(new Field(alias, c.name(), c.type(), SqlSchema.isHidden(c.name()), table.name(), c.name(),
                c.nullable()));
        }
        return new Scope(fields, null, null, p.context.newSlot());
    }

    private static int column(final TableDefinition table, final String name, final int position)
    {
        final int ordinal = table.schema().columnOrdinal(name);
        if (ordinal < 0 || SqlSchema.isHidden(table.schema().column(ordinal).name()))
        {
            throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \"" + table.name() +
                "\" does not exist", position);
        }
        return ordinal;
    }

    private static int[] targets(final TableDefinition table, final List<String> columns, final int position)
    {
        if (columns.isEmpty())
        {
            final List<Integer> visible = new ArrayList<>();
            for (final Column c : table.schema().columns())
            {
                if (!SqlSchema.isHidden(c.name()))
                {
                    visible.add(c.ordinal());
                }
            }
            return visible.stream().mapToInt(Integer::intValue).toArray();
        }
        final int[] out = new int[columns.size()];
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < out.length; i++)
        {
            if (!seen.add(TableSchema.fold(columns.get(i))))
            {
                throw new SqlException(SqlState.DUPLICATE_COLUMN, "column \"" + columns.get(i) + "\" specified more than once",
                    position);
            }
            out[i] = column(table, columns.get(i), position);
        }
        return out;
    }

    static TableWriter writer(final Planning p, final TableDefinition table)
    {
        final TableSchema schema = table.schema();
        final Evaluator[] defaults = new Evaluator[schema.columnCount()];
        final ColumnType[] defaultTypes = new ColumnType[schema.columnCount()];
        for (final Column c : schema.columns())
        {
            if (null != defaultText(p, table, c))
            {
                final BoundExpr bound = p.planner.optimizer().fold(defaultExpression(p, table, c));
                defaults[c.ordinal()] = p.planner.compiler().compile(bound);
                defaultTypes[c.ordinal()] = bound.type();
            }
        }
        final int rowId = schema.columnOrdinal(SqlSchema.ROWID);
        final List<Integer> generatedOrdinals = new ArrayList<>();
        final List<Evaluator> generated = new ArrayList<>();
        final List<ColumnType> generatedTypes = new ArrayList<>();
        for (final SqlSchema.ExpressionIndex index : p.schema.expressionIndexesOf(table.name()))
        {
            for (int i = 0; i < index.expressions().size(); i++)
            {
                final String hidden = index.hiddenColumns().get(i);
                final int ordinal = null == hidden ? -1 : schema.columnOrdinal(hidden);
                if (ordinal >= 0 && !generatedOrdinals.contains(ordinal))
                {
                    final BoundExpr bound = TableExpressions.bind(p.schema, p.session.functions(), table,
                        index.expressions().get(i));
                    generatedOrdinals.add(ordinal);
                    generated.add(p.planner.compiler().compile(bound));
                    generatedTypes.add(bound.type());
                }
            }
        }
        final List<SqlSchema.CheckDefinition> checkDefinitions = p.schema.sql().checksOf(table.name());
        final Evaluator[] checks = new Evaluator[checkDefinitions.size()];
        final String[] names = new String[checks.length];
        for (int i = 0; i < checks.length; i++)
        {
            final SqlSchema.CheckDefinition check = checkDefinitions.get(i);
            checks[i] = p.planner.compiler().compile(TableExpressions.bind(p.schema, p.session.functions(), table,
                check.expression()));
            names[i] = check.name();
        }
        return new TableWriter(table, defaults, defaultTypes, rowId, generatedOrdinals.stream().mapToInt(Integer::intValue).toArray(),
            generated.toArray(new Evaluator[0]), generatedTypes.toArray(new ColumnType[0]), checks, names);
    }
}
