package io.phantomdb.sql.engine;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.PreparedSql;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlState;

import java.util.List;

/**
 * A prepared statement: the SQL text and its current {@link Command}, replaced transparently when the
 * session replans it after DDL. Also the entry of the session's plan cache for {@code execute(String)}.
 * <p>
 * <b>Note:</b> same thread confinement as its session.
 */
final class PreparedStatementImpl implements PreparedSql
{
    private static final String INVALID_STATEMENT_NAME = "26000";

    private final EngineSession session;
    private final String sql;
    Command command;
    final Object[] parameterValues;
    private boolean closed;

    PreparedStatementImpl(final EngineSession session, final String sql, final Command command)
    {
        this.session = session;
        this.sql = sql;
        this.command = command;
        this.parameterValues = new Object[command.parameters.count()];
    }

    @Override
    public String sql()
    {
        return sql;
    }

    @Override
    public int parameterCount()
    {
        return command.parameters.count();
    }

    @Override
    public ColumnType parameterType(final int index)
    {
        if (index < 0 || index >= command.parameters.count())
        {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION, "parameter index " + index + " out of range 0.." +
                (command.parameters.count() - 1));
        }
        return command.parameters.type(index);
    }

    @Override
    public List<ResultColumn> columns()
    {
        return command.columns;
    }

    @Override
    public boolean returnsRows()
    {
        return !command.columns.isEmpty();
    }

    @Override
    public SqlResult execute(final Object... parameters)
    {
        if (closed)
        {
            throw new SqlException(INVALID_STATEMENT_NAME, "prepared statement is closed: " + sql);
        }
        return session.run(this, null == parameters ? new Object[0] : parameters);
    }

    @Override
    public void close()
    {
        closed = true;
    }
}
