package io.phantomdb.server.pgwire;

import io.phantomdb.sql.PreparedSql;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlResult;

import java.util.List;
import java.util.function.Function;

/**
 * A statement as the protocol sees it: parsed once, described, executed with parameters. Either the engine's
 * {@link PreparedSql} or a command the server answers itself (SET, SHOW, user management, catalog functions).
 * <p>
 * <b>Note:</b> not thread-safe; owned by one connection's thread.
 */
interface ServerStatement extends AutoCloseable
{
    /**
     * @return the result columns; empty when the statement returns no rows.
     */
    List<ResultColumn> columns();

    /**
     * @return the number of parameters.
     */
    int parameterCount();

    /**
     * @param index 0-based.
     * @return the parameter's type OID.
     */
    int parameterOid(int index);

    /**
     * @param parameters the values.
     * @return the result.
     */
    SqlResult execute(Object[] parameters);

    @Override
    void close();

    /**
     * Wraps an engine statement.
     */
    static ServerStatement of(final PreparedSql prepared)
    {
        return new ServerStatement()
        {
            @Override
            public List<ResultColumn> columns()
            {
                return prepared.columns();
            }

            @Override
            public int parameterCount()
            {
                return prepared.parameterCount();
            }

            @Override
            public int parameterOid(final int index)
            {
                return prepared.parameterType(index).pgOid();
            }

            @Override
            public SqlResult execute(final Object[] parameters)
            {
                return prepared.execute(parameters);
            }

            @Override
            public void close()
            {
                prepared.close();
            }
        };
    }

    /**
     * A statement the server answers itself, with text parameters.
     *
     * @param columns    the columns of its result.
     * @param parameters how many parameters it takes.
     * @param action     runs it; gets the parameters.
     */
    static ServerStatement catalog(
        final List<ResultColumn> columns, final int parameters, final Function<Object[], SqlResult> action)
    {
        return new ServerStatement()
        {
            @Override
            public List<ResultColumn> columns()
            {
                return columns;
            }

            @Override
            public int parameterCount()
            {
                return parameters;
            }

            @Override
            public int parameterOid(final int index)
            {
                return PgTypes.TEXT;
            }

            @Override
            public SqlResult execute(final Object[] values)
            {
                return action.apply(values);
            }

            @Override
            public void close()
            {
            }
        };
    }

    /**
     * A statement the server answers itself, without parameters.
     *
     * @param columns the columns of its result.
     * @param action  runs it; gets the parameters.
     */
    static ServerStatement local(final List<ResultColumn> columns, final Function<Object[], SqlResult> action)
    {
        return new ServerStatement()
        {
            @Override
            public List<ResultColumn> columns()
            {
                return columns;
            }

            @Override
            public int parameterCount()
            {
                return 0;
            }

            @Override
            public int parameterOid(final int index)
            {
                throw new IndexOutOfBoundsException("parameter " + index + " of a statement without parameters");
            }

            @Override
            public SqlResult execute(final Object[] parameters)
            {
                return action.apply(parameters);
            }

            @Override
            public void close()
            {
            }
        };
    }
}
