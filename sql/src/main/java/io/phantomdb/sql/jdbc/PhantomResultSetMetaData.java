package io.phantomdb.sql.jdbc;

import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlMetadata;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * Describes the columns of a result ({@link ResultColumn}s) to JDBC: labels, base table and column, the
 * {@link java.sql.Types} code and PostgreSQL type name, precision, scale, nullability and Java class.
 * {@link #isAutoIncrement(int)} reads the catalog: a base column whose default calls {@code nextval}
 * (SERIAL) is auto-increment.
 * <p>
 * <b>Note:</b> immutable, safe from any thread.
 */
final class PhantomResultSetMetaData implements ResultSetMetaData
{
    private final List<ResultColumn> columns;
    private final SqlDatabase database;

    /**
     * @param columns  the columns, in result order.
     * @param database the database whose catalog tells auto-increment columns, or null (then none is).
     */
    PhantomResultSetMetaData(final List<ResultColumn> columns, final SqlDatabase database)
    {
        this.columns = columns;
        this.database = database;
    }

    private ResultColumn column(final int column) throws SQLException
    {
        if (column < 1 || column > columns.size())
        {
            throw new SQLException(
                "column index " + column + " is out of range 1.." + columns.size(), SqlErrors.INVALID_COLUMN);
        }
        return columns.get(column - 1);
    }

    @Override
    public int getColumnCount()
    {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(final int column) throws SQLException
    {
        final ResultColumn c = column(column);
        if (database == null || c.table() == null || c.column() == null)
        {
            return false;
        }
        for (final SqlMetadata.TableInfo table : database.metadata().tables())
        {
            if (table.name().equals(c.table()))
            {
                for (final SqlMetadata.ColumnInfo info : table.columns())
                {
                    if (info.name().equals(c.column()))
                    {
                        return CatalogRows.isSerial(info.defaultValue());
                    }
                }
            }
        }
        return false;
    }

    @Override
    public boolean isCaseSensitive(final int column) throws SQLException
    {
        return column(column).type().kind().isText();
    }

    @Override
    public boolean isSearchable(final int column) throws SQLException
    {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(final int column) throws SQLException
    {
        column(column);
        return false;
    }

    @Override
    public int isNullable(final int column) throws SQLException
    {
        return column(column).nullable() ? columnNullable : columnNoNulls;
    }

    @Override
    public boolean isSigned(final int column) throws SQLException
    {
        return JdbcTypes.isSigned(column(column).type().kind());
    }

    @Override
    public int getColumnDisplaySize(final int column) throws SQLException
    {
        return JdbcTypes.displaySize(column(column).type());
    }

    @Override
    public String getColumnLabel(final int column) throws SQLException
    {
        return column(column).label();
    }

    @Override
    public String getColumnName(final int column) throws SQLException
    {
        final ResultColumn c = column(column);
        return c.column() == null ? c.label() : c.column();
    }

    @Override
    public String getSchemaName(final int column) throws SQLException
    {
        return column(column).table() == null ? "" : PhantomDatabaseMetaData.SCHEMA;
    }

    @Override
    public int getPrecision(final int column) throws SQLException
    {
        return JdbcTypes.precision(column(column).type());
    }

    @Override
    public int getScale(final int column) throws SQLException
    {
        return JdbcTypes.scale(column(column).type());
    }

    @Override
    public String getTableName(final int column) throws SQLException
    {
        final String table = column(column).table();
        return table == null ? "" : table;
    }

    @Override
    public String getCatalogName(final int column) throws SQLException
    {
        column(column);
        return "";
    }

    @Override
    public int getColumnType(final int column) throws SQLException
    {
        return JdbcTypes.sqlType(column(column).type().kind());
    }

    @Override
    public String getColumnTypeName(final int column) throws SQLException
    {
        return column(column).type().pgTypeName();
    }

    @Override
    public boolean isReadOnly(final int column) throws SQLException
    {
        return column(column).table() == null;
    }

    @Override
    public boolean isWritable(final int column) throws SQLException
    {
        return column(column).table() != null;
    }

    @Override
    public boolean isDefinitelyWritable(final int column) throws SQLException
    {
        column(column);
        return false;
    }

    @Override
    public String getColumnClassName(final int column) throws SQLException
    {
        final TypeKind kind = column(column).type().kind();
        return JdbcTypes.className(kind);
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
