package io.phantomdb.replication.sql;

import io.phantomdb.ClosedException;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.replication.ClusterClient;
import io.phantomdb.replication.ClusterResponse;
import io.phantomdb.replication.ReplicationTimeoutException;
import io.phantomdb.sql.PreparedSql;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlSession;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.parse.SqlParser;
import org.agrona.ExpandableArrayBuffer;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.phantomdb.replication.MessageDescriptor.*;

/**
 * A SQL session on a cluster member. Statements run on the member's copy of the data in a local transaction that is
 * never committed locally; each statement's text, parameters and result digest are recorded. A transaction that
 * changed something is sent through the Raft log at COMMIT (or at once for an autocommit statement) and every member
 * runs it again in log order ({@link SqlReplica}); it commits if every result is the one the client saw, else every
 * member aborts it and the session reports 40001 (an autocommit statement is retried transparently, up to
 * {@link #AUTOCOMMIT_ATTEMPTS} times, after this member caught up; an autocommit statement that failed on this member
 * with an undefined object or an integrity error is retried once after a read barrier, since the member may only be
 * behind). Read-only transactions and autocommit queries
 * never touch the log: they read this member's copy once it caught up as the session's {@link ReadConsistency} asks
 * (by default every commit acknowledged to this member's sessions: read-your-writes, monotonic reads per member).
 * <p>
 * Every transaction is effectively SERIALIZABLE whatever level is set: its effects equal a serial run in log order.
 * SET and SHOW affect this session only; the cluster runs statements with default settings.
 * <p>
 * <b>Note:</b> not thread safe: one thread at a time, except {@link #cancel()}.
 */
final class ReplicatedSqlSession implements SqlSession
{
    static final int AUTOCOMMIT_ATTEMPTS = 20;
    private static final int KIND_CACHE_LIMIT = 1024;
    private static final Object[] NO_PARAMETERS = new Object[0];

    private final ReplicatedSqlDatabase database;
    private final SqlSession local;
    private final SqlSession reader;
    private final Map<String, StatementKind> kinds = new HashMap<>();
    private final List<RecordedStatement> recorded = new ArrayList<>();
    private final ExpandableArrayBuffer message = new ExpandableArrayBuffer(1024);
    private boolean autoCommit = true;
    private boolean explicit;
    private boolean started;
    private boolean wrote;
    private LocalDateTime timestamp;
    private long seed;
    private long lastCommitPosition;
    private IsolationLevel isolation = IsolationLevel.REPEATABLE_READ;
    private ReadConsistency consistency;
    private boolean closed;

    ReplicatedSqlSession(final ReplicatedSqlDatabase database, final SqlSession local, final SqlSession reader)
    {
        this.database = database;
        this.local = local;
        this.reader = reader;
        this.consistency = database.readConsistency();
        local.setAutoCommit(false);
    }

    @Override
    public PreparedSql prepare(final String sql)
    {
        checkOpen();
        return new ReplicatedPreparedSql(this, sql, kind(sql), local.prepare(sql));
    }

    @Override
    public SqlResult execute(final String sql)
    {
        checkOpen();
        return run(sql, NO_PARAMETERS, kind(sql));
    }

    SqlResult run(final String sql, final Object[] parameters, final StatementKind kind)
    {
        checkOpen();
        switch (kind)
        {
            case BEGIN:
                explicit = true;
                return BufferedResult.command("BEGIN");
            case COMMIT:
                commit();
                return BufferedResult.command("COMMIT");
            case ROLLBACK:
                rollback();
                return BufferedResult.command("ROLLBACK");
            case SESSION:
                return sessionStatement(sql, parameters);
            default:
                break;
        }
        final boolean inTransaction = explicit || !autoCommit;
        if (!inTransaction && (StatementKind.READ == kind || StatementKind.EXPLAIN_READ == kind))
        {
            awaitReadable();
            try
            {
                return execute(reader, sql, parameters);
            }
            catch (final SqlException ex)
            {
                if (!maybeBehind(ex))
                {
                    throw ex;
                }
                catchUp();
                return execute(reader, sql, parameters);
            }
        }
        if (!inTransaction)
        {
            return autoCommitChange(sql, parameters, kind);
        }
        startIfNeeded();
        if (StatementKind.EXPLAIN_READ == kind)
        {
            return execute(local, sql, parameters);
        }
        if (StatementKind.READ != kind)
        {
            wrote = true;
        }
        return record(sql, parameters, kind);
    }

