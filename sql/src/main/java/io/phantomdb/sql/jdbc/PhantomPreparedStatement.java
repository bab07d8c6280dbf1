package io.phantomdb.sql.jdbc;

import io.phantomdb.sql.PreparedSql;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A JDBC prepared statement over one {@link PreparedSql}, planned once when the statement is created and
 * run with each set of parameters; a batch reuses it for every entry. Parameters convert as described in
 * {@link Values}; every parameter must be set before execution.
 * <p>
 * <b>Note:</b> one thread at a time; {@link #cancel()} from any thread.
 */
final class PhantomPreparedStatement extends PhantomStatement implements PreparedStatement
{
    private static final String NOT_ON_PREPARED = "42809";

    private final PreparedSql prepared;
    private final boolean keys;
    private final Object[] parameters;
    private final boolean[] set;
    private final List<Object[]> batch = new ArrayList<>();

    /**
     * @param connection the connection.
     * @param sql        one statement.
     * @param returning  the RETURNING list for generated keys, or null for none.
     * @throws SQLException if the statement does not parse or plan.
     */
    PhantomPreparedStatement(final PhantomConnection connection, final String sql, final String returning) throws SQLException
    {
        super(connection);
        if (sql == null)
        {
            throw new SQLException("the SQL text is null", "22023");
        }
        final String text = returning == null ? sql : GeneratedKeys.rewrite(sql, returning);
        keys = !text.equals(sql);
        try
        {
            prepared = connection.beforeStatement(0).prepare(text);
        }
        catch (final SqlException ex)
        {
            throw keys ? GeneratedKeys.failed(ex, sql, this) : translate(ex);
        }
        parameters = new Object[prepared.parameterCount()];
        set = new boolean[parameters.length];
    }

    @Override
    public ResultSet executeQuery() throws SQLException
    {
        execute();
        return requireResultSet(prepared.sql());
    }

    @Override
    public int executeUpdate() throws SQLException
    {
        return (int)Math.min(executeLargeUpdate(), Integer.MAX_VALUE);
    }

    @Override
    public long executeLargeUpdate() throws SQLException
    {
        execute();
        return requireUpdateCount(prepared.sql());
    }

    @Override
    public boolean execute() throws SQLException
    {
        synchronized (connection())
        {
            startExecution();
            checkParameters(parameters);
            final SqlResult result;
            try
            {
                result = prepared.execute(parameters);
            }
            catch (final SqlException ex)
            {
                throw translate(ex);
            }
            return consume(result, keys);
        }
    }

    @Override
    public void addBatch() throws SQLException
    {
        checkOpen();
        checkParameters(parameters);
        batch.add(parameters.clone());
    }

    @Override
    public void clearBatch() throws SQLException
    {
        checkOpen();
        batch.clear();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException
    {
        synchronized (connection())
        {
            startExecution();
            final long[] counts = new long[batch.size()];
            try
            {
                for (int i = 0; i < counts.length; i++)
                {
                    try (SqlResult result = prepared.execute(batch.get(i)))
                    {
                        counts[i] = batchCount(result, i, counts);
                    }
                    catch (final SqlException ex)
                    {
                        throw batchFailure(translate(ex), i, counts);
                    }
                }
                return counts;
            }
            finally
            {
                batch.clear();
            }
        }
    }

    @Override
    public void clearParameters() throws SQLException
    {
        checkOpen();
        Arrays.fill(parameters, null);
        Arrays.fill(set, false);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException
    {
        checkOpen();
        return prepared.returnsRows() ? new PhantomResultSetMetaData(prepared.columns(), connection().database()) : null;
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException
    {
        checkOpen();
        return new PhantomParameterMetaData(prepared);
    }

    @Override
    void onClose()
    {
        batch.clear();
        prepared.close();
    }

    private void checkParameters(final Object[] values) throws SQLException
    {
        for (int i = 0; i < values.length; i++)
        {
            if (!set[i])
            {
                throw new SQLException("no value specified for parameter " + (i + 1), SqlErrors.PARAMETER_NOT_SET);
            }
        }
    }

    private void put(final int parameterIndex, final Object value) throws SQLException
    {
        checkOpen();
        if (parameterIndex < 1 || parameterIndex > parameters.length)
        {
            throw new SQLException("parameter index " + parameterIndex + " is out of range 1.." + parameters.length,
                "22023");
        }
        parameters[parameterIndex - 1] = value;
        set[parameterIndex - 1] = true;
    }

    @Override
    public void setNull(final int parameterIndex, final int sqlType) throws SQLException
    {
        put(parameterIndex, null);
    }

    @Override
    public void setBoolean(final int parameterIndex, final boolean x) throws SQLException
    {
        put(parameterIndex, x);
    }

    @Override
    public void setByte(final int parameterIndex, final byte x) throws SQLException
    {
        put(parameterIndex, (short)x);
    }

    @Override
    public void setShort(final int parameterIndex, final short x) throws SQLException
    {
        put(parameterIndex, x);
    }

    @Override
    public void setInt(final int parameterIndex, final int x) throws SQLException
    {
        put(parameterIndex, x);
    }

    @Override
    public void setLong(final int parameterIndex, final long x) throws SQLException
    {
        put(parameterIndex, x);
    }

    @Override
    public void setFloat(final int parameterIndex, final float x) throws SQLException
    {
        put(parameterIndex, x);
    }

    @Override
    public void setDouble(final int parameterIndex, final double x) throws SQLException
    {
        put(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(final int parameterIndex, final BigDecimal x) throws SQLException
    {
        put(parameterIndex, x);
    }

    @Override
    public void setString(final int parameterIndex, final String x) throws SQLException
    {
        put(parameterIndex, x);
    }

    @Override
    public void setBytes(final int parameterIndex, final byte[] x) throws SQLException
    {
        put(parameterIndex, x);
    }

    @Override
    public void setDate(final int parameterIndex, final Date x) throws SQLException
    {
        put(parameterIndex, x == null ? null : x.toLocalDate());
    }

    @Override
    public void setTime(final int parameterIndex, final Time x) throws SQLException
    {
        put(parameterIndex, Values.toParameter(x));
    }

    @Override
    public void setTimestamp(final int parameterIndex, final Timestamp x) throws SQLException
    {
        put(parameterIndex, x == null ? null : x.toLocalDateTime());
    }

    @Override
    public void setAsciiStream(final int parameterIndex, final InputStream x, final int length) throws SQLException
    {
        setAsciiStream(parameterIndex, x, (long)length);
    }

    /**
     * @deprecated use {@link #setCharacterStream(int, Reader, int)}.
     */
    @Deprecated
    @Override
    public void setUnicodeStream(final int parameterIndex, final InputStream x, final int length) throws SQLException
    {
        throw SqlErrors.unsupported("setUnicodeStream (deprecated): use setCharacterStream");
    }

    @Override
    public void setBinaryStream(final int parameterIndex, final InputStream x, final int length) throws SQLException
    {
        setBinaryStream(parameterIndex, x, (long)length);
    }

    @Override
    public void setObject(final int parameterIndex, final Object x, final int targetSqlType) throws SQLException
    {
        put(parameterIndex, x == null ? null : Values.toParameter(x, targetSqlType, -1));
    }

    @Override
    public void setObject(final int parameterIndex, final Object x) throws SQLException
    {
        put(parameterIndex, Values.toParameter(x));
    }

    @Override
    public void setCharacterStream(final int parameterIndex, final Reader reader, final int length) throws SQLException
    {
        setCharacterStream(parameterIndex, reader, (long)length);
    }

    @Override
    public void setRef(final int parameterIndex, final Ref x) throws SQLException
    {
        throw SqlErrors.unsupported("REF values");
    }

    @Override
    public void setBlob(final int parameterIndex, final Blob x) throws SQLException
    {
        put(parameterIndex, x == null ? null : x.getBytes(1, (int)x.length()));
    }

    @Override
    public void setClob(final int parameterIndex, final Clob x) throws SQLException
    {
        put(parameterIndex, x == null ? null : x.getSubString(1, (int)x.length()));
    }

    @Override
    public void setArray(final int parameterIndex, final Array x) throws SQLException
    {
        throw SqlErrors.unsupported("ARRAY values");
    }

    @Override
    public void setDate(final int parameterIndex, final Date x, final Calendar cal) throws SQLException
    {
        put(parameterIndex, x == null ? null : Values.fromTimestamp(x, cal).toLocalDate());
    }

    @Override
    public void setTime(final int parameterIndex, final Time x, final Calendar cal) throws SQLException
    {
        put(parameterIndex, x == null ? null : Values.fromTimestamp(x, cal).toLocalTime());
    }

    @Override
    public void setTimestamp(final int parameterIndex, final Timestamp x, final Calendar cal) throws SQLException
    {
        put(parameterIndex, x == null ? null : Values.fromTimestamp(x, cal));
    }

    @Override
    public void setNull(final int parameterIndex, final int sqlType, final String typeName) throws SQLException
    {
        put(parameterIndex, null);
    }

    @Override
    public void setURL(final int parameterIndex, final URL x) throws SQLException
    {
        put(parameterIndex, x == null ? null : x.toString());
    }

    @Override
    public void setRowId(final int parameterIndex, final RowId x) throws SQLException
    {
        throw SqlErrors.unsupported("ROWID values");
    }

    @Override
    public void setNString(final int parameterIndex, final String value) throws SQLException
    {
        put(parameterIndex, value);
    }

    @Override
    public void setNCharacterStream(final int parameterIndex, final Reader value, final long length) throws SQLException
    {
        setCharacterStream(parameterIndex, value, length);
    }

    @Override
    public void setNClob(final int parameterIndex, final NClob value) throws SQLException
    {
        setClob(parameterIndex, value);
    }

    @Override
    public void setClob(final int parameterIndex, final Reader reader, final long length) throws SQLException
    {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setBlob(final int parameterIndex, final InputStream inputStream, final long length) throws SQLException
    {
        setBinaryStream(parameterIndex, inputStream, length);
    }

    @Override
    public void setNClob(final int parameterIndex, final Reader reader, final long length) throws SQLException
    {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setSQLXML(final int parameterIndex, final SQLXML xmlObject) throws SQLException
    {
        throw SqlErrors.unsupported("XML values");
    }

    @Override
    public void setObject(final int parameterIndex, final Object x, final int targetSqlType, final int scaleOrLength)
        throws SQLException
    {
        put(parameterIndex, x == null ? null : Values.toParameter(x, targetSqlType, scaleOrLength));
    }

    @Override
    public void setObject(final int parameterIndex, final Object x, final SQLType targetSqlType) throws SQLException
    {
        setObject(parameterIndex, x, vendorType(targetSqlType));
    }

    @Override
    public void setObject(final int parameterIndex, final Object x, final SQLType targetSqlType, final int scaleOrLength)
        throws SQLException
    {
        setObject(parameterIndex, x, vendorType(targetSqlType), scaleOrLength);
    }

    private static int vendorType(final SQLType type) throws SQLException
    {
        if (type == null || !"java.sql".equals(type.getVendor()) || type.getVendorTypeNumber() == null)
        {
            throw SqlErrors.unsupported("SQL type " + type + ": use a java.sql.JDBCType");
        }
        return type.getVendorTypeNumber();
    }

    @Override
    public void setAsciiStream(final int parameterIndex, final InputStream x, final long length) throws SQLException
    {
        put(parameterIndex, x == null ? null : new String(read(x, length), StandardCharsets.US_ASCII));
    }

    @Override
    public void setBinaryStream(final int parameterIndex, final InputStream x, final long length) throws SQLException
    {
        put(parameterIndex, x == null ? null : read(x, length));
    }

    @Override
    public void setCharacterStream(final int parameterIndex, final Reader reader, final long length) throws SQLException
    {
        put(parameterIndex, reader == null ? null : read(reader, length));
    }

    @Override
    public void setAsciiStream(final int parameterIndex, final InputStream x) throws SQLException
    {
        setAsciiStream(parameterIndex, x, -1L);
    }

    @Override
    public void setBinaryStream(final int parameterIndex, final InputStream x) throws SQLException
    {
        setBinaryStream(parameterIndex, x, -1L);
    }

    @Override
    public void setCharacterStream(final int parameterIndex, final Reader reader) throws SQLException
    {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    @Override
    public void setNCharacterStream(final int parameterIndex, final Reader value) throws SQLException
    {
        setCharacterStream(parameterIndex, value, -1L);
    }

    @Override
    public void setClob(final int parameterIndex, final Reader reader) throws SQLException
    {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    @Override
    public void setBlob(final int parameterIndex, final InputStream inputStream) throws SQLException
    {
        setBinaryStream(parameterIndex, inputStream, -1L);
    }

    @Override
    public void setNClob(final int parameterIndex, final Reader reader) throws SQLException
    {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    private static byte[] read(final InputStream in, final long length) throws SQLException
    {
        try
        {
            return length < 0 ? in.readAllBytes() : in.readNBytes((int)Math.min(length, Integer.MAX_VALUE));
        }
        catch (final IOException ex)
        {
            throw new SQLException("cannot read the stream parameter: " + ex.getMessage(), "22023", ex);
        }
    }

    private static String read(final Reader reader, final long length) throws SQLException
    {
        final StringBuilder sb = new StringBuilder();
        final char[] chunk = new char[8192];
        try
        {
            long left = length < 0 ? Long.MAX_VALUE : length;
            int n;
            while (left > 0 && (n = reader.read(chunk, 0, (int)Math.min(chunk.length, left))) > 0)
            {
                sb.append(chunk, 0, n);
                left -= n;
            }
        }
        catch (final IOException ex)
        {
            throw new SQLException("cannot read the character stream parameter: " + ex.getMessage(), "22023", ex);
        }
        return sb.toString();
    }

    @Override
    public ResultSet executeQuery(final String sql) throws SQLException
    {
        throw notOnPrepared();
    }

    @Override
    public int executeUpdate(final String sql) throws SQLException
    {
        throw notOnPrepared();
    }

    @Override
    public long executeLargeUpdate(final String sql) throws SQLException
    {
        throw notOnPrepared();
    }

    @Override
    public boolean execute(final String sql) throws SQLException
    {
        throw notOnPrepared();
    }

    @Override
    public void addBatch(final String sql) throws SQLException
    {
        throw notOnPrepared();
    }

    @Override
    public int executeUpdate(final String sql, final int autoGeneratedKeys) throws SQLException
    {
        throw notOnPrepared();
    }

    @Override
    public int executeUpdate(final String sql, final String[] columnNames) throws SQLException
    {
        throw notOnPrepared();
    }

    @Override
    public boolean execute(final String sql, final int autoGeneratedKeys) throws SQLException
    {
        throw notOnPrepared();
    }

    @Override
    public boolean execute(final String sql, final String[] columnNames) throws SQLException
    {
        throw notOnPrepared();
    }

    @Override
    public long executeLargeUpdate(final String sql, final int autoGeneratedKeys) throws SQLException
    {
        throw notOnPrepared();
    }

    @Override
    public long executeLargeUpdate(final String sql, final String[] columnNames) throws SQLException
    {
        throw notOnPrepared();
    }

    private static SQLException notOnPrepared()
    {
        return new SQLException("methods that take SQL text cannot be called on a PreparedStatement", NOT_ON_PREPARED);
    }
}
