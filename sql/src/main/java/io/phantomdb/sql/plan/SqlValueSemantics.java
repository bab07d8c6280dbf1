package io.phantomdb.sql.plan;

import io.phantomdb.sql.exec.ValueSemantics;
import io.phantomdb.sql.value.Values;

/**
 * {@link ValueSemantics} by the value layer's {@link Values}: NULL sorts last and groups with NULL.
 * <p>
 * <b>Note:</b> stateless, thread safe.
 */
public final class SqlValueSemantics implements ValueSemantics
{
    /** The one instance. */
    public static final SqlValueSemantics INSTANCE = new SqlValueSemantics();

    private SqlValueSemantics()
    {
    }

    @Override
    public int compare(final Object a, final Object b)
    {
        if (null == a || null == b)
        {
            return null == a ? (null == b ? 0 : 1) : -1;
        }
        return Values.compare(a, b);
    }

    @Override
    public boolean same(final Object a, final Object b)
    {
        if (null == a || null == b)
        {
            return a == b;
        }
        return Values.equal(a, b);
    }

    @Override
    public int hash(final Object value)
    {
        return Values.hash(value);
    }
}
