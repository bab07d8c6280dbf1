package io.phantomdb.sql.plan;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.exec.Evaluator;
import io.phantomdb.sql.exec.ExecContext;
import io.phantomdb.sql.exec.GroupKey;
import io.phantomdb.sql.exec.Operator;
import io.phantomdb.sql.exec.SubqueryEvaluator;
import io.phantomdb.sql.func.FunctionRegistry;
import io.phantomdb.sql.value.Arithmetic;
import io.phantomdb.sql.value.Casts;
import io.phantomdb.sql.value.Values;
import io.phantomdb.sql.value.json.JsonOps;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Compiles {@link BoundExpr}s into {@link Evaluator} objects once per plan, so rows are evaluated without
 * walking the tree's types again. NULL in, NULL out for strict operators; AND/OR/NOT are three-valued.
 * <p>
 * <b>Note:</b> used by one thread while planning; the evaluators are confined to the plan's thread.
 */
public final class ExpressionCompiler
{
    private final Function<LogicalPlan, Operator> subqueries;
    private final FunctionRegistry functions;
    private final ToLongFunction<String> sequences;

    /**
     * @param subqueries plans a subquery's logical plan into operators.
     * @param functions  resolves scalar functions.
     * @param sequences  gives the next value of a serial column's sequence, by name.
     */
    public ExpressionCompiler(final Function<LogicalPlan, Operator> subqueries, final FunctionRegistry functions,
        final ToLongFunction<String> sequences)
    {
        this.subqueries = subqueries;
        this.functions = functions;
        this.sequences = sequences;
    }

