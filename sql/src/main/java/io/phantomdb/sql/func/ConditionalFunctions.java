package io.phantomdb.sql.func;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.value.Casts;
import io.phantomdb.sql.value.TypeRules;
import io.phantomdb.sql.value.Values;

import java.util.List;
import java.util.Locale;

/**
 * {@code coalesce}, {@code nullif}, {@code greatest} and {@code least}: not strict; their arguments are
 * brought to the common type ({@link TypeRules#commonType(String, List)}) before they are compared or
 * returned.
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
final class ConditionalFunctions
{
    private ConditionalFunctions()
    {
    }

    static ScalarFunction resolve(final String name, final List<ColumnType> types)
    {
        final int n = types.size();
        switch (name)
        {
            case "coalesce":
            {
                if (n == 0)
                {
                    return null;
                }
                final ColumnType common = TypeRules.commonType("COALESCE", types);
                final ColumnType[] argTypes = types.toArray(new ColumnType[0]);
                return Fn.lenient(name, common, a ->
                {
                    for (int i = 0; i < a.length; i++)
                    {
                        if (a[i] != null)
                        {
                            return Casts.cast(a[i], argTypes[i], common);
                        }
                    }
                    return null;
                });
            }
            case "nullif":
            {
                if (n != 2)
                {
                    return null;
                }
                final ColumnType t0 = types.get(0);
                final ColumnType t1 = types.get(1);
                final ColumnType compareAs = TypeRules.comparisonType("=", t0, t1);
                final ColumnType result = t0 == null ? compareAs : t0;
                return Fn.lenient(name, result, a ->
                {
                    if (a[0] == null || a[1] == null)
                    {
                        return a[0] == null ? null : Casts.cast(a[0], t0, result);
                    }
                    final boolean same = Values.equal(Casts.cast(a[0], t0, compareAs), Casts.cast(a[1], t1, compareAs));
                    return same ? null : Casts.cast(a[0], t0, result);
                });
            }
            case "greatest":
            case "least":
            {
                if (n == 0)
                {
                    return null;
                }
                final ColumnType common = TypeRules.commonType(name.toUpperCase(Locale.ROOT), types);
                final ColumnType[] argTypes = types.toArray(new ColumnType[0]);
                final int sign = "greatest".equals(name) ? 1 : -1;
                return Fn.lenient(name, common, a ->
                {
                    Object best = null;
                    for (int i = 0; i < a.length; i++)
                    {
                        if (a[i] != null)
                        {
                            final Object v = Casts.cast(a[i], argTypes[i], common);
                            if (best == null || sign * Values.compare(v, best) > 0)
                            {
                                best = v;
                            }
                        }
                    }
                    return best;
                });
            }
            default:
                return null;
        }
    }
}