    private SqlResult autoCommitChange(final String sql, final Object[] parameters, final StatementKind kind)
    {
        for (int attempt = 1; ; attempt++)
        {
            startIfNeeded();
            wrote = true;
            final BufferedResult result;
            try
            {
                result = record(sql, parameters, kind);
            }
            catch (final SqlException ex)
            {
                abandon();
                if (1 == attempt && maybeBehind(ex))
                {
                    catchUp();
                    continue;
                }
                throw ex;
            }
            final ClusterResponse response = replicate();
            if (STATUS_CONFLICT != response.status() || attempt >= AUTOCOMMIT_ATTEMPTS)
            {
                check(response);
                return result;
            }
            database.awaitApplied(response.position());
        }
    }

    private BufferedResult record(final String sql, final Object[] parameters, final StatementKind kind)
    {
        final Object[] values = 0 == parameters.length ? NO_PARAMETERS : parameters.clone();
        try
        {
            final BufferedResult result = BufferedResult.of(execute(local, sql, values));
            recorded.add(new RecordedStatement(sql, values, kind.validated(), result.digest()));
            return result;
        }
        catch (final SqlException ex)
        {
            recorded.add(new RecordedStatement(sql, values, kind.validated(), ResultDigest.error(ex.sqlState())));
            throw ex;
        }
    }

