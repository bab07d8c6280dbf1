package io.phantomdb.sql.plan;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.value.Casts;
import io.phantomdb.sql.value.TypeRules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Binds syntax-tree expressions to {@link BoundExpr}s against a {@link Scope}: resolves column names
 * (42703, 42702), types operators (42883, 42804), gives untyped literals and parameters the type their
 * context fixes, and turns subqueries into {@link BoundExpr.Subquery} nodes via the {@link QueryBinder}.
 * <p>
 * <b>Note:</b> used by one thread while one statement is bound.
 */
public final class ExpressionBinder
{
    private final BindContext context;
    private final QueryBinder queries;

    /**
     * @param context the statement's binding state.
     * @param queries binds subqueries.
     */
    public ExpressionBinder(final BindContext context, final QueryBinder queries)
    {
        this.context = context;
        this.queries = queries;
    }

    /**
     * Binds an expression where aggregates are not allowed.
     *
     * @param expression the expression.
     * @param scope      the names it may use.
     * @param clause     the clause name for error messages (WHERE, ON, ...).
     * @return the bound expression.
     */
    public BoundExpr bind(final Expression expression, final Scope scope, final String clause)
    {
        return new Pass(scope, false, clause).bind(expression);
    }

    /**
     * Binds an expression that may contain aggregate calls (select list, HAVING, ORDER BY).
     *
     * @param expression the expression.
     * @param scope      the names it may use.
     * @return the bound expression, with {@link BoundExpr.Aggregate} nodes.
     */
    public BoundExpr bindWithAggregates(final Expression expression, final Scope scope)
    {
        return new Pass(scope, true, null).bind(expression);
    }

    /**
     * Binds a boolean condition (WHERE, ON, HAVING, CHECK): 42804 if it is not boolean.
     *
     * @param expression the condition.
     * @param scope      the names it may use.
     * @param clause     the clause name.
     * @return the bound condition.
     */
    public BoundExpr bindCondition(final Expression expression, final Scope scope, final String clause)
    {
        return requireBoolean(bind(expression, scope, clause), clause, expression.position());
    }

    /**
     * @param bound    an expression.
     * @param clause   where it is used.
     * @param position its position.
     * @return the expression, an unknown literal cast to boolean.
     */
    public static BoundExpr requireBoolean(final BoundExpr bound, final String clause, final int position)
    {
        final BoundExpr coerced = coerce(bound, ColumnType.BOOLEAN, null);
        if (null != coerced.type() && coerced.type().kind() != TypeKind.BOOLEAN)
        {
            throw new SqlException(SqlState.DATATYPE_MISMATCH, "argument of " + clause + " must be type boolean, not type " +
                TypeRules.displayName(coerced.type()), position);
        }
        return coerced;
    }

    /**
     * Gives an untyped literal, NULL or parameter the type its context fixes; other expressions are returned
     * unchanged.
     *
     * @param bound   an expression.
     * @param type    the type the context wants, or null.
     * @param context the statement's state (for parameters), or null when there are none.
     * @return the expression with the type applied where it was unknown.
     */
    public static BoundExpr coerce(final BoundExpr bound, final ColumnType type, final BindContext context)
    {
        if (null == type || null != bound.type())
        {
            if (bound instanceof BoundExpr.Param && null != type && null != context)
            {
                context.inferParameter(((BoundExpr.Param)bound).index(), type);
            }
            return bound;
        }
        if (bound instanceof BoundExpr.Literal)
        {
            final Object value = ((BoundExpr.Literal)bound).value();
            return new BoundExpr.Literal(Casts.cast(value, null, type), type);
        }
        if (bound instanceof BoundExpr.Param)
        {
            final int index = ((BoundExpr.Param)bound).index();
            final ColumnType inferred = null == context ? type : context.inferParameter(index, type);
            return new BoundExpr.Param(index, inferred);
        }
        return bound;
    }

    private final class Pass
    {
        private final Scope scope;
        private final boolean aggregates;
        private final String clause;
        private boolean insideAggregate;

        Pass(final Scope scope, final boolean aggregates, final String clause)
        {
            this.scope = scope;
            this.aggregates = aggregates;
            this.clause = clause;
        }

