package io.phantomdb.replication.sql;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.PreparedSql;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlResult;

import java.util.List;

/**
 * A prepared statement of a {@link ReplicatedSqlSession}: its description (parameter types, columns) comes from the
 * member's local plan; each execution is routed by the session like the statement's text.
 * <p>
 * <b>Note:</b> not thread safe: used by its session's thread.
 */
final class ReplicatedPreparedSql implements PreparedSql
{
    private final ReplicatedSqlSession session;
    private final String sql;
    private final StatementKind kind;
    private final PreparedSql description;

    ReplicatedPreparedSql(
        final ReplicatedSqlSession session, final String sql, final StatementKind kind, final PreparedSql description)
    {
        this.session = session;
        this.sql = sql;
        this.kind = kind;
        this.description = description;
    }

    @Override
    public String sql()
    {
        return sql;
    }

    @Override
    public int parameterCount()
    {
        return description.parameterCount();
    }

    @Override
    public ColumnType parameterType(final int index)
    {
        return description.parameterType(index);
    }

    @Override
    public List<ResultColumn> columns()
    {
        return description.columns();
    }

    @Override
    public boolean returnsRows()
    {
        return description.returnsRows();
    }

    @Override
    public SqlResult execute(final Object... parameters)
    {
        return session.run(sql, parameters, kind);
    }

    @Override
    public void close()
    {
        description.close();
    }
}
