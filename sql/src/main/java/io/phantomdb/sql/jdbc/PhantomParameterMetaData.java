package io.phantomdb.sql.jdbc;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.PreparedSql;

import java.sql.ParameterMetaData;
import java.sql.SQLException;

/**
 * Describes a prepared statement's parameters from the types the planner inferred for them
 * ({@link PreparedSql#parameterType(int)}); every parameter is an IN parameter that may be NULL.
 * <p>
 * <b>Note:</b> reads the prepared statement; same threading as its connection.
 */
final class PhantomParameterMetaData implements ParameterMetaData
{
    private final PreparedSql prepared;

    /**
     * @param prepared the statement.
     */
    PhantomParameterMetaData(final PreparedSql prepared)
    {
        this.prepared = prepared;
    }

    private ColumnType type(final int param) throws SQLException
    {
        if (param < 1 || param > prepared.parameterCount())
        {
            throw new SQLException(
                "parameter index " + param + " is out of range 1.." + prepared.parameterCount(), "22023");
        }
        return prepared.parameterType(param - 1);
    }

    @Override
    public int getParameterCount()
    {
        return prepared.parameterCount();
    }

    @Override
    public int isNullable(final int param) throws SQLException
    {
        type(param);
        return parameterNullable;
    }

    @Override
    public boolean isSigned(final int param) throws SQLException
    {
        return JdbcTypes.isSigned(type(param).kind());
    }

    @Override
    public int getPrecision(final int param) throws SQLException
    {
        return JdbcTypes.precision(type(param));
    }

    @Override
    public int getScale(final int param) throws SQLException
    {
        return JdbcTypes.scale(type(param));
    }

    @Override
    public int getParameterType(final int param) throws SQLException
    {
        return JdbcTypes.sqlType(type(param).kind());
    }

    @Override
    public String getParameterTypeName(final int param) throws SQLException
    {
        return type(param).pgTypeName();
    }

    @Override
    public String getParameterClassName(final int param) throws SQLException
    {
        return JdbcTypes.className(type(param).kind());
    }

    @Override
    public int getParameterMode(final int param) throws SQLException
    {
        type(param);
        return parameterModeIn;
    }

    @Override
    public <T> T unwrap(final Class<T> iface) throws SQLException
    {
        if (iface.isInstance(this))
        {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName(), "22023");
    }

    @Override
    public boolean isWrapperFor(final Class<?> iface)
    {
        return iface.isInstance(this);
    }
}
