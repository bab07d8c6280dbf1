package io.phantomdb.sql.jdbc;

import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlSession;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A JDBC connection: one {@link SqlSession} on a shared {@link SqlDatabase}. Autocommit, commit and
 * rollback go to the session; JDBC isolation levels map to {@link IsolationLevel} (READ UNCOMMITTED is
 * upgraded to READ COMMITTED, as PostgreSQL does). Closing the connection closes its statements and result
 * sets, rolls back an open transaction and releases the database (the last connection closes it).
 * {@link #unwrap(Class)} also hands out the {@link SqlSession} and {@link SqlDatabase} underneath.
 * <p>
 * <b>Note:</b> one thread at a time, like the session; {@link #close()}, {@link #isClosed()} and
 * {@link #abort(Executor)} may be called from any thread (they synchronise on the connection, as statement
 * execution does).
 */
public final class PhantomConnection implements Connection
{
    private static final String APPLICATION_NAME = "ApplicationName";
    private static final List<String> CLIENT_INFO = List.of(APPLICATION_NAME, "ClientUser", "ClientHostname");

    private final String url;
    private final JdbcUrl parsed;
    private final SharedDatabases.Lease lease;
    private final SqlSession session;
    private final Set<PhantomStatement> statements = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Properties clientInfo = new Properties();
    private volatile boolean closed;
    private EngineResultSet active;
    private boolean readOnly;
    private long appliedTimeoutMillis;
    private int holdability = ResultSet.HOLD_CURSORS_OVER_COMMIT;

    PhantomConnection(final String url, final JdbcUrl parsed, final SharedDatabases.Lease lease) throws SQLException
    {
        this.url = url;
        this.parsed = parsed;
        this.lease = lease;
        try
        {
            this.session = lease.database().openSession();
        }
        catch (final SqlException ex)
        {
            lease.release();
            throw SqlErrors.translate(ex);
        }
    }

    /**
     * @return the URL this connection was opened with.
     */
    String url()
    {
        return url;
    }

    /**
     * @return the parsed URL.
     */
    JdbcUrl parsedUrl()
    {
        return parsed;
    }

    /**
     * @return the session, for this connection's statements.
     * @throws SQLException if the connection is closed.
     */
    SqlSession session() throws SQLException
    {
        checkOpen();
        return session;
    }

    /**
     * @return the shared database.
     */
    SqlDatabase database()
    {
        return lease.database();
    }

    /**
     * Readies the session for the next statement: reads an open streaming result set into memory (the
     * session allows one open result) and applies the statement's time limit.
     *
     * @param timeoutMillis the statement's limit, 0 for none.
     * @return the session.
     * @throws SQLException if the connection is closed or the open result set fails while being read.
     */
    SqlSession beforeStatement(final long timeoutMillis) throws SQLException
    {
        checkOpen();
        detachActive();
        if (timeoutMillis != appliedTimeoutMillis)
        {
            try
            {
                session.setStatementTimeout(timeoutMillis);
            }
            catch (final SqlException ex)
            {
                throw SqlErrors.translate(ex);
            }
            appliedTimeoutMillis = timeoutMillis;
        }
        return session;
    }

    /**
     * Records the result set now streaming from the session.
     *
     * @param resultSet the set.
     */
    void setActive(final EngineResultSet resultSet)
    {
        active = resultSet;
    }

    /**
     * Forgets a result set that released its engine result.
     *
     * @param resultSet the set.
     */
    void forgetActive(final EngineResultSet resultSet)
    {
        if (active == resultSet)
        {
            active = null;
        }
    }

    /**
     * Forgets a closed statement.
     *
     * @param statement the statement.
     */
    synchronized void forget(final PhantomStatement statement)
    {
        statements.remove(statement);
    }

    private void detachActive() throws SQLException
    {
        final EngineResultSet open = active;
        if (open != null)
        {
            active = null;
            open.detach();
        }
    }

    private <T extends PhantomStatement> T register(final T statement)
    {
        statements.add(statement);
        return statement;
    }

    @Override
    public synchronized Statement createStatement() throws SQLException
    {
        checkOpen();
        return register(new PhantomStatement(this));
    }

    @Override
    public synchronized PreparedStatement prepareStatement(final String sql) throws SQLException
    {
        checkOpen();
        return register(new PhantomPreparedStatement(this, sql, null));
    }

    @Override
    public CallableStatement prepareCall(final String sql) throws SQLException
    {
        throw SqlErrors.unsupported("stored procedures (CallableStatement)");
    }

    @Override
    public String nativeSQL(final String sql) throws SQLException
    {
        checkOpen();
        return sql;
    }

    @Override
    public synchronized void setAutoCommit(final boolean autoCommit) throws SQLException
    {
        checkOpen();
        detachActive();
        try
        {
            session.setAutoCommit(autoCommit);
        }
        catch (final SqlException ex)
        {
            throw SqlErrors.translate(ex);
        }
    }

    @Override
    public synchronized boolean getAutoCommit() throws SQLException
    {
        checkOpen();
        return session.autoCommit();
    }

    @Override
    public synchronized void commit() throws SQLException
    {
        checkOpen();
        if (session.autoCommit())
        {
            throw new SQLException("cannot commit in autocommit mode: call setAutoCommit(false) first", "25P01");
        }
        detachActive();
        try
        {
            session.commit();
        }
        catch (final SqlException ex)
        {
            throw SqlErrors.translate(ex);
        }
    }

    @Override
    public synchronized void rollback() throws SQLException
    {
        checkOpen();
        if (session.autoCommit())
        {
            throw new SQLException("cannot roll back in autocommit mode: call setAutoCommit(false) first", "25P01");
        }
        detachActive();
        try
        {
            session.rollback();
        }
        catch (final SqlException ex)
        {
            throw SqlErrors.translate(ex);
        }
    }

    /**
     * Closes the statements and result sets, rolls back an open transaction, closes the session and releases
     * the database. Idempotent.
     *
     * @throws SQLException if closing a statement or the session fails (the database is released anyway).
     */
    @Override
    public synchronized void close() throws SQLException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            for (final PhantomStatement statement : new ArrayList<>(statements))
            {
                statement.closeForConnection();
            }
            statements.clear();
            active = null;
            session.close();
        }
        catch (final SqlException ex)
        {
            throw SqlErrors.translate(ex);
        }
        finally
        {
            lease.release();
        }
    }

    @Override
    public boolean isClosed()
    {
        return closed;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException
    {
        checkOpen();
        return new PhantomDatabaseMetaData(this);
    }

    /**
     * Accepted and remembered; PhantomDB does not enforce it (writes still succeed).
     *
     * @param readOnly the hint.
     */
    @Override
    public void setReadOnly(final boolean readOnly) throws SQLException
    {
        checkOpen();
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() throws SQLException
    {
        checkOpen();
        return readOnly;
    }

    /**
     * Ignored, as JDBC allows for drivers without catalogs: the catalog is the database itself.
     *
     * @param catalog any name.
     */
    @Override
    public void setCatalog(final String catalog) throws SQLException
    {
        checkOpen();
    }

    @Override
    public String getCatalog() throws SQLException
    {
        checkOpen();
        return parsed.catalog();
    }

    @Override
    public synchronized void setTransactionIsolation(final int level) throws SQLException
    {
        checkOpen();
        final IsolationLevel mapped;
        switch (level)
        {
            case TRANSACTION_READ_UNCOMMITTED:
            case TRANSACTION_READ_COMMITTED:
                mapped = IsolationLevel.READ_COMMITTED;
                break;
            case TRANSACTION_REPEATABLE_READ:
                mapped = IsolationLevel.REPEATABLE_READ;
                break;
            case TRANSACTION_SERIALIZABLE:
                mapped = IsolationLevel.SERIALIZABLE;
                break;
            default:
                throw new SQLException("unsupported transaction isolation level " + level +
                    " (use READ_COMMITTED, REPEATABLE_READ or SERIALIZABLE)", "25000");
        }
        try
        {
            session.setIsolation(mapped);
        }
        catch (final SqlException ex)
        {
            throw SqlErrors.translate(ex);
        }
    }

    @Override
    public synchronized int getTransactionIsolation() throws SQLException
    {
        checkOpen();
        switch (session.isolation())
        {
            case READ_COMMITTED:
                return TRANSACTION_READ_COMMITTED;
            case REPEATABLE_READ:
                return TRANSACTION_REPEATABLE_READ;
            default:
                return TRANSACTION_SERIALIZABLE;
        }
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
    public Statement createStatement(final int resultSetType, final int resultSetConcurrency) throws SQLException
    {
        checkResultSetKind(resultSetType, resultSetConcurrency, holdability);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(final String sql, final int resultSetType, final int resultSetConcurrency)
        throws SQLException
    {
        checkResultSetKind(resultSetType, resultSetConcurrency, holdability);
        return prepareStatement(sql);
    }

    @Override
    public CallableStatement prepareCall(final String sql, final int resultSetType, final int resultSetConcurrency)
        throws SQLException
    {
        return prepareCall(sql);
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException
    {
        checkOpen();
        return Map.of();
    }

    @Override
    public void setTypeMap(final Map<String, Class<?>> map) throws SQLException
    {
        checkOpen();
        if (map != null && !map.isEmpty())
        {
            throw SqlErrors.unsupported("user-defined type maps");
        }
    }

    @Override
    public void setHoldability(final int holdability) throws SQLException
    {
        checkOpen();
        if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT && holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT)
        {
            throw new SQLException("unknown holdability " + holdability, "22023");
        }
        this.holdability = holdability;
    }

    @Override
    public int getHoldability() throws SQLException
    {
        checkOpen();
        return holdability;
    }

    @Override
    public Savepoint setSavepoint() throws SQLException
    {
        throw savepoints();
    }

    @Override
    public Savepoint setSavepoint(final String name) throws SQLException
    {
        throw savepoints();
    }

    @Override
    public void rollback(final Savepoint savepoint) throws SQLException
    {
        throw savepoints();
    }

    @Override
    public void releaseSavepoint(final Savepoint savepoint) throws SQLException
    {
        throw savepoints();
    }

    @Override
    public Statement createStatement(final int resultSetType, final int resultSetConcurrency, final int resultSetHoldability)
        throws SQLException
    {
        checkResultSetKind(resultSetType, resultSetConcurrency, resultSetHoldability);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(
        final String sql, final int resultSetType, final int resultSetConcurrency, final int resultSetHoldability)
        throws SQLException
    {
        checkResultSetKind(resultSetType, resultSetConcurrency, resultSetHoldability);
        return prepareStatement(sql);
    }

    @Override
    public CallableStatement prepareCall(
        final String sql, final int resultSetType, final int resultSetConcurrency, final int resultSetHoldability)
        throws SQLException
    {
        return prepareCall(sql);
    }

    @Override
    public synchronized PreparedStatement prepareStatement(final String sql, final int autoGeneratedKeys) throws SQLException
    {
        checkOpen();
        if (autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS)
        {
            return register(new PhantomPreparedStatement(this, sql, GeneratedKeys.ALL_COLUMNS));
        }
        if (autoGeneratedKeys != Statement.NO_GENERATED_KEYS)
        {
            throw new SQLException("autoGeneratedKeys must be RETURN_GENERATED_KEYS or NO_GENERATED_KEYS: " +
                autoGeneratedKeys, "22023");
        }
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(final String sql, final int[] columnIndexes) throws SQLException
    {
        throw GeneratedKeys.byIndexUnsupported();
    }

    @Override
    public synchronized PreparedStatement prepareStatement(final String sql, final String[] columnNames) throws SQLException
    {
        checkOpen();
        return register(new PhantomPreparedStatement(this, sql, GeneratedKeys.columns(columnNames)));
    }

    @Override
    public Clob createClob() throws SQLException
    {
        throw SqlErrors.unsupported("Clob objects: pass Strings");
    }

    @Override
    public Blob createBlob() throws SQLException
    {
        throw SqlErrors.unsupported("Blob objects: pass byte[]");
    }

    @Override
    public NClob createNClob() throws SQLException
    {
        throw SqlErrors.unsupported("NClob objects: pass Strings");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException
    {
        throw SqlErrors.unsupported("XML values");
    }

    /**
     * @param timeout seconds to wait, 0 for no limit; must not be negative.
     * @return whether the connection is open (an embedded connection has no network to lose).
     * @throws SQLException if the timeout is negative.
     */
    @Override
    public boolean isValid(final int timeout) throws SQLException
    {
        if (timeout < 0)
        {
            throw new SQLException("timeout must be >= 0: " + timeout, "22023");
        }
        return !closed;
    }

    @Override
    public void setClientInfo(final String name, final String value) throws SQLClientInfoException
    {
        if (closed || !CLIENT_INFO.contains(name))
        {
            throw new SQLClientInfoException(
                closed ? "the connection is closed" : "unknown client info property '" + name + "' (known: " +
                    String.join(", ", CLIENT_INFO) + ")",
                closed ? SqlErrors.CONNECTION_DOES_NOT_EXIST : "22023",
                Map.of(String.valueOf(name), ClientInfoStatus.REASON_UNKNOWN_PROPERTY));
        }
        synchronized (clientInfo)
        {
            if (value == null)
            {
                clientInfo.remove(name);
            }
            else
            {
                clientInfo.setProperty(name, value);
            }
        }
    }

    @Override
    public void setClientInfo(final Properties properties) throws SQLClientInfoException
    {
        for (final String name : properties.stringPropertyNames())
        {
            setClientInfo(name, properties.getProperty(name));
        }
    }

    @Override
    public String getClientInfo(final String name) throws SQLException
    {
        checkOpen();
        synchronized (clientInfo)
        {
            return clientInfo.getProperty(name);
        }
    }

    @Override
    public Properties getClientInfo() throws SQLException
    {
        checkOpen();
        synchronized (clientInfo)
        {
            final Properties copy = new Properties();
            copy.putAll(clientInfo);
            return copy;
        }
    }

    /**
     * @return the names {@link #setClientInfo(String, String)} accepts.
     */
    static List<String> clientInfoNames()
    {
        return CLIENT_INFO;
    }

    @Override
    public Array createArrayOf(final String typeName, final Object[] elements) throws SQLException
    {
        throw SqlErrors.unsupported("ARRAY values");
    }

    @Override
    public Struct createStruct(final String typeName, final Object[] attributes) throws SQLException
    {
        throw SqlErrors.unsupported("STRUCT values");
    }

    /**
     * Accepts {@code public} (any case), the only schema, or null.
     *
     * @param schema the schema.
     * @throws SQLException (3F000) for any other schema.
     */
    @Override
    public void setSchema(final String schema) throws SQLException
    {
        checkOpen();
        if (schema != null && !PhantomDatabaseMetaData.SCHEMA.equalsIgnoreCase(schema))
        {
            throw new SQLException("schema \"" + schema + "\" does not exist (PhantomDB has one schema, public)", "3F000");
        }
    }

    @Override
    public String getSchema() throws SQLException
    {
        checkOpen();
        return PhantomDatabaseMetaData.SCHEMA;
    }

    @Override
    public void abort(final Executor executor) throws SQLException
    {
        if (executor == null)
        {
            throw new SQLException("abort needs an executor", "22023");
        }
        if (closed)
        {
            return;
        }
        session.cancel();
        executor.execute(() ->
        {
            try
            {
                close();
            }
            catch (final SQLException ignored)
            {
                // abort promises only that the connection ends up closed; there is no caller to tell
            }
        });
    }

    /**
     * Accepted and ignored: an embedded connection has no network.
     *
     * @param executor     unused.
     * @param milliseconds must not be negative.
     */
    @Override
    public void setNetworkTimeout(final Executor executor, final int milliseconds) throws SQLException
    {
        checkOpen();
        if (milliseconds < 0)
        {
            throw new SQLException("network timeout must be >= 0: " + milliseconds, "22023");
        }
    }

    @Override
    public int getNetworkTimeout() throws SQLException
    {
        checkOpen();
        return 0;
    }

    @Override
    public <T> T unwrap(final Class<T> iface) throws SQLException
    {
        if (iface.isInstance(this))
        {
            return iface.cast(this);
        }
        if (iface == SqlSession.class)
        {
            return iface.cast(session());
        }
        if (iface == SqlDatabase.class)
        {
            checkOpen();
            return iface.cast(lease.database());
        }
        throw new SQLException("not a wrapper for " + iface.getName(), "22023");
    }

    @Override
    public boolean isWrapperFor(final Class<?> iface)
    {
        return iface.isInstance(this) || iface == SqlSession.class || iface == SqlDatabase.class;
    }

    private void checkOpen() throws SQLException
    {
        if (closed)
        {
            throw SqlErrors.closed("connection");
        }
    }

    private void checkResultSetKind(final int type, final int concurrency, final int holdability) throws SQLException
    {
        checkOpen();
        if (type != ResultSet.TYPE_FORWARD_ONLY)
        {
            throw SqlErrors.unsupported("scrollable result sets: use TYPE_FORWARD_ONLY");
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY)
        {
            throw AbstractResultSet.readOnly();
        }
        if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT && holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT)
        {
            throw new SQLException("unknown holdability " + holdability, "22023");
        }
    }

    private static SQLException savepoints()
    {
        return SqlErrors.unsupported("savepoints: the SQL engine has no SAVEPOINT; roll back the whole transaction");
    }
}