        BoundExpr bind(final Expression e)
        {
            if (e instanceof Expression.NullLiteral)
            {
                return new BoundExpr.Literal(null, null);
            }
            if (e instanceof Expression.BooleanLiteral)
            {
                return new BoundExpr.Literal(((Expression.BooleanLiteral)e).value(), ColumnType.BOOLEAN);
            }
            if (e instanceof Expression.IntegerLiteral)
            {
                return integer(((Expression.IntegerLiteral)e).value());
            }
            if (e instanceof Expression.NumericLiteral)
            {
                final Expression.NumericLiteral n = (Expression.NumericLiteral)e;
                return n.exponent() ?
                    new BoundExpr.Literal(Double.parseDouble(n.text()), ColumnType.DOUBLE_PRECISION) :
                    new BoundExpr.Literal(new BigDecimal(n.text()), ColumnType.NUMERIC);
            }
            if (e instanceof Expression.StringLiteral)
            {
                return new BoundExpr.Literal(((Expression.StringLiteral)e).value(), null);
            }
            if (e instanceof Expression.TypedLiteral)
            {
                final Expression.TypedLiteral t = (Expression.TypedLiteral)e;
                final ColumnType type = t.type().toColumnType();
                return new BoundExpr.Literal(at(t.position(), () -> Casts.cast(t.value(), null, type)), type);
            }
            if (e instanceof Expression.Parameter)
            {
                final int index = ((Expression.Parameter)e).index() - 1;
                return new BoundExpr.Param(index, context.inferParameter(index, null));
            }
            if (e instanceof Expression.ColumnRef)
            {
                return column((Expression.ColumnRef)e);
            }
            if (e instanceof Expression.Unary)
            {
                return unary((Expression.Unary)e);
            }
            if (e instanceof Expression.Binary)
            {
                return binary((Expression.Binary)e);
            }
            if (e instanceof Expression.IsNull)
            {
                final Expression.IsNull n = (Expression.IsNull)e;
                return new BoundExpr.IsNull(bind(n.operand()), n.negated());
            }
            if (e instanceof Expression.IsTruth)
            {
                final Expression.IsTruth t = (Expression.IsTruth)e;
                return new BoundExpr.IsTruth(requireBoolean(bind(t.operand()), "IS", t.position()), t.truth(), t.negated());
            }
            if (e instanceof Expression.Between)
            {
                return between((Expression.Between)e);
            }
            if (e instanceof Expression.InList)
            {
                return inList((Expression.InList)e);
            }
            if (e instanceof Expression.Like)
            {
                final Expression.Like l = (Expression.Like)e;
                final BoundExpr operand = textual(bind(l.operand()), l.position());
                final BoundExpr pattern = textual(bind(l.pattern()), l.position());
                final BoundExpr escape = null == l.escape() ? null : textual(bind(l.escape()), l.position());
                return new BoundExpr.Like(l.kind(), operand, pattern, escape, l.negated());
            }
            if (e instanceof Expression.Case)
            {
                return caseExpression((Expression.Case)e);
            }
            if (e instanceof Expression.Cast)
            {
                final Expression.Cast c = (Expression.Cast)e;
                final ColumnType type = c.type().toColumnType();
                final BoundExpr operand = bind(c.operand());
                if (operand instanceof BoundExpr.Literal && null == operand.type())
                {
                    final Object value = ((BoundExpr.Literal)operand).value();
                    return new BoundExpr.Literal(at(c.position(), () -> Casts.cast(value, null, type)), type);
                }
                if (operand instanceof BoundExpr.Param && null == operand.type())
                {
                    return coerce(operand, type, context);
                }
                return new BoundExpr.Cast(operand, type);
            }
            if (e instanceof Expression.FunctionCall)
            {
                return function((Expression.FunctionCall)e);
            }
            if (e instanceof Expression.ScalarSubquery)
            {
                return subquery(BoundExpr.SubqueryKind.SCALAR, ((Expression.ScalarSubquery)e).query(), null, null,
                    false, e.position());
            }
            if (e instanceof Expression.Exists)
            {
                return subquery(BoundExpr.SubqueryKind.EXISTS, ((Expression.Exists)e).query(), null, null, false,
                    e.position());
            }
            if (e instanceof Expression.InSubquery)
            {
                final Expression.InSubquery in = (Expression.InSubquery)e;
                return subquery(BoundExpr.SubqueryKind.ANY, in.query(), in.operand(), "=", in.negated(), e.position());
            }
            if (e instanceof Expression.Quantified)
            {
                final Expression.Quantified q = (Expression.Quantified)e;
                return subquery(q.quantifier() == Expression.Quantifier.ALL ? BoundExpr.SubqueryKind.ALL :
                    BoundExpr.SubqueryKind.ANY, q.query(), q.operand(), q.operator().symbol(), false, e.position());
            }
            if (e instanceof Expression.DefaultValue)
            {
                throw new SqlException(SqlState.SYNTAX_ERROR, "DEFAULT is not allowed in this context", e.position());
            }
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "expression not supported: " +
                e.getClass().getSimpleName(), e.position());
        }

