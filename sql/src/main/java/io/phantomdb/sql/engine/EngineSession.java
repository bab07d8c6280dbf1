package io.phantomdb.sql.engine;

import io.phantomdb.core.catalog.Catalog;
import io.phantomdb.core.table.Tx;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.sql.PreparedSql;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlSession;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.exec.ExecContext;
import io.phantomdb.sql.func.FunctionRegistry;
import io.phantomdb.sql.parse.SqlParser;
import io.phantomdb.sql.plan.SchemaView;
import io.phantomdb.sql.plan.SqlSchema;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A session: its transaction (autocommit per statement, or explicit after BEGIN or with autocommit off),
 * isolation level, settings, statement timeout and cancel flag, and its plan cache keyed by SQL text
 * (entries are replanned when core's catalog version or the SQL layer's schema version changed).
 * <p>
 * A failed statement in an explicit transaction is undone (statement-level atomicity) and the transaction
 * stays usable; in autocommit its transaction is rolled back.
 * <p>
 * <b>Note:</b> not thread safe: one thread at a time, except {@link #cancel()}.
 */
final class EngineSession implements SqlSession
{
    private static final int PLAN_CACHE_LIMIT = 1024;
    private static final String ACTIVE_SQL_TRANSACTION = "25001";
    private static final Object[] NO_PARAMETERS = new Object[0];

    private final EngineDatabase db;
    private final ExecContext ctx = new ExecContext();
    private final Map<String, PreparedStatementImpl> cache = new HashMap<>();
    private final SessionClock clock = new SessionClock();
    private final FunctionRegistry functions = new FunctionRegistry(clock);
    private final Settings settings = new Settings();
    private final UndoLog undo = new UndoLog();
    private Tx tx;
    private boolean explicit;
    private boolean txWrote;
    private boolean txDdl;
    private SqlSchema localSchema;
    private IsolationLevel isolation = IsolationLevel.REPEATABLE_READ;
    private IsolationLevel transactionIsolation;
    private boolean autoCommit = true;
    private long timeoutMillis;
    private QueryResult openResult;
    private boolean closed;

    EngineSession(final EngineDatabase db)
    {
        this.db = db;
    }

    @Override
    public PreparedSql prepare(final String sql)
    {
        checkOpen();
        closeOpenResult();
        return new PreparedStatementImpl(this, sql, cached(sql).command);
    }

    @Override
    public SqlResult execute(final String sql)
    {
        checkOpen();
        closeOpenResult();
        return run(cached(sql), NO_PARAMETERS);
    }

    /**
     * The plan cache entry of a SQL text, planned now when absent or planned against an older catalog. Prepared
     * statements of the same text share its command: only one statement of a session runs at a time.
     */
    private PreparedStatementImpl cached(final String sql)
    {
        final PreparedStatementImpl cached = cache.get(sql);
        if (null != cached && !txDdl && cached.command.sqlVersion == db.sqlVersion() &&
            cached.command.catalogVersion == (null == tx ? db.engine().catalog().version() : tx.catalog().version()))
        {
            return cached;
        }
        final PreparedStatementImpl planned = new PreparedStatementImpl(this, sql, planOutsideStatement(sql));
        if (cache.size() >= PLAN_CACHE_LIMIT)
        {
            cache.clear();
        }
        cache.put(sql, planned);
        return planned;
    }

    @Override
    public List<String> split(final String script)
    {
        try
        {
            return SqlParser.split(script);
        }
        catch (final RuntimeException ex)
        {
            throw SqlErrors.translate(ex);
        }
    }

    @Override
    public boolean autoCommit()
    {
        return autoCommit;
    }

    @Override
    public void setAutoCommit(final boolean autoCommit)
    {
        checkOpen();
        if (autoCommit && !this.autoCommit)
        {
            this.autoCommit = true;
            commit();
            return;
        }
        this.autoCommit = autoCommit;
    }

    @Override
    public boolean inTransaction()
    {
        return null != tx || explicit;
    }

    @Override
    public void commit()
    {
        checkOpen();
        closeOpenResult();
        explicit = false;
        transactionIsolation = null;
        if (null == tx)
        {
            return;
        }
        final Tx finishing = tx;
        final boolean ddl = txDdl;
        endTransaction();
        try
        {
            finishing.commit();
        }
        catch (final RuntimeException ex)
        {
            throw SqlErrors.translate(ex);
        }
        finally
        {
            if (ddl)
            {
                db.reloadSqlSchema();
            }
        }
    }

    @Override
    public void rollback()
    {
        checkOpen();
        closeOpenResult();
        explicit = false;
        transactionIsolation = null;
        if (null == tx)
        {
            return;
        }
        final Tx finishing = tx;
        endTransaction();
        try
        {
            finishing.close();
        }
        catch (final RuntimeException ex)
        {
            throw SqlErrors.translate(ex);
        }
    }

    @Override
    public IsolationLevel isolation()
    {
        return isolation;
    }

    @Override
    public void setIsolation(final IsolationLevel level)
    {
        this.isolation = level;
        if (null == tx)
        {
            transactionIsolation = null;
        }
    }

    @Override
    public void setStatementTimeout(final long millis)
    {
        if (millis < 0)
        {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "statement timeout must be >= 0: " + millis);
        }
        this.timeoutMillis = millis;
    }

    @Override
    public void pinContext(final LocalDateTime timestamp, final long randomSeed)
    {
        clock.pin(timestamp, randomSeed);
    }

    @Override
    public void cancel()
    {
        ctx.cancel();
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        try
        {
            closeQuietly();
        }
        finally
        {
            db.sessionClosed(this);
        }
    }

    void closeQuietly()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        cache.clear();
        if (null != tx)
        {
            final Tx finishing = tx;
            endTransaction();
            try
            {
                finishing.close();
            }
            catch (final RuntimeException ignored)
            {
                // the engine may already be closed; nothing is left to release
            }
        }
    }

    SqlResult run(final PreparedStatementImpl prepared, final Object[] parameters)
    {
        checkOpen();
        closeOpenResult();
        Command command = prepared.command;
        try
        {
            clock.startStatement();
            if (command.needsTransaction())
            {
                beginIfNeeded();
                command = current(prepared);
            }
            final Object[] values = command.parameters.count() == 0 ? NO_PARAMETERS : prepared.parameterValues;
            command.parameters.coerce(parameters, values);
            ctx.reset(tx, values, timeoutMillis);
            undo.clear();
            final SqlResult result = command.execute(this, ctx);
            if (result instanceof QueryResult && ((QueryResult)result).isOpen())
            {
                openResult = (QueryResult)result;
                return result;
            }
            statementSucceeded();
            return result;
        }
        catch (final Throwable t)
        {
            final SqlException error = SqlErrors.translate(t);
            statementFailed();
            throw error;
        }
    }

    void statementFinished(final QueryResult result, final boolean success)
    {
        if (openResult == result)
        {
            openResult = null;
        }
        if (success)
        {
            statementSucceeded();
        }
        else
        {
            statementFailed();
        }
    }

    private void statementSucceeded()
    {
        if (null == tx || explicit || !autoCommit)
        {
            return;
        }
        final Tx finishing = tx;
        final boolean wrote = txWrote;
        final boolean ddl = txDdl;
        endTransaction();
        try
        {
            if (wrote)
            {
                finishing.commit();
            }
            else
            {
                finishing.close();
            }
        }
        catch (final RuntimeException ex)
        {
            throw SqlErrors.translate(ex);
        }
        finally
        {
            if (ddl)
            {
                db.reloadSqlSchema();
            }
        }
    }

    private void statementFailed()
    {
        if (null == tx)
        {
            return;
        }
        if (explicit || !autoCommit)
        {
            try
            {
                undo.undo(tx);
            }
            catch (final RuntimeException ex)
            {
                final Tx failed = tx;
                endTransaction();
                explicit = false;
                failed.close();
                throw new SqlException(SqlState.INTERNAL_ERROR, "could not undo the failed statement; the " +
                    "transaction was rolled back: " + ex.getMessage(), 0, ex);
            }
            return;
        }
        final Tx failed = tx;
        endTransaction();
        try
        {
            failed.close();
        }
        catch (final RuntimeException ignored)
        {
            // the transaction is already finished (a failed commit); nothing to release
        }
    }

    private void beginIfNeeded()
    {
        if (null != tx)
        {
            return;
        }
        tx = db.engine().begin(null == transactionIsolation ? isolation : transactionIsolation);
        clock.startTransaction();
        txWrote = false;
        txDdl = false;
        localSchema = null;
    }

    private void endTransaction()
    {
        tx = null;
        txWrote = false;
        txDdl = false;
        localSchema = null;
        undo.clear();
    }

    private Command current(final PreparedStatementImpl prepared)
    {
        final Command command = prepared.command;
        final long catalogVersion = tx.catalog().version();
        final long sqlVersion = db.sqlVersion();
        if (!txDdl && command.catalogVersion == catalogVersion && command.sqlVersion == sqlVersion)
        {
            return command;
        }
        final Command fresh = StatementPlanner.plan(this, prepared.sql());
        if (!txDdl)
        {
            fresh.catalogVersion = catalogVersion;
            fresh.sqlVersion = sqlVersion;
        }
        if (fresh.parameters.count() == command.parameters.count())
        {
            prepared.command = fresh;
        }
        return fresh;
    }

    private Command planOutsideStatement(final String sql)
    {
        final boolean temporary = null == tx;
        final long sqlVersion = db.sqlVersion();
        try
        {
            if (temporary)
            {
                tx = db.engine().begin(isolation);
            }
            final Command command = StatementPlanner.plan(this, sql);
            if (!txDdl)
            {
                command.catalogVersion = tx.catalog().version();
                command.sqlVersion = sqlVersion;
            }
            return command;
        }
        catch (final RuntimeException ex)
        {
            throw SqlErrors.translate(ex);
        }
        finally
        {
            if (temporary && null != tx)
            {
                final Tx planning = tx;
                tx = null;
                planning.close();
            }
        }
    }

    private void closeOpenResult()
    {
        if (null != openResult)
        {
            openResult.close();
        }
    }

    private void checkOpen()
    {
        db.checkOpen();
        if (closed)
        {
            throw new SqlException("08003", "the session is closed");
        }
        db.checkOpen();
    }

    Tx tx()
    {
        return tx;
    }

    EngineDatabase database()
    {
        return db;
    }

    FunctionRegistry functions()
    {
        return functions;
    }

    Settings settings()
    {
        return settings;
    }

    UndoLog undo()
    {
        return undo;
    }

    SchemaView schemaView()
    {
        final Catalog catalog = null == tx ? db.engine().catalog() : tx.catalog();
        return db.schemaView(catalog, null == localSchema ? db.sqlSchema() : localSchema);
    }

    boolean recordsUndo()
    {
        return explicit || !autoCommit;
    }

    void markWrite()
    {
        txWrote = true;
    }

    void markDdl(final boolean sqlSchemaChanged)
    {
        txWrote = true;
        txDdl = true;
        if (sqlSchemaChanged || null != localSchema)
        {
            localSchema = MetaStore.load(tx);
        }
    }

    void begin(final IsolationLevel level)
    {
        if (!explicit)
        {
            explicit = true;
        }
        if (null != level)
        {
            transactionIsolation = level;
        }
    }

    void setTransactionIsolation(final IsolationLevel level, final boolean sessionDefault)
    {
        if (sessionDefault)
        {
            isolation = level;
            return;
        }
        if (null != tx)
        {
            throw new SqlException(ACTIVE_SQL_TRANSACTION, "SET TRANSACTION ISOLATION LEVEL must be called before any query");
        }
        transactionIsolation = level;
    }

    IsolationLevel effectiveIsolation()
    {
        if (null != tx)
        {
            return tx.isolation();
        }
        return null == transactionIsolation ? isolation : transactionIsolation;
    }

    void setTimeoutFromSetting(final long millis)
    {
        setStatementTimeout(millis);
    }
}