    private SqlResult sessionStatement(final String sql, final Object[] parameters)
    {
        final Statement statement = SqlParser.parse(sql);
        if (statement instanceof Statement.SetVariable set && ReadConsistency.SETTING.equalsIgnoreCase(set.name()))
        {
            try
            {
                consistency = set.values().isEmpty() ? database.readConsistency() :
                    ReadConsistency.parse(String.join(",", set.values()));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, ex.getMessage(), set.position());
            }
            return BufferedResult.command("SET");
        }
        if (statement instanceof Statement.Show show && ReadConsistency.SETTING.equalsIgnoreCase(show.name()))
        {
            return BufferedResult.value(ReadConsistency.SETTING, consistency.name().toLowerCase(Locale.ROOT));
        }
        final SqlResult result = execute(local, sql, parameters);
        if (!result.returnsRows())
        {
            execute(reader, sql, parameters).close();
        }
        return result;
    }

    private static SqlResult execute(final SqlSession session, final String sql, final Object[] parameters)
    {
        if (0 == parameters.length)
        {
            return session.execute(sql);
        }
        return session.prepare(sql).execute(parameters);
    }

    private void startIfNeeded()
    {
        if (started)
        {
            return;
        }
        awaitReadable();
        timestamp = LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
        seed = ThreadLocalRandom.current().nextLong();
        local.pinContext(timestamp, seed);
        recorded.clear();
        wrote = false;
        started = true;
    }

    /**
     * An autocommit statement that failed on this member's copy because of something another member committed and this
     * one has not applied yet (a table created, a row deleted elsewhere) would succeed after catching up: an undefined
     * object (class 42, not a syntax error) or an integrity error (class 23), under {@link ReadConsistency#MEMBER}.
     */
    private boolean maybeBehind(final SqlException ex)
    {
        final String state = ex.sqlState();
        return ReadConsistency.MEMBER == consistency && null != state &&
            ((state.startsWith("42") && !SqlState.SYNTAX_ERROR.equals(state)) || state.startsWith("23"));
    }

    private void catchUp()
    {
        database.awaitApplied(barrier());
    }

    private long barrier()
    {
        try
        {
            return database.client().barrier();
        }
        catch (final ReplicationTimeoutException ex)
        {
            throw new SqlException("58000", "no read barrier from the cluster: " + ex.getMessage(), 0, ex);
        }
    }

    private void awaitReadable()
    {
        long position = Math.max(lastCommitPosition, database.acknowledgedPosition());
        if (ReadConsistency.LINEARIZABLE == consistency)
        {
            position = Math.max(position, barrier());
        }
        database.awaitApplied(position);
    }

    /**
     * Send the recorded transaction through the log and wait for the cluster's answer; the local transaction ends.
     */
    private ClusterResponse replicate()
    {
        final int length = SqlMessage.encode(message, timestamp, seed, recorded);
        final int statements = recorded.size();
        abandon();
        if (length > ClusterClient.MAX_REQUEST_LENGTH)
        {
            throw new SqlException("54000", "the transaction is too large to replicate: its " + statements +
                " statements and their parameters take " + length + " bytes, one log entry holds at most " +
                ClusterClient.MAX_REQUEST_LENGTH + "; it was rolled back, commit it in smaller transactions");
        }
        final ClusterResponse response;
        try
        {
            response = database.client().call(message, length);
        }
        catch (final ReplicationTimeoutException ex)
        {
            throw new SqlException("40003", "no answer from the cluster: the transaction may or may not have " +
                "committed (" + ex.getMessage() + ")", 0, ex);
        }
        catch (final ClosedException ex)
        {
            throw new SqlException("08006", "the cluster client is closed: " + ex.getMessage(), 0, ex);
        }
        if (STATUS_COMMITTED == response.status())
        {
            lastCommitPosition = Math.max(lastCommitPosition, response.position());
            database.acknowledged(response.position());
        }
        return response;
    }

    private static void check(final ClusterResponse response)
    {
        switch (response.status())
        {
            case STATUS_COMMITTED:
                return;
            case STATUS_CONFLICT:
                throw new SqlException(SqlState.SERIALIZATION_FAILURE, "could not serialize access: statement " +
                    (SqlMessage.conflictIndex(response.message()) + 1) + " of the transaction saw different data " +
                    "than the cluster had at log position " + response.position() + "; retry the transaction");
            case STATUS_DUPLICATE_UNKNOWN:
                throw new SqlException("40003", "the cluster applied this transaction before but no longer " +
                    "remembers its outcome");
            default:
                throw new SqlException(SqlState.INTERNAL_ERROR, "the cluster refused the transaction: " +
                    SqlMessage.rejectReason(response.message()));
        }
    }

    /**
     * End the local transaction and forget what was recorded.
     */
    private void abandon()
    {
        started = false;
        wrote = false;
        recorded.clear();
        local.rollback();
    }

    private StatementKind kind(final String sql)
    {
        StatementKind kind = kinds.get(sql);
        if (null == kind)
        {
            kind = StatementKind.of(sql);
            if (kinds.size() >= KIND_CACHE_LIMIT)
            {
                kinds.clear();
            }
            kinds.put(sql, kind);
        }
        return kind;
    }

    @Override
    public List<String> split(final String script)
    {
        return local.split(script);
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
        return explicit || started;
    }

    /**
     * Commit: a transaction that changed nothing ends locally; one that did is sent through the log and is
     * committed once the cluster committed it (a majority), or fails with 40001 if the cluster saw different data
     * (after this member caught up with that data, so a retry reads it).
     */
    @Override
    public void commit()
    {
        checkOpen();
        explicit = false;
        if (!started)
        {
            return;
        }
        if (!wrote)
        {
            abandon();
            return;
        }
        final ClusterResponse response = replicate();
        if (STATUS_CONFLICT == response.status())
        {
            database.awaitApplied(response.position());
        }
        check(response);
    }

    @Override
    public void rollback()
    {
        checkOpen();
        explicit = false;
        if (started)
        {
            abandon();
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
        isolation = level;
        local.setIsolation(level);
        reader.setIsolation(level);
    }

    @Override
    public void setStatementTimeout(final long millis)
    {
        local.setStatementTimeout(millis);
        reader.setStatementTimeout(millis);
    }

    @Override
    public void pinContext(final LocalDateTime timestamp, final long randomSeed)
    {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "a replicated session pins its own context");
    }

    @Override
    public void cancel()
    {
        local.cancel();
        reader.cancel();
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            local.close();
        }
        finally
        {
            reader.close();
            database.sessionClosed(this);
        }
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw new SqlException("08003", "the session is closed");
        }
    }
}