        private BoundExpr integer(final long value)
        {
            if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE)
            {
                return new BoundExpr.Literal((int)value, ColumnType.INTEGER);
            }
            return new BoundExpr.Literal(value, ColumnType.BIGINT);
        }

        private BoundExpr column(final Expression.ColumnRef ref)
        {
            if (null != ref.table() && null == ref.schema() && null == ref.column())
            {
                throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + ref.table() + "\" does not exist",
                    ref.position());
            }
            Scope s = scope;
            while (null != s)
            {
                final int index = s.find(ref.table(), ref.column(), ref.position());
                if (index >= 0)
                {
                    final Field field = s.fields().get(index);
                    if (s == scope)
                    {
                        return new BoundExpr.InputRef(index, field.type(), field.name());
                    }
                    context.referenceSlot(s.slot());
                    return new BoundExpr.OuterRef(s.slot(), index, field.type(), field.name());
                }
                s = s.parent();
            }
            if (null != ref.table() && !anyQualifier(ref.table()))
            {
                throw new SqlException(SqlState.UNDEFINED_TABLE,
                    "missing FROM-clause entry for table \"" + ref.table() + "\"", ref.position());
            }
            throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" +
                (null == ref.table() ? ref.column() : ref.table() + "." + ref.column()) + "\" does not exist",
                ref.position());
        }

        private boolean anyQualifier(final String qualifier)
        {
            for (Scope s = scope; null != s; s = s.parent())
            {
                if (s.hasQualifier(qualifier))
                {
                    return true;
                }
            }
            return false;
        }

        private BoundExpr unary(final Expression.Unary u)
        {
            switch (u.operator())
            {
                case NOT:
                    return new BoundExpr.Not(requireBoolean(bind(u.operand()), "NOT", u.position()));
                case PLUS:
                    return bind(u.operand());
                default:
                    if (u.operand() instanceof Expression.IntegerLiteral)
                    {
                        return integer(-((Expression.IntegerLiteral)u.operand()).value());
                    }
                    final BoundExpr operand = bind(u.operand());
                    if (operand instanceof BoundExpr.Literal && operand.type() == ColumnType.NUMERIC)
                    {
                        return new BoundExpr.Literal(((BigDecimal)((BoundExpr.Literal)operand).value()).negate(),
                            ColumnType.NUMERIC);
                    }
                    final ColumnType type = at(u.position(), () -> TypeRules.negateType(operand.type()));
                    return new BoundExpr.Negate(coerce(operand, type, context), type);
            }
        }

        private BoundExpr binary(final Expression.Binary b)
        {
            final Expression.BinaryOperator op = b.operator();
            switch (op)
            {
                case AND:
                case OR:
                {
                    final List<BoundExpr> terms = new ArrayList<>();
                    flatten(b, op, terms);
                    return op == Expression.BinaryOperator.AND ? new BoundExpr.And(terms) : new BoundExpr.Or(terms);
                }
                case EQUAL:
                case NOT_EQUAL:
                case LESS:
                case LESS_EQUAL:
                case GREATER:
                case GREATER_EQUAL:
                {
                    final BoundExpr[] pair = comparable(op.symbol(), bind(b.left()), bind(b.right()), b.position());
                    return new BoundExpr.Compare(op.symbol(), pair[0], pair[1]);
                }
                case IS_DISTINCT_FROM:
                case IS_NOT_DISTINCT_FROM:
                {
                    final BoundExpr[] pair = comparable(op.symbol(), bind(b.left()), bind(b.right()), b.position());
                    return new BoundExpr.IsDistinct(pair[0], pair[1], op == Expression.BinaryOperator.IS_NOT_DISTINCT_FROM);
                }
                case JSON_GET:
                case JSON_GET_TEXT:
                case JSON_PATH:
                case JSON_PATH_TEXT:
                {
                    final BoundExpr left = json(bind(b.left()), b.position());
                    BoundExpr right = bind(b.right());
                    if (null == right.type())
                    {
                        right = coerce(right, ColumnType.TEXT, context);
                    }
                    final boolean text = op == Expression.BinaryOperator.JSON_GET_TEXT ||
                        op == Expression.BinaryOperator.JSON_PATH_TEXT;
                    return new BoundExpr.Binary(op, left, right, text ? ColumnType.TEXT : ColumnType.JSON);
                }
                case JSON_CONTAINS:
                case JSON_CONTAINED:
                    return new BoundExpr.Binary(op, json(bind(b.left()), b.position()), json(bind(b.right()), b.position()),
                        ColumnType.BOOLEAN);
                case JSON_HAS_KEY:
                case JSON_HAS_ANY:
                case JSON_HAS_ALL:
                    return new BoundExpr.Binary(op, json(bind(b.left()), b.position()),
                        coerce(bind(b.right()), ColumnType.TEXT, context), ColumnType.BOOLEAN);
                default:
                {
                    BoundExpr left = bind(b.left());
                    BoundExpr right = bind(b.right());
                    if (op == Expression.BinaryOperator.CONCAT)
                    {
                        left = coerce(left, ColumnType.TEXT, context);
                        right = coerce(right, ColumnType.TEXT, context);
                    }
                    else if (null == left.type() && null != right.type())
                    {
                        left = coerce(left, right.type(), context);
                    }
                    else if (null == right.type() && null != left.type())
                    {
                        right = coerce(right, left.type(), context);
                    }
                    else if (null == left.type())
                    {
                        left = coerce(left, ColumnType.NUMERIC, context);
                        right = coerce(right, ColumnType.NUMERIC, context);
                    }
                    final BoundExpr l = left;
                    final BoundExpr r = right;
                    final String symbol = op == Expression.BinaryOperator.POWER ? "*" : op.symbol();
                    ColumnType type = at(b.position(), () -> TypeRules.arithmeticType(symbol, l.type(), r.type()));
                    if (op == Expression.BinaryOperator.POWER)
                    {
                        type = TypeRules.isIntegral(type) || type.kind() == TypeKind.REAL ? ColumnType.DOUBLE_PRECISION : type;
                    }
                    return new BoundExpr.Binary(op, l, r, type);
                }
            }
        }

        private BoundExpr json(final BoundExpr operand, final int position)
        {
            final BoundExpr coerced = coerce(operand, ColumnType.JSON, context);
            if (coerced.type().kind() == TypeKind.JSON)
            {
                return coerced;
            }
            if (TypeRules.isString(coerced.type()))
            {
                return new BoundExpr.Cast(coerced, ColumnType.JSON);
            }
            throw new SqlException(SqlState.UNDEFINED_OPERATOR, "operator does not exist: " +
                TypeRules.displayName(coerced.type()) + " -> json", position);
        }

        private BoundExpr textual(final BoundExpr operand, final int position)
        {
            final BoundExpr coerced = coerce(operand, ColumnType.TEXT, context);
            if (!TypeRules.isString(coerced.type()))
            {
                throw new SqlException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: " +
                    TypeRules.displayName(coerced.type()) + " ~~ text", position);
            }
            return coerced;
        }

        private void flatten(final Expression e, final Expression.BinaryOperator op, final List<BoundExpr> terms)
        {
            if (e instanceof Expression.Binary && ((Expression.Binary)e).operator() == op)
            {
                flatten(((Expression.Binary)e).left(), op, terms);
                flatten(((Expression.Binary)e).right(), op, terms);
                return;
            }
            terms.add(requireBoolean(bind(e), op.symbol(), e.position()));
        }

        private BoundExpr[] comparable(final String op, final BoundExpr left, final BoundExpr right, final int position)
        {
            final ColumnType type = at(position, () -> TypeRules.comparisonType(op, left.type(), right.type()));
            return new BoundExpr[]{align(left, type), align(right, type)};
        }

        private BoundExpr align(final BoundExpr operand, final ColumnType type)
        {
            if (null == operand.type())
            {
                return coerce(operand, type, context);
            }
            final TypeKind have = operand.type().kind();
            if (have == type.kind() || (TypeRules.isNumeric(operand.type()) && TypeRules.isNumeric(type)) ||
                (TypeRules.isString(operand.type()) && TypeRules.isString(type)))
            {
                return operand;
            }
            return new BoundExpr.Cast(operand, type);
        }

        private BoundExpr between(final Expression.Between b)
        {
            final BoundExpr operand = bind(b.operand());
            final BoundExpr[] low = comparable(">=", operand, bind(b.low()), b.position());
            final BoundExpr[] high = comparable("<=", operand, bind(b.high()), b.position());
            BoundExpr result = new BoundExpr.And(List.of(
                new BoundExpr.Compare(">=", low[0], low[1]), new BoundExpr.Compare("<=", high[0], high[1])));
            if (b.symmetric())
            {
                result = new BoundExpr.Or(List.of(result, new BoundExpr.And(List.of(
                    new BoundExpr.Compare(">=", high[0], high[1]), new BoundExpr.Compare("<=", low[0], low[1])))));
            }
            return b.negated() ? new BoundExpr.Not(result) : result;
        }

        private BoundExpr inList(final Expression.InList in)
        {
            final BoundExpr operand = bind(in.operand());
            final List<BoundExpr> values = new ArrayList<>();
            final List<ColumnType> types = new ArrayList<>();
            types.add(operand.type());
            for (final Expression value : in.values())
            {
                final BoundExpr bound = bind(value);
                values.add(bound);
                types.add(bound.type());
            }
            final ColumnType type = at(in.position(), () -> TypeRules.commonType("IN", types));
            final BoundExpr probe = align(operand, type);
            final List<BoundExpr> aligned = new ArrayList<>();
            for (final BoundExpr value : values)
            {
                aligned.add(comparable("=", probe, value, in.position())[1]);
            }
            return new BoundExpr.InList(probe, aligned, in.negated());
        }

        private BoundExpr caseExpression(final Expression.Case c)
        {
            final BoundExpr operand = null == c.operand() ? null : bind(c.operand());
            final List<BoundExpr> conditions = new ArrayList<>();
            final List<BoundExpr> results = new ArrayList<>();
            final List<ColumnType> types = new ArrayList<>();
            for (final Expression.When when : c.whens())
            {
                if (null == operand)
                {
                    conditions.add(requireBoolean(bind(when.condition()), "CASE", when.position()));
                }
                else
                {
                    final BoundExpr[] pair = comparable("=", operand, bind(when.condition()), when.position());
                    conditions.add(new BoundExpr.Compare("=", pair[0], pair[1]));
                }
                final BoundExpr result = bind(when.result());
                results.add(result);
                types.add(result.type());
            }
            final BoundExpr otherwise = null == c.elseResult() ? new BoundExpr.Literal(null, null) : bind(c.elseResult());
            types.add(otherwise.type());
            final ColumnType type = unknownAsText(at(c.position(), () -> TypeRules.commonType("CASE", types)));
            final List<BoundExpr> typed = new ArrayList<>();
            for (final BoundExpr result : results)
            {
                typed.add(convert(result, type));
            }
            return new BoundExpr.Case(conditions, typed, convert(otherwise, type), type);
        }

        private BoundExpr function(final Expression.FunctionCall call)
        {
            final String name = call.name();
            if (Functions.isAggregate(name) && !call.star() || (call.star() && "count".equals(name)))
            {
                return aggregate(call);
            }
            if (call.star())
            {
                throw new SqlException(SqlState.UNDEFINED_FUNCTION, "function " + name + "(*) does not exist",
                    call.position());
            }
            final List<BoundExpr> args = new ArrayList<>();
            for (final Expression argument : call.arguments())
            {
                args.add(bind(argument));
            }
            switch (name)
            {
                case "coalesce":
                case "greatest":
                case "least":
                case "nullif":
                {
                    final List<ColumnType> types = new ArrayList<>();
                    for (final BoundExpr arg : args)
                    {
                        types.add(arg.type());
                    }
                    if (args.isEmpty() || ("nullif".equals(name) && args.size() != 2))
                    {
                        throw new SqlException(SqlState.UNDEFINED_FUNCTION, "function " + name +
                            " does not exist for " + args.size() + " arguments", call.position());
                    }
                    final ColumnType type = unknownAsText(at(call.position(), () -> TypeRules.commonType(name, types)));
                    final List<BoundExpr> typed = new ArrayList<>();
                    for (final BoundExpr arg : args)
                    {
                        typed.add(convert(arg, type));
                    }
                    return new BoundExpr.Call(name, typed, "nullif".equals(name) ? typed.get(0).type() : type, true);
                }
                case "nextval":
                    if (args.size() != 1 || !(args.get(0) instanceof BoundExpr.Literal) ||
                        !(((BoundExpr.Literal)args.get(0)).value() instanceof String))
                    {
                        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                            "nextval takes the name of a serial column's sequence as a string literal", call.position());
                    }
                    return new BoundExpr.Call(name, List.of(new BoundExpr.Literal(((BoundExpr.Literal)args.get(0)).value(),
                        ColumnType.TEXT)), ColumnType.BIGINT, false);
                default:
                    return Functions.bindScalar(name, args, context, call.position());
            }
        }

        private BoundExpr aggregate(final Expression.FunctionCall call)
        {
            if (!aggregates)
            {
                throw new SqlException(SqlState.GROUPING_ERROR, "aggregate functions are not allowed in " +
                    (null == clause ? "this context" : clause), call.position());
            }
            if (insideAggregate)
            {
                throw new SqlException(SqlState.GROUPING_ERROR, "aggregate function calls cannot be nested",
                    call.position());
            }
            insideAggregate = true;
            try
            {
                BoundExpr argument = null;
                if (!call.star())
                {
                    if (call.arguments().size() != 1)
                    {
                        throw new SqlException(SqlState.UNDEFINED_FUNCTION, "function " + call.name() + " with " +
                            call.arguments().size() + " arguments does not exist", call.position());
                    }
                    argument = bind(call.arguments().get(0));
                }
                if (null != call.filter())
                {
                    final BoundExpr condition = requireBoolean(bind(call.filter()), "FILTER", call.filter().position());
                    final BoundExpr value = null == argument ? new BoundExpr.Literal(1, ColumnType.INTEGER) : argument;
                    argument = new BoundExpr.Case(List.of(condition), List.of(value), new BoundExpr.Literal(null, null),
                        value.type());
                }
                if (null != argument && null == argument.type())
                {
                    argument = coerce(argument, ColumnType.TEXT, context);
                }
                return Functions.bindAggregate(call.name(), argument, call.distinct(), call.position());
            }
            finally
            {
                insideAggregate = false;
            }
        }

        private BoundExpr subquery(
            final BoundExpr.SubqueryKind kind, final Statement.Query query, final Expression operandSyntax,
            final String op, final boolean negated, final int position)
        {
            final int before = context.referencesTo(scope);
            final LogicalPlan plan = queries.bindSubquery(query, scope);
            final boolean correlated = context.referencesTo(scope) != before;
            if (kind != BoundExpr.SubqueryKind.EXISTS && plan.fields().size() != 1)
            {
                throw new SqlException(SqlState.SYNTAX_ERROR, "subquery must return only one column", position);
            }
            if (kind == BoundExpr.SubqueryKind.SCALAR)
            {
                return new BoundExpr.Subquery(kind, plan, null, null, false, correlated, scope.slot(),
                    plan.fields().get(0).type());
            }
            if (kind == BoundExpr.SubqueryKind.EXISTS)
            {
                return new BoundExpr.Subquery(kind, plan, null, null, false, correlated, scope.slot(),
                    ColumnType.BOOLEAN);
            }
            BoundExpr operand = bind(operandSyntax);
            final ColumnType inner = plan.fields().get(0).type();
            final BoundExpr probe = operand;
            final ColumnType type = at(position, () -> TypeRules.comparisonType(op, probe.type(), inner));
            operand = align(operand, type);
            return new BoundExpr.Subquery(kind, plan, operand, op, negated, correlated, scope.slot(), ColumnType.BOOLEAN);
        }

        private BoundExpr convert(final BoundExpr expression, final ColumnType type)
        {
            if (null == expression.type())
            {
                return coerce(expression, type, context);
            }
            if (expression.type().kind() == type.kind() ||
                (TypeRules.isNumeric(expression.type()) && TypeRules.isNumeric(type) &&
                    TypeRules.numericRank(expression.type().kind()) == TypeRules.numericRank(type.kind())))
            {
                return expression;
            }
            return new BoundExpr.Cast(expression, type);
        }
    }

    private static ColumnType unknownAsText(final ColumnType type)
    {
        return null == type ? ColumnType.TEXT : type;
    }

    /**
     * Runs a step and attaches a position to a {@link SqlException} that has none.
     *
     * @param position the position.
     * @param step     the step.
     * @param <T>      the result type.
     * @return the step's result.
     */
    public static <T> T at(final int position, final Supplier<T> step)
    {
        try
        {
            return step.get();
        }
        catch (final SqlException ex)
        {
            if (ex.position() != 0)
            {
                throw ex;
            }
            throw new SqlException(ex.sqlState(), ex.getMessage(), position, ex.getCause());
        }
    }
}
