package io.phantomdb.sql.jdbc;

import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlSession;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC statement over the connection's session.
 * <p>
 * A string with several statements ({@code "CREATE ...; INSERT ...; SELECT ..."}) is split by the SQL
 * lexer and runs statement by statement; each result (rows read into memory, or an update count) is kept
 * in order: the first is current after {@code execute}, as in H2, and {@link #getMoreResults()} moves to
 * the next, as in PostgreSQL's driver. A single statement's rows stream from the engine. Generated keys
 * are described in {@link GeneratedKeys}. {@link #setQueryTimeout(int)} becomes the session's statement
 * timeout (a statement over it fails with {@link java.sql.SQLTimeoutException}, SQLSTATE 57014) and
 * {@link #cancel()} cancels the session's running statement.
 * <p>
 * <b>Note:</b> one thread at a time; {@link #cancel()} from any thread.
 */
public class PhantomStatement implements Statement
{
    private final PhantomConnection connection;
    private final List<String> batch = new ArrayList<>();
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private AbstractResultSet resultSet;
    private long updateCount = -1;
    private ListResultSet generatedKeys;
    private String commandTag;
    private long maxRows;
    private int queryTimeout;
    private int fetchSize;
    private boolean closed;
    private boolean closeOnCompletion;
    private boolean poolable;
    private volatile boolean cancelled;

    PhantomStatement(final PhantomConnection connection)
    {
        this.connection = connection;
    }

    /**
     * @return PostgreSQL's command tag of the last statement run that returned no rows (for example
     * {@code INSERT 0 1}, {@code CREATE TABLE}), or null after a query.
     */
    public String commandTag()
    {
        return commandTag;
    }

    /**
     * @return the connection that created the statement.
     */
    PhantomConnection connection()
    {
        return connection;
    }

    /**
     * @param ex the SQL layer's error for this statement.
     * @return its JDBC translation; 57014 is a timeout when a query timeout is set and cancel() was not called.
     */
    SQLException translate(final SqlException ex)
    {
        return SqlErrors.translate(ex, queryTimeout > 0 && !cancelled);
    }

    /**
     * Starts an execution: closes the previous results and readies the session.
     *
     * @return the session.
     * @throws SQLException if the statement or connection is closed.
     */
    final SqlSession startExecution() throws SQLException
    {
        checkOpen();
        closeResults();
        cancelled = false;
        generatedKeys = null;
        commandTag = null;
        updateCount = -1;
        return connection.beforeStatement(queryTimeout * 1000L);
    }

    /**
     * Takes a statement's result as the current one.
     *
     * @param result the open result.
     * @param keys   whether its rows are generated keys (a rewritten INSERT/UPDATE/DELETE).
     * @return true if the current result is a result set.
     * @throws SQLException if reading the keys fails.
     */
    final boolean consume(final SqlResult result, final boolean keys) throws SQLException
    {
        try
        {
            if (!result.returnsRows())
            {
                updateCount = result.updateCount();
                commandTag = result.commandTag();
                result.close();
                return false;
            }
            if (keys)
            {
                generatedKeys = drain(result);
                updateCount = generatedKeys.size();
                commandTag = result.commandTag();
                result.close();
                return false;
            }
        }
        catch (final SqlException ex)
        {
            result.close();
            throw translate(ex);
        }
        final EngineResultSet rows = new EngineResultSet(this, result, maxRows);
        connection.setActive(rows);
        resultSet = rows;
        return true;
    }

    private ListResultSet drain(final SqlResult result)
    {
        final List<ResultColumn> columns = result.columns();
        final List<Object[]> rows = new ArrayList<>();
        while (result.next() && (maxRows == 0 || rows.size() < maxRows))
        {
            final Object[] row = new Object[columns.size()];
            for (int c = 0; c < row.length; c++)
            {
                final Object value = result.get(c);
                row[c] = value instanceof byte[] ? ((byte[])value).clone() : value;
            }
            rows.add(row);
        }
        return new ListResultSet(columns, rows, this);
    }

    private boolean executeText(final String sql, final String returning) throws SQLException
    {
        if (sql == null)
        {
            throw new SQLException("the SQL text is null", "22023");
        }
        synchronized (connection)
        {
            final SqlSession session = startExecution();
            try
            {
                final List<String> statements = sql.indexOf(';') < 0 ? List.of(sql) : session.split(sql);
                if (statements.isEmpty())
                {
                    updateCount = 0;
                    return false;
                }
                if (statements.size() > 1)
                {
                    return executeScript(session, statements);
                }
                final String text = statements.get(0);
                final String actual = returning == null ? text : GeneratedKeys.rewrite(text, returning);
                final SqlResult result;
                try
                {
                    result = session.execute(actual);
                }
                catch (final SqlException ex)
                {
                    throw actual.equals(text) ? translate(ex) : GeneratedKeys.failed(ex, text, this);
                }
                return consume(result, !actual.equals(text));
            }
            catch (final SqlException ex)
            {
                throw translate(ex);
            }
        }
    }

    private boolean executeScript(final SqlSession session, final List<String> statements) throws SQLException
    {
        for (final String text : statements)
        {
            try (SqlResult result = session.execute(text))
            {
                commandTag = result.commandTag();
                pending.add(result.returnsRows() ? drain(result) : (Object)result.updateCount());
            }
            catch (final SqlException ex)
            {
                pending.clear();
                throw translate(ex);
            }
        }
        return nextPending();
    }

    private boolean nextPending()
    {
        final Object next = pending.poll();
        resultSet = next instanceof AbstractResultSet ? (AbstractResultSet)next : null;
        updateCount = next instanceof Long ? (Long)next : -1;
        return resultSet != null;
    }

    /**
     * Closes the current and pending results.
     *
     * @throws SQLException if closing the current result set fails.
     */
    final void closeResults() throws SQLException
    {
        pending.clear();
        final AbstractResultSet open = resultSet;
        resultSet = null;
        if (open != null)
        {
            open.close();
        }
    }

    /**
     * Called when a result set of this statement closes, for {@link #closeOnCompletion()}.
     *
     * @param closedSet the set that closed.
     * @throws SQLException if closing the statement fails.
     */
    final void resultSetClosed(final AbstractResultSet closedSet) throws SQLException
    {
        if (closeOnCompletion && closedSet == resultSet && pending.isEmpty())
        {
            close();
        }
    }

    @Override
    public ResultSet executeQuery(final String sql) throws SQLException
    {
        execute(sql);
        return requireResultSet(sql);
    }

    /**
     * @param sql the statement's text, for the message.
     * @return the first result set among the results.
     * @throws SQLException if no result is a result set.
     */
    final ResultSet requireResultSet(final String sql) throws SQLException
    {
        while (resultSet == null)
        {
            if (pending.isEmpty())
            {
                throw new SQLException("the statement returned no result set: " + sql, SqlErrors.WRONG_RESULT_KIND);
            }
            nextPending();
        }
        return resultSet;
    }

    /**
     * @param sql the statement's text, for the message.
     * @return the update count of the current result.
     * @throws SQLException if the current result is a result set.
     */
    final long requireUpdateCount(final String sql) throws SQLException
    {
        if (resultSet != null)
        {
            closeResults();
            throw new SQLException("the statement returned a result set; use executeQuery or execute: " + sql,
                SqlErrors.WRONG_RESULT_KIND);
        }
        return updateCount;
    }

    @Override
    public int executeUpdate(final String sql) throws SQLException
    {
        return (int)Math.min(executeLargeUpdate(sql), Integer.MAX_VALUE);
    }

    @Override
    public long executeLargeUpdate(final String sql) throws SQLException
    {
        execute(sql);
        return requireUpdateCount(sql);
    }

    @Override
    public boolean execute(final String sql) throws SQLException
    {
        return executeText(sql, null);
    }

    @Override
    public void close() throws SQLException
    {
        synchronized (connection)
        {
            if (closed)
            {
                return;
            }
            closed = true;
            batch.clear();
            try
            {
                closeResults();
            }
            finally
            {
                connection.forget(this);
                onClose();
            }
        }
    }

    /**
     * Releases what a subclass holds; called once, when the statement closes.
     */
    void onClose()
    {
    }

    /**
     * Closes the statement as part of closing its connection.
     *
     * @throws SQLException if closing its result set fails.
     */
    void closeForConnection() throws SQLException
    {
        close();
    }

    @Override
    public int getMaxFieldSize() throws SQLException
    {
        checkOpen();
        return 0;
    }

    /**
     * Accepted; values are never truncated.
     *
     * @param max must not be negative.
     */
    @Override
    public void setMaxFieldSize(final int max) throws SQLException
    {
        checkOpen();
        if (max < 0)
        {
            throw new SQLException("max field size must be >= 0: " + max, "22023");
        }
    }

    @Override
    public int getMaxRows() throws SQLException
    {
        return (int)Math.min(getLargeMaxRows(), Integer.MAX_VALUE);
    }

    @Override
    public void setMaxRows(final int max) throws SQLException
    {
        setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException
    {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setLargeMaxRows(final long max) throws SQLException
    {
        checkOpen();
        if (max < 0)
        {
            throw new SQLException("max rows must be >= 0: " + max, "22023");
        }
        maxRows = max;
    }

    /**
     * Accepted; JDBC escape syntax ({@code {fn ...}}, {@code {d '...'}}) is not translated.
     *
     * @param enable ignored.
     */
    @Override
    public void setEscapeProcessing(final boolean enable) throws SQLException
    {
        checkOpen();
    }

    @Override
    public int getQueryTimeout() throws SQLException
    {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setQueryTimeout(final int seconds) throws SQLException
    {
        checkOpen();
        if (seconds < 0)
        {
            throw new SQLException("query timeout must be >= 0: " + seconds, "22023");
        }
        queryTimeout = seconds;
    }

    @Override
    public void cancel() throws SQLException
    {
        checkOpen();
        cancelled = true;
        connection.session().cancel();
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
    public void setCursorName(final String name) throws SQLException
    {
        throw SqlErrors.unsupported("named cursors (positioned UPDATE/DELETE)");
    }

    @Override
    public ResultSet getResultSet() throws SQLException
    {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException
    {
        return (int)Math.min(getLargeUpdateCount(), Integer.MAX_VALUE);
    }

    @Override
    public long getLargeUpdateCount() throws SQLException
    {
        checkOpen();
        return resultSet == null ? updateCount : -1;
    }

    @Override
    public boolean getMoreResults() throws SQLException
    {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(final int current) throws SQLException
    {
        checkOpen();
        if (current != KEEP_CURRENT_RESULT && resultSet != null)
        {
            resultSet.close();
        }
        return nextPending();
    }

    @Override
    public void setFetchDirection(final int direction) throws SQLException
    {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD)
        {
            throw SqlErrors.unsupported("fetch direction " + direction + ": result sets are forward-only");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException
    {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    /**
     * Accepted and remembered; rows stream from the engine one at a time whatever the size.
     *
     * @param rows must not be negative.
     */
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
    public int getResultSetConcurrency() throws SQLException
    {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException
    {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public void addBatch(final String sql) throws SQLException
    {
        checkOpen();
        if (sql == null)
        {
            throw new SQLException("the SQL text is null", "22023");
        }
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException
    {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException
    {
        final long[] counts = executeLargeBatch();
        final int[] result = new int[counts.length];
        for (int i = 0; i < counts.length; i++)
        {
            result[i] = (int)Math.min(counts[i], Integer.MAX_VALUE);
        }
        return result;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException
    {
        synchronized (connection)
        {
            final SqlSession session = startExecution();
            final long[] counts = new long[batch.size()];
            try
            {
                for (int i = 0; i < counts.length; i++)
                {
                    try (SqlResult result = session.execute(batch.get(i)))
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

    /**
     * @param result the result of batch entry {@code index}.
     * @param index  the entry.
     * @param counts the counts so far.
     * @return its update count.
     * @throws BatchUpdateException if the entry returned rows.
     */
    static long batchCount(final SqlResult result, final int index, final long[] counts) throws BatchUpdateException
    {
        if (result.returnsRows())
        {
            throw batchFailure(new SQLException("batch entry " + (index + 1) + " returned a result set; a batch takes " +
                "only statements that return update counts", SqlErrors.WRONG_RESULT_KIND), index, counts);
        }
        return result.updateCount();
    }

    /**
     * @param cause  why entry {@code index} failed.
     * @param index  the failed entry.
     * @param counts the counts of the entries before it.
     * @return the batch error, with the counts of the entries that ran.
     */
    static BatchUpdateException batchFailure(final SQLException cause, final int index, final long[] counts)
    {
        final long[] done = java.util.Arrays.copyOf(counts, index);
        return new BatchUpdateException("batch entry " + (index + 1) + " failed: " + cause.getMessage(),
            cause.getSQLState(), 0, done, cause);
    }

    @Override
    public Connection getConnection() throws SQLException
    {
        checkOpen();
        return connection;
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException
    {
        checkOpen();
        final ListResultSet keys = generatedKeys;
        generatedKeys = null;
        return keys != null ? keys : new ListResultSet(List.of(), List.of(), this);
    }

    @Override
    public int executeUpdate(final String sql, final int autoGeneratedKeys) throws SQLException
    {
        return (int)Math.min(executeLargeUpdate(sql, autoGeneratedKeys), Integer.MAX_VALUE);
    }

    @Override
    public int executeUpdate(final String sql, final int[] columnIndexes) throws SQLException
    {
        throw GeneratedKeys.byIndexUnsupported();
    }

    @Override
    public int executeUpdate(final String sql, final String[] columnNames) throws SQLException
    {
        return (int)Math.min(executeLargeUpdate(sql, columnNames), Integer.MAX_VALUE);
    }

    @Override
    public boolean execute(final String sql, final int autoGeneratedKeys) throws SQLException
    {
        return executeText(sql, keysFlag(autoGeneratedKeys) ? GeneratedKeys.ALL_COLUMNS : null);
    }

    @Override
    public boolean execute(final String sql, final int[] columnIndexes) throws SQLException
    {
        throw GeneratedKeys.byIndexUnsupported();
    }

    @Override
    public boolean execute(final String sql, final String[] columnNames) throws SQLException
    {
        return executeText(sql, GeneratedKeys.columns(columnNames));
    }

    @Override
    public long executeLargeUpdate(final String sql, final int autoGeneratedKeys) throws SQLException
    {
        execute(sql, autoGeneratedKeys);
        return requireUpdateCount(sql);
    }

    @Override
    public long executeLargeUpdate(final String sql, final int[] columnIndexes) throws SQLException
    {
        throw GeneratedKeys.byIndexUnsupported();
    }

    @Override
    public long executeLargeUpdate(final String sql, final String[] columnNames) throws SQLException
    {
        execute(sql, columnNames);
        return requireUpdateCount(sql);
    }

    private static boolean keysFlag(final int autoGeneratedKeys) throws SQLException
    {
        if (autoGeneratedKeys != RETURN_GENERATED_KEYS && autoGeneratedKeys != NO_GENERATED_KEYS)
        {
            throw new SQLException("autoGeneratedKeys must be RETURN_GENERATED_KEYS or NO_GENERATED_KEYS: " +
                autoGeneratedKeys, "22023");
        }
        return autoGeneratedKeys == RETURN_GENERATED_KEYS;
    }

    @Override
    public int getResultSetHoldability() throws SQLException
    {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public boolean isClosed()
    {
        return closed || connection.isClosed();
    }

    @Override
    public void setPoolable(final boolean poolable) throws SQLException
    {
        checkOpen();
        this.poolable = poolable;
    }

    @Override
    public boolean isPoolable() throws SQLException
    {
        checkOpen();
        return poolable;
    }

    @Override
    public void closeOnCompletion() throws SQLException
    {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException
    {
        checkOpen();
        return closeOnCompletion;
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

    /**
     * @throws SQLException if the statement or its connection is closed.
     */
    final void checkOpen() throws SQLException
    {
        if (isClosed())
        {
            throw SqlErrors.closed("statement");
        }
    }
}
