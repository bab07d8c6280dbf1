package io.phantomdb.sql.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * The write half of {@link ResultSet}, which PhantomDB's result sets do not have: every update, insert,
 * delete and cursor-to-insert-row method fails with SQLSTATE 0A000. Subclasses implement the reading half.
 * <p>
 * <b>Note:</b> stateless here; see the subclass for threading.
 */
abstract class ReadOnlyResultSet implements ResultSet
{
    /**
     * @return the error every write method throws.
     */
    static SQLException readOnly()
    {
        return SqlErrors.unsupported("updatable result sets: they are read-only (CONCUR_READ_ONLY); use UPDATE statements");
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void cancelRowUpdates() throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void deleteRow() throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void insertRow() throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void moveToCurrentRow() throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void moveToInsertRow() throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void refreshRow() throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateArray(final String columnLabel, final Array x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateArray(final int columnIndex, final Array x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateAsciiStream(final String columnLabel, final java.io.InputStream x, final int length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateAsciiStream(final String columnLabel, final java.io.InputStream x, final long length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateAsciiStream(final String columnLabel, final java.io.InputStream x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateAsciiStream(final int columnIndex, final java.io.InputStream x, final int length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateAsciiStream(final int columnIndex, final java.io.InputStream x, final long length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateAsciiStream(final int columnIndex, final java.io.InputStream x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBigDecimal(final String columnLabel, final java.math.BigDecimal x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBigDecimal(final int columnIndex, final java.math.BigDecimal x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBinaryStream(final String columnLabel, final java.io.InputStream x, final int length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBinaryStream(final String columnLabel, final java.io.InputStream x, final long length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBinaryStream(final String columnLabel, final java.io.InputStream x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBinaryStream(final int columnIndex, final java.io.InputStream x, final int length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBinaryStream(final int columnIndex, final java.io.InputStream x, final long length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBinaryStream(final int columnIndex, final java.io.InputStream x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBlob(final String columnLabel, final java.io.InputStream x, final long length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBlob(final String columnLabel, final java.io.InputStream x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBlob(final String columnLabel, final Blob x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBlob(final int columnIndex, final java.io.InputStream x, final long length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBlob(final int columnIndex, final java.io.InputStream x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBlob(final int columnIndex, final Blob x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBoolean(final String columnLabel, final boolean x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBoolean(final int columnIndex, final boolean x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateByte(final String columnLabel, final byte x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateByte(final int columnIndex, final byte x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBytes(final String columnLabel, final byte[] x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateBytes(final int columnIndex, final byte[] x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateCharacterStream(final String columnLabel, final java.io.Reader x, final int length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateCharacterStream(final String columnLabel, final java.io.Reader x, final long length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateCharacterStream(final String columnLabel, final java.io.Reader x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateCharacterStream(final int columnIndex, final java.io.Reader x, final int length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateCharacterStream(final int columnIndex, final java.io.Reader x, final long length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateCharacterStream(final int columnIndex, final java.io.Reader x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateClob(final String columnLabel, final java.io.Reader x, final long length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateClob(final String columnLabel, final java.io.Reader x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateClob(final String columnLabel, final Clob x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateClob(final int columnIndex, final java.io.Reader x, final long length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateClob(final int columnIndex, final java.io.Reader x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateClob(final int columnIndex, final Clob x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateDate(final String columnLabel, final Date x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateDate(final int columnIndex, final Date x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateDouble(final String columnLabel, final double x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateDouble(final int columnIndex, final double x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateFloat(final String columnLabel, final float x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateFloat(final int columnIndex, final float x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateInt(final String columnLabel, final int x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateInt(final int columnIndex, final int x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateLong(final String columnLabel, final long x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateLong(final int columnIndex, final long x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateNCharacterStream(final String columnLabel, final java.io.Reader x, final long length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateNCharacterStream(final String columnLabel, final java.io.Reader x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateNCharacterStream(final int columnIndex, final java.io.Reader x, final long length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateNCharacterStream(final int columnIndex, final java.io.Reader x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateNClob(final String columnLabel, final java.io.Reader x, final long length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateNClob(final String columnLabel, final java.io.Reader x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateNClob(final String columnLabel, final NClob x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateNClob(final int columnIndex, final java.io.Reader x, final long length) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateNClob(final int columnIndex, final java.io.Reader x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateNClob(final int columnIndex, final NClob x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateNString(final String columnLabel, final String x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateNString(final int columnIndex, final String x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateNull(final String columnLabel) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateNull(final int columnIndex) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateObject(final String columnLabel, final Object x, final int scaleOrLength) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateObject(final String columnLabel, final Object x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateObject(final int columnIndex, final Object x, final int scaleOrLength) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateObject(final int columnIndex, final Object x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateRef(final String columnLabel, final Ref x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateRef(final int columnIndex, final Ref x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateRow() throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateRowId(final String columnLabel, final RowId x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateRowId(final int columnIndex, final RowId x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateSQLXML(final String columnLabel, final SQLXML x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateSQLXML(final int columnIndex, final SQLXML x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateShort(final String columnLabel, final short x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateShort(final int columnIndex, final short x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateString(final String columnLabel, final String x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateString(final int columnIndex, final String x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateTime(final String columnLabel, final Time x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateTime(final int columnIndex, final Time x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateTimestamp(final String columnLabel, final Timestamp x) throws SQLException
    {
        throw readOnly();
    }

    /** Not supported: the result set is read-only. */
    @Override
    public void updateTimestamp(final int columnIndex, final Timestamp x) throws SQLException
    {
        throw readOnly();
    }
}
