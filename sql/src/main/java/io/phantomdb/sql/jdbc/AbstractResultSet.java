package io.phantomdb.sql.jdbc;

import io.phantomdb.sql.ResultColumn;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reading half of a forward-only, read-only {@link ResultSet}, shared by the sets the engine streams
 * ({@link EngineResultSet}) and the sets built from rows in memory ({@link ListResultSet}): every typed
 * getter by index and by label (labels match case-insensitively, the first column of a name wins),
 * {@link #wasNull()}, {@link #getObject(int, Class)}, the row limit of {@link Statement#setMaxRows(int)}
 * and the metadata. Subclasses supply rows through {@link #fetchNext()} and {@link #currentValue(int)}.
 * <p>
 * <b>Note:</b> one thread at a time, like the connection it belongs to.
 */
abstract class AbstractResultSet extends ReadOnlyResultSet
{
    private static final String NO_ROW = "24000";

    private final List<ResultColumn> columns;
    private final Statement statement;
    private final long maxRows;
    private Map<String, Integer> labels;
    private long row;
    private boolean afterLast;
    private boolean wasNull;
    private boolean closed;
    private int fetchSize;

    /**
     * @param columns   the columns of every row.
     * @param statement the statement that produced the set, or null for metadata sets.
     * @param maxRows   the most rows {@link #next()} returns, 0 for no limit.
     */
    AbstractResultSet(final List<ResultColumn> columns, final Statement statement, final long maxRows)
    {
        this.columns = columns;
        this.statement = statement;
        this.maxRows = maxRows;
    }

    /**
     * Advances the underlying cursor.
     *
     * @return false when there are no more rows.
     * @throws SQLException if reading the next row fails.
     */
    protected abstract boolean fetchNext() throws SQLException;

    /**
     * @param column 0-based column index, in range.
     * @return the current row's value in the SQL layer's classes, or null.
     * @throws SQLException if the value cannot be read.
     */
    protected abstract Object currentValue(final int column) throws SQLException;

    /**
     * Releases what the set holds underneath; called once, on close or when the rows run out.
     *
     * @throws SQLException if releasing fails.
     */
    protected abstract void release() throws SQLException;

    /**
     * @return the columns of the rows.
     */
    final List<ResultColumn> columns()
    {
        return columns;
    }

    @Override
    public boolean next() throws SQLException
    {
        checkOpen();
        if (afterLast)
        {
            return false;
        }
        if ((maxRows > 0 && row >= maxRows) || !fetchNext())
        {
            afterLast = true;
            release();
            return false;
        }
        row++;
        return true;
    }

    @Override
    public void close() throws SQLException
    {
        if (!closed)
        {
            closed = true;
            if (!afterLast)
            {
                afterLast = true;
                release();
            }
            if (statement instanceof PhantomStatement)
            {
                ((PhantomStatement)statement).resultSetClosed(this);
            }
        }
    }

    @Override
    public boolean isClosed()
    {
        return closed;
    }

    @Override
    public boolean wasNull() throws SQLException
    {
        checkOpen();
        return wasNull;
    }

    /**
     * @param columnIndex 1-based column index.
     * @return the current row's value in the SQL layer's classes, or null; sets {@link #wasNull()}.
     * @throws SQLException if the set is closed, not on a row, or the index is out of range.
     */
    protected final Object value(final int columnIndex) throws SQLException
    {
        checkOpen();
        if (columnIndex < 1 || columnIndex > columns.size())
        {
            throw new SQLException(
                "column index " + columnIndex + " is out of range 1.." + columns.size(), SqlErrors.INVALID_COLUMN);
        }
        if (row == 0 || afterLast)
        {
            throw new SQLException("the result set is not on a row: call next() first", NO_ROW);
        }
        final Object value = currentValue(columnIndex - 1);
        wasNull = value == null;
        return value;
    }

    private <T> T typed(final int columnIndex, final Class<T> type, final T whenNull) throws SQLException
    {
        final Object value = value(columnIndex);
        return value == null ? whenNull : Values.to(value, type);
    }

    @Override
    public int findColumn(final String columnLabel) throws SQLException
    {
        checkOpen();
        if (labels == null)
        {
            final Map<String, Integer> byLabel = new HashMap<>();
            for (int i = columns.size() - 1; i >= 0; i--)
            {
                byLabel.put(columns.get(i).label().toLowerCase(Locale.ROOT), i + 1);
            }
            labels = byLabel;
        }
        final Integer index = columnLabel == null ? null : labels.get(columnLabel.toLowerCase(Locale.ROOT));
        if (index == null)
        {
            throw new SQLException("the result set has no column '" + columnLabel + "'", SqlErrors.INVALID_COLUMN);
        }
        return index;
    }

    @Override
    public String getString(final int columnIndex) throws SQLException
    {
        return typed(columnIndex, String.class, null);
    }

    @Override
    public boolean getBoolean(final int columnIndex) throws SQLException
    {
        return typed(columnIndex, Boolean.class, Boolean.FALSE);
    }

    @Override
    public byte getByte(final int columnIndex) throws SQLException
    {
        return typed(columnIndex, Byte.class, (byte)0);
    }

    @Override
    public short getShort(final int columnIndex) throws SQLException
    {
        return typed(columnIndex, Short.class, (short)0);
    }

    @Override
    public int getInt(final int columnIndex) throws SQLException
    {
        return typed(columnIndex, Integer.class, 0);
    }

    @Override
    public long getLong(final int columnIndex) throws SQLException
    {
        return typed(columnIndex, Long.class, 0L);
    }

    @Override
    public float getFloat(final int columnIndex) throws SQLException
    {
        return typed(columnIndex, Float.class, 0f);
    }

    @Override
    public double getDouble(final int columnIndex) throws SQLException
    {
        return typed(columnIndex, Double.class, 0d);
    }

    /**
     * @deprecated use {@link #getBigDecimal(int)}.
     */
    @Deprecated
    @Override
    public BigDecimal getBigDecimal(final int columnIndex, final int scale) throws SQLException
    {
        final BigDecimal value = getBigDecimal(columnIndex);
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(final int columnIndex) throws SQLException
    {
        final byte[] value = typed(columnIndex, byte[].class, null);
        return value == null ? null : value.clone();
    }

    @Override
    public Date getDate(final int columnIndex) throws SQLException
    {
        return typed(columnIndex, Date.class, null);
    }

    @Override
    public Time getTime(final int columnIndex) throws SQLException
    {
        return typed(columnIndex, Time.class, null);
    }

    @Override
    public Timestamp getTimestamp(final int columnIndex) throws SQLException
    {
        return typed(columnIndex, Timestamp.class, null);
    }

    @Override
    public InputStream getAsciiStream(final int columnIndex) throws SQLException
    {
        final String value = getString(columnIndex);
        return value == null ? null : new ByteArrayInputStream(value.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @deprecated use {@link #getCharacterStream(int)}.
     */
    @Deprecated
    @Override
    public InputStream getUnicodeStream(final int columnIndex) throws SQLException
    {
        final String value = getString(columnIndex);
        return value == null ? null : new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_16BE));
    }

    @Override
    public InputStream getBinaryStream(final int columnIndex) throws SQLException
    {
        final byte[] value = typed(columnIndex, byte[].class, null);
        return value == null ? null : new ByteArrayInputStream(value);
    }

    @Override
    public String getString(final String columnLabel) throws SQLException
    {
        return getString(findColumn(columnLabel));
    }

    @Override
    public boolean getBoolean(final String columnLabel) throws SQLException
    {
        return getBoolean(findColumn(columnLabel));
    }

    @Override
    public byte getByte(final String columnLabel) throws SQLException
    {
        return getByte(findColumn(columnLabel));
    }

    @Override
    public short getShort(final String columnLabel) throws SQLException
    {
        return getShort(findColumn(columnLabel));
    }

    @Override
    public int getInt(final String columnLabel) throws SQLException
    {
        return getInt(findColumn(columnLabel));
    }

    @Override
    public long getLong(final String columnLabel) throws SQLException
    {
        return getLong(findColumn(columnLabel));
    }

    @Override
    public float getFloat(final String columnLabel) throws SQLException
    {
        return getFloat(findColumn(columnLabel));
    }

    @Override
    public double getDouble(final String columnLabel) throws SQLException
    {
        return getDouble(findColumn(columnLabel));
    }

    /**
     * @deprecated use {@link #getBigDecimal(String)}.
     */
    @Deprecated
    @Override
    public BigDecimal getBigDecimal(final String columnLabel, final int scale) throws SQLException
    {
        return getBigDecimal(findColumn(columnLabel), scale);
    }

    @Override
    public byte[] getBytes(final String columnLabel) throws SQLException
    {
        return getBytes(findColumn(columnLabel));
    }

    @Override
    public Date getDate(final String columnLabel) throws SQLException
    {
        return getDate(findColumn(columnLabel));
    }

    @Override
    public Time getTime(final String columnLabel) throws SQLException
    {
        return getTime(findColumn(columnLabel));
    }

    @Override
    public Timestamp getTimestamp(final String columnLabel) throws SQLException
    {
        return getTimestamp(findColumn(columnLabel));
    }

    @Override
    public InputStream getAsciiStream(final String columnLabel) throws SQLException
    {
        return getAsciiStream(findColumn(columnLabel));
    }

    /**
     * @deprecated use {@link #getCharacterStream(String)}.
     */
    @Deprecated
    @Override
    public InputStream getUnicodeStream(final String columnLabel) throws SQLException
    {
        return getUnicodeStream(findColumn(columnLabel));
    }

    @Override
    public InputStream getBinaryStream(final String columnLabel) throws SQLException
    {
        return getBinaryStream(findColumn(columnLabel));
    }

    @Override
    public SQLWarning getWarnings() throws SQLException
    {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException
    {
        checkOpen();
    }

    @Override
    public String getCursorName() throws SQLException
    {
        throw SqlErrors.unsupported("named cursors (positioned UPDATE/DELETE)");
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException
    {
        checkOpen();
        return new PhantomResultSetMetaData(columns,
            statement instanceof PhantomStatement ? ((PhantomStatement)statement).connection().database() : null);
    }

    @Override
    public Object getObject(final int columnIndex) throws SQLException
    {
        return Values.toJdbcObject(value(columnIndex));
    }

    @Override
    public Object getObject(final String columnLabel) throws SQLException
    {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public Reader getCharacterStream(final int columnIndex) throws SQLException
    {
        final String value = getString(columnIndex);
        return value == null ? null : new StringReader(value);
    }

    @Override
    public Reader getCharacterStream(final String columnLabel) throws SQLException
    {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public BigDecimal getBigDecimal(final int columnIndex) throws SQLException
    {
        return typed(columnIndex, BigDecimal.class, null);
    }

    @Override
    public BigDecimal getBigDecimal(final String columnLabel) throws SQLException
    {
        return getBigDecimal(findColumn(columnLabel));
    }

    @Override
    public boolean isBeforeFirst() throws SQLException
    {
        checkOpen();
        return row == 0 && !afterLast;
    }

    @Override
    public boolean isAfterLast() throws SQLException
    {
        checkOpen();
        return afterLast && row > 0;
    }

    @Override
    public boolean isFirst() throws SQLException
    {
        checkOpen();
        return row == 1 && !afterLast;
    }

    @Override
    public boolean isLast() throws SQLException
    {
        throw forwardOnly("isLast");
    }

    @Override
    public void beforeFirst() throws SQLException
    {
        throw forwardOnly("beforeFirst");
    }

    @Override
    public void afterLast() throws SQLException
    {
        throw forwardOnly("afterLast");
    }

    @Override
    public boolean first() throws SQLException
    {
        throw forwardOnly("first");
    }

    @Override
    public boolean last() throws SQLException
    {
        throw forwardOnly("last");
    }

    @Override
    public int getRow() throws SQLException
    {
        checkOpen();
        return afterLast ? 0 : (int)Math.min(row, Integer.MAX_VALUE);
    }

    @Override
    public boolean absolute(final int row) throws SQLException
    {
        throw forwardOnly("absolute");
    }

    @Override
    public boolean relative(final int rows) throws SQLException
    {
        throw forwardOnly("relative");
    }

    @Override
    public boolean previous() throws SQLException
    {
        throw forwardOnly("previous");
    }

    @Override
    public void setFetchDirection(final int direction) throws SQLException
    {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD)
        {
            throw forwardOnly("setFetchDirection(" + direction + ")");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException
    {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(final int rows) throws SQLException
    {
        checkOpen();
        if (rows < 0)
        {
            throw new SQLException("fetch size must be >= 0: " + rows, "22023");
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException
    {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getType() throws SQLException
    {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException
    {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean rowUpdated() throws SQLException
    {
        checkOpen();
        return false;
    }

    @Override
    public boolean rowInserted() throws SQLException
    {
        checkOpen();
        return false;
    }

    @Override
    public boolean rowDeleted() throws SQLException
    {
        checkOpen();
        return false;
    }

    @Override
    public Statement getStatement() throws SQLException
    {
        checkOpen();
        return statement;
    }

    @Override
    public Object getObject(final int columnIndex, final Map<String, Class<?>> map) throws SQLException
    {
        if (map != null && !map.isEmpty())
        {
            throw SqlErrors.unsupported("user-defined type maps");
        }
        return getObject(columnIndex);
    }

    @Override
    public Ref getRef(final int columnIndex) throws SQLException
    {
        throw SqlErrors.unsupported("REF values");
    }

    @Override
    public Blob getBlob(final int columnIndex) throws SQLException
    {
        throw SqlErrors.unsupported("Blob objects: use getBytes or getBinaryStream");
    }

    @Override
    public Clob getClob(final int columnIndex) throws SQLException
    {
        throw SqlErrors.unsupported("Clob objects: use getString or getCharacterStream");
    }

    @Override
    public Array getArray(final int columnIndex) throws SQLException
    {
        throw SqlErrors.unsupported("ARRAY values");
    }

    @Override
    public Object getObject(final String columnLabel, final Map<String, Class<?>> map) throws SQLException
    {
        return getObject(findColumn(columnLabel), map);
    }

    @Override
    public Ref getRef(final String columnLabel) throws SQLException
    {
        return getRef(findColumn(columnLabel));
    }

    @Override
    public Blob getBlob(final String columnLabel) throws SQLException
    {
        return getBlob(findColumn(columnLabel));
    }

    @Override
    public Clob getClob(final String columnLabel) throws SQLException
    {
        return getClob(findColumn(columnLabel));
    }

    @Override
    public Array getArray(final String columnLabel) throws SQLException
    {
        return getArray(findColumn(columnLabel));
    }

    @Override
    public Date getDate(final int columnIndex, final Calendar cal) throws SQLException
    {
        final LocalDate value = typed(columnIndex, LocalDate.class, null);
        if (value == null || cal == null)
        {
            return value == null ? null : Date.valueOf(value);
        }
        return new Date(value.atStartOfDay(cal.getTimeZone().toZoneId()).toInstant().toEpochMilli());
    }

    @Override
    public Date getDate(final String columnLabel, final Calendar cal) throws SQLException
    {
        return getDate(findColumn(columnLabel), cal);
    }

    @Override
    public Time getTime(final int columnIndex, final Calendar cal) throws SQLException
    {
        final LocalTime value = typed(columnIndex, LocalTime.class, null);
        if (value == null || cal == null)
        {
            return value == null ? null : Values.to(value, Time.class);
        }
        return new Time(Values.toTimestamp(LocalDate.EPOCH.atTime(value), cal).getTime());
    }

    @Override
    public Time getTime(final String columnLabel, final Calendar cal) throws SQLException
    {
        return getTime(findColumn(columnLabel), cal);
    }

    @Override
    public Timestamp getTimestamp(final int columnIndex, final Calendar cal) throws SQLException
    {
        final LocalDateTime value = typed(columnIndex, LocalDateTime.class, null);
        return value == null ? null : Values.toTimestamp(value, cal);
    }

    @Override
    public Timestamp getTimestamp(final String columnLabel, final Calendar cal) throws SQLException
    {
        return getTimestamp(findColumn(columnLabel), cal);
    }

    @Override
    public URL getURL(final int columnIndex) throws SQLException
    {
        throw SqlErrors.unsupported("DATALINK (URL) values");
    }

    @Override
    public URL getURL(final String columnLabel) throws SQLException
    {
        return getURL(findColumn(columnLabel));
    }

    @Override
    public RowId getRowId(final int columnIndex) throws SQLException
    {
        throw SqlErrors.unsupported("ROWID values");
    }

    @Override
    public RowId getRowId(final String columnLabel) throws SQLException
    {
        return getRowId(findColumn(columnLabel));
    }

    @Override
    public int getHoldability() throws SQLException
    {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public NClob getNClob(final int columnIndex) throws SQLException
    {
        throw SqlErrors.unsupported("NClob objects: use getString");
    }

    @Override
    public NClob getNClob(final String columnLabel) throws SQLException
    {
        return getNClob(findColumn(columnLabel));
    }

    @Override
    public SQLXML getSQLXML(final int columnIndex) throws SQLException
    {
        throw SqlErrors.unsupported("XML values");
    }

    @Override
    public SQLXML getSQLXML(final String columnLabel) throws SQLException
    {
        return getSQLXML(findColumn(columnLabel));
    }

    @Override
    public String getNString(final int columnIndex) throws SQLException
    {
        return getString(columnIndex);
    }

    @Override
    public String getNString(final String columnLabel) throws SQLException
    {
        return getString(findColumn(columnLabel));
    }

    @Override
    public Reader getNCharacterStream(final int columnIndex) throws SQLException
    {
        return getCharacterStream(columnIndex);
    }

    @Override
    public Reader getNCharacterStream(final String columnLabel) throws SQLException
    {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public <T> T getObject(final int columnIndex, final Class<T> type) throws SQLException
    {
        if (type == null)
        {
            throw new SQLException("getObject needs a class", "22023");
        }
        final Object value = value(columnIndex);
        if (value == null)
        {
            return null;
        }
        return Values.to(value, type);
    }

    @Override
    public <T> T getObject(final String columnLabel, final Class<T> type) throws SQLException
    {
        return getObject(findColumn(columnLabel), type);
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

    private void checkOpen() throws SQLException
    {
        if (closed)
        {
            throw SqlErrors.closed("result set");
        }
    }

    private static SQLException forwardOnly(final String method)
    {
        return SqlErrors.unsupported(method + " on a TYPE_FORWARD_ONLY result set");
    }
}