    /**
     * @param expressions expressions.
     * @return their evaluators.
     */
    public Evaluator[] compile(final List<BoundExpr> expressions)
    {
        final Evaluator[] out = new Evaluator[expressions.size()];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = compile(expressions.get(i));
        }
        return out;
    }

    /**
     * @param e an expression.
     * @return its evaluator.
     */
    public Evaluator compile(final BoundExpr e)
    {
        if (e instanceof BoundExpr.Literal)
        {
            final Object value = ((BoundExpr.Literal)e).value();
            return (row, ctx) -> value;
        }
        if (e instanceof BoundExpr.InputRef)
        {
            final int index = ((BoundExpr.InputRef)e).index();
            return (row, ctx) -> row[index];
        }
        if (e instanceof BoundExpr.OuterRef)
        {
            final int slot = ((BoundExpr.OuterRef)e).slot();
            final int index = ((BoundExpr.OuterRef)e).index();
            return (row, ctx) -> ctx.outer(slot)[index];
        }
        if (e instanceof BoundExpr.Param)
        {
            final int index = ((BoundExpr.Param)e).index();
            return (row, ctx) -> ctx.param(index);
        }
        if (e instanceof BoundExpr.Compare)
        {
            final BoundExpr.Compare c = (BoundExpr.Compare)e;
            return compare(c.op(), compile(c.left()), compile(c.right()));
        }
        if (e instanceof BoundExpr.IsDistinct)
        {
            final BoundExpr.IsDistinct d = (BoundExpr.IsDistinct)e;
            final Evaluator l = compile(d.left());
            final Evaluator r = compile(d.right());
            final boolean negated = d.negated();
            return (row, ctx) -> Values.distinct(l.eval(row, ctx), r.eval(row, ctx)) != negated;
        }
        if (e instanceof BoundExpr.And)
        {
            return and(compile(((BoundExpr.And)e).terms()));
        }
        if (e instanceof BoundExpr.Or)
        {
            return or(compile(((BoundExpr.Or)e).terms()));
        }
        if (e instanceof BoundExpr.Not)
        {
            final Evaluator operand = compile(((BoundExpr.Not)e).operand());
            return (row, ctx) -> Values.not((Boolean)operand.eval(row, ctx));
        }
        if (e instanceof BoundExpr.Binary)
        {
            return binary((BoundExpr.Binary)e);
        }
        if (e instanceof BoundExpr.Negate)
        {
            final Evaluator operand = compile(((BoundExpr.Negate)e).operand());
            return (row, ctx) -> Arithmetic.negate(operand.eval(row, ctx));
        }
        if (e instanceof BoundExpr.IsNull)
        {
            final Evaluator operand = compile(((BoundExpr.IsNull)e).operand());
            final boolean negated = ((BoundExpr.IsNull)e).negated();
            return (row, ctx) -> (null == operand.eval(row, ctx)) != negated;
        }
        if (e instanceof BoundExpr.IsTruth)
        {
            final BoundExpr.IsTruth t = (BoundExpr.IsTruth)e;
            final Evaluator operand = compile(t.operand());
            final Boolean wanted = switch (t.truth())
            {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case UNKNOWN -> null;
            };
            final boolean negated = t.negated();
            return (row, ctx) ->
            {
                final Object value = operand.eval(row, ctx);
                return (null == wanted ? null == value : wanted.equals(value)) != negated;
            };
        }
        if (e instanceof BoundExpr.InList)
        {
            return inList((BoundExpr.InList)e);
        }
        if (e instanceof BoundExpr.Case)
        {
            final BoundExpr.Case c = (BoundExpr.Case)e;
            final Evaluator[] conditions = compile(c.conditions());
            final Evaluator[] results = compile(c.results());
            final Evaluator otherwise = compile(c.otherwise());
            return (row, ctx) ->
            {
                for (int i = 0; i < conditions.length; i++)
                {
                    if (Boolean.TRUE.equals(conditions[i].eval(row, ctx)))
                    {
                        return results[i].eval(row, ctx);
                    }
                }
                return otherwise.eval(row, ctx);
            };
        }
        if (e instanceof BoundExpr.Cast)
        {
            final BoundExpr.Cast c = (BoundExpr.Cast)e;
            final Evaluator operand = compile(c.operand());
            final ColumnType from = c.operand().type();
            final ColumnType to = c.type();
            return (row, ctx) -> Casts.cast(operand.eval(row, ctx), from, to);
        }
        if (e instanceof BoundExpr.Call)
        {
            return call((BoundExpr.Call)e);
        }
        if (e instanceof BoundExpr.Like)
        {
            final BoundExpr.Like l = (BoundExpr.Like)e;
            return Functions.like(l.kind(), compile(l.operand()), compile(l.pattern()),
                null == l.escape() ? null : compile(l.escape()), l.negated());
        }
        if (e instanceof BoundExpr.Subquery)
        {
            return subquery((BoundExpr.Subquery)e);
        }
        throw new IllegalStateException("cannot compile " + e);
    }

    private static Evaluator compare(final String op, final Evaluator l, final Evaluator r)
    {
        switch (op)
        {
            case "=":
                return (row, ctx) ->
                {
                    final Object a = l.eval(row, ctx);
                    final Object b = r.eval(row, ctx);
                    return null == a || null == b ? null : Values.equal(a, b);
                };
            case "<>":
                return (row, ctx) ->
                {
                    final Object a = l.eval(row, ctx);
                    final Object b = r.eval(row, ctx);
                    return null == a || null == b ? null : !Values.equal(a, b);
                };
            case "<":
                return (row, ctx) ->
                {
                    final Object a = l.eval(row, ctx);
                    final Object b = r.eval(row, ctx);
                    return null == a || null == b ? null : Values.compare(a, b) < 0;
                };
            case "<=":
                return (row, ctx) ->
                {
                    final Object a = l.eval(row, ctx);
                    final Object b = r.eval(row, ctx);
                    return null == a || null == b ? null : Values.compare(a, b) <= 0;
                };
            case ">":
                return (row, ctx) ->
                {
                    final Object a = l.eval(row, ctx);
                    final Object b = r.eval(row, ctx);
                    return null == a || null == b ? null : Values.compare(a, b) > 0;
                };
            case ">=":
                return (row, ctx) ->
                {
                    final Object a = l.eval(row, ctx);
                    final Object b = r.eval(row, ctx);
                    return null == a || null == b ? null : Values.compare(a, b) >= 0;
                };
            default:
                throw new IllegalStateException("unknown comparison " + op);
        }
    }

    /**
     * @param op a comparison operator.
     * @return the comparison on two non-null values.
     */
    public static SubqueryEvaluator.Comparison comparison(final String op)
    {
        return switch (op)
        {
            case "=" -> (a, b) -> Values.equal(a, b);
            case "<>" -> (a, b) -> !Values.equal(a, b);
            case "<" -> (a, b) -> Values.compare(a, b) < 0;
            case "<=" -> (a, b) -> Values.compare(a, b) <= 0;
            case ">" -> (a, b) -> Values.compare(a, b) > 0;
            default -> (a, b) -> Values.compare(a, b) >= 0;
        };
    }

    private static Evaluator and(final Evaluator[] terms)
    {
        if (terms.length == 2)
        {
            final Evaluator a = terms[0];
            final Evaluator b = terms[1];
            return (row, ctx) ->
            {
                final Object x = a.eval(row, ctx);
                if (Boolean.FALSE.equals(x))
                {
                    return Boolean.FALSE;
                }
                final Object y = b.eval(row, ctx);
                if (Boolean.FALSE.equals(y))
                {
                    return Boolean.FALSE;
                }
                return null == x || null == y ? null : Boolean.TRUE;
            };
        }
        return (row, ctx) ->
        {
            boolean unknown = false;
            for (final Evaluator term : terms)
            {
                final Object value = term.eval(row, ctx);
                if (Boolean.FALSE.equals(value))
                {
                    return Boolean.FALSE;
                }
                unknown |= null == value;
            }
            return unknown ? null : Boolean.TRUE;
        };
    }

    private static Evaluator or(final Evaluator[] terms)
    {
        return (row, ctx) ->
        {
            boolean unknown = false;
            for (final Evaluator term : terms)
            {
                final Object value = term.eval(row, ctx);
                if (Boolean.TRUE.equals(value))
                {
                    return Boolean.TRUE;
                }
                unknown |= null == value;
            }
            return unknown ? null : Boolean.FALSE;
        };
    }

    private Evaluator binary(final BoundExpr.Binary b)
    {
        final Evaluator l = compile(b.left());
        final Evaluator r = compile(b.right());
        switch (b.op())
        {
            case ADD:
                return (row, ctx) -> Arithmetic.add(l.eval(row, ctx), r.eval(row, ctx));
            case SUBTRACT:
                return (row, ctx) -> Arithmetic.subtract(l.eval(row, ctx), r.eval(row, ctx));
            case MULTIPLY:
                return (row, ctx) -> Arithmetic.multiply(l.eval(row, ctx), r.eval(row, ctx));
            case DIVIDE:
                return (row, ctx) -> Arithmetic.divide(l.eval(row, ctx), r.eval(row, ctx));
            case MODULO:
                return (row, ctx) -> Arithmetic.modulo(l.eval(row, ctx), r.eval(row, ctx));
            case POWER:
                return Functions.power(l, r);
            case CONCAT:
                return (row, ctx) -> Arithmetic.concat(l.eval(row, ctx), r.eval(row, ctx));
            case JSON_GET:
                return (row, ctx) -> JsonOps.get((String)l.eval(row, ctx), r.eval(row, ctx));
            case JSON_GET_TEXT:
                return (row, ctx) -> JsonOps.getText((String)l.eval(row, ctx), r.eval(row, ctx));
            case JSON_PATH:
                return (row, ctx) -> JsonOps.getPath((String)l.eval(row, ctx), (String)r.eval(row, ctx));
            case JSON_PATH_TEXT:
                return (row, ctx) -> JsonOps.getPathText((String)l.eval(row, ctx), (String)r.eval(row, ctx));
            case JSON_CONTAINS:
                return (row, ctx) -> JsonOps.contains((String)l.eval(row, ctx), (String)r.eval(row, ctx));
            case JSON_CONTAINED:
                return (row, ctx) -> JsonOps.containedIn((String)l.eval(row, ctx), (String)r.eval(row, ctx));
            case JSON_HAS_KEY:
                return (row, ctx) -> JsonOps.hasKey((String)l.eval(row, ctx), (String)r.eval(row, ctx));
            case JSON_HAS_ANY:
                return (row, ctx) -> JsonOps.hasKeys((String)l.eval(row, ctx), (String)r.eval(row, ctx), false);
            case JSON_HAS_ALL:
                return (row, ctx) -> JsonOps.hasKeys((String)l.eval(row, ctx), (String)r.eval(row, ctx), true);
            default:
                throw new IllegalStateException("not a binary operator: " + b.op());
        }
    }

    private Evaluator inList(final BoundExpr.InList in)
    {
        final Evaluator operand = compile(in.operand());
        final boolean negated = in.negated();
        if (in.values().size() > 4 && in.values().stream().allMatch(v -> v instanceof BoundExpr.Literal))
        {
            final Set<GroupKey> set = new HashSet<>();
            boolean hasNull = false;
            for (final BoundExpr v : in.values())
            {
                final Object value = ((BoundExpr.Literal)v).value();
                hasNull |= null == value;
                if (null != value)
                {
                    set.add(new GroupKey(new Object[]{value}, SqlValueSemantics.INSTANCE));
                }
            }
            final boolean unknownWhenMissing = hasNull;
            return (row, ctx) ->
            {
                final Object left = operand.eval(row, ctx);
                if (null == left)
                {
                    return null;
                }
                if (set.contains(new GroupKey(new Object[]{left}, SqlValueSemantics.INSTANCE)))
                {
                    return !negated;
                }
                return unknownWhenMissing ? null : negated;
            };
        }
        final Evaluator[] values = compile(in.values());
        return (row, ctx) ->
        {
            final Object left = operand.eval(row, ctx);
            if (null == left)
            {
                return null;
            }
            boolean unknown = false;
            for (final Evaluator value : values)
            {
                final Object right = value.eval(row, ctx);
                if (null == right)
                {
                    unknown = true;
                }
                else if (Values.equal(left, right))
                {
                    return !negated;
                }
            }
            return unknown ? null : negated;
        };
    }

    private Evaluator call(final BoundExpr.Call c)
    {
        final Evaluator[] args = compile(c.args());
        switch (c.name())
        {
            case "coalesce":
                return (row, ctx) ->
                {
                    for (final Evaluator arg : args)
                    {
                        final Object value = arg.eval(row, ctx);
                        if (null != value)
                        {
                            return value;
                        }
                    }
                    return null;
                };
            case "nullif":
                return (row, ctx) ->
                {
                    final Object a = args[0].eval(row, ctx);
                    final Object b = args[1].eval(row, ctx);
                    return null != a && null != b && Values.equal(a, b) ? null : a;
                };
            case "greatest":
            case "least":
            {
                final int sign = "greatest".equals(c.name()) ? 1 : -1;
                return (row, ctx) ->
                {
                    Object best = null;
                    for (final Evaluator arg : args)
                    {
                        final Object value = arg.eval(row, ctx);
                        if (null != value && (null == best || sign * Values.compare(value, best) > 0))
                        {
                            best = value;
                        }
                    }
                    return best;
                };
            }
            case "nextval":
            {
                final String sequence = (String)((BoundExpr.Literal)c.args().get(0)).value();
                return (row, ctx) -> sequences.applyAsLong(sequence);
            }
            default:
                return Functions.compileCall(c, args, functions);
        }
    }

    private Evaluator subquery(final BoundExpr.Subquery s)
    {
        final Operator plan = subqueries.apply(s.plan());
        final SubqueryEvaluator.Kind kind = SubqueryEvaluator.Kind.valueOf(s.kind().name());
        final Evaluator operand = null == s.operand() ? null : compile(s.operand());
        final int[] memoKey = s.correlated() && (kind == SubqueryEvaluator.Kind.SCALAR ||
            kind == SubqueryEvaluator.Kind.EXISTS) ? PlanExpressions.outerColumns(s.plan(), s.slot()) : null;
        return new SubqueryEvaluator(kind, plan, operand, null == s.op() ? null : comparison(s.op()),
            "=".equals(s.op()), s.negated(), s.correlated(), s.slot(), SqlValueSemantics.INSTANCE, memoKey);
    }

    /**
     * Evaluates a constant expression now.
     *
     * @param e a constant expression.
     * @return its value.
     */
    public Object evaluateConstant(final BoundExpr e)
    {
        return compile(e).eval(null, new ExecContext());
    }
}
