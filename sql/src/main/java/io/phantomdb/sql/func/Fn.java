package io.phantomdb.sql.func;

import io.phantomdb.core.schema.ColumnType;

/**
 * The one {@link ScalarFunction} implementation: a name, a return type, strictness, determinism and a
 * {@link Body}.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
final class Fn implements ScalarFunction
{
    /**
     * The computation of a function on non-null arguments (or any arguments when not strict).
     */
    interface Body
    {
        Object apply(Object[] args);
    }

    private final String name;
    private final ColumnType returnType;
    private final boolean strict;
    private final boolean deterministic;
    private final Body body;

    Fn(final String name, final ColumnType returnType, final boolean strict, final boolean deterministic, final Body body)
    {
        this.name = name;
        this.returnType = returnType;
        this.strict = strict;
        this.deterministic = deterministic;
        this.body = body;
    }

    static Fn strict(final String name, final ColumnType returnType, final Body body)
    {
        return new Fn(name, returnType, true, true, body);
    }

    static Fn lenient(final String name, final ColumnType returnType, final Body body)
    {
        return new Fn(name, returnType, false, true, body);
    }

    static Fn volatileFn(final String name, final ColumnType returnType, final Body body)
    {
        return new Fn(name, returnType, false, false, body);
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public ColumnType returnType()
    {
        return returnType;
    }

    @Override
    public boolean deterministic()
    {
        return deterministic;
    }

    @Override
    public Object invoke(final Object[] args)
    {
        if (strict)
        {
            for (int i = 0; i < args.length; i++)
            {
                if (args[i] == null)
                {
                    return null;
                }
            }
        }
        return body.apply(args);
    }

    @Override
    public String toString()
    {
        return name + " -> " + returnType;
    }
}
