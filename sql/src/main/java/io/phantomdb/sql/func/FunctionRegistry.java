package io.phantomdb.sql.func;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.value.TypeRules;

import java.util.List;
import java.util.Locale;

/**
 * Resolves scalar functions by name and argument types, as PostgreSQL's function lookup does for the
 * functions PhantomDB has (see docs/sql-types-and-functions.md for the list).
 * <p>
 * The time functions ({@code now()}, {@code current_timestamp}, {@code current_date}, {@code localtime}...)
 * and {@code random()} read the {@link EvalContext} given to the constructor; they report
 * {@link ScalarFunction#deterministic()} false so constant folding leaves them alone. The SQL keywords
 * {@code CURRENT_DATE}, {@code CURRENT_TIMESTAMP}, {@code LOCALTIMESTAMP} and {@code LOCALTIME} resolve by
 * those names with no arguments; {@code EXTRACT(f FROM x)} as {@code extract(f, x)} (NUMERIC result);
 * {@code POSITION(a IN b)} as {@code position(a, b)}; {@code SUBSTRING(s FROM i FOR n)} as
 * {@code substring(s, i, n)}; {@code TRIM(BOTH c FROM s)} as {@code btrim(s, c)} (LEADING ltrim, TRAILING rtrim).
 * <p>
 * <b>Note:</b> immutable, safe to share between threads; resolved functions are too. Resolve once per
 * plan, invoke per row.
 */
public final class FunctionRegistry
{
    private final EvalContext context;

    /**
     * @param context where the time functions and {@code random()} read from.
     */
    public FunctionRegistry(final EvalContext context)
    {
        this.context = context;
    }

    /**
     * @param name     the function name, any case.
     * @param argTypes the argument types, null entries for unknown (NULL literals, untyped parameters).
     * @return the function; invoke it with values of those types.
     * @throws SqlException 42883 {@code function foo(integer) does not exist} when no function of that name
     *                      takes those arguments; 42804 when arguments of coalesce/greatest/least have no
     *                      common type.
     */
    public ScalarFunction resolve(final String name, final List<ColumnType> argTypes)
    {
        final String lower = name.toLowerCase(Locale.ROOT);
        ScalarFunction f = StringFunctions.resolve(lower, argTypes);
        if (f == null)
        {
            f = MathFunctions.resolve(lower, argTypes, context);
        }
        if (f == null)
        {
            f = ConditionalFunctions.resolve(lower, argTypes);
        }
        if (f == null)
        {
            f = DateFunctions.resolve(lower, argTypes, context);
        }
        if (f == null)
        {
            f = JsonFunctions.resolve(lower, argTypes);
        }
        if (f == null)
        {
            throw new SqlException(SqlState.UNDEFINED_FUNCTION, "function " + signature(lower, argTypes) + " does not exist");
        }
        return f;
    }

    /**
     * @param name     a function name.
     * @param argTypes argument types, null entries for unknown.
     * @return PostgreSQL's spelling for messages, for example {@code foo(integer, text)}.
     */
    public static String signature(final String name, final List<ColumnType> argTypes)
    {
        final StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < argTypes.size(); i++)
        {
            if (i > 0)
            {
                sb.append(", ");
            }
            final ColumnType type = argTypes.get(i);
            sb.append(type != null && type.kind() == TypeKind.CHAR ? "character" :
                TypeRules.displayName(TypeRules.unconstrained(type)));
        }
        return sb.append(')').toString();
    }
}
